//! Imports, attribute changes, image families and type pins (contract §4.2-4.4): their API
//! calls and how the exporters write them.

mod common;

#[path = "export/hcl_fmt.rs"]
mod hcl_fmt;
#[path = "export/schema.rs"]
mod schema;

use ecs_image_planner::core::export::{aliyun_cli, terraform};
use ecs_image_planner::core::Operation;
use serde_json::{json, Value};

fn op(id: &str, api: &'static str, params: Value) -> Operation {
    Operation {
        id: id.into(),
        api,
        product: None,
        params: serde_json::from_value(params).expect("params in their JSON form"),
    }
}

/// The output `field` of the earlier call `op`, in its JSON form.
fn output(op: &str, field: &str) -> Value {
    json!({"ref": op, "field": field})
}

/// Import an arm64 NVMe image, name its family, launch by family.
fn lifecycle_ops() -> Vec<Operation> {
    vec![
        op(
            "import-0",
            "ImportImage",
            json!({
                "RegionId": "cn-hangzhou", "ImageName": "web-golden-2611", "OSType": "linux",
                "Platform": "Ubuntu", "Architecture": "x86_64", "BootMode": "UEFI",
                "Features.NvmeSupport": "supported",
                "DiskDeviceMapping.1.OSSBucket": "golden-images",
                "DiskDeviceMapping.1.OSSObject": "web/ubuntu-24.04.qcow2",
                "DiskDeviceMapping.1.Format": "QCOW2",
                "DiskDeviceMapping.1.DiskImageSize": 40
            }),
        ),
        op(
            "modify-0",
            "ModifyImageAttribute",
            json!({"RegionId": "cn-hangzhou", "ImageId": output("import-0", "ImageId"), "ImageFamily": "web-golden"}),
        ),
        op(
            "launch-0",
            "RunInstances",
            json!({"RegionId": "cn-hangzhou", "ImageFamily": "web-golden",
                   "InstanceType": "ecs.g8i.large", "Amount": 2, "SystemDisk.Size": 40}),
        ),
    ]
}

#[test]
fn aliyun_script_imports_waits_modifies_and_launches_by_family() {
    let script = aliyun_cli(&lifecycle_ops());
    let has = |text: &str| assert!(script.contains(text), "missing {text:?} in\n{script}");
    has("IMPORT_0_IMAGEID=$(aliyun ecs ImportImage");
    has("--DiskDeviceMapping.1.OSSBucket='golden-images'");
    has("--Features.NvmeSupport='supported'");
    // An import can take hours: the script waits for it as for a copy, before its ID is used.
    has("wait_for_image 'cn-hangzhou' \"$IMPORT_0_IMAGEID\"");
    has("aliyun ecs ModifyImageAttribute");
    has("--ImageId=\"$IMPORT_0_IMAGEID\"");
    has("--ImageFamily='web-golden'");
    let launch = &script[script.find("aliyun ecs RunInstances").expect("launch")..];
    assert!(
        !launch.contains("--ImageId"),
        "a launch by family names no image: {launch}"
    );
}

#[test]
fn terraform_imports_with_disk_blocks_and_reads_the_family() {
    let hcl = terraform(&lifecycle_ops());
    let has = |text: &str| assert!(hcl.contains(text), "missing {text:?} in\n{hcl}");
    has("resource \"alicloud_image_import\" \"import_0\" {");
    has("  disk_device_mapping {\n    oss_bucket      = \"golden-images\"\n    oss_object      = \"web/ubuntu-24.04.qcow2\"\n    format          = \"qcow2\"\n    disk_image_size = 40\n  }");
    has("  boot_mode    = \"UEFI\"");
    has("# then set the NVMe flag");
    has("# ModifyImageAttribute has no Terraform resource");
    has("# modify-0 put the plan's own image in this family");
    has("data \"alicloud_images\" \"launch_0\" {");
    has("  image_family = \"web-golden\"\n  status       = \"Available\"\n  most_recent  = true\n  depends_on   = [alicloud_image_import.import_0]\n}");
    has("  image_id         = data.alicloud_images.launch_0.images[0].id");
    assert!(
        !hcl.contains("ImageFamily = \"web-golden\" has no argument"),
        "the family is not an unmapped note: {hcl}"
    );
}

