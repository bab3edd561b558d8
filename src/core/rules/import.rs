//! Import rules (ImportImage, contract §4.3): where the file is, its format, the boot mode an
//! arm64 image needs, the Windows licence, disk sizes and the distribution. Names and the
//! custom-image quota of the result are checked with creates and copies ([`super::create`]).
//! Limits are those of `ImportImageRequest` ([`crate::core::lifecycle::import`]).

use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::guide::Topic;
use crate::core::i18n::{join, Lang};
use crate::core::lifecycle::import::{
    fallback_distribution, is_windows_distribution, DISK_GIB, FORMATS, MAX_DATA_DISKS, PLATFORMS,
    PREVIEW_FORMATS,
};
use crate::core::model::{ImageArch, ImageBootMode, Import, Platform};
use crate::core::report::{Finding, Severity};
use crate::core::resolve::home_region;

declare_rules! {
    /// `import-oss-region`.
    IMPORT_OSS_REGION = Rule {
        code: "import-oss-region",
        severity: Severity::Error,
        summary: "the OSS bucket is in another region than the import",
        doc: docs::IMPORT_IMAGE,
        topic: Some(Topic::Importing),
    };
    /// `import-format-unsupported`.
    IMPORT_FORMAT_UNSUPPORTED = Rule {
        code: "import-format-unsupported",
        severity: Severity::Error,
        summary: "a format other than RAW, VHD, QCOW2, VMDK",
        doc: docs::IMPORT_IMAGE,
        topic: Some(Topic::Importing),
    };
    /// `import-format-preview`.
    IMPORT_FORMAT_PREVIEW = Rule {
        code: "import-format-preview",
        severity: Severity::Warning,
        summary: "VMDK (invitational preview)",
        doc: docs::IMPORT_IMAGE,
        topic: Some(Topic::Importing),
    };
    /// `import-arm64-boot-mode`.
    IMPORT_ARM64_BOOT_MODE = Rule {
        code: "import-arm64-boot-mode",
        severity: Severity::Error,
        summary: "an arm64 image imported with a boot mode other than UEFI",
        doc: docs::IMPORT_IMAGE,
        topic: Some(Topic::Importing),
    };
    /// `import-windows-license`.
    IMPORT_WINDOWS_LICENSE = Rule {
        code: "import-windows-license",
        severity: Severity::Error,
        summary: "a Windows image without license_type",
        doc: docs::IMPORT_IMAGE,
        topic: Some(Topic::Importing),
    };
    /// `import-disk-size`.
    IMPORT_DISK_SIZE = Rule {
        code: "import-disk-size",
        severity: Severity::Error,
        summary: "system disk outside 1-2048 GiB or smaller than the file; over 16 data disks, or one outside 1-2048 GiB",
        doc: docs::IMPORT_IMAGE,
        topic: Some(Topic::Importing),
    };
    /// `import-distribution-unknown`.
    IMPORT_DISTRIBUTION_UNKNOWN = Rule {
        code: "import-distribution-unknown",
        severity: Severity::Warning,
        summary:
            "a distribution ImportImage does not list (it imports as Others Linux / Other Windows)",
        doc: docs::IMPORT_IMAGE,
        topic: Some(Topic::Importing),
    };
}

/// Whether the import brings a Windows image (its platform or its distribution says so).
fn is_windows(import: &Import) -> bool {
    import.image.platform == Platform::Windows
        || import
            .distribution
            .as_deref()
            .is_some_and(is_windows_distribution)
}

