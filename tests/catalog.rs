//! The built-in catalog is data the rules trust: these tests check that it parses, that every
//! entry says where it comes from, that it is internally consistent (IDs, regions, naming,
//! vCPU:memory ratios) and that it holds the cases the rules need (32-bit, Windows, UEFI-only,
//! BIOS, NVMe, arm64 counterparts).

use std::collections::{BTreeSet, HashSet};

use ecs_image_planner::core::catalog::{Catalog, Region};
use ecs_image_planner::core::guide::{self, Need};
use ecs_image_planner::core::model::{
    BootMode, CpuArch, Image, ImageArch, ImageBootMode, ImageType, InstanceType, NvmeRequirement,
    NvmeSupport, Platform,
};
use ecs_image_planner::core::Date;
use serde_json::Value;

const RAW: &str = include_str!("../src/core/catalog.json");
const PROVENANCE_KEYS: [&str; 3] = ["from", "unconfirmed", "note"];
/// The fields a verdict can rest on, per area: every one needs a source.
const REGION_FIELDS: [&str; 4] = ["id", "name", "closed", "chinese_mainland"];
const TYPE_FIELDS: [&str; 7] = [
    "id",
    "vcpus",
    "memory_gib",
    "arch",
    "boot_modes",
    "nvme",
    "regions",
];
const IMAGE_FIELDS: [&str; 12] = [
    "id",
    "name",
    "type",
    "os",
    "platform",
    "arch",
    "boot_mode",
    "nvme",
    "size_gib",
    "license_fee",
    "eol",
    "status",
];

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn raw() -> Value {
    serde_json::from_str(RAW).expect("catalog.json is JSON")
}

fn raw_list(section: &str) -> Vec<serde_json::Map<String, Value>> {
    raw()[section]
        .as_array()
        .unwrap_or_else(|| panic!("catalog.json has no `{section}` array"))
        .iter()
        .map(|v| v.as_object().expect("entries are objects").clone())
        .collect()
}

/// `ecs.g8y.large` → `g8y`, `ecs.t5-lc1m2.small` → `t5`, `ecs.e-c1m1.large` → `e`.
fn base_family(t: &InstanceType) -> &str {
    t.family().split('-').next().unwrap_or_default()
}

fn size_of(t: &InstanceType) -> &str {
    t.id.rsplit('.').next().unwrap_or_default()
}

fn public_images() -> impl Iterator<Item = &'static Image> {
    catalog()
        .images
        .iter()
        .filter(|i| i.kind == ImageType::Public)
}

#[test]
fn catalog_parses_and_is_dated() {
    let catalog = Catalog::from_json(RAW).expect("catalog.json parses");
    assert_eq!(catalog.as_of, Date::new(2026, 11, 29));
    assert!(
        catalog.regions.len() >= 30,
        "{} regions",
        catalog.regions.len()
    );
    assert!(
        catalog.instance_types.len() >= 45,
        "{} instance types",
        catalog.instance_types.len()
    );
    assert!(
        public_images().count() >= 30,
        "{} public images",
        public_images().count()
    );
}

#[test]
fn ids_are_unique_per_kind() {
    fn dupes<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<&'a String> {
        let mut seen = HashSet::new();
        ids.filter(|id| !seen.insert(*id)).collect()
    }
    let c = catalog();
    assert_eq!(
        dupes(c.regions.iter().map(|r| &r.id)),
        Vec::<&String>::new()
    );
    assert_eq!(
        dupes(c.instance_types.iter().map(|t| &t.id)),
        Vec::<&String>::new()
    );
    assert_eq!(dupes(c.images.iter().map(|i| &i.id)), Vec::<&String>::new());
}