#[test]
fn terraform_says_what_the_import_resource_cannot_do() {
    let ops = vec![op(
        "import-0",
        "ImportImage",
        json!({"RegionId": "cn-hangzhou", "Architecture": "arm64", "BootMode": "UEFI",
               "DiskDeviceMapping.1.Format": "VMDK"}),
    )];
    let hcl = terraform(&ops);
    assert!(
        hcl.contains("accepts architecture x86_64 or i386 only"),
        "{hcl}"
    );
    assert!(
        hcl.contains("import the VMDK file with the aliyun CLI export"),
        "{hcl}"
    );
}

/// Every resource, nested block, data source and argument is one the provider (v1.289.0)
/// declares, and the checker refuses one it does not.
#[test]
fn terraform_output_matches_the_provider_schema() {
    let hcl = terraform(&lifecycle_ops());
    assert_eq!(schema::problems(&hcl, true), Vec::<String>::new(), "{hcl}");
    let wrong = hcl
        .replace("oss_bucket      =", "oss_bucket_name =")
        .replace("most_recent  =", "most_recnt   =");
    let problems = schema::problems(&wrong, true);
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

/// The configuration is valid HCL (hcl-rs parses it) and already laid out as `terraform fmt`
/// lays it out (the port of its rules in tests/export/hcl_fmt.rs).
#[test]
fn terraform_output_is_canonical_hcl() {
    let hcl = terraform(&lifecycle_ops());
    hcl::parse(&hcl).unwrap_or_else(|err| panic!("not valid HCL: {err}\n{hcl}"));
    let formatted = hcl_fmt::format(&hcl).expect("formats");
    assert!(
        formatted == hcl,
        "not as terraform fmt lays it out: {:?}\n{hcl}",
        hcl_fmt::first_difference(&formatted, &hcl)
    );
}

use common::{check, codes, plan};
use ecs_image_planner::core::fix::Fix;

/// A parameter of a call in its JSON form (`null` when the call has none).
fn param(report: &ecs_image_planner::core::Report, id: &str, key: &str) -> Value {
    let op = report
        .operations
        .iter()
        .find(|op| op.id == id)
        .unwrap_or_else(|| panic!("no operation {id}: {:#?}", report.operations));
    op.params.get(key).map_or(Value::Null, |p| {
        serde_json::to_value(p).expect("serializes")
    })
}

const IMPORT: &str = r#""imports": [{"image": {"id": "golden", "name": "golden-1", "nvme": "supported", "boot_mode": "UEFI", "regions": ["cn-hangzhou"]},
    "oss_bucket": "b", "oss_object": "golden.qcow2", "oss_region": "cn-hangzhou", "format": "QCOW2", "system_disk_gib": 40}]"#;

#[test]
fn an_import_counts_against_the_quota_in_plan_order() {
    // 99 exist; the create takes the 100th place, the import the 101st, the copy lands elsewhere.
    let report = check(&plan(&format!(
        r#""custom_image_usage": {{"cn-hangzhou": 99}},
           "creates": [{{"image": {{"id": "c", "name": "created-1", "regions": ["cn-hangzhou"]}}, "from": "snapshot", "source": "s-1"}}],
           {IMPORT}"#
    )));
    assert_eq!(codes(&report), ["custom-image-quota"]);
    assert_eq!(report.findings[0].path, "/imports/0");
}

