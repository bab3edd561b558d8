//! Image Builder pipelines and OOS image updates (CONTRACT §4.5-4.7): what they make, where it
//! counts, how later items find it, and the API calls.

mod common;

use common::{check, codes, plan};
use ecs_image_planner::core::i18n::Lang;
use ecs_image_planner::core::item::Item;
use ecs_image_planner::core::param::Param;
use ecs_image_planner::core::Severity;
use serde_json::Value;

const PIPELINE: &str = r#""pipelines": [{
    "name": "web", "region": "cn-hangzhou", "base_image": "pub-x64", "instance_type": "ecs.g7.large",
    "image": {"id": "web", "name": "web", "os": "Linux A", "boot_mode": "UEFI-Preferred", "nvme": "supported", "size_gib": 20},
    "to_regions": ["cn-shanghai", "ap-southeast-1"],
    "share_accounts": ["2000000000000001", "2000000000000002"],
    "build_content": "RUN yum install -y nginx"
}]"#;

fn with(extra: &str) -> String {
    format!("{PIPELINE}, {extra}")
}

fn errors(body: &str) -> Vec<(String, &'static str)> {
    check(&plan(body))
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.path, f.code))
        .collect()
}

#[test]
fn a_good_pipeline_has_no_finding() {
    assert_eq!(codes(&check(&plan(PIPELINE))), Vec::<&str>::new());
}

#[test]
fn the_image_counts_in_every_region_it_lands_in() {
    let report = check(&plan(&with(
        r#""custom_image_usage": {"cn-hangzhou": 5, "ap-southeast-1": 99}"#,
    )));
    let ledger = &report.ledger;
    for (region, used) in [
        ("cn-hangzhou", 6),
        ("cn-shanghai", 1),
        ("ap-southeast-1", 100),
    ] {
        let usage = &ledger.regions[region];
        assert_eq!((usage.built, usage.used()), (1, used), "{region}");
        assert_eq!(usage.items, vec![Item::Pipeline(0)]);
    }
    assert_eq!(
        ledger.regions["cn-hangzhou"].breakdown(Lang::En),
        "5 existing + 1 built by a pipeline"
    );
    assert_eq!(
        ledger.regions["cn-hangzhou"].breakdown(Lang::ZhCn),
        "已有 5 + 流水线构建 1"
    );
    assert!(report.ok, "{:#?}", report.findings);
}

#[test]
fn a_full_distribution_region_is_reported_at_its_to_regions_entry() {
    let body = with(r#""custom_image_usage": {"ap-southeast-1": 100}"#);
    assert_eq!(
        errors(&body),
        vec![(
            "/pipelines/0/to_regions/1".to_string(),
            "custom-image-quota"
        )]
    );
    let body = with(r#""custom_image_usage": {"cn-hangzhou": 100}"#);
    assert_eq!(
        errors(&body),
        vec![("/pipelines/0/region".to_string(), "custom-image-quota")]
    );
}

#[test]
fn later_images_count_after_the_pipeline_in_plan_order() {
    let body = with(
        r#""quotas": {"custom_images_per_region": 2},
           "copies": [{"image": "m-custom", "to_region": "cn-shanghai", "name": "c1"},
                      {"image": "m-custom", "to_region": "cn-shanghai", "name": "c2"}]"#,
    );
    assert_eq!(
        errors(&body),
        vec![("/copies/1".to_string(), "custom-image-quota")]
    );
}

#[test]
fn launches_shares_copies_and_exports_find_the_image_in_every_region() {
    let body = with(
        r#""launches": [
             {"region": "cn-shanghai", "instance_type": "ecs.g7.large", "image": "web"},
             {"region": "ap-southeast-1", "instance_type": "ecs.g7.large", "image": "web"},
             {"region": "cn-beijing", "instance_type": "ecs.g7.large", "image": "web"}],
           "shares": [{"image": "web", "region": "ap-southeast-1", "accounts": ["2000000000000003"]}],
           "exports": [{"image": "web", "bucket_region": "cn-shanghai"}]"#,
    );
    let report = check(&plan(&body));
    let errors: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.path.as_str(), f.code))
        .collect();
    assert_eq!(
        errors,
        [("/launches/2/image", "image-region-mismatch")],
        "only Beijing lacks the image"
    );
    let image_of = |id: &str| {
        let op = report.operations.iter().find(|o| o.id == id).unwrap();
        op.params["ImageId"].clone()
    };
    assert_eq!(
        image_of("launch-0"),
        Param::output("pipeline-0-run", "ImageId.cn-shanghai")
    );
    assert_eq!(
        image_of("launch-1"),
        Param::output("pipeline-0-run", "ImageId.ap-southeast-1")
    );
    assert_eq!(
        image_of("share-0-0"),
        Param::output("pipeline-0-run", "ImageId.ap-southeast-1")
    );
    assert_eq!(
        image_of("export-0"),
        Param::output("pipeline-0-run", "ImageId.cn-shanghai")
    );
}

