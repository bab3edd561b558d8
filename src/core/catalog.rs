//! The built-in catalog of regions, instance types and public images, compiled into the binary
//! from `catalog.json`. Every entry carries its source URL and the fields that are not confirmed
//! by an official document; the catalog carries the date it describes.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use rustc_hash::FxHashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::date::Date;
use super::i18n::Lang;
use super::model::{Image, InstanceType, Plan};

/// An Alibaba Cloud region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Region ID as the API spells it (`cn-hangzhou`).
    pub id: String,
    /// English name (`China (Hangzhou)`).
    pub name: String,
    /// The official Simplified Chinese name (`华东1（杭州）`), where a source gives it; the
    /// page shows the English name in its place otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// The date Alibaba Cloud closed the region; a closed region stays in the catalog so a
    /// plan naming it gets `region-closed` rather than `region-unknown`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Date>,
    /// In the Chinese mainland (not Hong Kong): public Windows images bill no licence fee here.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chinese_mainland: bool,
}

impl Region {
    /// The region's name in `lang`: its Chinese name in zh-CN where the catalog has one, else
    /// the English name.
    pub fn name_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name,
            Lang::ZhCn => self.name_zh.as_deref().unwrap_or(&self.name),
        }
    }

    /// The region as a list of regions shows it: `cn-hangzhou · 华东1（杭州）`.
    pub fn label_in(&self, lang: Lang) -> String {
        format!("{} · {}", self.id, self.name_in(lang))
    }

    /// Whether the region was closed on or before `day`.
    pub fn closed_by(&self, day: Date) -> bool {
        self.closed.is_some_and(|closed| closed <= day)
    }
}

/// A document, page or API output that shows catalog facts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short ID the entries cite (`boot-table`).
    pub id: String,
    /// What it is, as a reader would name it ("Alibaba Cloud boot-mode table").
    pub title: String,
    /// Where to read it; absent for sources only kept as copies (named in the title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The date its content is as of: its own "last updated" date where it shows one, else the
    /// date it was read or captured.
    pub seen: Date,
}

/// Where the facts of one catalog entry come from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Source ID per field of the entry; `*` stands for every field not named. `id` is the
    /// existence of the entry itself.
    pub from: BTreeMap<String, String>,
    /// Fields no source confirms: the value is the best reading of the sources, and a rule must
    /// not let it turn a verdict green on its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unconfirmed: Vec<String>,
    /// A remark for planners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Provenance {
    /// The source ID of `field` (its own, else the entry's `*`).
    pub fn source_of(&self, field: &str) -> Option<&str> {
        self.from
            .get(field)
            .or_else(|| self.from.get("*"))
            .map(String::as_str)
    }

    /// Whether a source confirms `field`.
    pub fn confirms(&self, field: &str) -> bool {
        !self.unconfirmed.iter().any(|f| f == field)
    }
}

const PROVENANCE_KEYS: [&str; 3] = ["from", "unconfirmed", "note"];

/// A catalog entry: the item as a plan would write it, plus its provenance (`from`,
/// `unconfirmed`, `note`) in the same JSON object. Unknown keys are an error, as in a plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sourced<T> {
    /// The region, instance type or image.
    pub item: T,
    /// Its sources and what is unconfirmed.
    pub provenance: Provenance,
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Sourced<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut fields = serde_json::Map::deserialize(deserializer)?;
        let mut provenance = serde_json::Map::new();
        for key in PROVENANCE_KEYS {
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

impl<T: Serialize> Serialize for Sourced<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        let mut fields = match serde_json::to_value(&self.item).map_err(S::Error::custom)? {
            Value::Object(fields) => fields,
            _ => return Err(S::Error::custom("a catalog entry is a JSON object")),
        };
        if let Value::Object(provenance) =
            serde_json::to_value(&self.provenance).map_err(S::Error::custom)?
        {
            fields.extend(provenance);
        }
        fields.serialize(serializer)
    }
}

/// The catalog file: what `catalog build` writes and the binary embeds.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    /// The date the data describes.
    pub as_of: Date,
    /// Every source an entry cites.
    pub sources: Vec<Source>,
    /// Regions, open and closed.
    pub regions: Vec<Sourced<Region>>,
    /// Instance types.
    pub instance_types: Vec<Sourced<InstanceType>>,
    /// Images.
    pub images: Vec<Sourced<Image>>,
}

