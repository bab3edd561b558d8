//! Export rules (ExportImage): only own custom Linux images, not Marketplace-derived, into an
//! OSS bucket of the image's region, with at most 4 data disks of up to 500 GiB.

use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::guide::Topic;
use crate::core::i18n::{count_en, join, Term};
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
    let lang = ctx.lang;
    for (n, export) in ctx.plan.exports.iter().enumerate() {
        let at = format!("/exports/{n}");
        let id = ctx.require(
            &export.image,
            &format!("{at}/image"),
            Term::new("image", "镜像"),
            "ExportImage",
            "ImageId",
            out,
        );
        let region = ctx.require(
            &export.bucket_region,
            &format!("{at}/bucket_region"),
            Term::new("OSS bucket region", "OSS Bucket 所在地域"),
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
                tr!(
                    lang,
                    format!("{id} is not your own custom image; only those can be exported"),
                    format!("{id} 不是您自己的自定义镜像；只有自己的自定义镜像可以导出")
                ),
                tr!(
                    lang,
                    "export a custom image of your own",
                    "请导出您自己的自定义镜像"
                ),
            ));
            continue;
        }
        if image.platform == Platform::Windows {
            out.push(EXPORT_WINDOWS.finding(
                format!("{at}/image"),
                tr!(
                    lang,
                    format!(
                        "{id} runs Windows ({}); Windows images cannot be exported",
                        image.os.as_deref().unwrap_or("Windows Server")
                    ),
                    format!(
                        "{id} 的操作系统是 Windows（{}）；Windows 镜像不能导出",
                        image.os.as_deref().unwrap_or("Windows Server")
                    )
                ),
                tr!(
                    lang,
                    "remove the export; keep the image in ECS, or rebuild it outside Alibaba Cloud",
                    "请删除此导出镜像操作；将镜像保留在 ECS 中，或在阿里云之外重新构建"
                ),
            ));
        }
        if image.from_marketplace {
            out.push(EXPORT_MARKETPLACE_DERIVED.finding(
                format!("{at}/image"),
                tr!(
                    lang,
                    format!("{id} is built from a Marketplace image; those cannot be exported"),
                    format!("{id} 基于镜像市场镜像创建，这类镜像不能导出")
                ),
                tr!(lang, "remove the export", "请删除此导出镜像操作"),
            ));
        }
        if !resolved.here {
            out.push(EXPORT_BUCKET_REGION.finding_with_fix(
                format!("{at}/bucket_region"),
                tr!(
                    lang,
                    format!(
                        "{id} is in {}, but the OSS bucket is in {region}",
                        image.regions.as_deref().unwrap_or_default().join(", ")
                    ),
                    format!(
                        "{id} 位于 {}，但 OSS Bucket 位于 {region}",
                        join(lang, image.regions.as_deref().unwrap_or_default())
                    )
                ),
                tr!(
                    lang,
                    format!(
                        "add a copy of {id} to {region}, or use a bucket in the image's region"
                    ),
                    format!("请将 {id} 复制到 {region}，或使用镜像所在地域的 Bucket")
                ),
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
                tr!(
                    lang,
                    format!(
                        "{id} carries {}, the largest {largest} GiB; exports allow at most {MAX_EXPORT_DATA_DISKS}, each up to {MAX_EXPORT_DATA_DISK_GIB} GiB",
                        count_en(disks.len(), "data disk", "data disks")
                    ),
                    format!(
                        "{id} 带有 {} 块数据盘，最大的为 {largest} GiB；导出时最多 {MAX_EXPORT_DATA_DISKS} 块，每块不超过 {MAX_EXPORT_DATA_DISK_GIB} GiB",
                        disks.len()
                    )
                ),
                tr!(
                    lang,
                    "create an image of the system disk only (or fewer, smaller data disks) and export that",
                    "请只用系统盘（或更少、更小的数据盘）创建镜像，再导出该镜像"
                ),
            ));
        }
    }
}
