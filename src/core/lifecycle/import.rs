//! ImportImage: what it accepts, and the API call an import of the plan makes.
//!
//! From `ImportImageRequest` (SDK 7.11.8): `Platform` takes the distributions of
//! [`PLATFORMS`] (default `Others Linux`); `DiskDeviceMapping.N.Format` RAW, VHD, QCOW2, or VMDK
//! "in invitational preview" (absent: detected); `DiskDeviceMapping.N.DiskImageSize` 1-2048 GiB
//! for the system disk (N=1) and each data disk (N=2..17), the system disk not smaller than the
//! file; `BootMode` BIOS or UEFI, "if `Architecture=arm64` ... only UEFI can be specified";
//! `OSType` windows "must also set `LicenseType`" (Aliyun or BYOL); `Features.NvmeSupport`
//! defaults to unsupported ("imported images are considered as not supporting the NVMe
//! protocol"). The image file must sit in an OSS bucket of the import region, readable by the
//! RAM role `AliyunECSImageImportDefaultRole` (`RoleName`), else `NoSetRoletoECSServiceAccount`.

use crate::core::model::{Image, ImageArch, ImageBootMode, Import, NvmeSupport, Platform};
use crate::core::param::{Param, Params};
use crate::core::report::Operation;
use crate::core::resolve::home_region;

/// The distributions ImportImage's `Platform` accepts, as the SDK lists them.
pub const PLATFORMS: &[&str] = &[
    "Aliyun",
    "Anolis",
    "CentOS",
    "Ubuntu",
    "CoreOS",
    "SUSE",
    "Debian",
    "OpenSUSE",
    "FreeBSD",
    "RedHat",
    "Kylin",
    "UOS",
    "Fedora",
    "Fedora CoreOS",
    "CentOS Stream",
    "AlmaLinux",
    "Rocky Linux",
    "Gentoo",
    "Customized Linux",
    "Others Linux",
    "Windows Server 2022",
    "Windows Server 2019",
    "Windows Server 2016",
    "Windows Server 2012",
    "Windows Server 2008",
    "Windows Server 2003",
    "Other Windows",
];

/// Image file formats ImportImage reads; VMDK is in invitational preview.
pub const FORMATS: &[&str] = &["RAW", "VHD", "QCOW2", "VMDK"];

/// Formats in preview.
pub const PREVIEW_FORMATS: &[&str] = &["VMDK"];

/// Smallest and largest `DiskImageSize`, in GiB, for the system disk and each data disk.
pub const DISK_GIB: (u32, u32) = (1, 2048);

/// Most data disks one import carries (`DiskDeviceMapping.2` .. `.17`).
pub const MAX_DATA_DISKS: usize = 16;

/// The RAM role ImportImage reads the OSS bucket with.
pub const DEFAULT_ROLE: &str = "AliyunECSImageImportDefaultRole";

/// Whether `distribution` is a Windows one (its `Platform` value names Windows).
pub fn is_windows_distribution(distribution: &str) -> bool {
    distribution.contains("Windows")
}

/// The distribution an unknown `Platform` value imports as.
pub fn fallback_distribution(platform: Platform) -> &'static str {
    match platform {
        Platform::Linux => "Others Linux",
        Platform::Windows => "Other Windows",
    }
}

/// The custom image an import makes: the import's image in its region, custom, Available,
/// with no shares. ImportImage sets BIOS or UEFI only, so a `UEFI-Preferred` import boots as
/// the API default (UEFI on arm64, else BIOS) until a modify sets it.
pub fn import_result(import: &Import) -> Image {
    let boot_mode = match (import.image.boot_mode, import.image.arch) {
        (ImageBootMode::UefiPreferred, ImageArch::Arm64) => ImageBootMode::Uefi,
        (ImageBootMode::UefiPreferred, _) => ImageBootMode::Bios,
        (mode, _) => mode,
    };
    let size = import.system_disk_gib.or(import.image.size_gib);
    Image {
        kind: crate::core::model::ImageType::Custom,
        boot_mode,
        size_gib: size,
        status: crate::core::model::ImageStatus::Available,
        shared_with: Vec::new(),
        snapshots: Vec::new(),
        data_disks: if import.data_disks.is_empty() {
            import.image.data_disks.clone()
        } else {
            import.data_disks.clone()
        },
        encrypted: false,
        key: None,
        ..import.image.clone()
    }
}

/// The calls of `imports[n]`: ImportImage, then, when the image names a family (which
/// ImportImage cannot set), a ModifyImageAttribute `import-N-family` that sets `ImageFamily`.
pub fn import_operations(n: usize, import: &Import) -> Vec<Operation> {
    let mut ops = vec![import_operation(n, import)];
    if let Some(family) = &import.image.family {
        let params = Params::new()
            .maybe("RegionId", home_region(&import.image))
            .set("ImageId", Param::output(format!("import-{n}"), "ImageId"))
            .set("ImageFamily", family.as_str());
        ops.push(Operation {
            id: format!("import-{n}-family"),
            api: "ModifyImageAttribute",
            product: None,
            params,
        });
    }
    ops
}