#[test]
fn an_import_name_follows_the_name_rules_with_a_fix() {
    let report = check(&plan(&IMPORT.replace("golden-1", "aliyun-golden")));
    assert_eq!(codes(&report), ["image-name-invalid"]);
    assert_eq!(report.findings[0].path, "/imports/0/image/name");
    assert!(matches!(
        report.findings[0].fix,
        Some(Fix::RenameImport { import: 0, .. })
    ));
}

#[test]
fn later_items_use_the_import_and_see_the_modified_attributes() {
    let report = check(&plan(&format!(
        r#"{IMPORT},
           "modifies": [{{"image": "golden", "status": "Deprecated"}}],
           "shares": [{{"image": "golden", "region": "cn-hangzhou", "accounts": ["2000000000000002"]}}],
           "launches": [{{"region": "cn-hangzhou", "instance_type": "ecs.g8i.large", "image": "golden"}}]"#
    )));
    // The launch of a Deprecated image still works (with a warning); sharing it does not.
    assert_eq!(codes(&report), ["share-deprecated", "image-deprecated"]);
    assert_eq!(
        param(&report, "import-0", "Features.NvmeSupport"),
        "supported"
    );
    assert_eq!(
        param(&report, "modify-0", "ImageId"),
        output("import-0", "ImageId")
    );
    assert_eq!(param(&report, "modify-0", "Status"), "Deprecated");
    assert_eq!(
        param(&report, "launch-0", "ImageId"),
        output("import-0", "ImageId")
    );
    let order: Vec<&str> = report.operations.iter().map(|op| op.api).collect();
    assert_eq!(
        order,
        [
            "ImportImage",
            "ModifyImageAttribute",
            "ModifyImageSharePermission",
            "RunInstances"
        ]
    );
}

#[test]
fn the_one_click_nvme_fix_adds_the_modify_of_the_copy() {
    let mut p = plan(&format!(
        r#"{IMPORT},
           "copies": [{{"image": "golden", "to_region": "cn-beijing"}}],
           "launches": [{{"region": "cn-beijing", "instance_type": "ecs.g8i.large", "image": "golden"}}]"#
    ));
    let report = check(&p);
    assert_eq!(
        codes(&report),
        ["copy-features-not-carried", "nvme-unsupported"],
        "the copy lost the NVMe flag, so the NVMe-only type refuses it"
    );
    let fix = report.findings[0].fix.clone().expect("a fix");
    fix.apply(&mut p);
    let report = check(&p);
    assert!(
        report.ok && report.findings.is_empty(),
        "{:#?}",
        report.findings
    );
    assert_eq!(
        param(&report, "modify-0", "ImageId"),
        output("copy-0", "ImageId")
    );
    assert_eq!(param(&report, "modify-0", "RegionId"), "cn-beijing");
    assert_eq!(
        param(&report, "modify-0", "Features.NvmeSupport"),
        "supported"
    );
}

#[test]
fn a_family_launch_takes_the_newest_available_build_counting_the_plan() {
    let images = r#""images": [
        {"id": "m-old", "family": "web", "created": "2026-09-01", "regions": ["cn-hangzhou"]},
        {"id": "m-new", "family": "web", "created": "2026-10-01", "regions": ["cn-hangzhou"], "status": "Deprecated"}]"#;
    let by_family = r#""launches": [{"region": "cn-hangzhou", "instance_type": "ecs.g8i.large", "image_family": "web"}]"#;
    // The newest is Deprecated: the family means m-old, which has no NVMe driver.
    let report = check(&plan(&format!("{images}, {by_family}")));
    assert_eq!(codes(&report), ["nvme-unsupported"]);
    assert!(
        report.findings[0].message.contains("m-old"),
        "{}",
        report.findings[0].message
    );
    assert_eq!(param(&report, "launch-0", "ImageFamily"), "web");
    assert_eq!(param(&report, "launch-0", "ImageId"), Value::Null);
    // The plan's import joins the family (with a ModifyImageAttribute, as ImportImage cannot)
    // and is the newest: it carries the driver.
    let with_import = IMPORT.replace(r#""boot_mode""#, r#""family": "web", "boot_mode""#);
    let report = check(&plan(&format!("{images}, {with_import}, {by_family}")));
    assert!(
        report.ok && report.findings.is_empty(),
        "{:#?}",
        report.findings
    );
    assert_eq!(param(&report, "import-0-family", "ImageFamily"), "web");
    assert_eq!(
        param(&report, "import-0-family", "ImageId"),
        output("import-0", "ImageId")
    );
}

