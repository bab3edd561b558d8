//! Importing `aliyun ecs DescribeImages` / `DescribeInstanceTypes` output.

use std::fs;
use std::path::Path;

use ecs_image_planner::core::i18n::Lang;
use ecs_image_planner::core::import::{
    detect_and_import, import_describe_images, import_describe_instance_types, Imported,
    MAX_IMPORT_BYTES,
};
use ecs_image_planner::core::model::{
    BootMode, CpuArch, DataDisk, Image, ImageArch, ImageBootMode, ImageStatus, ImageType,
    InstanceType, NvmeRequirement, NvmeSupport, Platform,
};
use ecs_image_planner::core::parse_plan;
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap_or_else(|err| panic!("tests/fixtures/{name}: {err}"))
}

fn images_json(images: Value) -> String {
    json!({"RegionId": "cn-hangzhou", "Images": {"Image": images}}).to_string()
}

#[test]
fn describe_images_fixture() {
    let images = import_describe_images(&fixture("describe-images-hangzhou.json"), "cn-hangzhou")
        .expect("imports");
    let ids: Vec<&str> = images.iter().map(|i| i.id.as_str()).collect();
    // The Creating image is left out.
    assert_eq!(
        ids,
        [
            "aliyun_3_x64_20G_alibase_20240819.vhd",
            "m-bp1g7004ksh0oeuc0aa1",
            "m-bp13aqm171qynt3u2x7z",
            "m-bp1eaz3c1hdpk9v0tq6s"
        ]
    );
    assert_eq!(
        images[0],
        Image {
            id: "aliyun_3_x64_20G_alibase_20240819.vhd".into(),
            name: Some("aliyun_3_x64_20G_alibase_20240819.vhd".into()),
            kind: ImageType::Public,
            os: Some("Alibaba Cloud Linux  3.2104 LTS 64 bit".into()),
            platform: Platform::Linux,
            arch: ImageArch::X86_64,
            boot_mode: ImageBootMode::UefiPreferred,
            nvme: NvmeSupport::Supported,
            size_gib: Some(20),
            regions: None,
            family: Some("acs:alibaba_cloud_linux_3_2104_lts_x64".into()),
            created: "2024-08-19".parse().ok(),
            ..Image::default()
        }
    );
    assert_eq!(
        images[1],
        Image {
            id: "m-bp1g7004ksh0oeuc0aa1".into(),
            name: Some("web-base-2026-11".into()),
            kind: ImageType::Custom,
            os: Some("Alibaba Cloud Linux  3.2104 LTS 64 bit".into()),
            boot_mode: ImageBootMode::UefiPreferred,
            nvme: NvmeSupport::Supported,
            size_gib: Some(40),
            regions: Some(vec!["cn-hangzhou".into()]),
            snapshots: vec![
                "s-bp1c0doj0taqyzzl9rw1".into(),
                "s-bp1c0doj0taqyzzl9rw2".into()
            ],
            data_disks: vec![DataDisk {
                size_gib: Some(100)
            }],
            created: "2026-11-02".parse().ok(),
            ..Image::default()
        }
    );
    assert!(
        images[2].from_marketplace,
        "custom image with a ProductCode"
    );
    assert_eq!(images[2].status, ImageStatus::Deprecated);
    assert_eq!(images[2].nvme, NvmeSupport::Unsupported);
    assert_eq!(images[3].kind, ImageType::Shared);
    assert_eq!(images[3].platform, Platform::Windows);
    assert!(!images[3].from_marketplace);
}

#[test]
fn marketplace_and_community() {
    let images = import_describe_images(
        &fixture("describe-images-marketplace.json"),
        "ap-southeast-1",
    )
    .expect("imports");
    assert_eq!(images[0].kind, ImageType::Marketplace);
    assert!(!images[0].from_marketplace);
    assert_eq!(images[0].regions, Some(vec!["ap-southeast-1".into()]));
    assert_eq!(images[1].kind, ImageType::Community);
    assert_eq!(images[1].arch, ImageArch::Arm64);
    assert_eq!(images[1].boot_mode, ImageBootMode::Uefi);
}

