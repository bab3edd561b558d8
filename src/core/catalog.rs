//! The built-in catalog of regions, instance types and public images, compiled into the binary
//! from `catalog.json`. Every entry carries its source URL and the fields that are not confirmed
//! by an official document; the catalog carries the date it describes.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::date::Date;
use super::model::{Image, InstanceType, Plan};

/// An Alibaba Cloud region.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Region ID as the API spells it (`cn-hangzhou`).
    pub id: String,
    /// English name (`China (Hangzhou)`).
    pub name: String,
    /// Where the ID and name come from.
    pub source: String,
    /// Fields not confirmed by an official document (`"name"`, `"id"`).
    #[serde(default)]
    pub unconfirmed: Vec<String>,
    /// Anything a planner should know (closing down, partner region).
    #[serde(default)]
    pub note: Option<String>,
    /// The date Alibaba Cloud closed the region; a closed region stays in the catalog so a
    /// plan naming it gets `region-closed` rather than `region-unknown`.
    #[serde(default)]
    pub closed: Option<Date>,
    /// In the Chinese mainland (not Hong Kong): public Windows images bill no licence fee here.
    #[serde(default)]
    pub chinese_mainland: bool,
}

/// Where a catalog entry comes from.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Source URL.
    pub source: String,
    /// Fields of the entry not confirmed by an official document.
    #[serde(default)]
    pub unconfirmed: Vec<String>,
    /// A remark for planners.
    #[serde(default)]
    pub note: Option<String>,
}

/// A catalog entry: the item as a plan would write it, plus its provenance (`source`,
/// `unconfirmed`, `note`) in the same JSON object. Unknown keys are an error, as in a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced<T> {
    /// The instance type or image.
    pub item: T,
    /// Its source and what is unconfirmed.
    pub provenance: Provenance,
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Sourced<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut fields = serde_json::Map::deserialize(deserializer)?;
        let mut provenance = serde_json::Map::new();
        for key in ["source", "unconfirmed", "note"] {
            if let Some(value) = fields.remove(key) {
                provenance.insert(key.to_string(), value);
            }
        }
        let item = T::deserialize(Value::Object(fields)).map_err(D::Error::custom)?;
        let provenance =
            Provenance::deserialize(Value::Object(provenance)).map_err(D::Error::custom)?;
        Ok(Sourced { item, provenance })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    as_of: Date,
    regions: Vec<Region>,
    instance_types: Vec<Sourced<InstanceType>>,
    images: Vec<Sourced<Image>>,
}

/// Regions, instance types and images the planner knows, indexed by ID.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// The date the data describes.
    pub as_of: Option<Date>,
    /// Every known region.
    pub regions: Vec<Region>,
    /// Every known instance type.
    pub instance_types: Vec<InstanceType>,
    /// Every known image.
    pub images: Vec<Image>,
    /// Provenance of built-in instance types, by ID (plan-supplied ones have none).
    pub type_provenance: HashMap<String, Provenance>,
    /// Provenance of built-in images, by ID (plan-supplied ones have none).
    pub image_provenance: HashMap<String, Provenance>,
    region_index: HashMap<String, usize>,
    type_index: HashMap<String, usize>,
    image_index: HashMap<String, usize>,
}

static BUILTIN: OnceLock<Catalog> = OnceLock::new();

impl Catalog {
    /// The catalog compiled into this build.
    pub fn builtin() -> &'static Catalog {
        BUILTIN.get_or_init(|| {
            Catalog::from_json(include_str!("catalog.json"))
                .expect("the built-in catalog.json is valid (checked by cargo test)")
        })
    }

    /// Parses a catalog file.
    pub fn from_json(text: &str) -> Result<Catalog, String> {
        let file: CatalogFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut catalog = Catalog {
            as_of: Some(file.as_of),
            regions: file.regions,
            ..Catalog::default()
        };
        for entry in file.instance_types {
            catalog
                .type_provenance
                .insert(entry.item.id.clone(), entry.provenance);
            catalog.instance_types.push(entry.item);
        }
        for entry in file.images {
            catalog
                .image_provenance
                .insert(entry.item.id.clone(), entry.provenance);
            catalog.images.push(entry.item);
        }
        catalog.reindex();
        Ok(catalog)
    }

    /// The catalog a plan sees: its `instance_types` and `images` add to this one or replace
    /// entries with the same ID. A plan that brings none sees this catalog itself, uncopied:
    /// the planner asks on every edit.
    pub fn with_plan(&self, plan: &Plan) -> Cow<'_, Catalog> {
        if plan.instance_types.is_empty() && plan.images.is_empty() {
            return Cow::Borrowed(self);
        }
        let mut merged = self.clone();
        for instance_type in &plan.instance_types {
            match merged.type_index.get(&instance_type.id) {
                Some(&at) => merged.instance_types[at] = instance_type.clone(),
                None => {
                    merged
                        .type_index
                        .insert(instance_type.id.clone(), merged.instance_types.len());
                    merged.instance_types.push(instance_type.clone());
                }
            }
        }
        for image in &plan.images {
            match merged.image_index.get(&image.id) {
                Some(&at) => merged.images[at] = image.clone(),
                None => {
                    merged
                        .image_index
                        .insert(image.id.clone(), merged.images.len());
                    merged.images.push(image.clone());
                }
            }
        }
        Cow::Owned(merged)
    }

    fn reindex(&mut self) {
        self.region_index = index_by(&self.regions, |r| &r.id);
        self.type_index = index_by(&self.instance_types, |t| &t.id);
        self.image_index = index_by(&self.images, |i| &i.id);
    }

    /// The date the data describes, as `YYYY-MM-DD` (empty when unknown).
    pub fn as_of_text(&self) -> String {
        self.as_of.map(|d| d.to_string()).unwrap_or_default()
    }

    /// The region with this ID.
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.region_index.get(id).map(|&at| &self.regions[at])
    }

    /// The instance type with this ID.
    pub fn instance_type(&self, id: &str) -> Option<&InstanceType> {
        self.type_index.get(id).map(|&at| &self.instance_types[at])
    }

    /// The image with this ID.
    pub fn image(&self, id: &str) -> Option<&Image> {
        self.image_index.get(id).map(|&at| &self.images[at])
    }
}