#[test]
fn a_copy_does_not_inherit_the_family() {
    let report = check(&plan(
        r#""images": [{"id": "m-web", "family": "web", "created": "2026-09-01", "regions": ["cn-hangzhou"]}],
           "copies": [{"image": "m-web", "to_region": "cn-beijing"}],
           "launches": [{"region": "cn-beijing", "instance_type": "ecs.g7.large", "image_family": "web"}]"#,
    ));
    assert_eq!(codes(&report), ["image-family-empty"]);
}

#[test]
fn the_examples_check_as_the_readme_shows() {
    for (file, ok) in [
        ("examples/import-modify-launch.json", true),
        ("examples/launch-by-family.json", true),
        ("examples/copy-and-share.json", true),
    ] {
        let text = std::fs::read_to_string(file).expect(file);
        let plan = ecs_image_planner::core::parse_plan(&text).expect(file);
        let report = ecs_image_planner::core::planner::check_builtin(&plan, common::today());
        assert_eq!(report.ok, ok, "{file}: {:#?}", report.findings);
    }
}

/// The README shows the command line's output of the two lifecycle examples as it is.
#[test]
fn the_readme_shows_the_examples_output() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    for file in [
        "examples/import-modify-launch.json",
        "examples/launch-by-family.json",
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ecs-image-planner"))
            .args(["check", file])
            .output()
            .expect("run the CLI");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert!(
            readme.contains(text.trim_end()),
            "README.md does not show the output of `check {file}`:\n{text}"
        );
    }
}

/// The embed answers for a family: its newest Available build in the region, and the plan it
/// opens launches by family.
#[test]
fn the_embed_answers_for_a_family() {
    use ecs_image_planner::core::answer::{answer, Answer, Question};
    use ecs_image_planner::core::catalog::Catalog;
    let catalog = Catalog::from_json(
        r#"{"as_of": "2026-11-28",
            "sources": [{"id": "test", "title": "this test's own catalog", "seen": "2026-11-28"}],
            "regions": [{"id": "cn-hangzhou", "name": "China (Hangzhou)", "from": {"*": "test"}}],
            "instance_types": [{"id": "ecs.g8i.large", "vcpus": 2, "memory_gib": 8, "nvme": "required", "from": {"*": "test"}}],
            "images": [
              {"id": "web-2", "type": "public", "family": "acs:web", "created": "2026-10-01", "nvme": "supported", "size_gib": 20, "from": {"*": "test"}},
              {"id": "web-1", "type": "public", "family": "acs:web", "created": "2026-09-01", "size_gib": 20, "from": {"*": "test"}}]}"#,
    )
    .expect("catalog");
    let ask = |family| Question {
        region: "cn-hangzhou",
        instance_type: Some("ecs.g8i.large"),
        image: None,
        family: Some(family),
        platform: None,
    };
    let Ok(Answer::Launch { plan, findings }) = answer(&catalog, &ask("acs:web"), common::today())
    else {
        panic!("a launch answer");
    };
    assert!(
        findings.is_empty(),
        "the newest build has the NVMe driver: {findings:#?}"
    );
    assert_eq!(plan.launches[0].image_family.as_deref(), Some("acs:web"));
    assert_eq!(plan.launches[0].image, None);
    let err = answer(&catalog, &ask("acs:db"), common::today()).expect_err("no such family");
    assert!(err.contains("acs:db"), "{err}");
}