#[test]
fn imported_images_make_a_valid_plan() {
    let images = import_describe_images(&fixture("describe-images-hangzhou.json"), "")
        .expect("the output names its region");
    let plan = json!({"version": 1, "images": images}).to_string();
    let plan = parse_plan(&plan).expect("imported images form a valid plan");
    assert_eq!(plan.images, images);
}

#[test]
fn describe_instance_types_fixture() {
    let types =
        import_describe_instance_types(&fixture("describe-instance-types.json")).expect("imports");
    assert_eq!(
        types,
        vec![
            InstanceType {
                id: "ecs.g7.large".into(),
                vcpus: Some(2),
                memory_gib: Some(8.0),
                arch: CpuArch::X86_64,
                boot_modes: vec![BootMode::Bios, BootMode::Uefi],
                nvme: NvmeRequirement::Unsupported,
                regions: None,
            },
            InstanceType {
                id: "ecs.g8y.large".into(),
                vcpus: Some(2),
                memory_gib: Some(8.0),
                arch: CpuArch::Arm64,
                boot_modes: vec![BootMode::Uefi],
                nvme: NvmeRequirement::Required,
                regions: None,
            },
            InstanceType {
                id: "ecs.t5-lc2m1.nano".into(),
                vcpus: Some(1),
                memory_gib: Some(0.5),
                arch: CpuArch::X86_64,
                boot_modes: vec![],
                nvme: NvmeRequirement::Unsupported,
                regions: None,
            },
        ]
    );
    let plan = json!({"version": 1, "instance_types": types}).to_string();
    assert_eq!(parse_plan(&plan).expect("valid").instance_types, types);
}

