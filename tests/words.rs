//! Messages in user terms (issue 16): a finding names plan items the way the user knows them
//! (a planned copy is "the copy of m-... in ap-southeast-1", never an API reference such as
//! `${copy-0.ImageId}`), and help says what to do without citing JSON field names.

mod common;

use common::{check, plan};
use ecs_image_planner::core::{parse_plan, planner, Report};

/// Field names of the plan document that a help text must not cite.
const FIELDS: &[&str] = &[
    "size_gib",
    "to_region",
    "bucket_region",
    "instance_types",
    "custom_image_usage",
    "kms_key_id",
    "account_id",
    "shared_with",
    "boot_mode",
    "from_marketplace",
    "marketplace_regions",
    "license_fee",
    "keep_snapshots",
    "system_disk",
    "\"images\"",
    "\"copies\"",
    "\"creates\"",
    "nvme:",
    "share_accounts_per_image",
    "custom_images_per_region",
];

fn every_text(report: &Report) -> Vec<(String, String)> {
    report
        .findings
        .iter()
        .flat_map(|f| {
            [
                (f.code.to_string(), f.message.clone()),
                (f.code.to_string(), f.help.clone()),
            ]
        })
        .collect()
}

/// Plans that reach many rules: a broken one per area, and the repository's examples.
fn plans() -> Vec<(String, Report)> {
    let mut reports = Vec::new();
    for (name, text) in [
        (
            "examples/broken.json",
            include_str!("../examples/broken.json"),
        ),
        (
            "examples/copy-and-share.json",
            include_str!("../examples/copy-and-share.json"),
        ),
        (
            "tests/golden/reference-plan.json",
            include_str!("golden/reference-plan.json"),
        ),
    ] {
        let parsed = parse_plan(text).expect(name);
        reports.push((
            name.to_string(),
            planner::check_builtin(&parsed, common::today()),
        ));
    }
    reports.push(("copies".into(), check(&plan(COPIED))));
    reports
}

/// A custom image without the NVMe driver, copied to Singapore, then launched, shared and
/// exported there, and copied again.
const COPIED: &str = r#"
    "images": [{"id": "m-plain", "type": "custom", "os": "Windows Server 2022", "platform": "windows", "size_gib": 60, "regions": ["cn-hangzhou"]}],
    "copies": [{"image": "m-plain", "to_region": "ap-southeast-1"}],
    "launches": [{"region": "ap-southeast-1", "instance_type": "ecs.g8i.large", "image": "m-plain", "system_disk": {"size_gib": 20}}],
    "shares": [{"image": "m-plain", "region": "ap-southeast-1", "accounts": ["1000000000000001", "12345"]}],
    "exports": [{"image": "m-plain", "bucket_region": "ap-southeast-1"}]
"#;

#[test]
fn a_planned_copy_is_named_for_a_person_not_by_its_api_reference() {
    let report = check(&plan(COPIED));
    let nvme = report
        .findings
        .iter()
        .find(|f| f.code == "nvme-unsupported")
        .expect("the copy lacks the NVMe driver on a g8i");
    assert!(
        nvme.message
            .contains("the copy of m-plain in ap-southeast-1"),
        "{}",
        nvme.message
    );
    for (name, report) in plans() {
        for (code, text) in every_text(&report) {
            assert!(!text.contains("${"), "{name}: {code}: {text}");
        }
    }
}

#[test]
fn help_texts_cite_no_json_field_names() {
    for (name, report) in plans() {
        for finding in &report.findings {
            for field in FIELDS {
                assert!(
                    !finding.help.contains(field),
                    "{name}: {}: help names {field}: {}",
                    finding.code,
                    finding.help
                );
            }
        }
    }
}
