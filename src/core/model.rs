//! The plan document v1 (see `CONTRACT.md` §1): what the user wants to create, copy, share,
//! export, launch and delete, plus the images and instance types they bring along.
//!
//! Every struct rejects unknown fields. Optional fields default to what ECS itself assumes and
//! are left out again when written, so a plan survives a JSON round trip unchanged.
//!
//! Every type also derives `JsonSchema` outside wasm32, for the plan's JSON Schema
//! ([`super::schema`]): a new type needs the same `cfg_attr` line, its doc comments become the
//! schema's descriptions, and `UPDATE_SCHEMA=1 cargo test --test schema` rewrites
//! `schema/plan-v1.schema.json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::Date;

mod builder;
pub use builder::{Pipeline, Update};

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A text field as an editor sets it: blank text leaves the field out.
pub fn optional(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// The value of a text field when the plan gives one: `None` when it is absent or blank, which
/// the rules report as `value-missing` where an API call needs it (CONTRACT §4.1).
pub fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|text| !text.trim().is_empty())
}

/// A whole plan document, `"version": 1`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The JSON Schema this document follows, for editors
    /// (`schema/plan-v1.schema.json`); the planner ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Schema version; only `1` exists. Checked by [`crate::core::parse`].
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = 1)))]
    pub version: u32,
    /// The plan's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The date lifecycle rules use; `None` means today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The planning account's ID (used by `share-self`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// The account's quotas; absent values take the ECS defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotas: Option<Quotas>,
    /// Custom images that already exist, per region ID.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom_image_usage: BTreeMap<String, u32>,
    /// Instance types added to the catalog, or replacing one with the same `id`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instance_types: Vec<InstanceType>,
    /// Images added to the catalog, or replacing one with the same `id`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<Image>,
    /// Custom images to create (CreateImage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub creates: Vec<Create>,
    /// Custom images imported from OSS (ImportImage), contract §4.3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<Import>,
    /// Image Builder pipelines, each run once (CreateImagePipeline, StartImagePipelineExecution).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pipelines: Vec<Pipeline>,
    /// Image updates through the OOS template ACS-ECS-UpdateImage (StartExecution).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Update>,
    /// Cross-region or re-encrypting copies (CopyImage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<Copy>,
    /// Attribute changes (ModifyImageAttribute), contract §4.4.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifies: Vec<Modify>,
    /// Cross-account shares (ModifyImageSharePermission).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shares: Vec<Share>,
    /// Exports to OSS (ExportImage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exports: Vec<Export>,
    /// Instances to launch (RunInstances).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub launches: Vec<Launch>,
    /// Images and snapshots to delete, in order (DeleteImage / DeleteSnapshot).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deletes: Vec<Delete>,
}

/// The account's image quotas (`q_user-image-count`, `q_user-per-image-shared-user-count`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quotas {
    /// Custom images per account per region; default [`Quotas::DEFAULT_CUSTOM_IMAGES_PER_REGION`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(extend("default" = Quotas::DEFAULT_CUSTOM_IMAGES_PER_REGION))
    )]
    pub custom_images_per_region: Option<u32>,
    /// Accounts one custom image may be shared with; default [`Quotas::DEFAULT_SHARE_ACCOUNTS_PER_IMAGE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(extend("default" = Quotas::DEFAULT_SHARE_ACCOUNTS_PER_IMAGE))
    )]
    pub share_accounts_per_image: Option<u32>,
}

impl Quotas {
    /// ECS default of `q_user-image-count`.
    pub const DEFAULT_CUSTOM_IMAGES_PER_REGION: u32 = 100;
    /// ECS default of `q_user-per-image-shared-user-count`.
    pub const DEFAULT_SHARE_ACCOUNTS_PER_IMAGE: u32 = 50;
}

impl Plan {
    /// The custom-image quota per region in force for this plan.
    pub fn custom_images_per_region(&self) -> u32 {
        self.quotas
            .as_ref()
            .and_then(|q| q.custom_images_per_region)
            .unwrap_or(Quotas::DEFAULT_CUSTOM_IMAGES_PER_REGION)
    }

    /// The share-accounts quota per image in force for this plan.
    pub fn share_accounts_per_image(&self) -> u32 {
        self.quotas
            .as_ref()
            .and_then(|q| q.share_accounts_per_image)
            .unwrap_or(Quotas::DEFAULT_SHARE_ACCOUNTS_PER_IMAGE)
    }
}

/// CPU architecture of an instance type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum CpuArch {
    /// Intel, AMD or Hygon x86-64.
    #[default]
    #[serde(rename = "x86_64")]
    X86_64,
    /// ARM (Yitian 710, Ampere Altra).
    #[serde(rename = "arm64")]
    Arm64,
}

