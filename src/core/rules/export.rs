//! Export rules (ExportImage): only own custom Linux images, not Marketplace-derived, into an
//! OSS bucket of the image's region, with at most 4 data disks of up to 500 GiB.

use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::guide::Topic;
use crate::core::model::{ImageType, Platform};
use crate::core::report::{Finding, Severity};

declare_rules! {
    /// `export-not-custom`.
    EXPORT_NOT_CUSTOM = Rule {
        code: "export-not-custom",
        severity: Severity::Error,
        summary: "exporting anything but an own custom image",
        doc: docs::EXPORT_GUIDE,
        topic: Some(Topic::ImageTypes),
    };
    /// `export-windows`.
    EXPORT_WINDOWS = Rule {
        code: "export-windows",
        severity: Severity::Error,
        summary: "exporting a Windows image",
        doc: docs::EXPORT_GUIDE,
        topic: None,
    };
    /// `export-marketplace-derived`.
    EXPORT_MARKETPLACE_DERIVED = Rule {
        code: "export-marketplace-derived",
        severity: Severity::Error,
        summary: "exporting a Marketplace-derived image",
        doc: docs::EXPORT_GUIDE,
        topic: None,
    };
    /// `export-bucket-region`.
    EXPORT_BUCKET_REGION = Rule {
        code: "export-bucket-region",
        severity: Severity::Error,
        summary: "an OSS bucket in another region than the image",
        doc: docs::EXPORT_IMAGE,
        topic: None,
    };
    /// `export-data-disks`.
    EXPORT_DATA_DISKS = Rule {
        code: "export-data-disks",
        severity: Severity::Error,
        summary: "more than 4 data disks, or one over 500 GiB",
        doc: docs::EXPORT_IMAGE,
        topic: None,
    };
}

/// Most data disks an exported image may carry.
pub const MAX_EXPORT_DATA_DISKS: usize = 4;
/// Largest data disk an exported image may carry, in GiB.
pub const MAX_EXPORT_DATA_DISK_GIB: u32 = 500;

/// Every export in plan order; the image is resolved in the bucket's region.
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (n, export) in ctx.plan.exports.iter().enumerate() {
        let at = format!("/exports/{n}");
        let id = ctx.require(
            &export.image,
            &format!("{at}/image"),
            "image",
            "ExportImage",
            "ImageId",
            out,
        );
        let region = ctx.require(
            &export.bucket_region,
            &format!("{at}/bucket_region"),
            "OSS bucket region",
            "ExportImage",
            "RegionId",
            out,
        );
        let (Some(id), Some(region)) = (id, region) else {
            continue;
        };
        if !ctx.check_region_open(region, &format!("{at}/bucket_region"), out)
            || !ctx.check_image_known(id, &format!("{at}/image"), out)
        {
            continue;
        }
        let Some(resolved) = ctx.resolver.resolve(id, region) else {
            continue;
        };
        let image = resolved.image;
        if image.kind != ImageType::Custom {
            out.push(EXPORT_NOT_CUSTOM.finding(
                format!("{at}/image"),
                format!("{id} is not your own custom image; only those can be exported"),
                "export a custom image of your own".into(),
            ));
            continue;
        }
        if image.platform == Platform::Windows {
            out.push(
                EXPORT_WINDOWS.finding(
                    format!("{at}/image"),
                    format!(
                        "{id} runs Windows ({}); Windows images cannot be exported",
                        image.os.as_deref().unwrap_or("Windows Server")
                    ),
                    "remove the export; keep the image in ECS, or rebuild it outside Alibaba Cloud"
                        .into(),
                ),
            );
        }
        if image.from_marketplace {
            out.push(EXPORT_MARKETPLACE_DERIVED.finding(
                format!("{at}/image"),
                format!("{id} is built from a Marketplace image; those cannot be exported"),
                "remove the export".into(),
            ));
        }
        if !resolved.here {
            out.push(EXPORT_BUCKET_REGION.finding_with_fix(
                format!("{at}/bucket_region"),
                format!(
                    "{id} is in {}, but the OSS bucket is in {region}",
                    image.regions.as_deref().unwrap_or_default().join(", ")
                ),
                format!("add a copy of {id} to {region}, or use a bucket in the image's region"),
                Some(Fix::AddCopy {
                    image: id.to_string(),
                    to_region: region.to_string(),
                    encrypted: image.encrypted,
                }),
            ));
        }
        let disks = &image.data_disks;
        let largest = disks.iter().filter_map(|d| d.size_gib).max().unwrap_or(0);
        if disks.len() > MAX_EXPORT_DATA_DISKS || largest > MAX_EXPORT_DATA_DISK_GIB {
            out.push(EXPORT_DATA_DISKS.finding(
                format!("{at}/image"),
                format!(
                    "{id} carries {} data disk(s), the largest {largest} GiB; exports allow at most {MAX_EXPORT_DATA_DISKS}, each up to {MAX_EXPORT_DATA_DISK_GIB} GiB",
                    disks.len()
                ),
                "create an image of the system disk only (or fewer, smaller data disks) and export that".into(),
            ));
        }
    }
}