/// Every fact a verdict can rest on names a known source, and every source is either a public
/// URL or says in its title where it was read. In particular no public image ID lacks a source
/// that shows it.
#[test]
fn every_fact_names_its_source_and_the_date_seen() {
    let c = catalog();
    assert!(c.sources.len() >= 10);
    for s in &c.sources {
        if let Some(url) = &s.url {
            assert!(url.starts_with("https://"), "source {}: {url}", s.id);
        } else {
            assert!(
                s.title.contains("public") || s.title.contains("copy"),
                "source {} has no URL and does not say where it was read: {}",
                s.id,
                s.title
            );
        }
        assert!(
            s.seen <= c.as_of.unwrap(),
            "source {} seen after the catalog date",
            s.id
        );
    }
    for r in &c.regions {
        for field in REGION_FIELDS {
            assert!(
                c.region_fact(&r.id, field).is_some(),
                "region {} {field}",
                r.id
            );
        }
    }
    for t in &c.instance_types {
        for field in TYPE_FIELDS {
            assert!(c.type_fact(&t.id, field).is_some(), "type {} {field}", t.id);
        }
    }
    for i in &c.images {
        for field in IMAGE_FIELDS {
            assert!(
                c.image_fact(&i.id, field).is_some(),
                "image {} {field}",
                i.id
            );
        }
    }
}

#[test]
fn referenced_regions_exist() {
    let c = catalog();
    let regions = |list: &Option<Vec<String>>| list.clone().unwrap_or_default();
    for t in &c.instance_types {
        for r in regions(&t.regions) {
            assert!(
                c.region(&r).is_some(),
                "type {} names unknown region {r}",
                t.id
            );
        }
    }
    for i in &c.images {
        for r in regions(&i.regions)
            .into_iter()
            .chain(regions(&i.marketplace_regions))
        {
            assert!(
                c.region(&r).is_some(),
                "image {} names unknown region {r}",
                i.id
            );
        }
    }
}

/// Unknown keys would be dropped silently by the flattened `Sourced<T>`: strip the provenance
/// keys and parse each entry strictly, then check `unconfirmed` names keys the entry states.
#[test]
fn entries_have_only_known_fields_and_unconfirmed_names_them() {
    fn check<T: serde::de::DeserializeOwned>(section: &str, fields: &[&str]) {
        for entry in raw_list(section) {
            let id = entry["id"].as_str().unwrap_or("?").to_string();
            let mut item = entry.clone();
            for key in PROVENANCE_KEYS {
                item.remove(key);
            }
            if let Err(e) = serde_json::from_value::<T>(Value::Object(item)) {
                panic!("{section} entry {id}: {e}");
            }
            let unconfirmed = entry
                .get("unconfirmed")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for name in unconfirmed {
                let name = name.as_str().expect("unconfirmed holds strings");
                assert!(
                    fields.contains(&name),
                    "{section} entry {id}: unconfirmed names `{name}`, which is not a field"
                );
            }
        }
    }
    check::<InstanceType>("instance_types", &TYPE_FIELDS);
    check::<Image>("images", &IMAGE_FIELDS);
    check::<Region>("regions", &REGION_FIELDS);
}

#[test]
fn required_families_are_present_with_several_sizes() {
    let families = [
        "t5", "t6", "g7", "c7", "r7", "g7a", "c7a", "r7a", "g7se", "g7t", "c7t", "r7t", "g8i",
        "c8i", "r8i", "g8a", "c8a", "r8a", "g8ae", "r8ae", "g9i", "c9i", "r9i", "g8y", "c8y",
        "r8y", "g6r", "c6r", "g6", "c6", "r6", "gn7i", "e", "u1",
    ];
    for family in families {
        let sizes: BTreeSet<&str> = catalog()
            .instance_types
            .iter()
            .filter(|t| base_family(t) == family)
            .map(|t| t.id.as_str())
            .collect();
        assert!(sizes.len() >= 2, "family {family} has {sizes:?}");
    }
}

