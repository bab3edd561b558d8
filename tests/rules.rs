//! Every rule code: the registry matches the contract, and each code has a failing and a
//! passing case in the table below.

mod common;
#[path = "rules/pipeline.rs"]
mod pipeline_cases;
#[path = "rules/zh.rs"]
mod zh;
#[path = "rules/zh_regions.rs"]
mod zh_regions;
#[path = "rules/zh_texts.rs"]
mod zh_texts;

use std::collections::BTreeSet;

use common::{check, launch, plan};
use ecs_image_planner::core::rules;
use ecs_image_planner::core::Severity;

/// CONTRACT.md §2 and §4, copied by hand: code and severity, in registry order.
const CONTRACT: &[(&str, Severity)] = &[
    ("region-unknown", Severity::Error),
    // §4.1
    ("region-closed", Severity::Error),
    ("image-not-found", Severity::Error),
    ("instance-type-not-found", Severity::Error),
    ("launch-from-snapshot", Severity::Error),
    // §4.1
    ("value-missing", Severity::Error),
    ("image-region-mismatch", Severity::Error),
    ("image-not-released-in-region", Severity::Error),
    ("instance-type-not-in-region", Severity::Error),
    ("arch-mismatch", Severity::Error),
    ("arch-32bit-memory", Severity::Error),
    ("windows-32bit-cpu", Severity::Error),
    ("windows-min-memory", Severity::Error),
    ("boot-mode-mismatch", Severity::Error),
    ("nvme-unsupported", Severity::Error),
    // §4.2: a pair rule, so the matrix honours type pins too.
    ("image-type-restricted", Severity::Error),
    ("system-disk-too-small", Severity::Error),
    ("system-disk-too-large", Severity::Error),
    ("amount-out-of-range", Severity::Error),
    ("image-eol", Severity::Warning),
    ("image-deprecated", Severity::Warning),
    ("license-fee", Severity::Info),
    ("community-image-unsupported", Severity::Warning),
    // docs/contract-extensions.md: a launch that passes only on unconfirmed catalog values.
    ("catalog-unconfirmed", Severity::Warning),
    ("copy-not-custom", Severity::Error),
    ("copy-shared-cross-region", Severity::Error),
    ("copy-deprecated", Severity::Error),
    ("copy-same-region", Severity::Error),
    ("copy-encrypted-to-plain", Severity::Error),
    ("copy-kms-without-encryption", Severity::Error),
    ("copy-marketplace-not-published", Severity::Error),
    ("copy-large-image", Severity::Warning),
    ("image-name-invalid", Severity::Error),
    ("image-name-duplicate", Severity::Error),
    ("custom-image-quota", Severity::Error),
    ("share-not-custom", Severity::Error),
    ("share-cross-region", Severity::Error),
    ("share-quota-exceeded", Severity::Error),
    ("share-self", Severity::Error),
    ("share-account-invalid", Severity::Error),
    // Project additions (docs/contract.md): account IDs as Alibaba Cloud writes them.
    ("share-account-length", Severity::Warning),
    ("share-account-duplicate", Severity::Warning),
    ("share-encrypted-service-key", Severity::Error),
    ("share-marketplace-derived", Severity::Warning),
    ("share-deprecated", Severity::Error),
    ("export-not-custom", Severity::Error),
    ("export-windows", Severity::Error),
    ("export-marketplace-derived", Severity::Error),
    ("export-bucket-region", Severity::Error),
    ("export-data-disks", Severity::Error),
    ("snapshot-in-use", Severity::Error),
    ("image-shared-delete", Severity::Error),
    // §4.2-4.4, in the registry's order.
    ("launch-image-and-family", Severity::Error),
    ("image-family-empty", Severity::Error),
    ("image-family-invalid", Severity::Error),
    ("image-superseded", Severity::Info),
    ("import-oss-region", Severity::Error),
    ("import-format-unsupported", Severity::Error),
    ("import-format-preview", Severity::Warning),
    ("import-arm64-boot-mode", Severity::Error),
    ("import-windows-license", Severity::Error),
    ("import-disk-size", Severity::Error),
    ("import-distribution-unknown", Severity::Warning),
    ("modify-not-custom", Severity::Error),
    ("modify-deprecate-shared", Severity::Error),
    ("modify-nothing", Severity::Warning),
    ("modify-nvme-driver", Severity::Info),
    ("copy-features-not-carried", Severity::Warning),
    // §4.5-4.6
    ("pipeline-base-image", Severity::Error),
    ("pipeline-limit", Severity::Error),
    ("update-not-custom", Severity::Error),
];

/// One case: the code, whether the plan must raise it, the path of the finding, the plan body.
struct Case {
    code: &'static str,
    fires: bool,
    path: &'static str,
    body: String,
}

fn fail(code: &'static str, path: &'static str, body: impl Into<String>) -> Case {
    Case {
        code,
        fires: true,
        path,
        body: body.into(),
    }
}

fn pass(code: &'static str, body: impl Into<String>) -> Case {
    Case {
        code,
        fires: false,
        path: "",
        body: body.into(),
    }
}

