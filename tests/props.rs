//! Property tests: any plan within the limits survives JSON and share links unchanged; the whole
//! check (`planner::check`) keeps its promises on any plan; and no input, however broken, makes
//! the readers panic.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::import::{import_describe_images, import_describe_instance_types};
use ecs_image_planner::core::link;
use ecs_image_planner::core::model::{
    BootMode, Copy, CpuArch, Create, CreateSource, DataDisk, Delete, Export, Image, ImageArch,
    ImageBootMode, ImageStatus, ImageType, Import, InstanceType, KeyKind, Launch, LicenseType,
    Modify, NvmeRequirement, NvmeSupport, Platform, Quotas, Share, SystemDisk,
};
use ecs_image_planner::core::param::Param;
use ecs_image_planner::core::{parse_plan, planner, Date, Plan, Severity};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Words of the plan's world: every region, instance type and image of the built-in catalog,
/// IDs a plan makes for itself (so copies, shares and launches find the images and creates of
/// the same plan), zones, disk categories, formats, account IDs, and text that looks like an
/// operation reference.
fn words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let catalog = Catalog::builtin();
        let mut words: Vec<String> = catalog.regions.iter().map(|r| r.id.clone()).collect();
        words.extend(catalog.instance_types.iter().map(|t| t.id.clone()));
        words.extend(catalog.images.iter().map(|i| i.id.clone()));
        words.extend(
            [
                "m-plan-0",
                "m-plan-1",
                "s-plan-0",
                "i-plan-0",
                "cn-hangzhou-k",
                "cloud_essd",
                "cloud_auto",
                "qcow2",
                "vhd",
                "1234567890123456",
                "6543210987654321",
                "",
                "${copy-0.ImageId}",
                "${create-0.ImageId}",
                "eu/west~1",
            ]
            .map(String::from),
        );
        words
    })
}

/// Text: a word of the plan's world three times in four, else any short Unicode text (the
/// limits allow 1024 characters; short keeps cases fast).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(words()),
        1 => vec(any::<char>(), 0..24).prop_map(String::from_iter),
    ]
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    vec(text(), 0..4)
}

fn date() -> impl Strategy<Value = Date> {
    (1000u16..=9999, 1u8..=12, 1u8..=31)
        .prop_filter_map("a real day", |(y, m, d)| Date::new(y, m, d))
}

/// Memory in quarter GiB: every such value is exact in binary and in JSON.
fn memory() -> impl Strategy<Value = f64> {
    (0u32..8192).prop_map(|q| f64::from(q) / 4.0)
}

fn instance_type() -> impl Strategy<Value = InstanceType> {
    (
        text(),
        option::of(any::<u32>()),
        option::of(memory()),
        select(vec![CpuArch::X86_64, CpuArch::Arm64]),
        select(vec![
            vec![],
            vec![BootMode::Bios],
            vec![BootMode::Uefi],
            vec![BootMode::Bios, BootMode::Uefi],
        ]),
        select(vec![
            NvmeRequirement::Required,
            NvmeRequirement::Unsupported,
        ]),
        option::of(texts()),
    )
        .prop_map(
            |(id, vcpus, memory_gib, arch, boot_modes, nvme, regions)| InstanceType {
                id,
                vcpus,
                memory_gib,
                arch,
                boot_modes,
                nvme,
                regions,
            },
        )
}

/// An image with the lifecycle attributes of contract §4.2 (family, created, type pins).
fn image() -> impl Strategy<Value = Image> {
    (
        base_image(),
        option::of(text()),
        option::of(date()),
        option::of(texts()),
    )
        .prop_map(|(image, family, created, instance_types)| Image {
            family,
            created,
            instance_types,
            ..image
        })
}

fn base_image() -> impl Strategy<Value = Image> {
    let identity = (
        text(),
        option::of(text()),
        select(vec![
            ImageType::Public,
            ImageType::Custom,
            ImageType::Shared,
            ImageType::Marketplace,
            ImageType::Community,
        ]),
        option::of(text()),
        select(vec![Platform::Linux, Platform::Windows]),
        select(vec![ImageArch::I386, ImageArch::X86_64, ImageArch::Arm64]),
        select(vec![
            ImageBootMode::Bios,
            ImageBootMode::Uefi,
            ImageBootMode::UefiPreferred,
        ]),
        select(vec![NvmeSupport::Supported, NvmeSupport::Unsupported]),
    );
    let attributes = (
        option::of(any::<u32>()),
        option::of(texts()),
        any::<bool>(),
        option::of(select(vec![KeyKind::Service, KeyKind::Cmk])),
        any::<bool>(),
        option::of(texts()),
        any::<bool>(),
        option::of(date()),
        select(vec![ImageStatus::Available, ImageStatus::Deprecated]),
        texts(),
        texts(),
        vec(
            option::of(any::<u32>()).prop_map(|size_gib| DataDisk { size_gib }),
            0..3,
        ),
    );
    (identity, attributes).prop_map(
        |(
            (id, name, kind, os, platform, arch, boot_mode, nvme),
            (
                size_gib,
                regions,
                encrypted,
                key,
                from_marketplace,
                marketplace_regions,
                license_fee,
                eol,
                status,
                shared_with,
                snapshots,
                data_disks,
            ),
        )| Image {
            id,
            name,
            kind,
            os,
            platform,
            arch,
            boot_mode,
            nvme,
            size_gib,
            regions,
            encrypted,
            key,
            from_marketplace,
            marketplace_regions,
            license_fee,
            eol,
            status,
            shared_with,
            snapshots,
            data_disks,
            ..Image::default()
        },
    )
}

