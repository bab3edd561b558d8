//! Import rules (ImportImage, contract §4.3): where the file is, its format, the boot mode an
//! arm64 image needs, the Windows licence, disk sizes and the distribution. Names and the
//! custom-image quota of the result are checked with creates and copies ([`super::create`]).
//! Limits are those of `ImportImageRequest` ([`crate::core::lifecycle::import`]).

use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::guide::Topic;
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
    let region = home_region(&import.image);
    if let (Some(region), Some(bucket)) = (region, import.oss_region.as_deref()) {
        if ctx.catalog.region(bucket).is_some() && bucket != region {
            out.push(IMPORT_OSS_REGION.finding(
                format!("{at}/oss_region"),
                format!("the OSS bucket is in {bucket}, but the image is imported into {region}; ImportImage reads buckets of its own region only"),
                format!("copy the file to a bucket in {region} (OSS cross-region replication or ossutil), or import into {bucket} and copy the image to {region} with CopyImage"),
            ));
        }
    }
    if let Some(format) = import.format.as_deref() {
        if !FORMATS.contains(&format) {
            let upper = format.to_ascii_uppercase();
            let hint = if FORMATS.contains(&upper.as_str()) {
                format!("write it as \"{upper}\", the way ImportImage spells it")
            } else {
                "convert the file to QCOW2, VHD or RAW (qemu-img convert), or leave format out to let ECS detect it".into()
            };
            out.push(IMPORT_FORMAT_UNSUPPORTED.finding(
                format!("{at}/format"),
                format!("format \"{format}\" is not one ImportImage reads (RAW, VHD, QCOW2, VMDK)"),
                hint,
            ));
        } else if PREVIEW_FORMATS.contains(&format) {
            out.push(IMPORT_FORMAT_PREVIEW.finding(
                format!("{at}/format"),
                format!("{format} import is in invitational preview: it works only for accounts admitted to it"),
                "convert the file to QCOW2 (qemu-img convert -O qcow2), or apply for the preview first".into(),
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
            format!("an arm64 image is imported with boot mode {mode}; ImportImage takes only UEFI for arm64"),
            "set image.boot_mode to \"UEFI\" (arm64 instances boot UEFI only)".into(),
            Some(Fix::SetImportBootModeUefi { import: n }),
        ));
    }
    if is_windows(import) && import.license_type.is_none() {
        out.push(IMPORT_WINDOWS_LICENSE.finding(
            format!("{at}/license_type"),
            "a Windows image is imported without license_type; ImportImage needs LicenseType with OSType windows".into(),
            "set license_type to \"Aliyun\" (Alibaba Cloud's licence, billed with each instance) or \"BYOL\" (your own licence key, activated by hand)".into(),
        ));
    }
    check_disks(import, &at, out);
    if let Some(distribution) = import.distribution.as_deref() {
        if !PLATFORMS.contains(&distribution) {
            let fallback = fallback_distribution(import.image.platform);
            let near = PLATFORMS
                .iter()
                .find(|p| p.eq_ignore_ascii_case(distribution))
                .map(|p| format!("write it as \"{p}\", or "))
                .unwrap_or_default();
            out.push(IMPORT_DISTRIBUTION_UNKNOWN.finding(
                format!("{at}/distribution"),
                format!("\"{distribution}\" is not a distribution ImportImage lists: the image imports as \"{fallback}\", and ECS will not tailor its set-up to it"),
                format!("{near}pick one of {}", PLATFORMS.join(", ")),
            ));
        }
    }
}

/// `import-disk-size` for the system disk and the data disks.
fn check_disks(import: &Import, at: &str, out: &mut Vec<Finding>) {
    let (min, max) = DISK_GIB;
    if let Some(size) = import.system_disk_gib {
        if !(min..=max).contains(&size) {
            out.push(IMPORT_DISK_SIZE.finding(
                format!("{at}/system_disk_gib"),
                format!("the system disk is {size} GiB; ImportImage takes {min} to {max} GiB"),
                format!(
                    "set system_disk_gib between {min} and {max}, and not below the file's size"
                ),
            ));
        } else if let Some(file) = import.file_size_gib.filter(|file| f64::from(size) < *file) {
            let need = file.ceil() as u32;
            out.push(IMPORT_DISK_SIZE.finding(
                format!("{at}/system_disk_gib"),
                format!("the system disk is {size} GiB, smaller than the {file} GiB image file"),
                format!("set system_disk_gib to at least {need}"),
            ));
        }
    }
    if import.data_disks.len() > MAX_DATA_DISKS {
        out.push(IMPORT_DISK_SIZE.finding(
            format!("{at}/data_disks"),
            format!(
                "{} data disks; ImportImage takes at most {MAX_DATA_DISKS} (DiskDeviceMapping.2 to .17)",
                import.data_disks.len()
            ),
            "import fewer data disks, and attach the rest as disks of the instances".into(),
        ));
    }
    for (m, disk) in import.data_disks.iter().enumerate() {
        let path = format!("{at}/data_disks/{m}/size_gib");
        let Some(size) = disk.size_gib else {
            out.push(super::reference::missing(
                &path,
                &format!("size of data disk {m}"),
                "ImportImage",
                &format!("DiskDeviceMapping.{}.DiskImageSize", m + 2),
            ));
            continue;
        };
        if !(min..=max).contains(&size) {
            out.push(IMPORT_DISK_SIZE.finding(
                path,
                format!("data disk {m} is {size} GiB; ImportImage takes {min} to {max} GiB"),
                format!("set its size between {min} and {max} GiB"),
            ));
        }
    }
}
