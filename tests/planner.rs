//! The planner: resolution through planned copies and creates, quotas in plan order,
//! operations (order, batching, defaults, references), and fixes that resolve their finding.

mod common;

use common::{catalog, check, codes, launch, plan};
use ecs_image_planner::core::fix::Fix;
use ecs_image_planner::core::matrix::matrix;
use ecs_image_planner::core::param::Param;
use ecs_image_planner::core::planner;
use ecs_image_planner::core::{Report, Severity};
use serde_json::json;

fn param<'a>(report: &'a Report, id: &str, key: &str) -> &'a Param {
    let op = report
        .operations
        .iter()
        .find(|op| op.id == id)
        .unwrap_or_else(|| panic!("no operation {id}"));
    op.params
        .get(key)
        .unwrap_or_else(|| panic!("{id} has no {key}"))
}

#[test]
fn a_launch_elsewhere_uses_the_planned_copy() {
    let report = check(&plan(
        r#""copies": [{"image": "m-custom", "to_region": "cn-beijing", "name": "bj"}],
           "launches": [{"region": "cn-beijing", "instance_type": "ecs.g7.large", "image": "m-custom"},
                        {"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "m-custom"}]"#,
    ));
    assert!(report.ok, "{:#?}", report.findings);
    assert_eq!(
        *param(&report, "launch-0", "ImageId"),
        Param::output("copy-0", "ImageId")
    );
    assert_eq!(param(&report, "launch-1", "ImageId"), "m-custom");
    assert_eq!(param(&report, "copy-0", "RegionId"), "cn-hangzhou");
    assert_eq!(
        param(&report, "copy-0", "DestinationRegionId"),
        "cn-beijing"
    );
    assert_eq!(param(&report, "copy-0", "DestinationImageName"), "bj");
}

#[test]
fn a_copy_keeps_the_source_attributes_and_takes_its_encryption() {
    // The copy of an arm64 image is still arm64: launching it on x86 is an arch mismatch.
    let report = check(&plan(
        r#""images": [{"id": "m-arm", "arch": "arm64", "boot_mode": "UEFI", "nvme": "supported", "regions": ["cn-hangzhou"]}],
           "copies": [{"image": "m-arm", "to_region": "ap-southeast-1", "encrypted": true}],
           "shares": [{"image": "m-arm", "region": "ap-southeast-1", "accounts": ["2000000000000002"]}],
           "launches": [{"region": "ap-southeast-1", "instance_type": "ecs.g7.large", "image": "m-arm"}]"#,
    ));
    // Encrypted without a KMS key uses the service key, which cannot be shared; the NVMe flag
    // is the one attribute CopyImage does not carry over.
    assert_eq!(
        codes(&report),
        [
            "copy-features-not-carried",
            "share-encrypted-service-key",
            "arch-mismatch"
        ]
    );
    assert_eq!(
        *param(&report, "share-0-0", "ImageId"),
        Param::output("copy-0", "ImageId")
    );
    assert_eq!(*param(&report, "copy-0", "Encrypted"), true);
}

#[test]
fn created_images_live_in_their_region_and_are_referenced_by_call() {
    let report = check(&plan(
        r#""creates": [{"image": {"id": "golden", "name": "golden-1", "regions": ["cn-shanghai"], "size_gib": 50}, "from": "snapshot", "source": "s-7"}],
           "copies": [{"image": "golden", "to_region": "cn-beijing"}],
           "launches": [{"region": "cn-shanghai", "instance_type": "ecs.g7.large", "image": "golden"},
                        {"region": "cn-beijing", "instance_type": "ecs.g7.large", "image": "golden"},
                        {"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "golden"}]"#,
    ));
    assert_eq!(codes(&report), ["image-region-mismatch"]);
    assert_eq!(report.findings[0].path, "/launches/2/image");
    assert_eq!(param(&report, "create-0", "SnapshotId"), "s-7");
    assert_eq!(param(&report, "create-0", "RegionId"), "cn-shanghai");
    assert_eq!(
        *param(&report, "copy-0", "ImageId"),
        Param::output("create-0", "ImageId")
    );
    assert_eq!(param(&report, "copy-0", "RegionId"), "cn-shanghai");
    assert_eq!(
        *param(&report, "launch-0", "ImageId"),
        Param::output("create-0", "ImageId")
    );
    assert_eq!(
        *param(&report, "launch-1", "ImageId"),
        Param::output("copy-0", "ImageId")
    );
    // SystemDisk.Size defaults to max(40, image size).
    assert_eq!(
        *param(&report, "launch-0", "SystemDisk.Size"),
        Param::Number(50)
    );
}

#[test]
fn public_images_are_everywhere_and_marketplace_only_where_released() {
    let report = check(&plan(&launch(
        "ap-southeast-1",
        "ecs.g7.large",
        "pub-x64",
        "",
    )));
    assert!(report.ok);
    let report = check(&plan(&launch(
        "ap-southeast-1",
        "ecs.g7.large",
        "comm-1",
        "",
    )));
    assert!(codes(&report).contains(&"image-not-released-in-region"));
}

#[test]
fn as_of_falls_back_to_today() {
    let body = launch("cn-hangzhou", "ecs.g7.large", "pub-eol", "");
    let early = "2024-01-01".parse().unwrap();
    let report = planner::check(&plan(&body), &catalog(), early);
    assert!(!codes(&report).contains(&"image-eol"));
    let report = planner::check(&plan(&body), &catalog(), common::today());
    assert!(codes(&report).contains(&"image-eol"));
    let with_as_of = format!(r#""as_of": "2024-01-01", {body}"#);
    let report = planner::check(&plan(&with_as_of), &catalog(), common::today());
    assert!(!codes(&report).contains(&"image-eol"));
}

#[test]
fn quota_counts_creates_then_copies_in_plan_order() {
    let report = check(&plan(
        r#""quotas": {"custom_images_per_region": 10},
           "custom_image_usage": {"cn-beijing": 8, "cn-hangzhou": 9},
           "creates": [{"image": {"id": "a", "regions": ["cn-beijing"]}, "from": "instance", "source": "i-1"},
                       {"image": {"id": "b", "regions": ["cn-hangzhou"]}, "from": "instance", "source": "i-2"}],
           "copies": [{"image": "m-custom", "to_region": "cn-beijing"},
                      {"image": "m-custom", "to_region": "cn-shanghai"},
                      {"image": "m-mkt", "to_region": "cn-beijing"}]"#,
    ));
    let quota: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == "custom-image-quota")
        .map(|f| f.path.as_str())
        .collect();
    // cn-beijing: 8 + create a = 9, + copy 0 = 10 (at the quota), + copy 2 = 11: over.
    assert_eq!(quota, ["/copies/2"]);
    let saturated = check(&plan(
        r#""custom_image_usage": {"cn-beijing": 4294967295},
           "copies": [{"image": "m-custom", "to_region": "cn-beijing"}]"#,
    ));
    assert!(codes(&saturated).contains(&"custom-image-quota"));
    let message = &report
        .findings
        .iter()
        .find(|f| f.code == "custom-image-quota")
        .unwrap()
        .message;
    assert!(
        message.contains("cn-beijing") && message.contains("11") && message.contains("10"),
        "{message}"
    );
}

#[test]
fn findings_come_in_plan_order() {
    let report = check(&plan(
        r#""custom_image_usage": {"nowhere": 1},
           "creates": [{"image": {"id": "n", "name": "1bad", "regions": ["cn-hangzhou"]}, "from": "instance", "source": "i-1"}],
           "copies": [{"image": "pub-x64", "to_region": "cn-beijing"}],
           "shares": [{"image": "pub-x64", "region": "cn-hangzhou", "accounts": ["2000000000000002"]}],
           "exports": [{"image": "pub-x64", "bucket_region": "cn-hangzhou"}],
           "launches": [{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "pub-arm"}],
           "deletes": [{"snapshot": "s-1"}]"#,
    ));
    assert_eq!(
        codes(&report),
        [
            "region-unknown",
            "image-name-invalid",
            "copy-not-custom",
            "share-not-custom",
            "export-not-custom",
            "arch-mismatch",
            "snapshot-in-use"
        ]
    );
    assert!(!report.ok);
}

#[test]
fn operations_are_ordered_and_listed_even_with_errors() {
    let report = check(&plan(
        r#""creates": [{"image": {"id": "n", "regions": ["cn-hangzhou"]}, "from": "instance", "source": "i-1"}],
           "copies": [{"image": "m-custom", "to_region": "cn-beijing", "encrypted": true, "kms_key_id": "k-1"}],
           "shares": [{"image": "m-custom", "region": "cn-hangzhou", "accounts": ["2000000000000002"]}],
           "exports": [{"image": "m-custom", "bucket_region": "cn-hangzhou", "format": "qcow2"}],
           "launches": [{"region": "cn-hangzhou", "zone": "cn-hangzhou-k", "instance_type": "ecs.g7.large", "image": "pub-arm", "amount": 3, "system_disk": {"category": "cloud_essd", "size_gib": 80}}],
           "deletes": [{"image": "m-custom", "keep_snapshots": false}, {"snapshot": "s-2"}]"#,
    ));
    assert!(
        !report.ok,
        "arch-mismatch and image-shared-delete are errors"
    );
    let sequence: Vec<(&str, &str)> = report
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op.api))
        .collect();
    assert_eq!(
        sequence,
        [
            ("create-0", "CreateImage"),
            ("copy-0", "CopyImage"),
            ("share-0-0", "ModifyImageSharePermission"),
            ("export-0", "ExportImage"),
            ("launch-0", "RunInstances"),
            ("delete-0", "DeleteImage"),
            ("delete-0-0", "DeleteSnapshot"),
            ("delete-1", "DeleteSnapshot"),
        ]
    );
    assert_eq!(param(&report, "create-0", "InstanceId"), "i-1");
    assert_eq!(param(&report, "copy-0", "KMSKeyId"), "k-1");
    assert_eq!(param(&report, "export-0", "ImageFormat"), "qcow2");
    assert_eq!(
        *param(&report, "export-0", "OSSBucket"),
        Param::input("an OSS bucket in cn-hangzhou", "cn-hangzhou 的 OSS Bucket")
    );
    let launch = &report.operations[4].params;
    assert_eq!(
        serde_json::to_value(launch).unwrap(),
        json!({"RegionId": "cn-hangzhou", "ZoneId": "cn-hangzhou-k", "ImageId": "pub-arm",
               "InstanceType": "ecs.g7.large", "Amount": 3,
               "VSwitchId": {"input": "a vSwitch in cn-hangzhou-k"},
               "SecurityGroupId": {"input": "a security group in the vSwitch's VPC"},
               "SystemDisk.Category": "cloud_essd", "SystemDisk.Size": 80})
    );
    assert_eq!(param(&report, "delete-0", "RegionId"), "cn-hangzhou");
    assert_eq!(param(&report, "delete-0-0", "SnapshotId"), "s-1");
    assert_eq!(param(&report, "delete-1", "SnapshotId"), "s-2");
}

#[test]
fn shares_are_batched_by_ten_accounts() {
    let accounts: Vec<String> = (1..=25)
        .map(|n| format!("\"30000000000000{n:02}\""))
        .collect();
    let report = check(&plan(&format!(
        r#""shares": [{{"image": "m-custom", "region": "cn-hangzhou", "accounts": [{}]}}]"#,
        accounts.join(",")
    )));
    assert!(report.ok, "{:#?}", report.findings);
    let batches: Vec<&_> = report
        .operations
        .iter()
        .filter(|op| op.api == "ModifyImageSharePermission")
        .collect();
    let ids: Vec<&str> = batches.iter().map(|op| op.id.as_str()).collect();
    assert_eq!(ids, ["share-0-0", "share-0-1", "share-0-2"]);
    let sizes: Vec<usize> = batches
        .iter()
        .map(|op| {
            op.params
                .keys()
                .filter(|k| k.starts_with("AddAccount."))
                .count()
        })
        .collect();
    assert_eq!(sizes, [10, 10, 5]);
    assert_eq!(batches[1].params["AddAccount.1"], "3000000000000011");
    assert_eq!(batches[2].params["AddAccount.5"], "3000000000000025");
    assert!(!batches[2].params.contains_key("AddAccount.6"));
}

#[test]
fn system_disk_size_defaults_to_forty_or_the_image_size() {
    let report = check(&plan(
        r#""images": [{"id": "m-huge", "size_gib": 120, "regions": ["cn-hangzhou"]}],
           "launches": [{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "pub-x64"},
                        {"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "m-huge"}]"#,
    ));
    assert!(report.ok, "{:#?}", report.findings);
    assert_eq!(
        *param(&report, "launch-0", "SystemDisk.Size"),
        Param::Number(40)
    );
    assert_eq!(
        *param(&report, "launch-1", "SystemDisk.Size"),
        Param::Number(120)
    );
    assert_eq!(*param(&report, "launch-0", "Amount"), Param::Number(1));
}

#[test]
fn share_quota_adds_up_across_shares_of_one_image() {
    let report = check(&plan(
        r#""quotas": {"share_accounts_per_image": 3},
           "shares": [{"image": "m-out", "region": "cn-hangzhou", "accounts": ["2000000000000002"]},
                      {"image": "m-out", "region": "cn-hangzhou", "accounts": ["2000000000000003", "2000000000000004"]}]"#,
    ));
    let paths: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == "share-quota-exceeded")
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(paths, ["/shares/1/accounts"]);
}

#[test]
fn summary_counts_instances_and_regions_or_problems() {
    let ok = plan(
        r#""launches": [{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "pub-x64", "amount": 3},
                        {"region": "cn-beijing", "instance_type": "ecs.g7.large", "image": "pub-x64"}]"#,
    );
    assert_eq!(
        planner::summary(&ok, &check(&ok)),
        "This plan can launch: 4 instances in 2 regions"
    );
    let broken = plan(&launch(
        "cn-hangzhou",
        "ecs.g7.large",
        "pub-arm",
        r#", "amount": 0"#,
    ));
    assert_eq!(
        planner::summary(&broken, &check(&broken)),
        "2 errors, 0 warnings"
    );
    // A plan with no launch says so, rather than "0 instances in 0 regions".
    let empty = plan("");
    assert_eq!(
        planner::summary(&empty, &check(&empty)),
        "Nothing planned yet: add a launch, copy or share"
    );
    let copy_only = plan(r#""copies": [{"image": "m-mkt", "to_region": "cn-beijing"}]"#);
    assert_eq!(
        planner::summary(&copy_only, &check(&copy_only)),
        "This plan can run: 1 API call and launches no instance"
    );
    // The copy of an NVMe image warns that CopyImage drops the flag.
    let nvme_copy = plan(r#""copies": [{"image": "m-custom", "to_region": "cn-beijing"}]"#);
    assert_eq!(
        planner::summary(&nvme_copy, &check(&nvme_copy)),
        "This plan can run: 1 API call and launches no instance (1 warning)"
    );
}

#[test]
fn matrix_uses_the_launch_rules() {
    let catalog = catalog();
    let images: Vec<_> = ["pub-x64", "pub-arm", "win-x64", "m-custom"]
        .iter()
        .map(|id| catalog.image(id).unwrap())
        .collect();
    let types: Vec<_> = ["ecs.g7.large", "ecs.g8y.large", "ecs.t5-lc2m1.nano"]
        .iter()
        .map(|id| catalog.instance_type(id).unwrap())
        .collect();
    let m = matrix(&catalog, "cn-beijing", &images, &types, common::today());
    assert_eq!(m.cell(0, 0).worst, None);
    assert!(m.cell(0, 0).passes());
    let arm_on_x86 = m.issues(1, 0);
    assert_eq!(arm_on_x86.len(), 1);
    assert_eq!(arm_on_x86[0].0, "arch-mismatch");
    assert!(arm_on_x86[0].1.contains("ecs.g7.large"));
    // g8y is not offered in cn-beijing in the test catalog.
    assert!(m
        .issues(1, 1)
        .iter()
        .any(|(code, _)| *code == "instance-type-not-in-region"));
    assert_eq!(m.cell(2, 0).worst, Some(Severity::Info));
    assert_eq!(m.cell(2, 2).worst, Some(Severity::Error));
    assert!(m
        .issues(3, 0)
        .iter()
        .any(|(code, _)| *code == "image-region-mismatch"));
    // The same verdict as the planner for the same launch.
    let report = check(&plan(&launch(
        "cn-beijing",
        "ecs.t5-lc2m1.nano",
        "win-x64",
        "",
    )));
    let planner_codes = codes(&report);
    let matrix_codes: Vec<&str> = m.issues(2, 2).iter().map(|(c, _)| *c).collect();
    assert_eq!(planner_codes, matrix_codes);
}

/// Checks `body`, takes the fix of the one finding with `code`, applies it and checks again:
/// the finding must be gone. Returns the fix for further assertions.
fn fix_resolves(body: &str, code: &str) -> Fix {
    let mut plan = plan(body);
    let report = check(&plan);
    let found: Vec<_> = report.findings.iter().filter(|f| f.code == code).collect();
    assert_eq!(found.len(), 1, "{code} once in {:#?}", report.findings);
    let fix = found[0]
        .fix
        .clone()
        .unwrap_or_else(|| panic!("{code} has no fix"));
    assert!(!fix.label().is_empty());
    fix.apply(&mut plan);
    let again = check(&plan);
    assert!(
        !codes(&again).contains(&code),
        "{code} still there after {fix:?}: {:#?}",
        again.findings
    );
    fix
}

#[test]
fn add_copy_fixes_region_mismatch_share_and_export() {
    let fix = fix_resolves(
        &launch("cn-beijing", "ecs.g7.large", "m-custom", ""),
        "image-region-mismatch",
    );
    assert_eq!(fix.label(), "Add a copy of m-custom to cn-beijing");
    fix_resolves(
        r#""shares": [{"image": "m-custom", "region": "ap-southeast-1", "accounts": ["2000000000000002"]}]"#,
        "share-cross-region",
    );
    fix_resolves(
        r#""exports": [{"image": "m-custom", "bucket_region": "cn-shanghai"}]"#,
        "export-bucket-region",
    );
    // An encrypted image gets an encrypted copy, so the fix adds no new error.
    let mut encrypted = plan(&launch("cn-beijing", "ecs.g7.large", "m-cmk", ""));
    let fix = check(&encrypted).findings[0].fix.clone().unwrap();
    fix.apply(&mut encrypted);
    assert!(check(&encrypted).ok, "{:#?}", check(&encrypted).findings);
}

#[test]
fn disk_size_and_amount_fixes() {
    let fix = fix_resolves(
        &launch(
            "cn-hangzhou",
            "ecs.g7.large",
            "win-x64",
            r#", "system_disk": {"size_gib": 30}"#,
        ),
        "system-disk-too-small",
    );
    assert_eq!(
        fix,
        Fix::SetSystemDiskSize {
            launch: 0,
            size_gib: 40
        }
    );
    fix_resolves(
        &launch(
            "cn-hangzhou",
            "ecs.g7.large",
            "pub-x64",
            r#", "system_disk": {"category": "cloud", "size_gib": 900}"#,
        ),
        "system-disk-too-large",
    );
    let fix = fix_resolves(
        &launch(
            "cn-hangzhou",
            "ecs.g7.large",
            "pub-x64",
            r#", "amount": 250"#,
        ),
        "amount-out-of-range",
    );
    assert_eq!(
        fix,
        Fix::SetAmount {
            launch: 0,
            amount: 100
        }
    );
}

#[test]
fn replace_image_fixes_arch_boot_mode_and_nvme() {
    let fix = fix_resolves(
        &launch("cn-hangzhou", "ecs.g7.large", "pub-arm", ""),
        "arch-mismatch",
    );
    assert_eq!(
        fix,
        Fix::ReplaceLaunchImage {
            launch: 0,
            image: "pub-x64".into()
        }
    );
    let fix = fix_resolves(
        &launch("cn-hangzhou", "ecs.g8y.large", "pub-x64", ""),
        "arch-mismatch",
    );
    assert_eq!(
        fix,
        Fix::ReplaceLaunchImage {
            launch: 0,
            image: "pub-arm".into()
        }
    );
    let fix = fix_resolves(
        &launch("cn-hangzhou", "ecs.g7t.large", "pub-bios", ""),
        "boot-mode-mismatch",
    );
    assert_eq!(
        fix,
        Fix::ReplaceLaunchImage {
            launch: 0,
            image: "pub-b-uefi".into()
        }
    );
    let fix = fix_resolves(
        &launch("cn-hangzhou", "ecs.g8i.large", "pub-bios", ""),
        "nvme-unsupported",
    );
    assert_eq!(
        fix,
        Fix::ReplaceLaunchImage {
            launch: 0,
            image: "pub-b-nvme".into()
        }
    );
}

#[test]
fn replace_instance_type_fixes_memory_cpu_and_region() {
    let fix = fix_resolves(
        &launch("cn-hangzhou", "ecs.t5-lc1m2.large", "pub-i386", ""),
        "arch-32bit-memory",
    );
    assert_eq!(
        fix,
        Fix::ReplaceLaunchInstanceType {
            launch: 0,
            instance_type: "ecs.t5-lc1m2.small".into()
        }
    );
    let fix = fix_resolves(
        &launch("cn-hangzhou", "ecs.lowmem.2xlarge", "win-i386", ""),
        "windows-32bit-cpu",
    );
    assert_eq!(
        fix,
        Fix::ReplaceLaunchInstanceType {
            launch: 0,
            instance_type: "ecs.lowmem.large".into()
        }
    );
    fix_resolves(
        &launch("cn-hangzhou", "ecs.t5-lc2m1.nano", "win-x64", ""),
        "windows-min-memory",
    );
    let fix = fix_resolves(
        &launch("cn-beijing", "ecs.hz.large", "pub-x64", ""),
        "instance-type-not-in-region",
    );
    assert_eq!(
        fix,
        Fix::ReplaceLaunchInstanceType {
            launch: 0,
            instance_type: "ecs.hz.xlarge".into()
        }
    );
    // No smaller type of the family: no fix rather than a wrong one.
    let report = check(&plan(&launch(
        "cn-hangzhou",
        "ecs.g7.large",
        "pub-i386",
        "",
    )));
    assert_eq!(report.findings[0].fix, None);
}

#[test]
fn copy_fixes() {
    let fix = fix_resolves(
        r#""copies": [{"image": "m-enc", "to_region": "cn-beijing"}]"#,
        "copy-encrypted-to-plain",
    );
    assert_eq!(fix, Fix::SetCopyEncrypted { copy: 0 });
    fix_resolves(
        r#""copies": [{"image": "m-custom", "to_region": "cn-beijing", "kms_key_id": "k"}]"#,
        "copy-kms-without-encryption",
    );
    let fix = fix_resolves(
        r#""copies": [{"image": "m-custom", "to_region": "cn-hangzhou"}]"#,
        "copy-same-region",
    );
    assert_eq!(fix, Fix::RemoveCopy { copy: 0 });
    // A public image is everywhere already: the copy goes, and the launch of it still works.
    let body = r#""copies": [{"image": "pub-x64", "to_region": "cn-beijing"}],
        "launches": [{"region": "cn-beijing", "instance_type": "ecs.g7.large", "image": "pub-x64"}]"#;
    let fix = fix_resolves(body, "copy-not-custom");
    assert_eq!(fix, Fix::RemoveCopy { copy: 0 });
    let mut fixed = plan(body);
    fix.apply(&mut fixed);
    assert!(check(&fixed).ok);
    let fix = fix_resolves(
        r#""copies": [{"image": "m-custom", "to_region": "cn-beijing", "name": "aliyun web/prod"}]"#,
        "image-name-invalid",
    );
    assert_eq!(
        fix,
        Fix::RenameCopy {
            copy: 0,
            name: "img-web-prod".into()
        }
    );
    let fix = fix_resolves(
        r#""copies": [{"image": "m-custom", "to_region": "cn-beijing", "name": "web"}, {"image": "m-mkt", "to_region": "cn-beijing", "name": "web"}]"#,
        "image-name-duplicate",
    );
    assert_eq!(
        fix,
        Fix::RenameCopy {
            copy: 1,
            name: "web-2".into()
        }
    );
    let fix = fix_resolves(
        r#""creates": [{"image": {"id": "n", "name": "custom-one", "regions": ["cn-hangzhou"]}, "from": "instance", "source": "i-1"}]"#,
        "image-name-duplicate",
    );
    assert_eq!(
        fix,
        Fix::RenameCreate {
            create: 0,
            name: "custom-one-2".into()
        }
    );
}

#[test]
fn share_fixes() {
    let fix = fix_resolves(
        r#""quotas": {"share_accounts_per_image": 3},
           "shares": [{"image": "m-out", "region": "cn-hangzhou", "accounts": ["2000000000000002", "2000000000000001", "2000000000000003", "2000000000000004"]}]"#,
        "share-quota-exceeded",
    );
    // One account exists; 2000000000000001 is that one again, so three of the four fit.
    assert_eq!(fix, Fix::TrimShareAccounts { share: 0, keep: 3 });
    // An image already shared past a lowered quota: no new account fits.
    let fix = fix_resolves(
        r#""quotas": {"share_accounts_per_image": 1},
           "images": [{"id": "m-wide", "regions": ["cn-hangzhou"], "shared_with": ["2000000000000008", "2000000000000009"]}],
           "shares": [{"image": "m-wide", "region": "cn-hangzhou", "accounts": ["2000000000000002"]}]"#,
        "share-quota-exceeded",
    );
    assert_eq!(fix, Fix::TrimShareAccounts { share: 0, keep: 0 });
    let fix = fix_resolves(
        r#""shares": [{"image": "m-custom", "region": "cn-hangzhou", "accounts": ["2000000000000002", "1000000000000001"]}]"#,
        "share-self",
    );
    assert_eq!(
        fix,
        Fix::RemoveShareAccount {
            share: 0,
            account_index: 1
        }
    );
    fix_resolves(
        r#""shares": [{"image": "m-custom", "region": "cn-hangzhou", "accounts": ["ops"]}]"#,
        "share-account-invalid",
    );
}

#[test]
fn a_snapshot_launch_is_fixed_by_creating_an_image_from_it_once() {
    let fix = fix_resolves(
        r#""launches": [{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "s-bp1snap0001"}]"#,
        "launch-from-snapshot",
    );
    assert_eq!(
        fix,
        Fix::CreateImageFromSnapshot {
            launch: 0,
            snapshot: "s-bp1snap0001".into()
        }
    );
    // Two launches of one snapshot share one create.
    let mut plan: ecs_image_planner::core::Plan = serde_json::from_str(
        r#"{"version": 1, "launches": [
            {"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "s-bp1snap0001"},
            {"region": "cn-hangzhou", "instance_type": "ecs.g7.xlarge", "image": "s-bp1snap0001"}]}"#,
    )
    .unwrap();
    for launch in 0..2 {
        Fix::CreateImageFromSnapshot {
            launch,
            snapshot: "s-bp1snap0001".into(),
        }
        .apply(&mut plan);
    }
    assert_eq!(plan.creates.len(), 1);
    assert_eq!(
        plan.creates[0].image.regions.as_deref(),
        Some(&["cn-hangzhou".to_string()][..])
    );
    assert!(plan
        .launches
        .iter()
        .all(|l| l.image.as_deref() == Some(plan.creates[0].image.id.as_str())));
    let report = common::check(&plan);
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.code == "launch-from-snapshot"
                || f.severity == ecs_image_planner::core::Severity::Error),
        "{:?}",
        report.findings
    );
}

#[test]
fn fixes_serialize_with_a_kebab_case_kind() {
    let fix = Fix::AddCopy {
        image: "m-1".into(),
        to_region: "cn-beijing".into(),
        encrypted: false,
    };
    assert_eq!(
        serde_json::to_value(&fix).unwrap(),
        json!({"kind": "add-copy", "image": "m-1", "to_region": "cn-beijing"})
    );
    let back: Fix =
        serde_json::from_value(json!({"kind": "set-amount", "launch": 2, "amount": 5})).unwrap();
    assert_eq!(
        back,
        Fix::SetAmount {
            launch: 2,
            amount: 5
        }
    );
}

#[test]
fn matrix_and_planner_agree_on_the_builtin_catalog() {
    use ecs_image_planner::core::catalog::Catalog;
    let catalog = Catalog::builtin();
    let today = common::today();
    let images: Vec<_> = catalog.images.iter().collect();
    let types: Vec<_> = catalog.instance_types.iter().collect();
    // Regions where some types or images are missing, so placement rules show up too.
    for region in ["cn-beijing", "ap-southeast-1", "eu-west-1", "me-central-1"] {
        let m = matrix(catalog, region, &images, &types, today);
        for (i, image) in images.iter().enumerate() {
            for (t, itype) in types.iter().enumerate() {
                let single = plan(&launch(region, &itype.id, &image.id, ""));
                let report = planner::check(&single, catalog, today);
                let from_matrix = m.issues(i, t);
                let from_planner: Vec<(&str, String)> = report
                    .findings
                    .iter()
                    .map(|f| (f.code, f.message.clone()))
                    .collect();
                assert_eq!(from_matrix, from_planner, "{} on {}", image.id, itype.id);
                let worst = report.findings.iter().map(|f| f.severity).min();
                assert_eq!(m.cell(i, t).worst, worst);
                assert_eq!(usize::from(m.cell(i, t).broken), report.findings.len());
            }
        }
    }
}

mod fixes_hold {
    use super::common::{catalog, check};
    use ecs_image_planner::core::model::{Launch, Plan, SystemDisk};
    use proptest::prelude::*;

    const REGIONS: &[&str] = &["cn-hangzhou", "cn-beijing", "ap-southeast-1"];

    fn launches() -> impl Strategy<Value = Vec<Launch>> {
        let catalog = catalog();
        let images: Vec<String> = catalog.images.iter().map(|i| i.id.clone()).collect();
        let types: Vec<String> = catalog
            .instance_types
            .iter()
            .map(|t| t.id.clone())
            .collect();
        let launch = (
            prop::sample::select(REGIONS),
            prop::sample::select(types),
            prop::sample::select(images),
            prop::option::of(0u32..130),
            prop::option::of(0u32..2200),
            prop::option::of(prop::sample::select(&["cloud", "cloud_essd"][..])),
        )
            .prop_map(|(region, itype, image, amount, size, category)| Launch {
                region: Some(region.to_string()),
                zone: None,
                instance_type: Some(itype),
                image: Some(image),
                amount,
                system_disk: Some(SystemDisk {
                    category: category.map(str::to_string),
                    size_gib: size,
                }),
                ..Launch::default()
            });
        prop::collection::vec(launch, 1..6)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Every fix offered on any launch removes its own finding (same code, same place).
        #[test]
        fn every_offered_fix_removes_its_finding(launches in launches()) {
            let plan = Plan { version: 1, launches, ..Plan::default() };
            let report = check(&plan);
            for finding in report.findings.iter().filter(|f| f.fix.is_some()) {
                let mut fixed = plan.clone();
                finding.fix.as_ref().unwrap().apply(&mut fixed);
                let again = check(&fixed);
                prop_assert!(
                    !again.findings.iter().any(|f| f.code == finding.code && f.path == finding.path),
                    "{} at {} survives {:?}", finding.code, finding.path, finding.fix
                );
            }
        }
    }
}

/// A finding about a value the launch leaves to a default points at the launch, a place the plan
/// has: the system disk of a launch without one is its image's size (found by tests/props.rs).
#[test]
fn a_default_system_disk_too_large_points_at_the_launch() {
    // The path of the finding for a launch of a 2049 GiB image with `system_disk` as given.
    let path_with = |system_disk: &str| {
        let report = check(&plan(&format!(
            r#""images": [{{"id": "m-huge", "regions": ["cn-hangzhou"], "size_gib": 2049}}],
               "launches": [{{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "m-huge"{system_disk}}}]"#
        )));
        report
            .findings
            .iter()
            .find(|f| f.code == "system-disk-too-large")
            .unwrap_or_else(|| panic!("{:#?}", report.findings))
            .path
            .clone()
    };
    assert_eq!(path_with(""), "/launches/0");
    // Given, the field itself.
    assert_eq!(
        path_with(r#", "system_disk": {"size_gib": 3000}"#),
        "/launches/0/system_disk/size_gib"
    );
}