#[test]
fn detect_tells_them_apart() {
    assert!(matches!(
        detect_and_import(&fixture("describe-images-hangzhou.json"), ""),
        Ok(Imported::Images(images)) if images.len() == 4
    ));
    assert!(matches!(
        detect_and_import(&fixture("describe-instance-types.json"), ""),
        Ok(Imported::InstanceTypes(types)) if types.len() == 3
    ));
    let err =
        detect_and_import(r#"{"Instances": {"Instance": []}, "RequestId": "x"}"#, "").unwrap_err();
    assert!(
        err.message.contains("\"Images\" or \"InstanceTypes\""),
        "{err}"
    );
    assert!(err.message.contains("Instances, RequestId"), "{err}");
}

#[test]
fn missing_image_id_names_the_pointer() {
    let mut images: Vec<Value> = (0..4)
        .map(|i| json!({"ImageId": format!("m-{i}"), "ImageOwnerAlias": "self"}))
        .collect();
    images[3].as_object_mut().expect("object").remove("ImageId");
    let err = import_describe_images(&images_json(Value::Array(images)), "").unwrap_err();
    assert_eq!(err.pointer, "/Images/Image/3/ImageId");
    assert!(err.message.contains("missing ImageId"), "{err}");
    assert!(
        err.to_string().starts_with("at /Images/Image/3/ImageId: "),
        "{err}"
    );
}

#[test]
fn wrong_types_and_values_name_the_pointer() {
    let cases = [
        (
            json!([{"ImageId": 7, "ImageOwnerAlias": "self"}]),
            "/Images/Image/0/ImageId",
            "expected a string, found a number",
        ),
        (
            json!([{"ImageId": "m-1", "ImageOwnerAlias": "friends"}]),
            "/Images/Image/0/ImageOwnerAlias",
            "\"friends\" is not one of \"system\", \"self\", \"others\", \"marketplace\"",
        ),
        (
            json!([{"ImageId": "m-1", "ImageOwnerAlias": "self", "Architecture": "sparc"}]),
            "/Images/Image/0/Architecture",
            "\"sparc\" is not one of \"i386\", \"x86_64\", \"arm64\"",
        ),
        (
            json!([{"ImageId": "m-1", "ImageOwnerAlias": "self", "Size": "big"}]),
            "/Images/Image/0/Size",
            "expected a number of 0 or more, found \"big\"",
        ),
        (
            json!([{"ImageId": "m-1", "ImageOwnerAlias": "self",
                    "DiskDeviceMappings": {"DiskDeviceMapping": [{"Type": "data"}]}}]),
            "/Images/Image/0/DiskDeviceMappings/DiskDeviceMapping/0/Size",
            "missing Size",
        ),
        (
            json!([{"ImageId": "m-1", "ImageOwnerAlias": "self", "Features": {"NvmeSupport": "auto"}}]),
            "/Images/Image/0/Features/NvmeSupport",
            "\"auto\" is not one of \"supported\", \"unsupported\"",
        ),
        (
            json!([5]),
            "/Images/Image/0",
            "expected an object, found a number",
        ),
        (
            json!({"a": 1}),
            "/Images/Image",
            "expected a list, found an object",
        ),
    ];
    for (images, pointer, message) in cases {
        let err = import_describe_images(&images_json(images), "").unwrap_err();
        assert_eq!(err.pointer, pointer, "{err}");
        assert!(err.message.contains(message), "{err}");
    }
}

#[test]
fn instance_type_errors_name_the_pointer() {
    let cases = [
        (
            json!([{"InstanceTypeId": "ecs.a", "MemorySize": 1}]),
            "/InstanceTypes/InstanceType/0/CpuCoreCount",
            "missing CpuCoreCount",
        ),
        (
            json!([{"InstanceTypeId": "ecs.a", "CpuCoreCount": 2}]),
            "/InstanceTypes/InstanceType/0/MemorySize",
            "missing MemorySize",
        ),
        (
            json!([{"InstanceTypeId": "ecs.a", "CpuCoreCount": 2.5, "MemorySize": 1}]),
            "/InstanceTypes/InstanceType/0/CpuCoreCount",
            "expected a whole number, found 2.5",
        ),
        (
            json!([{"InstanceTypeId": "ecs.a", "CpuCoreCount": 2, "MemorySize": 1,
                    "SupportedBootModes": {"SupportedBootMode": ["BIOS", "CSM"]}}]),
            "/InstanceTypes/InstanceType/0/SupportedBootModes/SupportedBootMode/1",
            "\"CSM\" is not \"BIOS\" or \"UEFI\"",
        ),
        (
            json!([{"InstanceTypeId": "ecs.a", "CpuCoreCount": 2, "MemorySize": 1, "CpuArchitecture": "RISCV"}]),
            "/InstanceTypes/InstanceType/0/CpuArchitecture",
            "\"RISCV\" is not one of \"X86\", \"ARM\"",
        ),
    ];
    for (types, pointer, message) in cases {
        let json = json!({"InstanceTypes": {"InstanceType": types}}).to_string();
        let err = import_describe_instance_types(&json).unwrap_err();
        assert_eq!(err.pointer, pointer, "{err}");
        assert!(err.message.contains(message), "{err}");
    }
}

#[test]
fn region_must_be_known_and_consistent() {
    let images = json!({"Images": {"Image": [{"ImageId": "m-1", "ImageOwnerAlias": "self"}]}});
    let err = import_describe_images(&images.to_string(), "").unwrap_err();
    assert_eq!(err.pointer, "/RegionId");
    assert!(err.message.contains("m-1"), "{err}");
    let imported = import_describe_images(&images.to_string(), "cn-beijing").expect("ok");
    assert_eq!(imported[0].regions, Some(vec!["cn-beijing".into()]));
    let err = import_describe_images(&images_json(json!([])), "cn-beijing").unwrap_err();
    assert!(err.message.contains("\"cn-hangzhou\""), "{err}");
    assert!(err.message.contains("\"cn-beijing\""), "{err}");
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let err =
        import_describe_images("{\n  \"Images\": {\n    \"Image\": [,]\n  }\n}", "").unwrap_err();
    assert_eq!((err.line, err.column), (3, 15));
    assert!(err.message.starts_with("not valid JSON"), "{err}");
    let err = import_describe_images("[1, 2]", "").unwrap_err();
    assert!(err.message.contains("found a list"), "{err}");
}

#[test]
fn input_over_4_mib_is_refused_naming_the_limit() {
    let text = format!(
        "{{\"Images\": {{\"Image\": []}}, \"Pad\": \"{}\"}}",
        "x".repeat(MAX_IMPORT_BYTES)
    );
    let err = import_describe_images(&text, "cn-hangzhou").unwrap_err();
    assert!(err.message.contains(&MAX_IMPORT_BYTES.to_string()), "{err}");
    assert!(err.message.contains("4 MiB"), "{err}");
}

#[test]
fn more_than_1000_items_are_refused() {
    let images: Vec<Value> = (0..1001)
        .map(|i| json!({"ImageId": format!("m-{i}"), "ImageOwnerAlias": "system"}))
        .collect();
    let err = import_describe_images(&images_json(Value::Array(images)), "").unwrap_err();
    assert_eq!(err.pointer, "/Images/Image");
    assert!(err.message.contains("1001 items"), "{err}");
    assert!(err.message.contains("at most 1000"), "{err}");
}

#[test]
fn overlong_strings_are_refused() {
    let images =
        json!([{"ImageId": "m-1", "ImageOwnerAlias": "self", "ImageName": "n".repeat(2000)}]);
    let err = import_describe_images(&images_json(images), "").unwrap_err();
    assert_eq!(err.pointer, "/Images/Image/0/ImageName");
    assert!(err.message.contains("2000 characters"), "{err}");
}

#[test]
fn deep_nesting_errors_without_overflow() {
    let text = "[".repeat(100_000);
    let err = import_describe_images(&text, "").unwrap_err();
    assert!(err.message.contains("recursion limit"), "{err}");
}

#[test]
fn imported_images_merge_into_a_plan_by_id() {
    use ecs_image_planner::core::model::{Image, Plan};
    let mut plan = Plan {
        version: 1,
        images: vec![Image {
            id: "m-keep".into(),
            ..Image::default()
        }],
        ..Plan::default()
    };
    let imported = ecs_image_planner::core::import::Imported::Images(vec![
        Image {
            id: "m-keep".into(),
            name: Some("renamed".into()),
            ..Image::default()
        },
        Image {
            id: "m-new".into(),
            ..Image::default()
        },
    ]);
    let summary = imported.merge_into(&mut plan, Lang::En);
    assert_eq!(summary, "Added 1 image and updated 1 from DescribeImages.");
    assert_eq!(plan.images.len(), 2);
    assert_eq!(plan.images[0].name.as_deref(), Some("renamed"));
}

#[test]
fn describe_image_support_instance_types_pins_the_image() {
    let text = fixture("describe-image-support-instance-types.json");
    let imported = detect_and_import(&text, "").expect("imports");
    assert_eq!(
        imported,
        Imported::SupportedTypes {
            image: "m-bp1g7004ksh0oeuc0aa1".into(),
            types: vec!["ecs.g7.large".into(), "ecs.g7.xlarge".into()],
        }
    );
    // The image comes from the plan's own images; an image known nowhere is not invented.
    let mut plan = parse_plan(r#"{"version": 1}"#).expect("plan");
    let message = imported.clone().merge_into(&mut plan, Lang::En);
    assert!(message.contains("Nothing was pinned"), "{message}");
    assert!(plan.images.is_empty());
    let images = import_describe_images(&fixture("describe-images-hangzhou.json"), "cn-hangzhou")
        .expect("imports");
    plan.images = images;
    let message = imported.merge_into(&mut plan, Lang::En);
    assert!(
        message.contains("Pinned image m-bp1g7004ksh0oeuc0aa1"),
        "{message}"
    );
    assert_eq!(
        plan.images[1].instance_types.as_deref(),
        Some(&["ecs.g7.large".to_string(), "ecs.g7.xlarge".to_string()][..])
    );
}

#[test]
fn an_unreadable_creation_time_names_the_pointer() {
    let text = images_json(json!([{
        "ImageId": "m-bp1g7004ksh0oeuc0aa1",
        "ImageOwnerAlias": "self",
        "CreationTime": "yesterday"
    }]));
    let err = import_describe_images(&text, "cn-hangzhou").expect_err("refused");
    assert_eq!(err.pointer, "/Images/Image/0/CreationTime");
}
