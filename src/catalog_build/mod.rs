//! `ecs-image-planner catalog build`: the built-in catalog, made from saved API output plus a
//! small hand-kept overlay, never typed by hand. Native only: the web app embeds the result.
//!
//! A snapshot directory (what `scripts/refresh-catalog.sh` writes) holds the ECS API responses
//! with the field names the API gives them:
//!
//! | file | API call |
//! |---|---|
//! | `DescribeRegions.json` | `DescribeRegions` (`AcceptLanguage=en-US`) |
//! | `DescribeInstanceTypes.json` | `DescribeInstanceTypes`, all pages merged |
//! | `DescribeImages/<region>.json` | `DescribeImages` (`ImageOwnerAlias=system`) in that region |
//! | `DescribeAvailableResource/<region>.json` | `DescribeAvailableResource` (`DestinationResource=InstanceType`) |
//! | `snapshot.json` | how the files were made: `{"how": "captured"|"assembled", "seen": date, "note": …}` |
//!
//! A response whose `RequestId` is `assembled-from-documentation` was written from documents
//! rather than captured; the overlay then names the source of every record. The overlay adds
//! what the API does not return: sources, closed regions, the Chinese-mainland flag that decides
//! Windows licence fees, per-family boot modes where `SupportedBootModes` is absent, the OS name
//! and end of life of each image, and which values no source confirms. The catalog holds the
//! instance type families and images the overlay names, with the values of the snapshots.

mod overlay;
pub mod page;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

use crate::core::catalog::{CatalogFile, Provenance, Region, Source, Sourced};
use crate::core::import::{import_describe_images, import_describe_instance_types};
use crate::core::model::{Image, ImageType, InstanceType};

use overlay::{Manifest, Overlay, RegionExtra};

/// The `RequestId` of a response written from documents rather than captured.
pub const ASSEMBLED: &str = "assembled-from-documentation";

/// The texts of a snapshot directory.
#[derive(Clone, Debug, Default)]
pub struct Snapshots {
    /// `snapshot.json`.
    pub manifest: String,
    /// `DescribeRegions.json`.
    pub regions: String,
    /// `DescribeInstanceTypes.json`.
    pub instance_types: String,
    /// `DescribeImages/<region>.json`, by region, in name order.
    pub images: Vec<(String, String)>,
    /// `DescribeAvailableResource/<region>.json`, by region, in name order.
    pub available: Vec<(String, String)>,
}

impl Snapshots {
    /// Reads a snapshot directory; the error names the file.
    pub fn read_dir(dir: &Path) -> Result<Snapshots, String> {
        let read = |name: &str| {
            let path = dir.join(name);
            fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        let per_region = |name: &str| -> Result<Vec<(String, String)>, String> {
            let sub = dir.join(name);
            if !sub.is_dir() {
                return Ok(Vec::new());
            }
            let mut files: Vec<_> = fs::read_dir(&sub)
                .map_err(|e| format!("cannot list {}: {e}", sub.display()))?
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
                .collect();
            files.sort();
            files
                .into_iter()
                .map(|path| {
                    let region = path
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .unwrap_or_default()
                        .to_string();
                    fs::read_to_string(&path)
                        .map(|text| (region, text))
                        .map_err(|e| format!("cannot read {}: {e}", path.display()))
                })
                .collect()
        };
        Ok(Snapshots {
            manifest: read("snapshot.json")?,
            regions: read("DescribeRegions.json")?,
            instance_types: read("DescribeInstanceTypes.json")?,
            images: per_region("DescribeImages")?,
            available: per_region("DescribeAvailableResource")?,
        })
    }
}

/// Builds the catalog file from the snapshots and the overlay. Fails, naming the place, on
/// anything it cannot vouch for: an overlay image no snapshot returns (a retired build), a
/// family without boot modes from either side, a record of an assembled file without a source.
pub fn build(snapshots: &Snapshots, overlay: &str) -> Result<CatalogFile, String> {
    let overlay = Overlay::parse(overlay)?;
    let manifest = Manifest::parse(&snapshots.manifest)?;
    let mut sources = overlay.sources.clone();
    let mut api_source = |api: &str, text: &str| -> Result<Option<String>, String> {
        if assembled(text)? {
            return Ok(None);
        }
        if manifest.how != "captured" {
            return Err(format!(
                "{api}: captured output (RequestId is not {ASSEMBLED:?}) in a snapshot that \
                 snapshot.json says was {}",
                manifest.how
            ));
        }
        let id = format!("api-{api}");
        if !sources.iter().any(|s| s.id == id) {
            sources.push(Source {
                id: id.clone(),
                title: format!("{api} output, captured with scripts/refresh-catalog.sh"),
                url: None,
                seen: manifest.seen,
            });
        }
        Ok(Some(id))
    };
    let regions_api = api_source("DescribeRegions", &snapshots.regions)?;
    let types_api = api_source("DescribeInstanceTypes", &snapshots.instance_types)?;
    let mut images_api = None;
    for (region, text) in &snapshots.images {
        let api = api_source("DescribeImages", text).map_err(|e| format!("{region}: {e}"))?;
        images_api = images_api.or(api);
    }
    let regions = regions(&snapshots.regions, regions_api.as_deref(), &overlay)?;
    let sold_in = sold_in(&snapshots.available)?;
    let instance_types = instance_types(
        &snapshots.instance_types,
        types_api.as_deref(),
        &sold_in,
        &overlay,
    )?;
    let images = images(&snapshots.images, images_api.as_deref(), &overlay)?;
    Ok(CatalogFile {
        as_of: overlay.as_of,
        sources,
        regions,
        instance_types,
        images,
    })
}

fn json(text: &str, what: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(format!("{what}: expected a JSON object")),
        Err(e) => Err(format!("{what}: {e}")),
    }
}