fn index_by<T>(items: &[T], key: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(at, item)| (key(item).clone(), at))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::ImageType;

    #[test]
    fn builtin_catalog_parses_with_provenance() {
        let catalog = Catalog::builtin();
        assert!(catalog.as_of.is_some());
        let g7 = catalog.instance_type("ecs.g7.large").expect("g7.large");
        assert_eq!(g7.vcpus, Some(2));
        assert!(!catalog.type_provenance[&g7.id].source.is_empty());
    }

    #[test]
    fn from_json_keeps_provenance_and_rejects_malformed_files() {
        let text = r#"{"as_of":"2026-11-28","regions":[],"instance_types":[],
            "images":[{"id":"x.vhd","type":"public","source":"https://a.example",
                       "unconfirmed":["type"],"note":"n"}]}"#;
        let catalog = Catalog::from_json(text).unwrap();
        let provenance = &catalog.image_provenance["x.vhd"];
        assert_eq!(provenance.unconfirmed, vec!["type".to_string()]);
        assert_eq!(provenance.note.as_deref(), Some("n"));
        assert_eq!(catalog.image("x.vhd").unwrap().kind, ImageType::Public);

        let missing_date = r#"{"regions":[],"instance_types":[],"images":[]}"#;
        assert!(Catalog::from_json(missing_date)
            .unwrap_err()
            .contains("as_of"));
        let extra = r#"{"as_of":"2026-11-28","regions":[],"instance_types":[],"images":[],"x":1}"#;
        assert!(Catalog::from_json(extra).is_err());
    }

    #[test]
    fn builtin_regions_types_and_images_are_indexed() {
        let catalog = Catalog::builtin();
        for region in &catalog.regions {
            assert_eq!(catalog.region(&region.id), Some(region));
        }
        for t in &catalog.instance_types {
            assert_eq!(catalog.instance_type(&t.id), Some(t));
        }
        for i in &catalog.images {
            assert_eq!(catalog.image(&i.id), Some(i));
        }
        assert_eq!(catalog.region("xx-nowhere-1"), None);
    }

    #[test]
    fn a_plan_without_its_own_entries_sees_the_catalog_uncopied() {
        let plan = Plan {
            version: 1,
            ..Plan::default()
        };
        assert!(matches!(
            Catalog::builtin().with_plan(&plan),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn plan_entries_add_and_replace_by_id() {
        let plan: Plan = serde_json::from_str(
            r#"{"version":1,
                "instance_types":[{"id":"ecs.g7.large","vcpus":64,"memory_gib":256},
                                  {"id":"ecs.my.type","vcpus":1,"memory_gib":1}]}"#,
        )
        .unwrap();
        let merged = Catalog::builtin().with_plan(&plan);
        assert_eq!(
            merged.instance_type("ecs.g7.large").unwrap().vcpus,
            Some(64)
        );
        assert_eq!(merged.instance_type("ecs.my.type").unwrap().vcpus, Some(1));
        assert_eq!(
            merged.instance_types.len(),
            Catalog::builtin().instance_types.len() + 1
        );
    }
}

#[cfg(test)]
mod strictness_tests {
    use super::*;

    #[test]
    fn a_misspelled_entry_field_is_an_error() {
        let text = r#"{"as_of":"2026-11-28","regions":[],"images":[],
            "instance_types":[{"id":"ecs.x.large","vcpus":2,"memory_gb":8,"memory_gib":8,"source":"https://example.com"}]}"#;
        let err = Catalog::from_json(text).unwrap_err();
        assert!(err.contains("memory_gb"), "{err}");
    }
}
