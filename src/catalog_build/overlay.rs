//! The hand-kept part of the catalog (`catalog/overlay.json`) and the snapshot manifest.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::core::catalog::{Source, Sourced};
use crate::core::model::BootMode;
use crate::core::Date;

/// `snapshot.json`: how a snapshot directory was made.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// `captured` (by `scripts/refresh-catalog.sh`) or `assembled` (from documents).
    pub how: String,
    /// The capture date, or the date the documents were read.
    pub seen: Date,
    /// A remark for readers of the directory; the build does not need it.
    #[serde(default, rename = "note")]
    _note: Option<serde::de::IgnoredAny>,
}

impl Manifest {
    /// Parses `snapshot.json`.
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let manifest: Manifest =
            serde_json::from_str(text).map_err(|e| format!("snapshot.json: {e}"))?;
        if !["captured", "assembled"].contains(&manifest.how.as_str()) {
            return Err(format!(
                "snapshot.json: how is {:?}, not \"captured\" or \"assembled\"",
                manifest.how
            ));
        }
        Ok(manifest)
    }
}

/// What the overlay adds to a region.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionExtra {
    /// The name of a closed region (the API no longer returns it).
    #[serde(default)]
    pub name: Option<String>,
    /// The official Simplified Chinese name; `from` must name its source (`name_zh`).
    #[serde(default)]
    pub name_zh: Option<String>,
    /// When the region closed.
    #[serde(default)]
    pub closed: Option<Date>,
    /// In the Chinese mainland.
    #[serde(default)]
    pub chinese_mainland: bool,
}

/// What the overlay adds to an instance type family (`ecs.g7`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyExtra {
    /// Boot modes, where DescribeInstanceTypes gives no `SupportedBootModes`.
    #[serde(default)]
    pub boot_modes: Vec<BootMode>,
    /// The sizes to keep (`large`, `c8g1.2xlarge`); absent: every size the snapshot has.
    #[serde(default)]
    pub sizes: Option<Vec<String>>,
}

impl FamilyExtra {
    /// Whether the catalog keeps the type `id` of this family.
    pub fn keeps_size(&self, id: &str) -> bool {
        self.sizes.as_ref().is_none_or(|sizes| {
            sizes.iter().any(|size| {
                id.strip_suffix(size.as_str())
                    .is_some_and(|rest| rest.ends_with('.') || rest.ends_with('-'))
            })
        })
    }
}

/// What the overlay adds to an image.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageExtra {
    /// The operating system, shared by its builds ("Ubuntu 22.04").
    pub os: String,
    /// End of life of the OS.
    #[serde(default)]
    pub eol: Option<Date>,
    /// Whether the image bills OS licence fees.
    #[serde(default)]
    pub license_fee: bool,
}

/// A JSON object read in its written order.
#[derive(Clone, Debug, Default)]
pub struct Ordered<T>(Vec<(String, T)>);

impl<T> Ordered<T> {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Entries in written order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let map = Map::<String, Value>::deserialize(deserializer)?;
        map.into_iter()
            .map(|(key, value)| {
                T::deserialize(value)
                    .map(|v| (key.clone(), v))
                    .map_err(|e| D::Error::custom(format!("{key}: {e}")))
            })
            .collect::<Result<_, _>>()
            .map(Ordered)
    }
}

/// `catalog/overlay.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// The date the catalog describes.
    pub as_of: Date,
    /// Every source the overlay's entries cite.
    pub sources: Vec<Source>,
    /// By region ID.
    pub regions: Ordered<Sourced<RegionExtra>>,
    /// By instance type family as DescribeInstanceTypes spells it (`ecs.g7`).
    pub families: Ordered<Sourced<FamilyExtra>>,
    /// Notes on single instance types, by ID, put before their family's note.
    #[serde(default)]
    pub types: Ordered<String>,
    /// By image ID: the images the catalog holds.
    pub images: Ordered<Sourced<ImageExtra>>,
}

impl Overlay {
    /// Parses the overlay.
    pub fn parse(text: &str) -> Result<Overlay, String> {
        serde_json::from_str(text).map_err(|e| format!("overlay: {e}"))
    }
}