#[test]
fn a_copy_of_the_image_starts_from_the_build_region() {
    let report = check(&plan(&with(
        r#""copies": [{"image": "web", "to_region": "cn-beijing", "name": "web-bj"}],
           "launches": [{"region": "cn-beijing", "instance_type": "ecs.g7.large", "image": "web"}]"#,
    )));
    assert!(report.ok, "{:#?}", report.findings);
    let copy = report.operations.iter().find(|o| o.id == "copy-0").unwrap();
    assert_eq!(copy.params["RegionId"], "cn-hangzhou");
    assert_eq!(
        copy.params["ImageId"],
        Param::output("pipeline-0-run", "ImageId.cn-hangzhou")
    );
    assert_eq!(report.ledger.regions["cn-beijing"].copied, 1);
}

#[test]
fn its_accounts_count_against_the_share_quota_in_every_region() {
    let body = with(
        r#""quotas": {"share_accounts_per_image": 3},
           "shares": [{"image": "web", "region": "cn-shanghai", "accounts": ["2000000000000003", "2000000000000004"]},
                      {"image": "web", "region": "ap-southeast-1", "accounts": ["2000000000000001"]}]"#,
    );
    let report = check(&plan(&body));
    let usage = |region: &str| {
        report
            .ledger
            .shares
            .iter()
            .find(|u| u.region == region)
            .unwrap()
    };
    assert_eq!(usage("cn-shanghai").used(), 4);
    assert_eq!(
        usage("ap-southeast-1").used(),
        2,
        "an account already added counts once"
    );
    assert_eq!(usage("cn-hangzhou").items, vec![Item::Pipeline(0)]);
    assert_eq!(
        errors(&body),
        vec![("/shares/0/accounts".to_string(), "share-quota-exceeded")]
    );
    let over = r#""quotas": {"share_accounts_per_image": 1}"#;
    assert_eq!(
        errors(&with(over)),
        vec![(
            "/pipelines/0/share_accounts".to_string(),
            "share-quota-exceeded"
        )]
    );
}

#[test]
fn its_accounts_are_checked_like_a_share_s() {
    let body = PIPELINE
        .replace("2000000000000002", "1000000000000001")
        .replace("2000000000000001", "ops-team");
    assert_eq!(
        errors(&body),
        vec![
            (
                "/pipelines/0/share_accounts/0".to_string(),
                "share-account-invalid"
            ),
            ("/pipelines/0/share_accounts/1".to_string(), "share-self"),
        ]
    );
}

#[test]
fn the_build_instance_is_checked_with_the_launch_rules_at_the_pipeline() {
    let arm = PIPELINE.replace("ecs.g7.large", "ecs.g8y.large");
    assert_eq!(
        errors(&arm),
        vec![("/pipelines/0".to_string(), "arch-mismatch")]
    );
    let report = check(&plan(&arm));
    assert!(report.findings[0].message.starts_with("build instance: "));
    let windows = PIPELINE.replace("pub-x64", "win-x64").replace(
        r#""instance_type": "ecs.g7.large","#,
        r#""system_disk_gib": 30,"#,
    );
    let report = check(&plan(&windows));
    let found: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.path.as_str(), f.code))
        .collect();
    assert!(
        found.contains(&("/pipelines/0", "system-disk-too-small")),
        "{found:?}"
    );
    assert!(
        found.contains(&("/pipelines/0", "license-fee")),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(_, code)| *code == "arch-mismatch"),
        "no type, no pair rules"
    );
}

#[test]
fn an_unknown_build_type_is_reported_and_stops_the_launch_rules() {
    let body = PIPELINE.replace("ecs.g7.large", "ecs.nope.large");
    assert_eq!(
        errors(&body),
        vec![(
            "/pipelines/0/instance_type".to_string(),
            "instance-type-not-found"
        )]
    );
}

