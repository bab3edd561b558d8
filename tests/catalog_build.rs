//! The built-in catalog is the output of `catalog build` over the committed snapshots and
//! overlay, byte for byte, and its page is the output of `catalog page`: nobody edits either by
//! hand. The snapshots use the field names of the real API responses.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use ecs_image_planner::catalog_build::{self, page, Snapshots, ASSEMBLED};
use ecs_image_planner::core::catalog::Catalog;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn committed_snapshots() -> Snapshots {
    Snapshots::read_dir(&root().join("catalog/snapshots")).expect("catalog/snapshots reads")
}

fn overlay() -> String {
    fs::read_to_string(root().join("catalog/overlay.json")).expect("catalog/overlay.json")
}

const REBUILD: &str = "run `cargo run --bin ecs-image-planner -- catalog build --from \
catalog/snapshots --out src/core/catalog.json` and commit the result";

#[test]
fn the_committed_catalog_is_the_build_of_the_committed_snapshots() {
    let built = catalog_build::build(&committed_snapshots(), &overlay())
        .unwrap_or_else(|e| panic!("catalog build fails: {e}"))
        .to_text();
    let committed = include_str!("../src/core/catalog.json");
    if built != committed {
        let line = built
            .lines()
            .zip(committed.lines())
            .position(|(a, b)| a != b)
            .map_or(built.lines().count().min(committed.lines().count()), |n| n);
        panic!(
            "src/core/catalog.json differs from the build at line {}:\n  built:     {}\n  committed: {}\n{REBUILD}",
            line + 1,
            built.lines().nth(line).unwrap_or("<end>"),
            committed.lines().nth(line).unwrap_or("<end>"),
        );
    }
}

#[test]
fn the_committed_page_is_generated_from_the_catalog() {
    let page = page::render(Catalog::builtin());
    let committed = fs::read_to_string(root().join("public/catalog.html")).expect("page");
    assert!(
        page == committed,
        "public/catalog.html is stale: run `cargo run --bin ecs-image-planner -- catalog page \
         --out public/catalog.html`"
    );
}

/// Response fields as the official SDK's response models name them (alibabacloud-ecs20140526
/// 7.11.8: `DescribeRegionsResponseBody`, `DescribeInstanceTypesResponseBody`,
/// `DescribeImagesResponseBody`, `DescribeAvailableResourceResponseBody`).
const API_FIELDS: &[&str] = &[
    // DescribeRegions
    "RequestId",
    "Regions",
    "Region",
    "RegionId",
    "LocalName",
    "RegionEndpoint",
    "Status",
    // DescribeInstanceTypes
    "NextToken",
    "InstanceTypes",
    "InstanceType",
    "InstanceTypeId",
    "InstanceTypeFamily",
    "CpuCoreCount",
    "MemorySize",
    "CpuArchitecture",
    "NvmeSupport",
    "SupportedBootModes",
    "SupportedBootMode",
    "GPUAmount",
    "GPUSpec",
    "InstanceCategory",
    // DescribeImages
    "TotalCount",
    "PageNumber",
    "PageSize",
    "Images",
    "Image",
    "ImageId",
    "ImageName",
    "OSName",
    "OSNameEn",
    "OSType",
    "Platform",
    "Architecture",
    "BootMode",
    "Size",
    "ImageOwnerAlias",
    "ImageFamily",
    "CreationTime",
    "Features",
    "IsPublic",
    "ProductCode",
    // DescribeAvailableResource
    "AvailableZones",
    "AvailableZone",
    "ZoneId",
    "StatusCategory",
    "AvailableResources",
    "AvailableResource",
    "Type",
    "SupportedResources",
    "SupportedResource",
    "Value",
];

fn keys(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                out.insert(key.clone());
                keys(inner, out);
            }
        }
        Value::Array(list) => list.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn snapshots_use_the_api_field_names_and_say_how_they_were_made() {
    let snapshots = committed_snapshots();
    let manifest: Value = serde_json::from_str(&snapshots.manifest).expect("snapshot.json");
    let assembled = manifest["how"] == "assembled";
    let mut files = vec![
        (
            "DescribeRegions.json".to_string(),
            snapshots.regions.clone(),
        ),
        (
            "DescribeInstanceTypes.json".to_string(),
            snapshots.instance_types.clone(),
        ),
    ];
    files.extend(
        snapshots
            .images
            .iter()
            .map(|(r, t)| (format!("DescribeImages/{r}.json"), t.clone())),
    );
    files.extend(
        snapshots
            .available
            .iter()
            .map(|(r, t)| (format!("DescribeAvailableResource/{r}.json"), t.clone())),
    );
    assert!(files.len() >= 3);
    for (name, text) in files {
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut found = BTreeSet::new();
        keys(&value, &mut found);
        for key in &found {
            assert!(
                API_FIELDS.contains(&key.as_str()),
                "{name}: {key} is not a field of the API response"
            );
        }
        if assembled {
            assert_eq!(
                value["RequestId"], ASSEMBLED,
                "{name}: an assembled snapshot must say so in its RequestId"
            );
        }
    }
}