/// Checks `imports[n]` on its own (names, families and the quota are checked elsewhere).
pub(crate) fn check_import(ctx: &Context, n: usize, out: &mut Vec<Finding>) {
    let import = &ctx.plan.imports[n];
    let at = format!("/imports/{n}");
    let lang = ctx.lang;
    let region = home_region(&import.image);
    if let (Some(region), Some(bucket)) = (region, import.oss_region.as_deref()) {
        if ctx.catalog.region(bucket).is_some() && bucket != region {
            out.push(IMPORT_OSS_REGION.finding(
                format!("{at}/oss_region"),
                tr!(
                    lang,
                    format!("the OSS bucket is in {bucket}, but the image is imported into {region}; ImportImage reads buckets of its own region only"),
                    format!("OSS Bucket 位于 {bucket}，但镜像导入到 {region}；ImportImage 只能读取同一地域的 Bucket")
                ),
                tr!(
                    lang,
                    format!("copy the file to a bucket in {region} (OSS cross-region replication or ossutil), or import into {bucket} and copy the image to {region} with CopyImage"),
                    format!("请将文件复制到 {region} 的 Bucket（OSS 跨区域复制或 ossutil），或导入到 {bucket} 后用 CopyImage 将镜像复制到 {region}")
                ),
            ));
        }
    }
    if let Some(format) = import.format.as_deref() {
        if !FORMATS.contains(&format) {
            let upper = format.to_ascii_uppercase();
            let hint = if FORMATS.contains(&upper.as_str()) {
                tr!(
                    lang,
                    format!("write it as \"{upper}\", the way ImportImage spells it"),
                    format!("请按 ImportImage 的写法写作“{upper}”")
                )
            } else {
                tr!(
                    lang,
                    "convert the file to QCOW2, VHD or RAW (qemu-img convert), or leave format out to let ECS detect it",
                    "请将文件转换为 QCOW2、VHD 或 RAW（qemu-img convert），或不填 format 由 ECS 自动识别"
                )
            };
            out.push(IMPORT_FORMAT_UNSUPPORTED.finding(
                format!("{at}/format"),
                tr!(
                    lang,
                    format!(
                        "format \"{format}\" is not one ImportImage reads (RAW, VHD, QCOW2, VMDK)"
                    ),
                    format!("ImportImage 不支持格式“{format}”（支持 RAW、VHD、QCOW2、VMDK）")
                ),
                hint,
            ));
        } else if PREVIEW_FORMATS.contains(&format) {
            out.push(IMPORT_FORMAT_PREVIEW.finding(
                format!("{at}/format"),
                tr!(
                    lang,
                    format!("{format} import is in invitational preview: it works only for accounts admitted to it"),
                    format!("{format} 格式导入处于邀测阶段：只对获准参加邀测的账号可用")
                ),
                tr!(
                    lang,
                    "convert the file to QCOW2 (qemu-img convert -O qcow2), or apply for the preview first",
                    "请将文件转换为 QCOW2（qemu-img convert -O qcow2），或先申请邀测"
                ),
            ));
        }
    }
    if import.image.arch == ImageArch::Arm64 && import.image.boot_mode != ImageBootMode::Uefi {
        let mode = match import.image.boot_mode {
            ImageBootMode::Bios => "BIOS",
            _ => "UEFI-Preferred",
        };
        out.push(IMPORT_ARM64_BOOT_MODE.finding_with_fix(
            format!("{at}/image/boot_mode"),
            tr!(
                lang,
                format!("an arm64 image is imported with boot mode {mode}; ImportImage takes only UEFI for arm64"),
                format!("arm64 镜像以引导模式 {mode} 导入；ImportImage 对 arm64 只接受 UEFI")
            ),
            tr!(
                lang,
                "set image.boot_mode to \"UEFI\" (arm64 instances boot UEFI only)",
                "请将 image.boot_mode 设为“UEFI”（arm64 实例只支持 UEFI 引导）"
            ),
            Some(Fix::SetImportBootModeUefi { import: n }),
        ));
    }
    if is_windows(import) && import.license_type.is_none() {
        out.push(IMPORT_WINDOWS_LICENSE.finding(
            format!("{at}/license_type"),
            tr!(
                lang,
                "a Windows image is imported without license_type; ImportImage needs LicenseType with OSType windows",
                "导入 Windows 镜像时未填写 license_type；OSType 为 windows 时 ImportImage 需要 LicenseType"
            ),
            tr!(
                lang,
                "set license_type to \"Aliyun\" (Alibaba Cloud's licence, billed with each instance) or \"BYOL\" (your own licence key, activated by hand)",
                "请将 license_type 设为“Aliyun”（阿里云许可，随实例计费）或“BYOL”（自带许可证，需手动激活）"
            ),
        ));
    }
    check_disks(lang, import, &at, out);
    if let Some(distribution) = import.distribution.as_deref() {
        if !PLATFORMS.contains(&distribution) {
            let fallback = fallback_distribution(import.image.platform);
            let near = PLATFORMS
                .iter()
                .find(|p| p.eq_ignore_ascii_case(distribution))
                .copied();
            out.push(IMPORT_DISTRIBUTION_UNKNOWN.finding(
                format!("{at}/distribution"),
                tr!(
                    lang,
                    format!("\"{distribution}\" is not a distribution ImportImage lists: the image imports as \"{fallback}\", and ECS will not tailor its set-up to it"),
                    format!("“{distribution}”不在 ImportImage 列出的发行版中：镜像将按“{fallback}”导入，ECS 不会针对它调整配置")
                ),
                tr!(
                    lang,
                    format!(
                        "{}pick one of {}",
                        near.map(|p| format!("write it as \"{p}\", or ")).unwrap_or_default(),
                        PLATFORMS.join(", ")
                    ),
                    format!(
                        "{}请从以下选择一个：{}",
                        near.map(|p| format!("请写作“{p}”，或")).unwrap_or_default(),
                        join(lang, PLATFORMS)
                    )
                ),
            ));
        }
    }
}