#[test]
fn missing_values_name_the_parameter_they_feed() {
    let body = r#""pipelines": [{"image": {"id": "x"}}]"#;
    let report = check(&plan(body));
    let missing: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.path.as_str(), f.code, f.message.as_str()))
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0].0, "/pipelines/0/region");
    assert!(missing[0].2.contains("CreateImagePipeline needs RegionId"));
    let body = r#""pipelines": [{"region": "cn-hangzhou", "image": {"id": "x"}}]"#;
    let report = check(&plan(body));
    assert_eq!(report.findings[0].path, "/pipelines/0/base_image");
    assert!(report.findings[0].message.contains("BaseImage"));
}

#[test]
fn a_base_family_builds_on_its_newest_available_image_in_the_region() {
    let family = PIPELINE.replace(r#""base_image": "pub-x64""#, r#""base_family": "web-base""#);
    assert_eq!(
        errors(&family),
        vec![(
            "/pipelines/0/base_family".to_string(),
            "pipeline-base-image"
        )],
        "no image of the family: reported, not passed unchecked"
    );
    let images = r#""images": [
        {"id": "m-old", "type": "custom", "family": "web-base", "created": "2026-01-01", "arch": "arm64", "boot_mode": "UEFI", "regions": ["cn-hangzhou"]},
        {"id": "m-new", "type": "custom", "family": "web-base", "created": "2026-11-01", "boot_mode": "UEFI-Preferred", "nvme": "supported", "size_gib": 20, "regions": ["cn-hangzhou"]}]"#;
    let body = format!("{family}, {images}");
    assert_eq!(
        errors(&body),
        Vec::<(String, &str)>::new(),
        "the newest, x86_64, fits ecs.g7.large"
    );
    let report = check(&plan(&body));
    assert_eq!(report.operations[0].params["BaseImageType"], "IMAGE_FAMILY");
    let arm_newest = body.replace("2026-01-01", "2026-11-20");
    assert_eq!(
        errors(&arm_newest),
        vec![("/pipelines/0".to_string(), "arch-mismatch")],
        "the arm64 image is now the newest: the build type no longer fits"
    );
    let family_name = PIPELINE.replace(
        r#""name": "web", "os""#,
        r#""name": "web", "family": "aliyun-web", "os""#,
    );
    assert_eq!(
        errors(&family_name),
        vec![(
            "/pipelines/0/image/family".to_string(),
            "image-family-invalid"
        )]
    );
    let report = check(&plan(&PIPELINE.replace(
        r#""name": "web", "os""#,
        r#""name": "web", "family": "web", "os""#,
    )));
    assert_eq!(
        report.operations[0].params["ImageOptions.ImageFamily"],
        "web"
    );
}