/// Boot firmware an instance type offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum BootMode {
    /// Legacy BIOS.
    #[serde(rename = "BIOS")]
    Bios,
    /// UEFI.
    #[serde(rename = "UEFI")]
    Uefi,
}

/// Whether an instance type attaches its system disk over NVMe.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum NvmeRequirement {
    /// Disks attach over NVMe only: the image needs the NVMe driver.
    Required,
    /// Disks attach over virtio.
    #[default]
    Unsupported,
}

/// An ECS instance type (`ecs.g8y.large`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InstanceType {
    /// The type ID, as the API spells it; empty when the plan leaves it out (`value-missing`).
    #[serde(default)]
    pub id: String,
    /// vCPU count; `None` when the plan leaves it out (`value-missing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vcpus: Option<u32>,
    /// Memory in GiB (e.g. 0.5); `None` when the plan leaves it out (`value-missing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_gib: Option<f64>,
    /// CPU architecture.
    #[serde(default, skip_serializing_if = "is_default")]
    pub arch: CpuArch,
    /// Boot modes offered; empty means both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boot_modes: Vec<BootMode>,
    /// NVMe requirement of the system disk.
    #[serde(default, skip_serializing_if = "is_default")]
    pub nvme: NvmeRequirement,
    /// Regions that offer the type; `None` means all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<String>>,
}

impl InstanceType {
    /// Whether the type boots images in `mode` (an empty list offers both).
    #[inline]
    pub fn offers_boot_mode(&self, mode: BootMode) -> bool {
        self.boot_modes.is_empty() || self.boot_modes.contains(&mode)
    }

    /// Whether the type is sold in `region` (no list means everywhere).
    #[inline]
    pub fn offered_in(&self, region: &str) -> bool {
        self.regions
            .as_ref()
            .is_none_or(|regions| regions.iter().any(|r| r == region))
    }

    /// vCPUs and memory for people: "2 vCPU, 8 GiB" ("?" where the plan leaves one out).
    pub fn size_label(&self) -> String {
        let or_unknown = |value: Option<String>| value.unwrap_or_else(|| "?".into());
        format!(
            "{} vCPU, {} GiB",
            or_unknown(self.vcpus.map(|v| v.to_string())),
            or_unknown(self.memory_gib.map(|m| m.to_string()))
        )
    }

    /// The family part of the ID: `ecs.g8y.large` → `g8y`.
    pub fn family(&self) -> &str {
        let rest = self.id.strip_prefix("ecs.").unwrap_or(&self.id);
        rest.split('.').next().unwrap_or(rest)
    }
}

/// Where an image comes from, which decides where it exists and what can be done with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ImageType {
    /// Provided by Alibaba Cloud, in every region.
    Public,
    /// The account's own image, in the region where it was created or copied.
    #[default]
    Custom,
    /// Another account's custom image shared with this one.
    Shared,
    /// An Alibaba Cloud Marketplace image, in its released regions.
    Marketplace,
    /// Published by a user for everyone, in its released regions, with no support.
    Community,
}

impl ImageType {
    /// The word for the type in messages ("public", "Marketplace", ...).
    pub fn word(self) -> &'static str {
        match self {
            ImageType::Public => "public",
            ImageType::Custom => "custom",
            ImageType::Shared => "shared",
            ImageType::Marketplace => "Marketplace",
            ImageType::Community => "community",
        }
    }
}

/// Operating system family of an image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// Any Linux distribution (and other Unix-likes).
    #[default]
    Linux,
    /// Windows Server.
    Windows,
}

/// Architecture of the OS inside an image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum ImageArch {
    /// 32-bit x86.
    #[serde(rename = "i386")]
    I386,
    /// 64-bit x86.
    #[default]
    #[serde(rename = "x86_64")]
    X86_64,
    /// 64-bit ARM.
    #[serde(rename = "arm64")]
    Arm64,
}

/// Boot mode an image was built for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum ImageBootMode {
    /// Boots with legacy BIOS only.
    #[default]
    #[serde(rename = "BIOS")]
    Bios,
    /// Boots with UEFI only.
    #[serde(rename = "UEFI")]
    Uefi,
    /// Boots with UEFI where the type offers it, else BIOS.
    #[serde(rename = "UEFI-Preferred")]
    UefiPreferred,
}

/// Whether an image carries the NVMe driver.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum NvmeSupport {
    /// The image boots from an NVMe system disk.
    Supported,
    /// The image has no NVMe driver.
    #[default]
    Unsupported,
}

/// Which key encrypts an encrypted image.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum KeyKind {
    /// The ECS service key (cannot be shared).
    Service,
    /// A customer master key in KMS.
    Cmk,
}