/// `import-disk-size` for the system disk and the data disks.
fn check_disks(lang: Lang, import: &Import, at: &str, out: &mut Vec<Finding>) {
    let (min, max) = DISK_GIB;
    if let Some(size) = import.system_disk_gib {
        if !(min..=max).contains(&size) {
            out.push(IMPORT_DISK_SIZE.finding(
                format!("{at}/system_disk_gib"),
                tr!(
                    lang,
                    format!("the system disk is {size} GiB; ImportImage takes {min} to {max} GiB"),
                    format!("系统盘为 {size} GiB；ImportImage 支持 {min}～{max} GiB")
                ),
                tr!(
                    lang,
                    format!("set system_disk_gib between {min} and {max}, and not below the file's size"),
                    format!("请将 system_disk_gib 设为 {min}～{max}，且不小于文件大小")
                ),
            ));
        } else if let Some(file) = import.file_size_gib.filter(|file| f64::from(size) < *file) {
            let need = file.ceil() as u32;
            out.push(IMPORT_DISK_SIZE.finding(
                format!("{at}/system_disk_gib"),
                tr!(
                    lang,
                    format!(
                        "the system disk is {size} GiB, smaller than the {file} GiB image file"
                    ),
                    format!("系统盘为 {size} GiB，小于 {file} GiB 的镜像文件")
                ),
                tr!(
                    lang,
                    format!("set system_disk_gib to at least {need}"),
                    format!("请将 system_disk_gib 设为至少 {need}")
                ),
            ));
        }
    }
    if import.data_disks.len() > MAX_DATA_DISKS {
        out.push(IMPORT_DISK_SIZE.finding(
            format!("{at}/data_disks"),
            tr!(
                lang,
                format!(
                    "{} data disks; ImportImage takes at most {MAX_DATA_DISKS} (DiskDeviceMapping.2 to .17)",
                    import.data_disks.len()
                ),
                format!(
                    "{} 块数据盘；ImportImage 最多 {MAX_DATA_DISKS} 块（DiskDeviceMapping.2～.17）",
                    import.data_disks.len()
                )
            ),
            tr!(
                lang,
                "import fewer data disks, and attach the rest as disks of the instances",
                "请少导入一些数据盘，其余作为实例的云盘挂载"
            ),
        ));
    }
    for (m, disk) in import.data_disks.iter().enumerate() {
        let path = format!("{at}/data_disks/{m}/size_gib");
        let Some(size) = disk.size_gib else {
            out.push(super::reference::missing(
                lang,
                &path,
                tr!(
                    lang,
                    format!("size of data disk {m}"),
                    format!("数据盘 {m} 的大小")
                ),
                "ImportImage",
                &format!("DiskDeviceMapping.{}.DiskImageSize", m + 2),
            ));
            continue;
        };
        if !(min..=max).contains(&size) {
            out.push(IMPORT_DISK_SIZE.finding(
                path,
                tr!(
                    lang,
                    format!("data disk {m} is {size} GiB; ImportImage takes {min} to {max} GiB"),
                    format!("数据盘 {m} 为 {size} GiB；ImportImage 支持 {min}～{max} GiB")
                ),
                tr!(
                    lang,
                    format!("set its size between {min} and {max} GiB"),
                    format!("请将其大小设为 {min}～{max} GiB")
                ),
            ));
        }
    }
}