/// Size names fix the vCPU count; the family pages give g/c/r families a 1:4, 1:2 and 1:8
/// ratio (bare metal included); burstable, e and u1 types spell theirs as `cXmY` (X vCPU : Y
/// GiB). GPU types (`gn7i-c8g1`: vCPUs per GPU) follow their own table only.
#[test]
fn vcpus_and_memory_follow_the_naming() {
    for t in &catalog().instance_types {
        if t.family().starts_with("gn") {
            continue;
        }
        let size = size_of(t);
        let expected_vcpus = match size {
            "nano" | "small" => 1,
            "large" => 2,
            "xlarge" => 4,
            n => {
                4 * n
                    .strip_suffix("xlarge")
                    .and_then(|k| k.parse::<u32>().ok())
                    .unwrap_or_else(|| panic!("{}: unknown size {n}", t.id))
            }
        };
        assert_eq!(t.vcpus, Some(expected_vcpus), "{}", t.id);
        let family = t.family();
        let gib_per_vcpu = match family.split_once('-') {
            Some((_, ratio)) => {
                let ratio = ratio.trim_start_matches('l').trim_start_matches('c');
                let (c, m) = ratio.split_once('m').expect("cXmY");
                m.parse::<f64>().unwrap() / c.parse::<f64>().unwrap()
            }
            None => match &family.trim_start_matches("ebm")[..1] {
                "g" => 4.0,
                "c" => 2.0,
                "r" => 8.0,
                other => panic!("{}: no ratio known for prefix {other}", t.id),
            },
        };
        assert_eq!(
            t.memory_gib,
            Some(f64::from(expected_vcpus) * gib_per_vcpu),
            "{}: memory does not follow the {family} ratio",
            t.id
        );
    }
}

#[test]
fn arm_families_are_arm64_and_uefi_and_nvme_families_require_it() {
    let arm = ["g8y", "c8y", "r8y", "g6r", "c6r"];
    for t in &catalog().instance_types {
        let is_arm = arm.contains(&base_family(t));
        assert_eq!(t.arch == CpuArch::Arm64, is_arm, "{}", t.id);
        if is_arm || ["g7t", "c7t", "r7t"].contains(&base_family(t)) {
            assert_eq!(t.boot_modes, vec![BootMode::Uefi], "{}", t.id);
        }
        let nvme_families = [
            "g8y", "c8y", "r8y", "g7se", "g8i", "c8i", "r8i", "g8a", "c8a", "r8a", "g8ae", "r8ae",
            "g9i", "c9i", "r9i",
        ];
        if nvme_families.contains(&base_family(t)) {
            assert_eq!(t.nvme, NvmeRequirement::Required, "{}", t.id);
        }
    }
}

#[test]
fn the_cases_the_rules_need_are_present() {
    let c = catalog();
    let types = &c.instance_types;
    assert_eq!(
        c.instance_type("ecs.t5-lc2m1.nano")
            .and_then(|t| t.memory_gib),
        Some(0.5)
    );
    for gib in [1.0, 2.0] {
        assert!(
            types.iter().any(|t| t.memory_gib == Some(gib)),
            "no type with {gib} GiB"
        );
    }
    assert!(types
        .iter()
        .any(|t| t.memory_gib.is_some_and(|m| m >= 4.0) && t.vcpus.is_some_and(|v| v > 4)));
    assert!(types
        .iter()
        .any(|t| !t.offers_boot_mode(BootMode::Bios) && t.offers_boot_mode(BootMode::Uefi)));
    assert!(types.iter().any(|t| t.nvme == NvmeRequirement::Required));

    let images = &c.images;
    assert!(images.iter().any(|i| i.arch == ImageArch::I386));
    assert!(images
        .iter()
        .any(|i| i.arch == ImageArch::I386 && i.platform == Platform::Windows));
    assert!(images.iter().any(|i| i.platform == Platform::Windows));
    for mode in [
        ImageBootMode::Bios,
        ImageBootMode::Uefi,
        ImageBootMode::UefiPreferred,
    ] {
        assert!(
            public_images().any(|i| i.boot_mode == mode),
            "no public {mode:?} image"
        );
    }
}

