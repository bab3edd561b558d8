//! One test per wrong value that the catalog audit of 2026-11-29 found (its section A, in the
//! research notes): each names the source that shows the right value and fails on the value the
//! catalog held before. A verdict is only as true as these values.

use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::model::{BootMode, ImageBootMode, ImageStatus, ImageType, Platform};
use ecs_image_planner::core::Date;

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn family_of(id: &str) -> &str {
    id.trim_start_matches("ecs.")
        .split(['.', '-'])
        .next()
        .unwrap_or_default()
}

/// A.1, A.2. Source: Alibaba Cloud, "Best practices for the UEFI and Legacy BIOS boot modes",
/// https://www.alibabacloud.com/help/doc-detail/324257.htm (last updated 2023-12-05): ecs.u1 and
/// ecs.g7a, ecs.r7a, ecs.c7a are listed under "Legacy BIOS only". The catalog said BIOS and UEFI.
#[test]
fn u1_and_the_7th_generation_amd_families_boot_bios_only() {
    let mut seen = 0;
    for t in &catalog().instance_types {
        if ["u1", "g7a", "c7a", "r7a"].contains(&family_of(&t.id)) {
            seen += 1;
            assert_eq!(t.boot_modes, vec![BootMode::Bios], "{}", t.id);
            assert!(!t.offers_boot_mode(BootMode::Uefi), "{}", t.id);
        }
    }
    assert!(seen >= 9, "only {seen} u1/g7a types");
}

/// A.3. Sources: burstable families (https://help.aliyun.com/document_detail/90542.html): t6 is
/// c4m1/c2m1/c1m1/c1m2/c1m4 `.large`, c1m4 `.xlarge` and `.2xlarge`; shared families
/// (https://help.aliyun.com/document_detail/108489.html): e is c4m1/c2m1/c1m1/c1m2/c1m4 `.large`,
/// c1m2/c1m4 `.xlarge` and `.2xlarge`. The catalog held three types built from the naming.
#[test]
fn every_t6_and_e_type_is_in_the_official_tables() {
    let t6 = [
        "ecs.t6-c4m1.large",
        "ecs.t6-c2m1.large",
        "ecs.t6-c1m1.large",
        "ecs.t6-c1m2.large",
        "ecs.t6-c1m4.large",
        "ecs.t6-c1m4.xlarge",
        "ecs.t6-c1m4.2xlarge",
    ];
    let e = [
        "ecs.e-c4m1.large",
        "ecs.e-c2m1.large",
        "ecs.e-c1m1.large",
        "ecs.e-c1m2.large",
        "ecs.e-c1m4.large",
        "ecs.e-c1m2.xlarge",
        "ecs.e-c1m4.xlarge",
        "ecs.e-c1m2.2xlarge",
        "ecs.e-c1m4.2xlarge",
    ];
    for t in &catalog().instance_types {
        match family_of(&t.id) {
            "t6" => assert!(
                t6.contains(&t.id.as_str()),
                "{} is not an official t6 type",
                t.id
            ),
            "e" => assert!(
                e.contains(&t.id.as_str()),
                "{} is not an official e type",
                t.id
            ),
            _ => {}
        }
    }
    for gone in [
        "ecs.t6-c1m1.xlarge",
        "ecs.t6-c1m2.xlarge",
        "ecs.e-c1m1.xlarge",
    ] {
        assert!(catalog().instance_type(gone).is_none(), "{gone}");
    }
}

/// A.4. No source shows these nine IDs (the audit searched official docs and public captures);
/// RunInstances would answer InvalidImageId.NotFound. The real Windows Server 2025 build of
/// 2025-11-12 is `win2025_24H2_x64_dtc_en-us_40G_uefi_alibase_20251112.vhd`, a UEFI image (seen in
/// several public Terraform configs), not a UEFI-Preferred one.
#[test]
fn fabricated_public_image_ids_are_gone_and_windows_2025_is_uefi() {
    for id in [
        "rhel_8_10_x64_20G_alibase_20240815.vhd",
        "rhel_9_4_x64_20G_alibase_20240815.vhd",
        "win2008_32_std_sp2_zh-cn_40G_alibase_20170915.vhd",
        "win2016_1607_x64_dtc_en-us_40G_alibase_20240110.vhd",
        "win2022_21H2_x64_dtc_en-us_40G_uefi_alibase_20260114.vhd",
        "win2025_24H2_x64_dtc_en-us_40G_alibase_20251112.vhd",
        "aliyun_2_1903_arm64_20G_alibase_20231221.vhd",
        "anolisos_8_10_arm64_20G_rhck_alibase_20240819.vhd",
        "ubuntu_24_04_arm64_20G_alibase_20260810.vhd",
    ] {
        assert!(catalog().image(id).is_none(), "{id} is in no source");
    }
    let ws2025 = catalog()
        .image("win2025_24H2_x64_dtc_en-us_40G_uefi_alibase_20251112.vhd")
        .expect("the real Windows Server 2025 build");
    assert_eq!(ws2025.boot_mode, ImageBootMode::Uefi);
    for i in &catalog().images {
        if i.os.as_deref() == Some("Windows Server 2025 Datacenter") && i.id.contains("_uefi_") {
            assert_eq!(i.boot_mode, ImageBootMode::Uefi, "{}", i.id);
        }
    }
}