fn copy(image: &str, to: &str, extra: &str) -> String {
    format!(r#""copies": [{{"image": "{image}", "to_region": "{to}"{extra}}}]"#)
}

fn share(image: &str, region: &str, accounts: &str) -> String {
    format!(r#""shares": [{{"image": "{image}", "region": "{region}", "accounts": [{accounts}]}}]"#)
}

fn export(image: &str, region: &str) -> String {
    format!(r#""exports": [{{"image": "{image}", "bucket_region": "{region}"}}]"#)
}

/// An import into cn-hangzhou of a QCOW2 file from a bucket there; `image` and `extra` add
/// members to the image and to the import.
fn import(image: &str, extra: &str) -> String {
    format!(
        r#""imports": [{{"image": {{"id": "imp", "name": "imported-web", "regions": ["cn-hangzhou"]{image}}},
            "oss_bucket": "golden", "oss_object": "web.qcow2", "oss_region": "cn-hangzhou", "format": "QCOW2"{extra}}}]"#
    )
}

fn modify(members: &str) -> String {
    format!(r#""modifies": [{{{members}}}]"#)
}

/// Two builds of family `web` in cn-hangzhou, and a custom image pinned to the g7 family.
const FAMILY_IMAGES: &str = r#""images": [
    {"id": "m-web-1", "name": "web-1", "family": "web", "created": "2026-10-01", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"]},
    {"id": "m-web-2", "name": "web-2", "family": "web", "created": "2026-11-01", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"]},
    {"id": "m-pin", "name": "pinned", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "instance_types": ["ecs.g7"]}
]"#;

fn family_launch(family: &str, extra: &str) -> String {
    format!(
        r#""launches": [{{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image_family": "{family}"{extra}}}]"#
    )
}

/// Cases of contract §4.2-4.4.
fn lifecycle_cases() -> Vec<Case> {
    let with_images = |rest: String| format!("{FAMILY_IMAGES}, {rest}");
    vec![
        fail(
            "launch-image-and-family",
            "/launches/0/image_family",
            with_images(family_launch("web", r#", "image": "m-web-2""#)),
        ),
        pass(
            "launch-image-and-family",
            with_images(family_launch("web", "")),
        ),
        fail(
            "image-family-empty",
            "/launches/0/image_family",
            with_images(family_launch("db", "")),
        ),
        fail(
            "image-family-empty",
            "/launches/0/image_family",
            // The family's only image is in another region.
            format!(
                "{FAMILY_IMAGES}, {}",
                r#""launches": [{"region": "cn-beijing", "instance_type": "ecs.g7.large", "image_family": "web"}]"#
            ),
        ),
        pass("image-family-empty", with_images(family_launch("web", ""))),
        pass(
            "image-family-empty",
            // The plan's own import joins the family.
            format!(
                "{}, {}",
                import(r#", "family": "db""#, ""),
                family_launch("db", "")
            ),
        ),
        fail(
            "image-family-invalid",
            "/imports/0/image/family",
            import(r#", "family": "aliyun-web""#, ""),
        ),
        fail(
            "image-family-invalid",
            "/modifies/0/family",
            modify(r#""image": "m-custom", "family": "1web""#),
        ),
        pass(
            "image-family-invalid",
            import(r#", "family": "web-golden""#, ""),
        ),
        fail(
            "image-superseded",
            "/launches/0/image",
            with_images(launch("cn-hangzhou", "ecs.g7.large", "m-web-1", "")),
        ),
        fail(
            "image-superseded",
            "/launches/0/image",
            // An import of the plan makes a newer build of the family.
            format!(
                "{}, {}",
                import(r#", "family": "web""#, ""),
                with_images(launch("cn-hangzhou", "ecs.g7.large", "m-web-2", ""))
            ),
        ),
        pass(
            "image-superseded",
            with_images(launch("cn-hangzhou", "ecs.g7.large", "m-web-2", "")),
        ),
        pass(
            "image-superseded",
            // Two existing builds without a date: neither is known to be newer.
            format!(
                "{}, {}",
                r#""images": [{"id": "m-a", "family": "f", "regions": ["cn-hangzhou"]}, {"id": "m-b", "family": "f", "regions": ["cn-hangzhou"]}]"#,
                launch("cn-hangzhou", "ecs.g7.large", "m-a", "")
            ),
        ),
        fail(
            "image-type-restricted",
            "/launches/0/instance_type",
            with_images(launch("cn-hangzhou", "ecs.hz.large", "m-pin", "")),
        ),
        fail(
            "image-type-restricted",
            "/launches/0/instance_type",
            // ecs.g7 pins the g7 family, not g7t.
            with_images(launch("cn-hangzhou", "ecs.g7t.large", "m-pin", "")),
        ),
        pass(
            "image-type-restricted",
            with_images(launch("cn-hangzhou", "ecs.g7.xlarge", "m-pin", "")),
        ),
        fail(
            "import-oss-region",
            "/imports/0/oss_region",
            import("", r#", "oss_region": "cn-beijing""#)
                .replace(r#""oss_region": "cn-hangzhou", "#, ""),
        ),
        pass("import-oss-region", import("", "")),
        fail(
            "import-format-unsupported",
            "/imports/0/format",
            import("", "").replace("QCOW2", "VDI"),
        ),
        pass("import-format-unsupported", import("", "")),
        fail(
            "import-format-preview",
            "/imports/0/format",
            import("", "").replace("QCOW2", "VMDK"),
        ),
        pass("import-format-preview", import("", "")),
        fail(
            "import-arm64-boot-mode",
            "/imports/0/image/boot_mode",
            import(r#", "arch": "arm64""#, ""),
        ),
        pass(
            "import-arm64-boot-mode",
            import(r#", "arch": "arm64", "boot_mode": "UEFI""#, ""),
        ),
        fail(
            "import-windows-license",
            "/imports/0/license_type",
            import(
                r#", "platform": "windows""#,
                r#", "distribution": "Windows Server 2022""#,
            ),
        ),
        pass(
            "import-windows-license",
            import(
                r#", "platform": "windows""#,
                r#", "distribution": "Windows Server 2022", "license_type": "BYOL""#,
            ),
        ),
        fail(
            "import-disk-size",
            "/imports/0/system_disk_gib",
            import("", r#", "file_size_gib": 35.5, "system_disk_gib": 30"#),
        ),
        fail(
            "import-disk-size",
            "/imports/0/system_disk_gib",
            import("", r#", "system_disk_gib": 4096"#),
        ),
        fail(
            "import-disk-size",
            "/imports/0/data_disks",
            import(
                "",
                &format!(
                    r#", "data_disks": [{}]"#,
                    vec![r#"{"size_gib": 10}"#; 17].join(", ")
                ),
            ),
        ),
        fail(
            "import-disk-size",
            "/imports/0/data_disks/0/size_gib",
            import("", r#", "data_disks": [{"size_gib": 0}]"#),
        ),
        pass(
            "import-disk-size",
            import(
                "",
                r#", "file_size_gib": 35.5, "system_disk_gib": 40, "data_disks": [{"size_gib": 2048}]"#,
            ),
        ),
        fail(
            "import-distribution-unknown",
            "/imports/0/distribution",
            import("", r#", "distribution": "Arch Linux""#),
        ),
        pass(
            "import-distribution-unknown",
            import("", r#", "distribution": "Rocky Linux""#),
        ),
        fail(
            "modify-not-custom",
            "/modifies/0/image",
            modify(r#""image": "m-shared", "name": "mine""#),
        ),
        fail(
            "modify-not-custom",
            "/modifies/0/image",
            modify(r#""image": "pub-x64", "family": "web""#),
        ),
        pass(
            "modify-not-custom",
            modify(r#""image": "m-custom", "name": "renamed""#),
        ),
        fail(
            "modify-deprecate-shared",
            "/modifies/0/status",
            modify(r#""image": "m-out", "status": "Deprecated""#),
        ),
        pass(
            "modify-deprecate-shared",
            modify(r#""image": "m-custom", "status": "Deprecated""#),
        ),
        fail(
            "modify-nothing",
            "/modifies/0",
            modify(r#""image": "m-custom""#),
        ),
        fail(
            "modify-nothing",
            "/modifies/0",
            modify(r#""image": "m-custom", "nvme": "supported", "name": "custom-one""#),
        ),
        pass(
            "modify-nothing",
            modify(r#""image": "m-custom", "name": "renamed""#),
        ),
        fail(
            "modify-nvme-driver",
            "/modifies/0/nvme",
            modify(r#""image": "m-enc", "nvme": "supported""#),
        ),
        pass(
            "modify-nvme-driver",
            // The copy of an NVMe image holds the driver; only the flag was lost.
            format!(
                "{}, {}",
                copy("m-custom", "cn-beijing", ""),
                modify(r#""image": "m-custom", "region": "cn-beijing", "nvme": "supported""#)
            ),
        ),
        fail(
            "copy-features-not-carried",
            "/copies/0",
            copy("m-custom", "cn-beijing", ""),
        ),
        pass(
            "copy-features-not-carried",
            format!(
                "{}, {}",
                copy("m-custom", "cn-beijing", ""),
                modify(r#""image": "m-custom", "region": "cn-beijing", "nvme": "supported""#)
            ),
        ),
        pass(
            "copy-features-not-carried",
            copy("m-enc", "cn-beijing", r#", "encrypted": true"#),
        ),
    ]
}

fn cases() -> Vec<Case> {
    let mut cases = area_cases();
    cases.extend(lifecycle_cases());
    cases.extend(pipeline_cases::cases());
    cases
}

fn area_cases() -> Vec<Case> {
    let hz = |itype: &str, image: &str| launch("cn-hangzhou", itype, image, "");
    let hz_with =
        |itype: &str, image: &str, extra: &str| launch("cn-hangzhou", itype, image, extra);
    vec![
        fail(
            "region-unknown",
            "/launches/0/region",
            launch("mars-1", "ecs.g7.large", "pub-x64", ""),
        ),
        fail(
            "region-unknown",
            "/custom_image_usage/moon-2",
            r#""custom_image_usage": {"moon-2": 3}"#,
        ),
        pass("region-unknown", hz("ecs.g7.large", "pub-x64")),
        fail(
            "region-closed",
            "/launches/0/region",
            launch("ap-south-1", "ecs.g7.large", "pub-x64", ""),
        ),
        pass("region-closed", hz("ecs.g7.large", "pub-x64")),
        fail(
            "image-not-found",
            "/launches/0/image",
            hz("ecs.g7.large", "m-nope"),
        ),
        pass("image-not-found", hz("ecs.g7.large", "pub-x64")),
        fail(
            "instance-type-not-found",
            "/launches/0/instance_type",
            hz("ecs.nope.large", "pub-x64"),
        ),
        pass("instance-type-not-found", hz("ecs.g7.large", "pub-x64")),
        fail(
            "launch-from-snapshot",
            "/launches/0/image",
            hz("ecs.g7.large", "s-123"),
        ),
        pass("launch-from-snapshot", hz("ecs.g7.large", "pub-x64")),
        fail(
            "image-region-mismatch",
            "/launches/0/image",
            launch("cn-beijing", "ecs.g7.large", "m-custom", ""),
        ),
        fail(
            "image-region-mismatch",
            "/launches/0/image",
            launch("cn-beijing", "ecs.g7.large", "m-shared", ""),
        ),
        pass(
            "image-region-mismatch",
            format!(
                "{}, {}",
                copy("m-custom", "cn-beijing", ""),
                launch("cn-beijing", "ecs.g7.large", "m-custom", "")
            ),
        ),
        fail(
            "image-not-released-in-region",
            "/launches/0/image",
            launch("cn-beijing", "ecs.g7.large", "mkt-1", ""),
        ),
        pass("image-not-released-in-region", hz("ecs.g7.large", "mkt-1")),
        fail(
            "instance-type-not-in-region",
            "/launches/0/instance_type",
            launch("cn-beijing", "ecs.g8y.large", "pub-arm", ""),
        ),
        pass(
            "instance-type-not-in-region",
            hz("ecs.g8y.large", "pub-arm"),
        ),
        fail(
            "arch-mismatch",
            "/launches/0",
            hz("ecs.g7.large", "pub-arm"),
        ),
        fail(
            "arch-mismatch",
            "/launches/0",
            hz("ecs.g8y.large", "pub-x64"),
        ),
        fail(
            "arch-mismatch",
            "/launches/0",
            hz("ecs.g8y.large", "pub-i386"),
        ),
        pass("arch-mismatch", hz("ecs.g8y.large", "pub-arm")),
        fail(
            "arch-32bit-memory",
            "/launches/0/instance_type",
            hz("ecs.t5-lc1m2.large", "pub-i386"),
        ),
        pass("arch-32bit-memory", hz("ecs.t5-lc1m2.small", "pub-i386")),
        fail(
            "windows-32bit-cpu",
            "/launches/0/instance_type",
            hz("ecs.lowmem.2xlarge", "win-i386"),
        ),
        pass("windows-32bit-cpu", hz("ecs.lowmem.large", "win-i386")),
        fail(
            "windows-min-memory",
            "/launches/0/instance_type",
            hz("ecs.t5-lc2m1.nano", "win-x64"),
        ),
        pass("windows-min-memory", hz("ecs.t5-lc2m1.small", "win-x64")),
        fail(
            "boot-mode-mismatch",
            "/launches/0",
            hz("ecs.g7t.large", "pub-bios"),
        ),
        pass("boot-mode-mismatch", hz("ecs.g7t.large", "pub-x64")),
        fail(
            "nvme-unsupported",
            "/launches/0",
            hz("ecs.g8i.large", "pub-bios"),
        ),
        pass("nvme-unsupported", hz("ecs.g8i.large", "pub-x64")),
        fail(
            "system-disk-too-small",
            "/launches/0/system_disk/size_gib",
            hz_with(
                "ecs.g7.large",
                "win-x64",
                r#", "system_disk": {"size_gib": 39}"#,
            ),
        ),
        fail(
            "system-disk-too-small",
            "/launches/0/system_disk/size_gib",
            hz_with(
                "ecs.g7.large",
                "pub-x64",
                r#", "system_disk": {"size_gib": 19}"#,
            ),
        ),
        fail(
            "system-disk-too-small",
            "/launches/0/system_disk/size_gib",
            hz_with(
                "ecs.g7.large",
                "m-custom",
                r#", "system_disk": {"size_gib": 25}"#,
            ),
        ),
        pass(
            "system-disk-too-small",
            hz_with(
                "ecs.g7.large",
                "win-x64",
                r#", "system_disk": {"size_gib": 40}"#,
            ),
        ),
        pass(
            "system-disk-too-small",
            hz_with(
                "ecs.g7.large",
                "pub-x64",
                r#", "system_disk": {"size_gib": 20}"#,
            ),
        ),
        fail(
            "system-disk-too-large",
            "/launches/0/system_disk/size_gib",
            hz_with(
                "ecs.g7.large",
                "pub-x64",
                r#", "system_disk": {"category": "cloud", "size_gib": 501}"#,
            ),
        ),
        fail(
            "system-disk-too-large",
            "/launches/0/system_disk/size_gib",
            hz_with(
                "ecs.g7.large",
                "pub-x64",
                r#", "system_disk": {"size_gib": 2049}"#,
            ),
        ),
        pass(
            "system-disk-too-large",
            hz_with(
                "ecs.g7.large",
                "pub-x64",
                r#", "system_disk": {"category": "cloud_essd", "size_gib": 2048}"#,
            ),
        ),
        fail(
            "amount-out-of-range",
            "/launches/0/amount",
            hz_with("ecs.g7.large", "pub-x64", r#", "amount": 101"#),
        ),
        fail(
            "amount-out-of-range",
            "/launches/0/amount",
            hz_with("ecs.g7.large", "pub-x64", r#", "amount": 0"#),
        ),
        pass(
            "amount-out-of-range",
            hz_with("ecs.g7.large", "pub-x64", r#", "amount": 100"#),
        ),
        fail(
            "image-eol",
            "/launches/0/image",
            format!(
                r#""as_of": "2024-06-30", {}"#,
                hz("ecs.g7.large", "pub-eol")
            ),
        ),
        pass(
            "image-eol",
            format!(
                r#""as_of": "2024-06-29", {}"#,
                hz("ecs.g7.large", "pub-eol")
            ),
        ),
        fail(
            "image-deprecated",
            "/launches/0/image",
            hz("ecs.g7.large", "pub-dep"),
        ),
        pass("image-deprecated", hz("ecs.g7.large", "pub-x64")),
        fail(
            "license-fee",
            "/launches/0/image",
            hz("ecs.g7.large", "win-x64"),
        ),
        pass("license-fee", hz("ecs.g7.large", "pub-x64")),
        // Windows bills no licence fee in the Chinese mainland (Image billing).
        pass(
            "license-fee",
            launch("cn-qingdao", "ecs.g7.large", "win-x64", ""),
        ),
        fail(
            "community-image-unsupported",
            "/launches/0/image",
            hz("ecs.g7.large", "comm-1"),
        ),
        pass("community-image-unsupported", hz("ecs.g7.large", "pub-x64")),
        // u9's boot modes are unconfirmed: a BIOS image depends on them, a UEFI-Preferred one
        // does not, and a launch that already fails gets no warning on top.
        fail(
            "catalog-unconfirmed",
            "/launches/0",
            hz("ecs.u9.large", "pub-bios"),
        ),
        pass("catalog-unconfirmed", hz("ecs.u9.large", "pub-x64")),
        pass("catalog-unconfirmed", hz("ecs.u9.large", "pub-arm")),
        fail(
            "copy-not-custom",
            "/copies/0/image",
            copy("pub-x64", "cn-beijing", ""),
        ),
        fail(
            "copy-not-custom",
            "/copies/0/image",
            copy("mkt-1", "cn-beijing", ""),
        ),
        pass("copy-not-custom", copy("m-custom", "cn-beijing", "")),
        fail(
            "copy-shared-cross-region",
            "/copies/0/to_region",
            copy("m-shared", "cn-beijing", ""),
        ),
        pass(
            "copy-shared-cross-region",
            copy("m-shared", "cn-hangzhou", r#", "encrypted": true"#),
        ),
        fail(
            "copy-deprecated",
            "/copies/0/image",
            copy("m-dep", "cn-beijing", ""),
        ),
        pass("copy-deprecated", copy("m-custom", "cn-beijing", "")),
        fail(
            "copy-same-region",
            "/copies/0/to_region",
            copy("m-custom", "cn-hangzhou", ""),
        ),
        pass(
            "copy-same-region",
            copy("m-custom", "cn-hangzhou", r#", "encrypted": true"#),
        ),
        // Copying a shared image within its region makes the account's own image.
        pass("copy-same-region", copy("m-shared", "cn-hangzhou", "")),
        fail(
            "copy-encrypted-to-plain",
            "/copies/0/encrypted",
            copy("m-enc", "cn-beijing", ""),
        ),
        fail(
            "copy-encrypted-to-plain",
            "/copies/0/encrypted",
            copy("m-enc", "cn-beijing", r#", "encrypted": false"#),
        ),
        pass(
            "copy-encrypted-to-plain",
            copy("m-enc", "cn-beijing", r#", "encrypted": true"#),
        ),
        fail(
            "copy-kms-without-encryption",
            "/copies/0/kms_key_id",
            copy("m-custom", "cn-beijing", r#", "kms_key_id": "key-1""#),
        ),
        pass(
            "copy-kms-without-encryption",
            copy(
                "m-custom",
                "cn-beijing",
                r#", "encrypted": true, "kms_key_id": "key-1""#,
            ),
        ),
        fail(
            "copy-marketplace-not-published",
            "/copies/0/to_region",
            copy("m-mkt", "ap-southeast-1", ""),
        ),
        pass(
            "copy-marketplace-not-published",
            copy("m-mkt", "cn-beijing", ""),
        ),
        fail(
            "copy-large-image",
            "/copies/0/image",
            copy("m-big", "cn-beijing", ""),
        ),
        pass("copy-large-image", copy("m-custom", "cn-beijing", "")),
        fail(
            "image-name-invalid",
            "/copies/0/name",
            copy("m-custom", "cn-beijing", r#", "name": "1st-copy""#),
        ),
        fail(
            "image-name-invalid",
            "/copies/0/name",
            copy("m-custom", "cn-beijing", r#", "name": "acs:copy""#),
        ),
        fail(
            "image-name-invalid",
            "/copies/0/name",
            copy("m-custom", "cn-beijing", r#", "name": "x""#),
        ),
        fail(
            "image-name-invalid",
            "/copies/0/name",
            copy("m-custom", "cn-beijing", r#", "name": "web https://x""#),
        ),
        fail(
            "image-name-invalid",
            "/creates/0/image/name",
            r#""creates": [{"image": {"id": "new", "name": "Aliyun-base", "regions": ["cn-hangzhou"]}, "from": "instance", "source": "i-1"}]"#,
        ),
        pass(
            "image-name-invalid",
            copy("m-custom", "cn-beijing", r#", "name": "web.v2:prod_a-1""#),
        ),
        fail(
            "image-name-duplicate",
            "/copies/1/name",
            r#""copies": [{"image": "m-custom", "to_region": "cn-beijing", "name": "web"}, {"image": "m-mkt", "to_region": "cn-beijing", "name": "web"}]"#,
        ),
        fail(
            "image-name-duplicate",
            "/creates/0/image/name",
            r#""creates": [{"image": {"id": "new", "name": "custom-one", "regions": ["cn-hangzhou"]}, "from": "instance", "source": "i-1"}]"#,
        ),
        pass(
            "image-name-duplicate",
            r#""copies": [{"image": "m-custom", "to_region": "cn-beijing", "name": "web"}, {"image": "m-mkt", "to_region": "cn-shanghai", "name": "web"}]"#,
        ),
        fail(
            "custom-image-quota",
            "/copies/0",
            format!(
                r#""custom_image_usage": {{"cn-beijing": 100}}, {}"#,
                copy("m-custom", "cn-beijing", "")
            ),
        ),
        pass(
            "custom-image-quota",
            format!(
                r#""custom_image_usage": {{"cn-beijing": 99}}, {}"#,
                copy("m-custom", "cn-beijing", "")
            ),
        ),
        fail(
            "share-not-custom",
            "/shares/0/image",
            share("pub-x64", "cn-hangzhou", r#""2000000000000002""#),
        ),
        fail(
            "share-not-custom",
            "/shares/0/image",
            share("m-shared", "cn-hangzhou", r#""2000000000000002""#),
        ),
        pass(
            "share-not-custom",
            share("m-custom", "cn-hangzhou", r#""2000000000000002""#),
        ),
        fail(
            "share-cross-region",
            "/shares/0/region",
            share("m-custom", "cn-beijing", r#""2000000000000002""#),
        ),
        pass(
            "share-cross-region",
            format!(
                "{}, {}",
                copy("m-custom", "cn-beijing", ""),
                share("m-custom", "cn-beijing", r#""2000000000000002""#)
            ),
        ),
        fail(
            "share-quota-exceeded",
            "/shares/0/accounts",
            format!(
                r#""quotas": {{"share_accounts_per_image": 2}}, {}"#,
                share(
                    "m-out",
                    "cn-hangzhou",
                    r#""2000000000000002", "2000000000000003""#
                )
            ),
        ),
        pass(
            "share-quota-exceeded",
            format!(
                r#""quotas": {{"share_accounts_per_image": 2}}, {}"#,
                share(
                    "m-out",
                    "cn-hangzhou",
                    r#""2000000000000002", "2000000000000001""#
                )
            ),
        ),
        fail(
            "share-self",
            "/shares/0/accounts/1",
            share(
                "m-custom",
                "cn-hangzhou",
                r#""2000000000000002", "1000000000000001""#,
            ),
        ),
        pass(
            "share-self",
            share("m-custom", "cn-hangzhou", r#""2000000000000002""#),
        ),
        fail(
            "share-account-invalid",
            "/shares/0/accounts/0",
            share("m-custom", "cn-hangzhou", r#""ops-team""#),
        ),
        fail(
            "share-account-invalid",
            "/shares/0/accounts/0",
            share("m-custom", "cn-hangzhou", r#""""#),
        ),
        pass(
            "share-account-invalid",
            share("m-custom", "cn-hangzhou", r#""2000000000000002""#),
        ),
        fail(
            "share-account-length",
            "/shares/0/accounts/1",
            share("m-custom", "cn-hangzhou", r#""2000000000000002", "12345""#),
        ),
        pass(
            "share-account-length",
            share("m-custom", "cn-hangzhou", r#""2000000000000002""#),
        ),
        fail(
            "share-account-duplicate",
            "/shares/0/accounts/2",
            share(
                "m-custom",
                "cn-hangzhou",
                r#""2000000000000002", "2000000000000003", "2000000000000002""#,
            ),
        ),
        pass(
            "share-account-duplicate",
            share(
                "m-custom",
                "cn-hangzhou",
                r#""2000000000000002", "2000000000000003""#,
            ),
        ),
        fail(
            "share-encrypted-service-key",
            "/shares/0/image",
            share("m-enc", "cn-hangzhou", r#""2000000000000002""#),
        ),
        pass(
            "share-encrypted-service-key",
            share("m-cmk", "cn-hangzhou", r#""2000000000000002""#),
        ),
        fail(
            "share-marketplace-derived",
            "/shares/0/image",
            share("m-mkt", "cn-hangzhou", r#""2000000000000002""#),
        ),
        pass(
            "share-marketplace-derived",
            share("m-custom", "cn-hangzhou", r#""2000000000000002""#),
        ),
        fail(
            "share-deprecated",
            "/shares/0/image",
            share("m-dep", "cn-hangzhou", r#""2000000000000002""#),
        ),
        pass(
            "share-deprecated",
            share("m-custom", "cn-hangzhou", r#""2000000000000002""#),
        ),
        fail(
            "export-not-custom",
            "/exports/0/image",
            export("pub-x64", "cn-hangzhou"),
        ),
        fail(
            "export-not-custom",
            "/exports/0/image",
            export("m-shared", "cn-hangzhou"),
        ),
        pass("export-not-custom", export("m-custom", "cn-hangzhou")),
        fail(
            "export-windows",
            "/exports/0/image",
            export("m-win", "cn-hangzhou"),
        ),
        pass("export-windows", export("m-custom", "cn-hangzhou")),
        fail(
            "export-marketplace-derived",
            "/exports/0/image",
            export("m-mkt", "cn-hangzhou"),
        ),
        pass(
            "export-marketplace-derived",
            export("m-custom", "cn-hangzhou"),
        ),
        fail(
            "export-bucket-region",
            "/exports/0/bucket_region",
            export("m-custom", "cn-beijing"),
        ),
        pass(
            "export-bucket-region",
            format!(
                "{}, {}",
                copy("m-custom", "cn-beijing", ""),
                export("m-custom", "cn-beijing")
            ),
        ),
        fail(
            "export-data-disks",
            "/exports/0/image",
            export("m-disks", "cn-hangzhou"),
        ),
        pass("export-data-disks", export("m-custom", "cn-hangzhou")),
        fail(
            "snapshot-in-use",
            "/deletes/0/snapshot",
            r#""deletes": [{"snapshot": "s-1"}]"#,
        ),
        fail(
            "snapshot-in-use",
            "/deletes/0/snapshot",
            r#""creates": [{"image": {"id": "new", "regions": ["cn-hangzhou"]}, "from": "snapshot", "source": "s-9"}], "deletes": [{"snapshot": "s-9"}]"#,
        ),
        pass(
            "snapshot-in-use",
            r#""deletes": [{"image": "m-custom"}, {"snapshot": "s-1"}]"#,
        ),
        fail(
            "image-shared-delete",
            "/deletes/0/image",
            r#""deletes": [{"image": "m-out"}]"#,
        ),
        fail(
            "image-shared-delete",
            "/deletes/0/image",
            format!(
                r#"{}, "deletes": [{{"image": "m-custom"}}]"#,
                share("m-custom", "cn-hangzhou", r#""2000000000000002""#)
            ),
        ),
        pass(
            "image-shared-delete",
            r#""deletes": [{"image": "m-custom"}]"#,
        ),
        fail(
            "value-missing",
            "/launches/0/region",
            r#""launches": [{"instance_type": "ecs.g7.large", "image": "pub-x64"}]"#,
        ),
        fail(
            "value-missing",
            "/launches/0/image",
            r#""launches": [{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": " "}]"#,
        ),
        fail(
            "value-missing",
            "/copies/0/to_region",
            r#""copies": [{"image": "m-custom"}]"#,
        ),
        fail(
            "value-missing",
            "/shares/0/region",
            r#""shares": [{"image": "pub-x64", "accounts": ["2000000000000002"]}]"#,
        ),
        fail(
            "value-missing",
            "/exports/0/bucket_region",
            r#""exports": [{"image": "m-custom"}]"#,
        ),
        fail(
            "value-missing",
            "/creates/0/source",
            r#""creates": [{"image": {"id": "new", "regions": ["cn-hangzhou"]}}]"#,
        ),
        fail(
            "value-missing",
            "/instance_types/0/memory_gib",
            r#""instance_types": [{"id": "ecs.my.type", "vcpus": 2}]"#,
        ),
        fail(
            "value-missing",
            "/deletes/0/image",
            r#""deletes": [{"keep_snapshots": false}]"#,
        ),
        pass(
            "value-missing",
            r#""shares": [{"image": "m-custom", "accounts": ["2000000000000002"]}]"#,
        ),
        pass(
            "value-missing",
            r#""creates": [{"image": {"id": "new", "regions": ["cn-hangzhou"]}, "source": "i-bp1abc"}]"#,
        ),
        pass("value-missing", hz("ecs.g7.large", "pub-x64")),
    ]
}

#[test]
fn registry_equals_the_contract() {
    let registered: Vec<(&str, Severity)> = rules::all().map(|r| (r.code, r.severity)).collect();
    assert_eq!(registered, CONTRACT);
    for rule in rules::all() {
        assert_eq!(rules::rule(rule.code), Some(rule));
        assert!(
            !rule.summary.is_empty() && !rule.summary.contains('\n'),
            "{}",
            rule.code
        );
        assert!(
            rule.doc.starts_with("https://www.alibabacloud.com/help/"),
            "{}",
            rule.code
        );
    }
    assert_eq!(rules::rule("no-such-rule"), None);
}

#[test]
fn every_code_has_a_failing_and_a_passing_case() {
    let cases = cases();
    let failing: BTreeSet<&str> = cases.iter().filter(|c| c.fires).map(|c| c.code).collect();
    let passing: BTreeSet<&str> = cases.iter().filter(|c| !c.fires).map(|c| c.code).collect();
    for rule in rules::all() {
        assert!(
            failing.contains(rule.code),
            "no failing case for {}",
            rule.code
        );
        assert!(
            passing.contains(rule.code),
            "no passing case for {}",
            rule.code
        );
    }
}

#[test]
fn each_case_raises_its_code_or_not() {
    for case in cases() {
        let report = check(&plan(&case.body));
        let found: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code == case.code)
            .collect();
        if case.fires {
            let finding = found.first().unwrap_or_else(|| {
                panic!(
                    "{} expected in {}\ngot {:#?}",
                    case.code, case.body, report.findings
                )
            });
            assert_eq!(finding.path, case.path, "{}: {}", case.code, case.body);
            let rule = rules::rule(case.code).unwrap();
            assert_eq!(finding.severity, rule.severity);
            assert_eq!(finding.doc, rule.doc);
            assert!(!finding.message.is_empty() && !finding.help.is_empty());
            assert_eq!(
                report.ok,
                report
                    .findings
                    .iter()
                    .all(|f| f.severity != Severity::Error)
            );
        } else {
            assert!(
                found.is_empty(),
                "{} not expected in {}\ngot {found:#?}",
                case.code,
                case.body
            );
        }
    }
}

#[test]
fn messages_name_the_actual_values() {
    let report = check(&plan(&launch(
        "cn-hangzhou",
        "ecs.g7.large",
        "pub-i386",
        "",
    )));
    let finding = report
        .findings
        .iter()
        .find(|f| f.code == "arch-32bit-memory")
        .unwrap();
    assert!(
        finding.message.contains("ecs.g7.large") && finding.message.contains("8 GiB"),
        "{}",
        finding.message
    );
    let report = check(&plan(&launch(
        "cn-hangzhou",
        "ecs.g7.large",
        "pub-x64",
        r#", "system_disk": {"size_gib": 12}"#,
    )));
    let finding = &report.findings[0];
    assert!(
        finding.message.contains("12 GiB") && finding.message.contains("20 GiB"),
        "{}",
        finding.message
    );
}

#[test]
fn unknown_references_stop_further_launch_findings() {
    let report = check(&plan(&launch(
        "cn-hangzhou",
        "ecs.g7.large",
        "m-nope",
        r#", "amount": 0"#,
    )));
    assert_eq!(common::codes(&report), ["image-not-found"]);
    let report = check(&plan(&launch(
        "cn-hangzhou",
        "ecs.nope",
        "pub-arm",
        r#", "amount": 0"#,
    )));
    assert_eq!(common::codes(&report), ["instance-type-not-found"]);
    let report = check(&plan(&launch("cn-hangzhou", "ecs.g7.large", "s-abc", "")));
    assert_eq!(common::codes(&report), ["launch-from-snapshot"]);
    let report = check(&plan(r#""launches": [{"image": "pub-x64", "amount": 0}]"#));
    assert_eq!(common::codes(&report), ["value-missing", "value-missing"]);
}

/// CONTRACT §4.1: an item wrong at its root gets that one error, not the ones that follow.
#[test]
fn one_root_cause_gives_one_error() {
    // A Marketplace image copied within its own released region: not `copy-same-region` too.
    let report = check(&plan(&copy("mkt-1", "cn-hangzhou", "")));
    assert_eq!(common::codes(&report), ["copy-not-custom"]);
    // A copy that cannot run counts against no quota.
    let report = check(&plan(&format!(
        r#""quotas": {{"custom_images_per_region": 0}}, {}"#,
        copy("pub-dep", "cn-beijing", "")
    )));
    assert_eq!(common::codes(&report), ["copy-not-custom"]);
    assert!(report.ledger.made.is_empty());
}

/// CONTRACT §4.1: a share without `region` happens where its image lives, when that is one
/// region; the operation says so too.
#[test]
fn a_share_without_region_uses_the_image_region() {
    let report = check(&plan(
        r#""shares": [{"image": "m-custom", "accounts": ["2000000000000002"]}]"#,
    ));
    assert!(report.ok, "{:#?}", report.findings);
    let share = &report.operations[0];
    assert_eq!(share.api, "ModifyImageSharePermission");
    assert_eq!(share.params["RegionId"], "cn-hangzhou");
}

/// An account listed twice in a share is sent once, as the quota counts it; the duplicate is
/// reported (`share-account-duplicate`) with a fix that removes it.
#[test]
fn a_duplicated_account_is_shared_once() {
    let report = check(&plan(
        r#""shares": [{"image": "m-custom", "accounts": ["2000000000000002", "2000000000000003", "2000000000000002"]}]"#,
    ));
    assert!(common::codes(&report).contains(&"share-account-duplicate"));
    let share = &report.operations[0];
    assert_eq!(share.params["AddAccount.1"], "2000000000000002");
    assert_eq!(share.params["AddAccount.2"], "2000000000000003");
    assert!(!share.params.contains_key("AddAccount.3"), "{share:#?}");
}