fn create() -> impl Strategy<Value = Create> {
    (
        image(),
        option::of(select(vec![CreateSource::Instance, CreateSource::Snapshot])),
        option::of(text()),
    )
        .prop_map(|(image, from, source)| Create {
            image,
            from,
            source,
        })
}

fn copy() -> impl Strategy<Value = Copy> {
    (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(any::<bool>()),
        option::of(text()),
    )
        .prop_map(|(image, to_region, name, encrypted, kms_key_id)| Copy {
            image,
            to_region,
            name,
            encrypted,
            kms_key_id,
        })
}

fn share() -> impl Strategy<Value = Share> {
    (option::of(text()), option::of(text()), texts()).prop_map(|(image, region, accounts)| Share {
        image,
        region,
        accounts,
    })
}

fn export() -> impl Strategy<Value = Export> {
    (option::of(text()), option::of(text()), option::of(text())).prop_map(
        |(image, bucket_region, format)| Export {
            image,
            bucket_region,
            format,
        },
    )
}

fn launch() -> impl Strategy<Value = Launch> {
    (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(any::<u32>()),
        option::of(
            (option::of(text()), option::of(any::<u32>()))
                .prop_map(|(category, size_gib)| SystemDisk { category, size_gib }),
        ),
    )
        .prop_map(
            |(region, zone, instance_type, image, amount, system_disk)| Launch {
                region,
                zone,
                instance_type,
                image,
                amount,
                system_disk,
                ..Launch::default()
            },
        )
        .prop_flat_map(|launch| {
            option::of(text()).prop_map(move |image_family| Launch {
                image_family,
                ..launch.clone()
            })
        })
}

fn import() -> impl Strategy<Value = Import> {
    let file = (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
    );
    let disks = (
        option::of(select(vec![LicenseType::Aliyun, LicenseType::Byol])),
        option::of(memory()),
        option::of(any::<u32>()),
        vec(
            option::of(any::<u32>()).prop_map(|size_gib| DataDisk { size_gib }),
            0..3,
        ),
    );
    (image(), file, disks).prop_map(
        |(
            image,
            (oss_bucket, oss_object, oss_region, format, distribution),
            (license_type, file_size_gib, system_disk_gib, data_disks),
        )| Import {
            image,
            oss_bucket,
            oss_object,
            oss_region,
            format,
            distribution,
            license_type,
            file_size_gib,
            system_disk_gib,
            data_disks,
        },
    )
}

fn modify() -> impl Strategy<Value = Modify> {
    (
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(text()),
        option::of(select(vec![
            ImageBootMode::Bios,
            ImageBootMode::Uefi,
            ImageBootMode::UefiPreferred,
        ])),
        option::of(select(vec![
            NvmeSupport::Supported,
            NvmeSupport::Unsupported,
        ])),
        option::of(text()),
        option::of(select(vec![
            ImageStatus::Available,
            ImageStatus::Deprecated,
        ])),
    )
        .prop_map(
            |(image, region, name, description, boot_mode, nvme, family, status)| Modify {
                image,
                region,
                name,
                description,
                boot_mode,
                nvme,
                family,
                status,
            },
        )
}

fn delete() -> impl Strategy<Value = Delete> {
    prop_oneof![
        (text(), option::of(any::<bool>())).prop_map(|(image, keep_snapshots)| Delete {
            image: Some(image),
            keep_snapshots,
            snapshot: None,
        }),
        text().prop_map(|snapshot| Delete {
            image: None,
            keep_snapshots: None,
            snapshot: Some(snapshot),
        }),
    ]
}