/// A.5. Source: The Register, 2024-07-01, quoting Alibaba Cloud
/// (https://www.theregister.com/2024/07/01/alibaba_cloud_closes_india_australia/): operations in
/// India end after 2024-07-15 and in Australia after 2024-09-30; both regions are missing from
/// the current official region table. The catalog offered them as open.
#[test]
fn mumbai_and_sydney_are_closed_with_their_dates() {
    let closed = |id: &str| catalog().region(id).and_then(|r| r.closed);
    assert_eq!(closed("ap-south-1"), Date::new(2024, 7, 15));
    assert_eq!(closed("ap-southeast-2"), Date::new(2024, 9, 30));
    let closed_ids: Vec<&str> = catalog()
        .regions
        .iter()
        .filter(|r| r.closed.is_some())
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(closed_ids, ["ap-southeast-2", "ap-south-1"]);
}

/// A.6. Source: "No alicloud image was found matching filters:
/// ubuntu_22_04_x64_20G_alibase_20240322.vhd" (a public troubleshooting note); the catalog
/// presented that build as current.
#[test]
fn the_retired_ubuntu_22_04_build_is_gone() {
    assert!(catalog()
        .image("ubuntu_22_04_x64_20G_alibase_20240322.vhd")
        .is_none());
}

/// A.7. Source: DescribeImages captures of `ubuntu_22_04_x64_20G_alibase_20250722`, `_20260119`
/// and `_20260522` (cloud-barista cm-beetle, 2025-2026) all show `BootMode: UEFI-Preferred`. The
/// catalog said BIOS, which blocked Ubuntu 22.04 on UEFI-only types.
#[test]
fn current_ubuntu_22_04_builds_are_uefi_preferred() {
    let current: Vec<_> = catalog()
        .images
        .iter()
        .filter(|i| {
            i.id.starts_with("ubuntu_22_04_x64_20G_alibase_2025")
                || i.id.starts_with("ubuntu_22_04_x64_20G_alibase_2026")
        })
        .collect();
    assert!(!current.is_empty(), "no 2025-2026 Ubuntu 22.04 build");
    for i in current {
        assert_eq!(i.boot_mode, ImageBootMode::UefiPreferred, "{}", i.id);
    }
}

/// A.8. Source: Alibaba Cloud, "Image billing" (https://www.alibabacloud.com/help/en/ecs/images,
/// updated 2026-05-27): "For Windows, the fee applies only to instances created in the China
/// (Hong Kong) region or regions outside the Chinese mainland." The catalog could not tell the
/// regions apart; the launch rules read `chinese_mainland`.
#[test]
fn regions_say_whether_they_are_in_the_chinese_mainland() {
    let c = catalog();
    for r in &c.regions {
        let mainland = r.id.starts_with("cn-") && r.id != "cn-hongkong";
        assert_eq!(r.chinese_mainland, mainland, "{}", r.id);
    }
    assert!(c.images.iter().any(|i| i.platform == Platform::Windows));
}

/// A.9. Source: the official OSS region table
/// (https://help.aliyun.com/zh/oss/user-guide/regions-and-endpoints): ap-southeast-8 is
/// 马来西亚（柔佛州） and eu-west-2 is 法国（巴黎）. The catalog said "Unknown".
#[test]
fn johor_and_paris_have_their_names() {
    let name = |id: &str| catalog().region(id).map(|r| r.name.clone());
    assert_eq!(name("ap-southeast-8").as_deref(), Some("Malaysia (Johor)"));
    assert_eq!(name("eu-west-2").as_deref(), Some("France (Paris)"));
}

