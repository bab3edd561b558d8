//! ModifyImageAttribute: the API call a modify of the plan makes.
//!
//! From `ModifyImageAttributeRequest` (SDK 7.11.8): `RegionId` and `ImageId` are required;
//! `ImageName`, `Description`, `BootMode` (BIOS, UEFI, UEFI-Preferred), `ImageFamily`,
//! `Features.NvmeSupport` and `Status` (Deprecated, Available) are optional, and an absent one
//! keeps its value. "If you have shared the custom image, you must unshare it before you can
//! set it to the deprecated state"; enabling NVMe "without the driver will cause instance
//! startup failures".

use crate::core::model::{ImageBootMode, ImageStatus, Modify, NvmeSupport};
use crate::core::param::{Param, Params};
use crate::core::report::Operation;

/// The ModifyImageAttribute call of `modifies[n]`. `region` is the region of the image it
/// changes and `image` how the call names it (an ID, or the `ImageId` output of the call that
/// makes it).
pub fn modify_operation(
    n: usize,
    modify: &Modify,
    region: Option<&str>,
    image: Option<Param>,
) -> Operation {
    let mut params = Params::new();
    let mut set = |key: &str, value: Param| {
        params.insert(key, value);
    };
    if let Some(region) = region {
        set("RegionId", region.into());
    }
    if let Some(image) = image {
        set("ImageId", image);
    }
    if let Some(name) = &modify.name {
        set("ImageName", name.as_str().into());
    }
    if let Some(description) = &modify.description {
        set("Description", description.as_str().into());
    }
    if let Some(mode) = modify.boot_mode {
        let mode = match mode {
            ImageBootMode::Bios => "BIOS",
            ImageBootMode::Uefi => "UEFI",
            ImageBootMode::UefiPreferred => "UEFI-Preferred",
        };
        set("BootMode", mode.into());
    }
    if let Some(nvme) = modify.nvme {
        let nvme = match nvme {
            NvmeSupport::Supported => "supported",
            NvmeSupport::Unsupported => "unsupported",
        };
        set("Features.NvmeSupport", nvme.into());
    }
    if let Some(family) = &modify.family {
        set("ImageFamily", family.as_str().into());
    }
    if let Some(status) = modify.status {
        let status = match status {
            ImageStatus::Available => "Available",
            ImageStatus::Deprecated => "Deprecated",
        };
        set("Status", status.into());
    }
    Operation {
        id: format!("modify-{n}"),
        api: "ModifyImageAttribute",
        product: None,
        params,
    }
}