impl CatalogFile {
    /// The file as the repository keeps it: one entry per line, so a diff shows which entries
    /// changed.
    pub fn to_text(&self) -> String {
        fn section<T: Serialize>(out: &mut String, name: &str, entries: &[T], last: bool) {
            out.push_str(&format!("  \"{name}\": [\n"));
            let lines: Vec<String> = entries
                .iter()
                .map(|e| {
                    format!(
                        "    {}",
                        serde_json::to_string(e).expect("entries serialize")
                    )
                })
                .collect();
            out.push_str(&lines.join(",\n"));
            out.push_str(if last { "\n  ]\n" } else { "\n  ],\n" });
        }
        let mut out = format!("{{\n  \"as_of\": \"{}\",\n", self.as_of);
        section(&mut out, "sources", &self.sources, false);
        section(&mut out, "regions", &self.regions, false);
        section(&mut out, "instance_types", &self.instance_types, false);
        section(&mut out, "images", &self.images, true);
        out.push_str("}\n");
        out
    }

    /// Checks that every entry cites known sources for all its fields.
    fn check_sources(&self) -> Result<(), String> {
        let known: HashSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let entries = self
            .regions
            .iter()
            .map(|e| (e.item.id.as_str(), &e.provenance))
            .chain(
                self.instance_types
                    .iter()
                    .map(|e| (e.item.id.as_str(), &e.provenance)),
            )
            .chain(
                self.images
                    .iter()
                    .map(|e| (e.item.id.as_str(), &e.provenance)),
            );
        for (id, provenance) in entries {
            if !provenance.from.contains_key("*") {
                return Err(format!(
                    "{id}: `from` has no `*` source for its other fields"
                ));
            }
            for source in provenance.from.values() {
                if !known.contains(source.as_str()) {
                    return Err(format!("{id}: cites unknown source {source:?}"));
                }
            }
        }
        Ok(())
    }
}

/// What the catalog says about one field of one entry, and on whose authority.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact<'a> {
    /// The source that shows the value.
    pub source: &'a Source,
    /// Whether the source confirms it (rather than the catalog reading it from indirect
    /// evidence).
    pub confirmed: bool,
}

impl Fact<'_> {
    /// The fact as evidence for a finding: `statement` says what the catalog holds
    /// ("ecs.u1-c1m1.large boots with BIOS only").
    pub fn evidence(&self, statement: impl Into<String>) -> Evidence {
        Evidence {
            fact: statement.into(),
            source: self.source.title.clone(),
            url: self.source.url.clone(),
            seen: self.source.seen,
            confirmed: self.confirmed,
        }
    }
}

/// A catalog fact that a finding rests on (the optional `evidence` list of a finding).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// What the catalog holds.
    pub fact: String,
    /// The source's title.
    pub source: String,
    /// Where to read the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The date the source's content is as of.
    pub seen: Date,
    /// False when no source confirms the fact.
    pub confirmed: bool,
}

impl fmt::Display for Evidence {
    /// "u1 boots BIOS only: Alibaba Cloud boot-mode table, seen 2023-12-05".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}, seen {}", self.fact, self.source, self.seen)?;
        if !self.confirmed {
            f.write_str(" (unconfirmed)")?;
        }
        Ok(())
    }
}

/// Regions, instance types and images the planner knows, indexed by ID.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// The date the data describes.
    pub as_of: Option<Date>,
    /// Every source the built-in entries cite.
    pub sources: Vec<Source>,
    /// Every known region.
    pub regions: Vec<Region>,
    /// Every known instance type.
    pub instance_types: Vec<InstanceType>,
    /// Every known image.
    pub images: Vec<Image>,
    /// Provenance of regions, by ID.
    pub region_provenance: IdMap<Provenance>,
    /// Provenance of built-in instance types, by ID (plan-supplied ones have none).
    pub type_provenance: IdMap<Provenance>,
    /// Provenance of built-in images, by ID (plan-supplied ones have none).
    pub image_provenance: IdMap<Provenance>,
    source_index: IdMap<usize>,
    region_index: IdMap<usize>,
    type_index: IdMap<usize>,
    image_index: IdMap<usize>,
}

/// A map by region, type, image or source ID. Fx hashing: the engine looks IDs up for every
/// launch and every matrix cell, and std's SipHash made those lookups most of a cell's cost.
pub type IdMap<V> = FxHashMap<String, V>;

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
        Catalog::from_file(file)
    }

    /// The catalog of a parsed file, after checking that every entry cites known sources.
    pub fn from_file(file: CatalogFile) -> Result<Catalog, String> {
        file.check_sources()?;
        let mut catalog = Catalog {
            as_of: Some(file.as_of),
            sources: file.sources,
            ..Catalog::default()
        };
        for entry in file.regions {
            catalog
                .region_provenance
                .insert(entry.item.id.clone(), entry.provenance);
            catalog.regions.push(entry.item);
        }
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
            merged.type_provenance.remove(&instance_type.id);
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
            merged.image_provenance.remove(&image.id);
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
        self.source_index = index_by(&self.sources, |s| &s.id);
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

    /// The source with this ID.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&at| &self.sources[at])
    }

    fn fact<'a>(&'a self, provenance: Option<&'a Provenance>, field: &str) -> Option<Fact<'a>> {
        let provenance = provenance?;
        Some(Fact {
            source: self.source(provenance.source_of(field)?)?,
            confirmed: provenance.confirms(field),
        })
    }

    /// What the catalog says about `field` (`boot_modes`, `nvme`, `id`, ...) of the built-in
    /// instance type `id`; `None` for types the plan brings, which are the user's own word.
    pub fn type_fact(&self, id: &str, field: &str) -> Option<Fact<'_>> {
        self.fact(self.type_provenance.get(id), field)
    }

    /// What the catalog says about `field` of the built-in image `id`.
    pub fn image_fact(&self, id: &str, field: &str) -> Option<Fact<'_>> {
        self.fact(self.image_provenance.get(id), field)
    }

    /// What the catalog says about `field` (`name`, `closed`, ...) of region `id`.
    pub fn region_fact(&self, id: &str, field: &str) -> Option<Fact<'_>> {
        self.fact(self.region_provenance.get(id), field)
    }
}