fn snapshots_with(edit: impl FnOnce(&mut Snapshots)) -> Snapshots {
    let mut s = committed_snapshots();
    edit(&mut s);
    s
}

#[test]
fn the_build_refuses_what_it_cannot_vouch_for() {
    // An overlay image that no snapshot returns: a retired build.
    let retired = snapshots_with(|s| {
        s.images[0].1 = s.images[0].1.replace(
            "ubuntu_24_04_x64_20G_alibase_20260810.vhd",
            "ubuntu_24_04_x64_20G_alibase_29990101.vhd",
        );
    });
    let err = catalog_build::build(&retired, &overlay()).unwrap_err();
    assert!(
        err.contains("ubuntu_24_04_x64_20G_alibase_20260810.vhd") && err.contains("retired"),
        "{err}"
    );

    // Captured output inside a snapshot that says it was assembled.
    let mixed = snapshots_with(|s| {
        s.regions = s
            .regions
            .replace(ASSEMBLED, "6EA82E70-9750-4A97-A738-E021D8A57F07");
    });
    let err = catalog_build::build(&mixed, &overlay()).unwrap_err();
    assert!(
        err.contains("DescribeRegions") && err.contains("assembled"),
        "{err}"
    );

    // A family whose boot modes neither the API nor the overlay gives.
    let overlay_without_boot = overlay().replacen(r#""boot_modes": ["BIOS", "UEFI"], "#, "", 1);
    assert_ne!(overlay_without_boot, overlay());
    let err = catalog_build::build(&committed_snapshots(), &overlay_without_boot).unwrap_err();
    assert!(err.contains("boot modes"), "{err}");

    // An assembled record whose source the overlay does not name.
    let unsourced = overlay().replacen(r#""from": {"*": "ecs-regions"}"#, r#""from": {}"#, 1);
    assert_ne!(unsourced, overlay());
    let err = catalog_build::build(&committed_snapshots(), &unsourced).unwrap_err();
    assert!(err.contains("source"), "{err}");
}

const CAPTURED_TYPES: &str = r#"{"RequestId": "0B3C1D5E-2F9A-4C7B-8E6D-1A2B3C4D5E6F",
  "InstanceTypes": {"InstanceType": [
    {"InstanceTypeId": "ecs.g9i.large", "InstanceTypeFamily": "ecs.g9i", "CpuCoreCount": 2,
     "MemorySize": 8, "CpuArchitecture": "X86", "NvmeSupport": "required",
     "SupportedBootModes": {"SupportedBootMode": ["UEFI"]}}]}}"#;

#[test]
fn captured_output_is_its_own_source_and_confirms_what_it_returns() {
    let mut snapshots = committed_snapshots();
    snapshots.manifest = r#"{"how": "captured", "seen": "2026-12-01"}"#.into();
    for text in [&mut snapshots.regions, &mut snapshots.instance_types] {
        *text = text.replace(ASSEMBLED, "0B3C1D5E-2F9A-4C7B-8E6D-1A2B3C4D5E6F");
    }
    for (_, text) in &mut snapshots.images {
        *text = text.replace(ASSEMBLED, "0B3C1D5E-2F9A-4C7B-8E6D-1A2B3C4D5E6F");
    }
    // Keep only the families the captured output returns.
    let overlay: Value = serde_json::from_str(&overlay()).unwrap();
    let mut overlay = overlay.as_object().unwrap().clone();
    let families = overlay["families"].as_object().unwrap().clone();
    let g9i: serde_json::Map<String, Value> = families
        .into_iter()
        .filter(|(k, _)| k == "ecs.g9i")
        .collect();
    overlay.insert("families".into(), Value::Object(g9i));
    overlay.insert("types".into(), Value::Object(Default::default()));
    snapshots.instance_types = CAPTURED_TYPES.into();
    let file = catalog_build::build(&snapshots, &Value::Object(overlay).to_string())
        .unwrap_or_else(|e| panic!("{e}"));
    let catalog = Catalog::from_file(file).expect("loads");
    let fact = catalog
        .type_fact("ecs.g9i.large", "boot_modes")
        .expect("fact");
    assert!(
        fact.confirmed,
        "captured SupportedBootModes confirm the boot modes"
    );
    assert_eq!(fact.source.id, "api-DescribeInstanceTypes");
    assert_eq!(fact.source.seen.to_string(), "2026-12-01");
    assert_eq!(
        catalog.instance_type("ecs.g9i.large").unwrap().boot_modes,
        vec![ecs_image_planner::core::model::BootMode::Uefi]
    );
}

/// scripts/refresh-catalog.sh against a stand-in `aliyun` that answers each call with canned
/// output and logs its arguments: the script makes only read-only Describe calls, with the
/// parameters the API names, and writes a directory `catalog build` reads.
#[test]
fn refresh_catalog_writes_what_the_build_reads() {
    let work = std::env::temp_dir().join(format!("eip-refresh-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    let bin = work.join("bin");
    fs::create_dir_all(&bin).unwrap();
    let canned = work.join("canned");
    fs::create_dir_all(&canned).unwrap();
    let snapshots = committed_snapshots();
    let captured = |text: &str| text.replace(ASSEMBLED, "0B3C1D5E-2F9A-4C7B-8E6D-1A2B3C4D5E6F");
    fs::write(
        canned.join("DescribeRegions.json"),
        r#"{"RequestId": "x", "Regions": {"Region": [{"RegionId": "cn-hangzhou", "LocalName": "China (Hangzhou)"}]}}"#,
    )
    .unwrap();
    fs::write(
        canned.join("DescribeInstanceTypes.json"),
        captured(&snapshots.instance_types),
    )
    .unwrap();
    fs::write(
        canned.join("DescribeImages.json"),
        captured(&snapshots.images[0].1),
    )
    .unwrap();
    fs::write(
        canned.join("DescribeAvailableResource.json"),
        r#"{"AvailableZones": {"AvailableZone": [{"RegionId": "cn-hangzhou", "ZoneId": "cn-hangzhou-k",
            "AvailableResources": {"AvailableResource": [{"Type": "InstanceType",
            "SupportedResources": {"SupportedResource": [{"Value": "ecs.g7.large", "Status": "Available"}]}}]}}]}}"#,
    )
    .unwrap();
    let log = work.join("calls.log");
    let fake = format!(
        "#!/usr/bin/env bash\necho \"$*\" >> '{}'\n[ \"$1\" = ecs ] || exit 3\ncat '{}'/\"$2\".json\n",
        log.display(),
        canned.display()
    );
    let fake_path = bin.join("aliyun");
    fs::write(&fake_path, fake).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&fake_path, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out_dir: PathBuf = work.join("snapshots");
    let status = Command::new("bash")
        .arg(root().join("scripts/refresh-catalog.sh"))
        .arg(&out_dir)
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .status()
        .expect("bash runs");
    assert!(status.success());
    let calls = fs::read_to_string(&log).unwrap();
    assert_eq!(
        calls.lines().collect::<Vec<_>>(),
        [
            "ecs DescribeRegions --AcceptLanguage en-US",
            "ecs DescribeInstanceTypes --MaxResults 100 --pager path=InstanceTypes.InstanceType NextToken=NextToken",
            "ecs DescribeImages --RegionId cn-hangzhou --ImageOwnerAlias system --PageSize 100 --pager path=Images.Image",
            "ecs DescribeAvailableResource --RegionId cn-hangzhou --DestinationResource InstanceType",
        ]
    );
    let read = Snapshots::read_dir(&out_dir).expect("the build reads the directory");
    let manifest: Value = serde_json::from_str(&read.manifest).unwrap();
    assert_eq!(manifest["how"], "captured");
    let file = catalog_build::build(&read, &overlay()).unwrap_or_else(|e| panic!("{e}"));
    let catalog = Catalog::from_file(file).expect("loads");
    assert_eq!(
        catalog.instance_type("ecs.g7.large").unwrap().regions,
        Some(vec!["cn-hangzhou".to_string()])
    );
    assert_eq!(
        catalog
            .type_fact("ecs.g7.large", "vcpus")
            .unwrap()
            .source
            .id,
        "api-DescribeInstanceTypes"
    );
    let _ = fs::remove_dir_all(&work);
}

#[test]
fn a_chinese_region_name_without_its_own_source_is_refused() {
    let cited = r#""name_zh": "华东1（杭州）", "from": {"*": "ecs-regions", "chinese_mainland": "oss-regions", "name_zh": "oss-regions"}"#;
    let overlay = overlay();
    assert!(
        overlay.contains(cited),
        "the overlay names cn-hangzhou's source"
    );
    let uncited = overlay.replace(
        cited,
        r#""name_zh": "华东1（杭州）", "from": {"*": "ecs-regions", "chinese_mainland": "oss-regions"}"#,
    );
    let Err(err) = catalog_build::build(&committed_snapshots(), &uncited) else {
        panic!("a name_zh without its source is accepted");
    };
    assert!(
        err.contains("cn-hangzhou") && err.contains("name_zh"),
        "names the region and the field: {err}"
    );
}