/// Lifecycle status of an image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum ImageStatus {
    /// Usable.
    #[default]
    Available,
    /// Deprecated: launches still work, copies and shares do not.
    Deprecated,
}

/// A data disk carried by an image.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DataDisk {
    /// Size in GiB; `None` when the plan leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_gib: Option<u32>,
}

/// An ECS image: public, custom, shared, Marketplace or community.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// The image ID (`m-bp1...`, or a public image name such as `aliyun_3_x64_20G_alibase_20240819.vhd`);
    /// empty when the plan leaves it out (`value-missing`).
    #[serde(default)]
    pub id: String,
    /// Display name; for creates and copies, the ImageName sent to the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Image type; custom when absent.
    #[serde(rename = "type", default, skip_serializing_if = "is_default")]
    pub kind: ImageType,
    /// Operating system, as display text ("Ubuntu 24.04 64-bit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    /// Linux when absent.
    #[serde(default, skip_serializing_if = "is_default")]
    pub platform: Platform,
    /// x86_64 when absent.
    #[serde(default, skip_serializing_if = "is_default")]
    pub arch: ImageArch,
    /// BIOS when absent.
    #[serde(default, skip_serializing_if = "is_default")]
    pub boot_mode: ImageBootMode,
    /// Unsupported when absent.
    #[serde(default, skip_serializing_if = "is_default")]
    pub nvme: NvmeSupport,
    /// Size of the system disk snapshot in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_gib: Option<u32>,
    /// Regions where the image exists or is released; `None` means all (public images).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<String>>,
    /// Whether the image's snapshots are encrypted.
    #[serde(default, skip_serializing_if = "is_default")]
    pub encrypted: bool,
    /// The key of an encrypted image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeyKind>,
    /// Built from a Marketplace image.
    #[serde(default, skip_serializing_if = "is_default")]
    pub from_marketplace: bool,
    /// Regions where the Marketplace product behind it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketplace_regions: Option<Vec<String>>,
    /// The image bills OS licence fees (Windows Server, RHEL, ...).
    #[serde(default, skip_serializing_if = "is_default")]
    pub license_fee: bool,
    /// End of life of the OS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eol: Option<Date>,
    /// Available when absent.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: ImageStatus,
    /// Accounts the image is already shared with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_with: Vec<String>,
    /// Snapshot IDs the image is made of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<String>,
    /// Data disks the image carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_disks: Vec<DataDisk>,
    /// The image family (DescribeImages `ImageFamily`), contract §4.2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// When the image was made (DescribeImages `CreationTime`, the date part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Date>,
    /// The only instance types (IDs, or families such as `ecs.g7`) the image runs on, as
    /// DescribeImageSupportInstanceTypes lists them; `None`: no restriction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_types: Option<Vec<String>>,
}

impl Image {
    /// Whether the image exists (or is released) in `region`.
    #[inline]
    pub fn available_in(&self, region: &str) -> bool {
        self.regions
            .as_ref()
            .is_none_or(|regions| regions.iter().any(|r| r == region))
    }

    /// The name to show: the display name, else the ID.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// What a custom image is created from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum CreateSource {
    /// A running or stopped instance (`i-...`).
    Instance,
    /// A system disk snapshot (`s-...`).
    Snapshot,
}

/// A custom image to create (CreateImage).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Create {
    /// The image it will be; `regions` holds the one region it is created in.
    #[serde(default)]
    pub image: Image,
    /// Instance or snapshot; when absent, implied by the source's prefix (`i-`, `s-`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<CreateSource>,
    /// The instance or snapshot ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Create {
    /// What the image is created from: `from`, else what the source ID's prefix implies.
    pub fn source_kind(&self) -> Option<CreateSource> {
        self.from.or_else(|| {
            let source = self.source.as_deref()?;
            if source.starts_with("i-") {
                Some(CreateSource::Instance)
            } else if source.starts_with("s-") {
                Some(CreateSource::Snapshot)
            } else {
                None
            }
        })
    }
}

/// A CopyImage call.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Copy {
    /// ID of the image to copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Destination region ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_region: Option<String>,
    /// DestinationImageName.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Encrypted: whether the copy is encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    /// KMSKeyId for the copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// A ModifyImageSharePermission call (or several, in batches of ten accounts).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// ID of the image to share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Region of the image to share; when absent, the image's one region (CONTRACT §4.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Account IDs to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<String>,
}

/// An ExportImage call.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// ID of the image to export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Region of the OSS bucket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bucket_region: Option<String>,
    /// ImageFormat (RAW, VHD, QCOW2, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// System disk settings of a launch.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SystemDisk {
    /// SystemDisk.Category (`cloud_essd`, `cloud`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// SystemDisk.Size in GiB; default max(40, image size).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_gib: Option<u32>,
}