/// The ImportImage call of `imports[n]`, with the parameter names of `ImportImageRequest`.
pub fn import_operation(n: usize, import: &Import) -> Operation {
    let image = &import.image;
    let mut params = Params::new();
    let mut set = |key: &str, value: Param| {
        params.insert(key, value);
    };
    if let Some(region) = home_region(image) {
        set("RegionId", region.into());
    }
    if let Some(name) = &image.name {
        set("ImageName", name.as_str().into());
    }
    set(
        "OSType",
        match image.platform {
            Platform::Linux => "linux",
            Platform::Windows => "windows",
        }
        .into(),
    );
    if let Some(distribution) = &import.distribution {
        set("Platform", distribution.as_str().into());
    }
    set(
        "Architecture",
        match image.arch {
            ImageArch::I386 => "i386",
            ImageArch::X86_64 => "x86_64",
            ImageArch::Arm64 => "arm64",
        }
        .into(),
    );
    match image.boot_mode {
        ImageBootMode::Bios => set("BootMode", "BIOS".into()),
        ImageBootMode::Uefi => set("BootMode", "UEFI".into()),
        ImageBootMode::UefiPreferred => {}
    }
    if image.nvme == NvmeSupport::Supported {
        set("Features.NvmeSupport", "supported".into());
    }
    if let Some(license) = import.license_type {
        set("LicenseType", license.as_str().into());
    }
    if let Some(bucket) = &import.oss_bucket {
        set("DiskDeviceMapping.1.OSSBucket", bucket.as_str().into());
    }
    if let Some(object) = &import.oss_object {
        set("DiskDeviceMapping.1.OSSObject", object.as_str().into());
    }
    if let Some(format) = &import.format {
        set("DiskDeviceMapping.1.Format", format.as_str().into());
    }
    if let Some(size) = import.system_disk_gib {
        set("DiskDeviceMapping.1.DiskImageSize", size.into());
    }
    for (m, disk) in import.data_disks.iter().enumerate() {
        let at = m + 2;
        if let Some(bucket) = &import.oss_bucket {
            set(
                &format!("DiskDeviceMapping.{at}.OSSBucket"),
                bucket.as_str().into(),
            );
        }
        set(
            &format!("DiskDeviceMapping.{at}.OSSObject"),
            Param::input(
                format!("the OSS object key of data disk {}", m + 1),
                format!("数据盘 {} 的 OSS 对象键（Object Key）", m + 1),
            ),
        );
        if let Some(size) = disk.size_gib {
            set(
                &format!("DiskDeviceMapping.{at}.DiskImageSize"),
                size.into(),
            );
        }
    }
    Operation {
        id: format!("import-{n}"),
        api: "ImportImage",
        product: None,
        params,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{DataDisk, LicenseType};

    fn import() -> Import {
        Import {
            image: Image {
                id: "ubuntu-golden".into(),
                name: Some("ubuntu-golden-2411".into()),
                regions: Some(vec!["cn-hangzhou".into()]),
                arch: ImageArch::Arm64,
                boot_mode: ImageBootMode::Uefi,
                nvme: NvmeSupport::Supported,
                ..Image::default()
            },
            oss_bucket: Some("golden-images".into()),
            oss_object: Some("ubuntu/24.04.qcow2".into()),
            format: Some("QCOW2".into()),
            distribution: Some("Ubuntu".into()),
            license_type: Some(LicenseType::Byol),
            system_disk_gib: Some(40),
            data_disks: vec![DataDisk {
                size_gib: Some(100),
            }],
            ..Import::default()
        }
    }

    #[test]
    fn the_operation_uses_the_sdk_parameter_names() {
        let op = import_operation(0, &import());
        assert_eq!(op.api, "ImportImage");
        let get = |k: &str| op.params.get(k).cloned();
        assert_eq!(get("RegionId"), Some("cn-hangzhou".into()));
        assert_eq!(get("Architecture"), Some("arm64".into()));
        assert_eq!(get("BootMode"), Some("UEFI".into()));
        assert_eq!(get("Features.NvmeSupport"), Some("supported".into()));
        assert_eq!(get("LicenseType"), Some("BYOL".into()));
        assert_eq!(get("Platform"), Some("Ubuntu".into()));
        assert_eq!(
            get("DiskDeviceMapping.1.OSSBucket"),
            Some("golden-images".into())
        );
        assert_eq!(get("DiskDeviceMapping.1.Format"), Some("QCOW2".into()));
        assert_eq!(get("DiskDeviceMapping.1.DiskImageSize"), Some(40u32.into()));
        assert_eq!(
            get("DiskDeviceMapping.2.DiskImageSize"),
            Some(100u32.into())
        );
    }

    #[test]
    fn a_uefi_preferred_import_boots_as_the_api_default() {
        let mut plain = import();
        plain.image.arch = ImageArch::X86_64;
        plain.image.boot_mode = ImageBootMode::UefiPreferred;
        assert_eq!(import_result(&plain).boot_mode, ImageBootMode::Bios);
        assert!(!import_operation(0, &plain).params.contains_key("BootMode"));
    }
}