/// The arch fix looks for "the arm64 build of the same OS" by equal `os`.
#[test]
fn arm64_capable_oses_have_both_builds() {
    for os in ["Ubuntu 22.04", "Ubuntu 24.04", "Alibaba Cloud Linux 3"] {
        let has = |arch: ImageArch| {
            public_images().any(|i| i.os.as_deref() == Some(os) && i.arch == arch)
        };
        assert!(has(ImageArch::X86_64), "{os}: no x86_64 public image");
        assert!(has(ImageArch::Arm64), "{os}: no arm64 public image");
    }
    let uefi_of = |os: &str| {
        public_images().any(|i| i.os.as_deref() == Some(os) && i.boot_mode == ImageBootMode::Uefi)
    };
    assert!(uefi_of("Ubuntu 22.04"));
    assert!(uefi_of("Windows Server 2022 Datacenter"));
}

/// Variants of one OS must share `os`, so it may not carry architecture or boot details.
#[test]
fn os_names_carry_no_arch_or_boot_mode() {
    let banned = [
        "64-bit", "32-bit", "x64", "x86_64", "arm64", "aarch64", "arm", "i386", "uefi", "bios",
    ];
    for i in &catalog().images {
        let os =
            i.os.as_deref()
                .unwrap_or_else(|| panic!("{} has no os", i.id));
        for word in os.split_whitespace() {
            let word = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            assert!(!banned.contains(&word.as_str()), "{}: os {os:?}", i.id);
        }
        assert!(!os.to_lowercase().contains("bit"), "{}: os {os:?}", i.id);
    }
}

/// Public IDs spell size, architecture and boot mode; the fields must agree with them.
#[test]
fn public_image_fields_agree_with_their_id() {
    for i in public_images() {
        assert!(
            i.id.ends_with(".vhd") && !i.id.starts_with("m-"),
            "{}",
            i.id
        );
        assert!(
            i.regions.is_none(),
            "{}: public images are everywhere",
            i.id
        );
        let size: u32 =
            i.id.split('_')
                .find_map(|part| part.strip_suffix('G').and_then(|n| n.parse().ok()))
                .unwrap_or_else(|| panic!("{}: no size in ID", i.id));
        assert_eq!(i.size_gib, Some(size), "{}", i.id);
        let parts: Vec<&str> = i.id.split('_').collect();
        let arch = if parts.contains(&"arm64") {
            ImageArch::Arm64
        } else if parts.contains(&"32") {
            ImageArch::I386
        } else {
            ImageArch::X86_64
        };
        assert_eq!(i.arch, arch, "{}", i.id);
        assert_eq!(
            parts.contains(&"uefi"),
            i.boot_mode == ImageBootMode::Uefi && i.arch != ImageArch::Arm64,
            "{}: boot mode {:?}",
            i.id,
            i.boot_mode
        );
        if i.arch == ImageArch::Arm64 {
            assert_eq!(i.boot_mode, ImageBootMode::Uefi, "{}", i.id);
            assert_eq!(i.nvme, NvmeSupport::Supported, "{}", i.id);
        }
    }
}

#[test]
fn non_public_images_are_regional_m_ids() {
    for i in catalog()
        .images
        .iter()
        .filter(|i| i.kind != ImageType::Public)
    {
        assert!(i.id.starts_with("m-"), "{}", i.id);
        assert!(
            i.regions.as_ref().is_some_and(|r| !r.is_empty()),
            "{}: needs released regions",
            i.id
        );
    }
}