fn plan() -> impl Strategy<Value = Plan> {
    let header = (
        option::of(text()),
        option::of(date()),
        option::of(text()),
        option::of(
            (option::of(any::<u32>()), option::of(any::<u32>())).prop_map(|(c, s)| Quotas {
                custom_images_per_region: c,
                share_accounts_per_image: s,
            }),
        ),
        proptest::collection::btree_map(text(), any::<u32>(), 0..3),
    );
    let items = (
        vec(instance_type(), 0..3),
        vec(image(), 0..3),
        vec(create(), 0..2),
        vec(copy(), 0..3),
        vec(share(), 0..3),
        vec(export(), 0..2),
        vec(launch(), 0..3),
        vec(delete(), 0..3),
    );
    let lifecycle = (vec(import(), 0..2), vec(modify(), 0..2));
    (header, items, lifecycle).prop_map(
        |(
            (name, as_of, account_id, quotas, custom_image_usage),
            (instance_types, images, creates, copies, shares, exports, launches, deletes),
            (imports, modifies),
        )| Plan {
            schema: None,
            version: 1,
            name,
            as_of,
            account_id,
            quotas,
            custom_image_usage: BTreeMap::from_iter(custom_image_usage),
            instance_types,
            images,
            creates,
            copies,
            shares,
            exports,
            launches,
            deletes,
            imports,
            modifies,
            ..Plan::default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn plans_round_trip_through_json(plan in plan()) {
        let compact = serde_json::to_string(&plan).expect("serializes");
        prop_assert_eq!(parse_plan(&compact), Ok(plan.clone()));
        let pretty = serde_json::to_string_pretty(&plan).expect("serializes");
        prop_assert_eq!(parse_plan(&pretty), Ok(plan));
    }

    #[test]
    fn plans_round_trip_through_links(plan in plan()) {
        let url = link::link(&plan, "http://127.0.0.1:8080/").expect("a small plan fits a link");
        prop_assert_eq!(link::decode(&url), Ok(plan));
    }

    #[test]
    fn check_keeps_its_promises(plan in plan(), today in date()) {
        let report = planner::check(&plan, Catalog::builtin(), today);
        let document = serde_json::to_value(&plan).expect("serializes");
        for finding in &report.findings {
            prop_assert!(
                points_into(&document, &finding.path),
                "{} points at {:?}, which is not a place in the plan", finding.code, finding.path
            );
        }
        prop_assert_eq!(
            report.ok,
            !report.findings.iter().any(|f| f.severity == Severity::Error),
            "ok must mean: no error finding"
        );
        let mut earlier: BTreeSet<&str> = BTreeSet::new();
        for op in &report.operations {
            // References are typed values (contract §4.7); text is never one.
            for (_, value) in op.params.iter() {
                if let Param::Output(output) = value {
                    prop_assert!(
                        earlier.contains(output.operation.as_str()),
                        "{} refers to {} before (or without) it", op.id, output.operation
                    );
                }
            }
            prop_assert!(earlier.insert(op.id.as_str()), "two operations are called {}", op.id);
        }
    }

    #[test]
    fn parse_plan_never_panics(text in ".{0,200}") {
        let _ = parse_plan(&text);
    }

    #[test]
    fn parse_plan_never_panics_on_json_like_bytes(bytes in vec(select(b"{}[]\":,0123456789.-eEtrufalsn \\version".to_vec()), 0..200)) {
        let _ = parse_plan(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn link_decode_never_panics(text in ".{0,200}") {
        let _ = link::decode(&text);
        let _ = link::decode(&format!("p1.{text}"));
    }

    #[test]
    fn link_decode_never_panics_on_any_payload(bytes in vec(any::<u8>(), 0..300)) {
        use base64::Engine;
        let fragment = format!("p1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes));
        let _ = link::decode(&fragment);
        let deflated = miniz_oxide::deflate::compress_to_vec(&bytes, 6);
        let fragment = format!("p1.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated));
        let _ = link::decode(&fragment);
    }

    #[test]
    fn imports_never_panic(text in ".{0,200}") {
        let _ = import_describe_images(&text, "cn-hangzhou");
        let _ = import_describe_instance_types(&text);
    }

    #[test]
    fn imports_never_panic_on_shaped_json(
        values in vec(prop_oneof![
            Just("null".to_string()), Just("true".to_string()), Just("-1".to_string()),
            Just("1e400".to_string()), Just("\"x\"".to_string()), Just("[]".to_string()),
            Just("{}".to_string()), Just("4294967296".to_string()), Just("2.5".to_string()),
        ], 12)
    ) {
        let image = format!(
            r#"{{"RegionId": {}, "Images": {{"Image": [{{"ImageId": {}, "ImageOwnerAlias": {}, "Size": {}, "Features": {}, "DiskDeviceMappings": {{"DiskDeviceMapping": [{{"Type": "data", "Size": {}}}]}}, "IsPublic": {}}}]}}}}"#,
            values[0], values[1], values[2], values[3], values[4], values[5], values[6]
        );
        let _ = import_describe_images(&image, "");
        let types = format!(
            r#"{{"InstanceTypes": {{"InstanceType": [{{"InstanceTypeId": {}, "CpuCoreCount": {}, "MemorySize": {}, "SupportedBootModes": {}, "NvmeSupport": {}}}]}}}}"#,
            values[7], values[8], values[9], values[10], values[11]
        );
        let _ = import_describe_instance_types(&types);
    }
}

/// Whether `path` is an RFC 6901 JSON Pointer that names a place in `document`: a value it
/// holds, or a member it leaves out of an object it holds (where a finding says a value is
/// missing).
fn points_into(document: &serde_json::Value, path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    let Some(tokens) = path.strip_prefix('/') else {
        return false;
    };
    let well_escaped = tokens.split('/').all(|token| {
        let mut chars = token.chars();
        while let Some(c) = chars.next() {
            if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
                return false;
            }
        }
        true
    });
    if !well_escaped {
        return false;
    }
    if document.pointer(path).is_some() {
        return true;
    }
    let parent = &path[..path.rfind('/').expect("starts with /")];
    matches!(document.pointer(parent), Some(serde_json::Value::Object(_)))
        || (parent.is_empty() && document.is_object())
}
