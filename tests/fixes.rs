//! One-click fixes keep what the user chose (issue 16): the user's own image is never swapped
//! for a catalog image when a fix on the other side exists.

mod common;

use common::{check, launch, plan};
use ecs_image_planner::core::fix::Fix;
use ecs_image_planner::core::model::CpuArch;

const OWN: &str = r#""images": [{"id": "m-mine", "type": "custom", "os": "Linux A", "boot_mode": "UEFI-Preferred", "size_gib": 20, "regions": ["cn-hangzhou"]}]"#;

fn fix_of(body: &str, code: &str) -> Option<Fix> {
    check(&plan(body))
        .findings
        .into_iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("{code} fires"))
        .fix
}

#[test]
fn an_own_image_without_the_nvme_driver_is_marked_not_replaced() {
    let body = format!(
        "{OWN}, {}",
        launch("cn-hangzhou", "ecs.g8i.large", "m-mine", "")
    );
    assert_eq!(
        fix_of(&body, "nvme-unsupported"),
        Some(Fix::MarkImageNvme {
            image: "m-mine".into()
        })
    );
    // Applied, the launch passes with the user's image.
    let mut fixed = plan(&body);
    Fix::MarkImageNvme {
        image: "m-mine".into(),
    }
    .apply(&mut fixed);
    assert!(check(&fixed).ok);
}

#[test]
fn an_own_x86_image_on_an_arm_type_gets_an_x86_type() {
    let body = format!(
        "{OWN}, {}",
        launch("cn-hangzhou", "ecs.g8y.large", "m-mine", "")
    );
    let Some(Fix::ReplaceLaunchInstanceType { instance_type, .. }) = fix_of(&body, "arch-mismatch")
    else {
        panic!("the type changes, the image stays");
    };
    let catalog = common::catalog();
    let picked = catalog.instance_type(&instance_type).unwrap();
    assert_eq!(picked.arch, CpuArch::X86_64, "{instance_type}");
    assert_eq!(picked.vcpus, Some(2), "closest in size to ecs.g8y.large");
}

#[test]
fn a_catalog_image_still_gives_way_to_its_build_for_the_type() {
    let body = launch("cn-hangzhou", "ecs.g8y.large", "pub-x64", "");
    assert_eq!(
        fix_of(&body, "arch-mismatch"),
        Some(Fix::ReplaceLaunchImage {
            launch: 0,
            image: "pub-arm".into()
        })
    );
}