fn index_by<T>(items: &[T], key: impl Fn(&T) -> &String) -> IdMap<usize> {
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

    const SMALL: &str = r#"{"as_of":"2026-11-28",
        "sources":[{"id":"doc","title":"A doc","url":"https://a.example","seen":"2025-01-02"},
                   {"id":"table","title":"A table","seen":"2023-12-05"}],
        "regions":[{"id":"xx-1","name":"X","closed":"2024-07-15","from":{"*":"doc","closed":"table"}}],
        "instance_types":[],
        "images":[{"id":"x.vhd","type":"public","from":{"*":"doc","boot_mode":"table"},
                   "unconfirmed":["nvme"],"note":"n"}]}"#;

    #[test]
    fn builtin_catalog_parses_with_provenance() {
        let catalog = Catalog::builtin();
        assert!(catalog.as_of.is_some());
        let g7 = catalog.instance_type("ecs.g7.large").expect("g7.large");
        assert_eq!(g7.vcpus, Some(2));
        assert!(catalog.type_fact(&g7.id, "vcpus").is_some());
    }

    #[test]
    fn facts_name_their_source_and_whether_it_confirms_them() {
        let catalog = Catalog::from_json(SMALL).unwrap();
        let boot = catalog.image_fact("x.vhd", "boot_mode").unwrap();
        assert_eq!(boot.source.id, "table");
        assert!(boot.confirmed);
        let nvme = catalog.image_fact("x.vhd", "nvme").unwrap();
        assert_eq!(nvme.source.id, "doc");
        assert!(!nvme.confirmed);
        assert_eq!(catalog.image_provenance["x.vhd"].note.as_deref(), Some("n"));
        assert_eq!(catalog.image("x.vhd").unwrap().kind, ImageType::Public);
        let closed = catalog.region_fact("xx-1", "closed").unwrap();
        let evidence = closed.evidence("xx-1 closed on 2024-07-15");
        assert_eq!(
            evidence.to_string(),
            "xx-1 closed on 2024-07-15: A table, seen 2023-12-05"
        );
        assert!(catalog
            .region("xx-1")
            .unwrap()
            .closed_by(Date::new(2024, 7, 15).unwrap()));
        assert!(!catalog
            .region("xx-1")
            .unwrap()
            .closed_by(Date::new(2024, 7, 14).unwrap()));
    }

    #[test]
    fn malformed_or_unsourced_files_are_refused() {
        let missing_date = SMALL.replace(r#""as_of":"2026-11-28","#, "");
        assert!(Catalog::from_json(&missing_date)
            .unwrap_err()
            .contains("as_of"));
        let extra = SMALL.replace(r#""as_of""#, r#""x":1,"as_of""#);
        assert!(Catalog::from_json(&extra).is_err());
        let unknown = SMALL.replace(r#""boot_mode":"table""#, r#""boot_mode":"nowhere""#);
        assert!(Catalog::from_json(&unknown)
            .unwrap_err()
            .contains("nowhere"));
        let no_star = SMALL.replace(r#"{"*":"doc","closed":"table"}"#, r#"{"closed":"table"}"#);
        assert!(Catalog::from_json(&no_star).unwrap_err().contains("xx-1"));
    }

    #[test]
    fn the_file_text_round_trips() {
        let text = include_str!("catalog.json");
        let file: CatalogFile = serde_json::from_str(text).unwrap();
        assert_eq!(file.to_text(), text);
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
    fn plan_entries_add_and_replace_by_id_and_carry_no_catalog_facts() {
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
        assert_eq!(merged.type_fact("ecs.g7.large", "boot_modes"), None);
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
        let text = r#"{"as_of":"2026-11-28","sources":[],"regions":[],"images":[],
            "instance_types":[{"id":"ecs.x.large","vcpus":2,"memory_gb":8,"memory_gib":8,"from":{"*":"x"}}]}"#;
        let err = Catalog::from_json(text).unwrap_err();
        assert!(err.contains("memory_gb"), "{err}");
    }
}