fn assembled(text: &str) -> Result<bool, String> {
    let root = json(text, "snapshot")?;
    Ok(root.get("RequestId").and_then(Value::as_str) == Some(ASSEMBLED))
}

/// The records of `root.outer.inner` (`Regions.Region`).
fn records<'a>(
    root: &'a Map<String, Value>,
    outer: &str,
    inner: &str,
) -> Result<&'a Vec<Value>, String> {
    root.get(outer)
        .and_then(|v| v.get(inner))
        .and_then(Value::as_array)
        .ok_or_else(|| format!("no {outer}.{inner} list"))
}

/// Provenance of an entry: for captured values the API output, for assembled ones the
/// overlay's sources; fields the snapshot supplies are confirmed by captured output.
fn provenance(
    overlay: &Provenance,
    api: Option<&str>,
    from_snapshot: &[&str],
    what: &str,
) -> Result<Provenance, String> {
    let mut out = overlay.clone();
    match api {
        Some(api) => {
            let overlay_star = overlay.from.get("*").cloned();
            out.from
                .retain(|field, _| !from_snapshot.contains(&field.as_str()));
            out.from.insert("*".into(), api.to_string());
            // Fields only the overlay gives keep their own source.
            if let Some(star) = overlay_star {
                for field in ["boot_modes", "os", "eol", "license_fee", "closed", "name"] {
                    if !from_snapshot.contains(&field) && !out.from.contains_key(field) {
                        out.from.insert(field.to_string(), star.clone());
                    }
                }
            }
            out.unconfirmed
                .retain(|field| !from_snapshot.contains(&field.as_str()));
        }
        None if !overlay.from.contains_key("*") => {
            return Err(format!(
                "{what}: the snapshot was assembled from documents, so the overlay must name \
                 its source (`from` with `*`)"
            ))
        }
        None => {}
    }
    Ok(out)
}

fn regions(
    text: &str,
    api: Option<&str>,
    overlay: &Overlay,
) -> Result<Vec<Sourced<Region>>, String> {
    let root = json(text, "DescribeRegions.json")?;
    let mut out = Vec::new();
    for (at, record) in records(&root, "Regions", "Region")?.iter().enumerate() {
        let field = |key: &str| {
            record
                .get(key)
                .and_then(Value::as_str)
                .ok_or_else(|| format!("DescribeRegions.json: /Regions/Region/{at}/{key} missing"))
        };
        let id = field("RegionId")?.to_string();
        let extra = overlay.regions.get(&id).cloned().unwrap_or_default();
        if extra.item.closed.is_some() {
            return Err(format!(
                "region {id}: DescribeRegions returns it, but the overlay says it closed"
            ));
        }
        let provenance = provenance(
            &extra.provenance,
            api,
            &["id", "name"],
            &format!("region {id}"),
        )?;
        out.push(Sourced {
            item: Region {
                name_zh: name_zh(&id, &extra)?,
                id,
                name: field("LocalName")?.to_string(),
                closed: None,
                chinese_mainland: extra.item.chinese_mainland,
            },
            provenance,
        });
    }
    // Closed regions: the API no longer returns them; the overlay keeps them with their date.
    for (id, extra) in overlay.regions.iter() {
        let Some(closed) = extra.item.closed else {
            continue;
        };
        let name = extra
            .item
            .name
            .clone()
            .ok_or_else(|| format!("closed region {id}: the overlay must give its name"))?;
        out.push(Sourced {
            item: Region {
                id: id.clone(),
                name,
                name_zh: name_zh(id, extra)?,
                closed: Some(closed),
                chinese_mainland: extra.item.chinese_mainland,
            },
            provenance: provenance(&extra.provenance, None, &[], &format!("region {id}"))?,
        });
    }
    Ok(out)
}

/// The overlay's Chinese name of region `id`, which must cite its own source: the English
/// name's source (the API, or an English document) does not show it.
fn name_zh(id: &str, extra: &Sourced<RegionExtra>) -> Result<Option<String>, String> {
    match &extra.item.name_zh {
        Some(_) if !extra.provenance.from.contains_key("name_zh") => Err(format!(
            "region {id}: the overlay gives name_zh but not its source (`from` with `name_zh`)"
        )),
        name_zh => Ok(name_zh.clone()),
    }
}