#[test]
fn billed_oses_are_billed_and_windows_is_40_gib() {
    for i in &catalog().images {
        let os = i.os.as_deref().unwrap_or_default();
        if i.platform == Platform::Windows {
            assert!(os.starts_with("Windows Server"), "{}: os {os}", i.id);
            assert!(i.size_gib.is_some_and(|s| s >= 40), "{}", i.id);
            assert!(i.license_fee, "{}: Windows bills a licence", i.id);
        }
        if os.starts_with("Red Hat Enterprise Linux") {
            assert!(i.license_fee, "{}: RHEL bills a licence", i.id);
        }
        if i.kind == ImageType::Public && i.platform == Platform::Linux {
            assert_eq!(
                i.license_fee,
                os.starts_with("Red Hat"),
                "{}: licence fee",
                i.id
            );
        }
    }
    let versions = [
        "2012 R2 Datacenter",
        "2016 Datacenter",
        "2019 Datacenter",
        "2022 Datacenter",
        "2025 Datacenter",
    ];
    for v in versions {
        let os = format!("Windows Server {v}");
        assert!(
            public_images().any(|i| i.os.as_deref() == Some(&os)),
            "no {os}"
        );
    }
}

#[test]
fn eol_dates_match_the_lifecycle_table() {
    let expect = [
        ("CentOS 6", Date::new(2020, 11, 30)),
        ("CentOS 7", Date::new(2024, 6, 30)),
        ("CentOS 8", Date::new(2021, 12, 31)),
        ("Alibaba Cloud Linux 2", Date::new(2026, 3, 31)),
        ("Windows Server 2012 R2 Datacenter", Date::new(2023, 10, 10)),
        ("Windows Server 2022 Datacenter", Date::new(2031, 10, 14)),
    ];
    for (os, eol) in expect {
        let images: Vec<&Image> = public_images()
            .filter(|i| i.os.as_deref() == Some(os))
            .collect();
        assert!(!images.is_empty(), "no {os} image");
        for i in images {
            assert_eq!(i.eol, eol, "{}", i.id);
        }
    }
}

#[test]
fn regions_carry_their_caveats() {
    let c = catalog();
    for id in ["cn-nanjing", "cn-fuzhou"] {
        let note = c
            .region_provenance
            .get(id)
            .and_then(|p| p.note.clone())
            .unwrap_or_default();
        assert!(note.contains("Closing down"), "{id}: {note:?}");
    }
    let riyadh = c.region("me-central-1").expect("me-central-1");
    assert!(riyadh.name.contains("Partner Region"));
    for r in &c.regions {
        assert!(!r.name.contains("Unknown"), "{}: {}", r.id, r.name);
    }
}

#[test]
fn guide_covers_every_image_type_and_need() {
    let all = [
        ImageType::Public,
        ImageType::Custom,
        ImageType::Shared,
        ImageType::Marketplace,
        ImageType::Community,
    ];
    // Fails to build when a variant is added, so `all` stays complete.
    let _ = |kind: ImageType| match kind {
        ImageType::Public
        | ImageType::Custom
        | ImageType::Shared
        | ImageType::Marketplace
        | ImageType::Community => (),
    };
    for kind in all {
        let g = guide::image_type_guide(kind);
        assert_eq!(g.kind, kind);
        for text in [g.title, g.origin, g.support, g.availability] {
            assert!(!text.en.is_empty() && !text.zh.is_empty(), "{kind:?}");
        }
        assert!(g.doc_url.starts_with("https://"), "{kind:?}");
    }
    assert_eq!(guide::IMAGE_TYPES.len(), all.len());
    for need in Need::ALL {
        let r = guide::recommend(need);
        assert!(!r.why.en.is_empty() && !r.why.zh.is_empty() && r.doc_url.starts_with("https://"));
    }
}

#[test]
fn guide_has_advice_for_every_catalog_os_family_it_names() {
    for i in public_images() {
        let os = i.os.as_deref().unwrap_or_default();
        if let Some(g) = guide::os_guide(os) {
            assert_eq!(g.license_fee, i.license_fee, "{}: {os}", i.id);
        }
    }
    for family in [
        "Windows Server",
        "Alibaba Cloud Linux",
        "Anolis OS",
        "CentOS",
    ] {
        assert!(
            public_images().any(|i| guide::os_guide(i.os.as_deref().unwrap_or_default())
                .is_some_and(|g| g.family == family)),
            "no catalog image for the guide's {family}"
        );
    }
}