#[test]
fn the_name_prefix_has_at_most_64_characters() {
    let long = "w".repeat(65);
    let body = PIPELINE.replace(
        r#""name": "web", "os""#,
        &format!(r#""name": "{long}", "os""#),
    );
    assert_eq!(
        errors(&body),
        vec![("/pipelines/0/image/name".to_string(), "image-name-invalid")]
    );
    let body = PIPELINE.replace(r#""name": "web", "os""#, r#""name": "aliyun-web", "os""#);
    assert_eq!(
        errors(&body),
        vec![("/pipelines/0/image/name".to_string(), "image-name-invalid")]
    );
}

#[test]
fn pipeline_calls_carry_the_sdk_parameter_names_in_order() {
    let report = check(&plan(&with(
        r#""creates": [{"image": {"id": "new", "regions": ["cn-hangzhou"]}, "source": "i-1"}],
           "copies": [{"image": "m-custom", "to_region": "cn-beijing"}]"#,
    )));
    let ids: Vec<&str> = report.operations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["create-0", "pipeline-0", "pipeline-0-run", "copy-0"]);
    let create = serde_json::to_value(&report.operations[1]).unwrap();
    assert_eq!(create["api"], "CreateImagePipeline");
    assert!(
        create.get("product").is_none(),
        "ECS calls carry no product"
    );
    let params = &create["params"];
    for (name, value) in [
        ("RegionId", "cn-hangzhou"),
        ("Name", "web"),
        ("BaseImageType", "IMAGE"),
        ("BaseImage", "pub-x64"),
        ("ImageOptions.ImageName", "web"),
        ("InstanceType", "ecs.g7.large"),
        ("BuildContent", "RUN yum install -y nginx"),
        ("ToRegionId.1", "cn-shanghai"),
        ("ToRegionId.2", "ap-southeast-1"),
        ("AddAccount.1", "2000000000000001"),
        ("AddAccount.2", "2000000000000002"),
    ] {
        assert_eq!(params[name], value, "{name}");
    }
    let run = &report.operations[2];
    assert_eq!(run.api, "StartImagePipelineExecution");
    assert_eq!(
        run.params["ImagePipelineId"],
        Param::output("pipeline-0", "ImagePipelineId")
    );
    assert_eq!(run.params["RegionId"], "cn-hangzhou");
    let family = PIPELINE.replace(r#""base_image": "pub-x64""#, r#""base_family": "web-base""#);
    let report = check(&plan(&family));
    assert_eq!(report.operations[0].params["BaseImageType"], "IMAGE_FAMILY");
    assert_eq!(report.operations[0].params["BaseImage"], "web-base");
}

const UPDATE: &str = r#""updates": [{"image": "m-custom", "name": "custom-two", "instance_type": "ecs.g7.large", "commands": "yum update -y"}]"#;

#[test]
fn an_update_makes_a_custom_image_in_the_source_region() {
    let report = check(&plan(UPDATE));
    assert!(report.ok, "{:#?}", report.findings);
    assert_eq!(report.ledger.regions["cn-hangzhou"].updated, 1);
    let op = serde_json::to_value(&report.operations[0]).unwrap();
    assert_eq!(op["id"], "update-0");
    assert_eq!(op["api"], "StartExecution");
    assert_eq!(op["product"], "oos");
    assert_eq!(op["params"]["RegionId"], "cn-hangzhou");
    assert_eq!(op["params"]["TemplateName"], "ACS-ECS-UpdateImage");
    let parameters: Value =
        serde_json::from_str(op["params"]["Parameters"].as_str().unwrap()).unwrap();
    assert_eq!(
        parameters,
        serde_json::json!({
            "regionId": "cn-hangzhou", "sourceImageId": "m-custom", "targetImageName": "custom-two",
            "instanceType": "ecs.g7.large", "updateType": "RunCommand",
            "commandType": "RunShellScript", "commandContent": "yum update -y"
        })
    );
}

#[test]
fn an_update_s_name_and_quota_follow_the_create_rules() {
    let taken = UPDATE.replace("custom-two", "custom-one");
    assert_eq!(
        errors(&taken),
        vec![("/updates/0/name".to_string(), "image-name-duplicate")]
    );
    let full = format!(r#"{UPDATE}, "custom_image_usage": {{"cn-hangzhou": 100}}"#);
    assert_eq!(
        errors(&full),
        vec![("/updates/0".to_string(), "custom-image-quota")]
    );
}

#[test]
fn an_update_s_instance_is_checked_with_the_launch_rules() {
    let arm = UPDATE.replace("ecs.g7.large", "ecs.g8y.large");
    let found = errors(&arm);
    assert!(
        found.contains(&("/updates/0".to_string(), "arch-mismatch")),
        "{found:?}"
    );
    let elsewhere = UPDATE.replace(r#""name""#, r#""region": "cn-beijing", "name""#);
    assert_eq!(
        errors(&elsewhere),
        vec![("/updates/0".to_string(), "image-region-mismatch")]
    );
    let missing = r#""updates": [{"image": "m-custom"}]"#;
    assert_eq!(
        errors(missing),
        vec![("/updates/0/instance_type".to_string(), "value-missing")]
    );
}

#[test]
fn finding_paths_name_the_pipeline_and_update_items() {
    assert_eq!(
        Item::of_path("/pipelines/3/to_regions/1"),
        Item::Pipeline(3)
    );
    assert_eq!(Item::of_path("/updates/0/name"), Item::Update(0));
    assert_eq!(Item::Pipeline(2).to_string(), "/pipelines/2");
}

mod exports {
    use super::*;
    use ecs_image_planner::core::export::{aliyun_cli, terraform};

    /// HCL with runs of spaces as one space, so that assertions do not depend on alignment.
    fn squeeze(hcl: &str) -> String {
        hcl.split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn operations(body: &str) -> Vec<ecs_image_planner::core::Operation> {
        check(&plan(body)).operations
    }

    #[test]
    fn the_script_waits_for_the_pipeline_then_finds_each_distributed_image() {
        let ops = operations(&with(
            r#""launches": [{"region": "ap-southeast-1", "instance_type": "ecs.g7.large", "image": "web"}]"#,
        ));
        let script = aliyun_cli(&ops);
        let run = script
            .find("aliyun ecs StartImagePipelineExecution")
            .unwrap();
        let wait = script.find("DescribeImagePipelineExecutions").unwrap();
        let lookup = script
            .find("PIPELINE_0_RUN_IMAGEID_AP_SOUTHEAST_1=$(aliyun ecs DescribeImages --RegionId='ap-southeast-1'")
            .unwrap();
        let launch = script.find("aliyun ecs RunInstances").unwrap();
        assert!(run < wait && wait < lookup && lookup < launch, "{script}");
        assert!(script.contains("--ImageId=\"$PIPELINE_0_RUN_IMAGEID_AP_SOUTHEAST_1\""));
        assert!(script.contains("--ImagePipelineId=\"$PIPELINE_0_IMAGEPIPELINEID\""));
        assert!(script.contains("--ToRegionId.2='ap-southeast-1'"));
        assert!(script.contains("SUCCESS) break"));
    }

    #[test]
    fn an_update_is_an_oos_command_with_its_parameters_as_one_json_word() {
        let script = aliyun_cli(&operations(UPDATE));
        assert!(script.contains("aliyun oos StartExecution \\\n  --RegionId='cn-hangzhou' \\\n  --TemplateName='ACS-ECS-UpdateImage' \\\n  --Parameters='{"), "{script}");
    }

    #[test]
    fn terraform_makes_the_template_and_leaves_the_run_to_the_cli() {
        let ops = operations(&with(
            r#""launches": [{"region": "cn-shanghai", "instance_type": "ecs.g7.large", "image": "web"}]"#,
        ));
        let hcl = squeeze(&terraform(&ops));
        assert!(
            hcl.contains("resource \"alicloud_ecs_image_pipeline\" \"pipeline_0\" {"),
            "{hcl}"
        );
        assert!(
            hcl.contains("to_region_id = [\"cn-shanghai\", \"ap-southeast-1\"]"),
            "{hcl}"
        );
        assert!(
            hcl.contains("add_account = [\"2000000000000001\", \"2000000000000002\"]"),
            "{hcl}"
        );
        assert!(hcl.contains("# No Terraform resource runs an image pipeline"));
        assert!(hcl.contains("variable \"pipeline_0_run_imageid_cn_shanghai\" {"));
        assert!(
            hcl.contains("image_id = var.pipeline_0_run_imageid_cn_shanghai"),
            "{hcl}"
        );
        let update = squeeze(&terraform(&operations(UPDATE)));
        assert!(
            update.contains("resource \"alicloud_oos_execution\" \"update_0\" {"),
            "{update}"
        );
        assert!(
            update.contains("template_name = \"ACS-ECS-UpdateImage\""),
            "{update}"
        );
    }
}

#[test]
fn the_built_image_keeps_its_base_s_architecture_and_platform() {
    // Described as x86_64 Linux (the defaults), built on an arm64 base: launching it on an x86
    // type must not pass.
    let body = PIPELINE.replace("pub-x64", "pub-arm").replace(
        r#""instance_type": "ecs.g7.large","#,
        r#""instance_type": "ecs.g8y.large","#,
    );
    let body = format!(
        r#"{body}, "launches": [{{"region": "cn-shanghai", "instance_type": "ecs.g7.large", "image": "web"}}]"#
    );
    assert_eq!(
        errors(&body),
        vec![("/launches/0".to_string(), "arch-mismatch")]
    );
    let windows = PIPELINE
        .replace("pub-x64", "win-x64")
        .replace(r#""instance_type": "ecs.g7.large","#, "");
    let windows = format!(
        r#"{windows}, "launches": [{{"region": "cn-hangzhou", "instance_type": "ecs.t5-lc2m1.nano", "image": "web"}}]"#
    );
    let found = errors(&windows);
    assert!(
        found.contains(&(
            "/launches/0/instance_type".to_string(),
            "windows-min-memory"
        )),
        "{found:?}"
    );
}