/// Regions where DescribeAvailableResource lists each type as available or sold out (it is
/// offered there either way), by type ID.
fn sold_in(files: &[(String, String)]) -> Result<BTreeMap<String, Vec<String>>, String> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (region, text) in files {
        let what = format!("DescribeAvailableResource/{region}.json");
        let root = json(text, &what)?;
        for zone in
            records(&root, "AvailableZones", "AvailableZone").map_err(|e| format!("{what}: {e}"))?
        {
            let resources = zone
                .get("AvailableResources")
                .and_then(|r| r.get("AvailableResource"))
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            for resource in resources {
                if resource.get("Type").and_then(Value::as_str) != Some("InstanceType") {
                    continue;
                }
                let supported = resource
                    .get("SupportedResources")
                    .and_then(|r| r.get("SupportedResource"))
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                for entry in supported {
                    let status = entry.get("Status").and_then(Value::as_str);
                    let Some(id) = entry.get("Value").and_then(Value::as_str) else {
                        continue;
                    };
                    if matches!(status, Some("Available") | Some("SoldOut")) {
                        let list = out.entry(id.to_string()).or_default();
                        if !list.contains(region) {
                            list.push(region.clone());
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

fn instance_types(
    text: &str,
    api: Option<&str>,
    sold_in: &BTreeMap<String, Vec<String>>,
    overlay: &Overlay,
) -> Result<Vec<Sourced<InstanceType>>, String> {
    let root = json(text, "DescribeInstanceTypes.json")?;
    let parsed = import_describe_instance_types(text)
        .map_err(|e| format!("DescribeInstanceTypes.json: {e}"))?;
    let raw = records(&root, "InstanceTypes", "InstanceType")?;
    let mut out = Vec::new();
    for (record, mut item) in raw.iter().zip(parsed) {
        let family = record
            .get("InstanceTypeFamily")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{}: no InstanceTypeFamily", item.id))?;
        let Some(extra) = overlay.families.get(family) else {
            continue;
        };
        if !extra.item.keeps_size(&item.id) {
            continue;
        }
        let mut from_snapshot = vec!["id", "vcpus", "memory_gib", "arch", "nvme"];
        if item.boot_modes.is_empty() {
            if extra.item.boot_modes.is_empty() {
                return Err(format!(
                    "{}: neither SupportedBootModes nor the overlay's family {family} gives its \
                     boot modes",
                    item.id
                ));
            }
            item.boot_modes = extra.item.boot_modes.clone();
        } else {
            from_snapshot.push("boot_modes");
        }
        if let Some(regions) = sold_in.get(&item.id) {
            item.regions = Some(regions.clone());
            from_snapshot.push("regions");
        }
        let mut provenance = provenance(&extra.provenance, api, &from_snapshot, &item.id)?;
        if let Some(note) = overlay.types.get(&item.id) {
            provenance.note = Some(match provenance.note {
                Some(family_note) => format!("{note} {family_note}"),
                None => note.clone(),
            });
        }
        out.push(Sourced { item, provenance });
    }
    for (family, _) in overlay.families.iter() {
        let of_family = |t: &Sourced<InstanceType>| {
            let rest = t.item.id.strip_prefix(family.as_str()).unwrap_or_default();
            rest.starts_with('.') || rest.starts_with('-')
        };
        if !out.iter().any(of_family) {
            return Err(format!(
                "family {family} is in the overlay, but DescribeInstanceTypes returns none of \
                 its types: remove it from the overlay or refresh the snapshot"
            ));
        }
    }
    Ok(out)
}

fn images(
    files: &[(String, String)],
    api: Option<&str>,
    overlay: &Overlay,
) -> Result<Vec<Sourced<Image>>, String> {
    let mut found: Vec<Image> = Vec::new();
    for (region, text) in files {
        let what = format!("DescribeImages/{region}.json");
        for image in import_describe_images(text, region).map_err(|e| format!("{what}: {e}"))? {
            match found.iter_mut().find(|i| i.id == image.id) {
                // Public images exist everywhere; others gather the regions they are seen in.
                Some(known) if known.kind != ImageType::Public => {
                    let regions = known.regions.get_or_insert_with(Vec::new);
                    regions.extend(image.regions.into_iter().flatten());
                }
                Some(_) => {}
                None => found.push(image),
            }
        }
    }
    let mut out = Vec::new();
    for (id, extra) in overlay.images.iter() {
        let mut item = found.iter().find(|i| &i.id == id).cloned().ok_or_else(|| {
            format!(
                "image {id} is in the overlay, but no DescribeImages snapshot returns it (a \
                     retired build?): remove it from the overlay or name its current build"
            )
        })?;
        // DescribeImages' OSNameEn is the display name; the overlay names the OS itself.
        item.name = item.os.take();
        item.os = Some(extra.item.os.clone());
        item.eol = extra.item.eol;
        item.license_fee = extra.item.license_fee;
        let provenance = provenance(
            &extra.provenance,
            api,
            &[
                "id",
                "name",
                "type",
                "platform",
                "arch",
                "boot_mode",
                "nvme",
                "size_gib",
                "status",
            ],
            id,
        )?;
        out.push(Sourced { item, provenance });
    }
    Ok(out)
}