/// A.10. No source gives any catalog image the status Deprecated; the catalog invented it for
/// four images (one of them the build an official RunInstances example recommends).
#[test]
fn no_image_carries_an_invented_deprecated_status() {
    for i in &catalog().images {
        assert_eq!(i.status, ImageStatus::Available, "{}", i.id);
    }
}

/// The placeholder Marketplace and community IDs of the old catalog exist nowhere; such images
/// come from the plan (or a pasted DescribeImages output), which says where they are released.
#[test]
fn the_built_in_catalog_holds_no_placeholder_image() {
    for i in &catalog().images {
        assert_eq!(i.kind, ImageType::Public, "{}", i.id);
    }
}

fn check_builtin(launch: &str) -> ecs_image_planner::core::Report {
    let plan = ecs_image_planner::core::parse_plan(&format!(
        r#"{{"version": 1, "as_of": "2026-11-29", "launches": [{launch}]}}"#
    ))
    .expect("valid plan");
    ecs_image_planner::core::planner::check_builtin(&plan, Date::new(2026, 11, 29).unwrap())
}

/// The verdicts the fixes change: u1 and g7a refuse a UEFI-only image, and say why with the
/// boot-mode table and its date; the old catalog let both launch.
#[test]
fn u1_and_g7a_refuse_a_uefi_only_image_with_their_evidence() {
    for itype in ["ecs.u1-c1m2.large", "ecs.g7a.large"] {
        let report = check_builtin(&format!(
            r#"{{"region": "ap-southeast-1", "instance_type": "{itype}",
                "image": "win2025_24H2_x64_dtc_en-us_40G_uefi_alibase_20251112.vhd"}}"#
        ));
        let finding = report
            .findings
            .iter()
            .find(|f| f.code == "boot-mode-mismatch")
            .unwrap_or_else(|| panic!("{itype}: {:?}", report.findings));
        let boot = finding
            .evidence
            .iter()
            .find(|e| e.fact == format!("{itype} boots BIOS only"))
            .unwrap_or_else(|| panic!("{:?}", finding.evidence));
        assert!(boot.confirmed);
        assert_eq!(boot.seen, Date::new(2023, 12, 5).unwrap());
        assert!(boot.source.contains("boot-mode table"), "{}", boot.source);
    }
}

/// A launch in Mumbai is refused with `region-closed`, citing the closure and its date.
#[test]
fn a_launch_in_a_closed_region_is_refused() {
    let report = check_builtin(
        r#"{"region": "ap-south-1", "instance_type": "ecs.g7.large",
            "image": "ubuntu_24_04_x64_20G_alibase_20260810.vhd"}"#,
    );
    assert!(!report.ok);
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["region-closed"]);
    let evidence = &report.findings[0].evidence;
    assert_eq!(evidence.len(), 1);
    assert_eq!(evidence[0].fact, "ap-south-1 closed on 2024-07-15");
}

/// Windows bills its licence in Hong Kong and outside the Chinese mainland only.
#[test]
fn windows_licence_fees_follow_the_region() {
    let image = "win2022_21H2_x64_dtc_zh-cn_40G_uefi_alibase_20260812.vhd";
    let fee = |region: &str| {
        check_builtin(&format!(
            r#"{{"region": "{region}", "instance_type": "ecs.g7.large", "image": "{image}"}}"#
        ))
        .findings
        .into_iter()
        .find(|f| f.code == "license-fee")
    };
    assert!(fee("cn-hangzhou").is_none());
    let billed = fee("cn-hongkong").expect("billed in Hong Kong");
    assert!(billed
        .evidence
        .iter()
        .any(|e| e.fact.contains("outside the Chinese mainland")));
    assert!(fee("ap-southeast-1").is_some());
}

/// `check --format json` carries the evidence list of each finding (an optional field).
#[test]
fn the_json_report_carries_evidence() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let plan = r#"{"version": 1, "as_of": "2026-11-29", "launches": [{"region": "ap-southeast-1",
        "instance_type": "ecs.u1-c1m2.large",
        "image": "win2025_24H2_x64_dtc_en-us_40G_uefi_alibase_20251112.vhd"}]}"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecs-image-planner"))
        .args(["check", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(plan.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "boot-mode-mismatch")
        .expect("boot-mode-mismatch");
    let evidence = finding["evidence"].as_array().expect("an evidence list");
    assert!(evidence
        .iter()
        .any(|e| e["fact"] == "ecs.u1-c1m2.large boots BIOS only"
            && e["seen"] == "2023-12-05"
            && e["url"] == "https://www.alibabacloud.com/help/doc-detail/324257.htm"
            && e["confirmed"] == true));
}