/// A RunInstances call.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Launch {
    /// Region ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Zone ID (`cn-hangzhou-g`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Instance type ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// Image ID; absent when the launch names `image_family` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// ImageFamily: launch the newest Available image of this family instead of `image`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_family: Option<String>,
    /// Number of instances; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u32>,
    /// System disk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_disk: Option<SystemDisk>,
}

/// A DeleteImage or DeleteSnapshot call: exactly one of `image` and `snapshot` is set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Delete {
    /// Image to delete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// With `image`: `false` also deletes the image's snapshots (one DeleteSnapshot each);
    /// see [`Delete::keeps_snapshots`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_snapshots: Option<bool>,
    /// Snapshot to delete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<String>,
}

impl Delete {
    /// Whether deleting the image keeps its snapshots: DeleteImage itself never deletes them,
    /// so they stay unless the plan says `keep_snapshots: false`.
    pub fn keeps_snapshots(&self) -> bool {
        self.keep_snapshots.unwrap_or(true)
    }
}

impl Image {
    /// Whether the image's `instance_types` pin allows `type_id` (contract §4.2): no pin allows
    /// every type; an entry matches the ID itself, or the IDs of its family (`ecs.g7` matches
    /// `ecs.g7.large`, not `ecs.g7a.large`).
    pub fn allows_type(&self, type_id: &str) -> bool {
        self.instance_types.as_ref().is_none_or(|pins| {
            pins.iter().any(|pin| {
                type_id == pin
                    || type_id
                        .strip_prefix(pin.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    }
}

/// The licence an imported Windows image is activated with (ImportImage `LicenseType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum LicenseType {
    /// Alibaba Cloud's licence, activated through its KMS server; billed with the instance.
    Aliyun,
    /// Bring your own licence: activated by hand, no licence fee.
    #[serde(rename = "BYOL")]
    Byol,
}

impl LicenseType {
    /// The API value.
    pub fn as_str(self) -> &'static str {
        match self {
            LicenseType::Aliyun => "Aliyun",
            LicenseType::Byol => "BYOL",
        }
    }
}

/// An ImportImage call (contract §4.3): an image file in OSS becomes a custom image.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Import {
    /// The image it will be: its `id` is how the plan refers to the result, `regions` holds the
    /// one import region (RegionId), `name` is ImageName, `platform` OSType, `arch`
    /// Architecture, `boot_mode` BootMode and `nvme` Features.NvmeSupport.
    pub image: Image,
    /// DiskDeviceMapping.1.OSSBucket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oss_bucket: Option<String>,
    /// DiskDeviceMapping.1.OSSObject: the file's key in the bucket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oss_object: Option<String>,
    /// Region of the OSS bucket; it must be the import region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oss_region: Option<String>,
    /// DiskDeviceMapping.1.Format: `RAW`, `VHD`, `QCOW2` or `VMDK`; absent: ECS detects it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Platform: the distribution (`Ubuntu`, `Windows Server 2022`, ...); absent: `Others Linux`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
    /// LicenseType (Windows images).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_type: Option<LicenseType>,
    /// Size of the image file in OSS, in GiB (may be fractional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_size_gib: Option<f64>,
    /// DiskDeviceMapping.1.DiskImageSize: the system disk of the image, in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_disk_gib: Option<u32>,
    /// DiskDeviceMapping.2.. DiskImageSize: data disks of the image.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_disks: Vec<DataDisk>,
}

/// A ModifyImageAttribute call (contract §4.4). Absent attributes stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Modify {
    /// ImageId: the image to change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// RegionId: which copy of the image; absent: the image's own region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// ImageName.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// BootMode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boot_mode: Option<ImageBootMode>,
    /// Features.NvmeSupport.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nvme: Option<NvmeSupport>,
    /// ImageFamily.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Status: `Deprecated` or `Available`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ImageStatus>,
}

impl Modify {
    /// Whether the modify sets any attribute at all.
    pub fn sets_anything(&self) -> bool {
        self.name.is_some()
            || self.description.is_some()
            || self.boot_mode.is_some()
            || self.nvme.is_some()
            || self.family.is_some()
            || self.status.is_some()
    }

    /// `image` with this modify's attributes applied.
    pub fn apply(&self, image: &Image) -> Image {
        let mut out = image.clone();
        if let Some(name) = &self.name {
            out.name = Some(name.clone());
        }
        if let Some(mode) = self.boot_mode {
            out.boot_mode = mode;
        }
        if let Some(nvme) = self.nvme {
            out.nvme = nvme;
        }
        if let Some(family) = &self.family {
            out.family = Some(family.clone());
        }
        if let Some(status) = self.status {
            out.status = status;
        }
        out
    }
}
