//! Launch rules (RunInstances): references, region, architecture, memory, boot mode, NVMe,
//! system disk, amount and lifecycle. The pair rules are one pure function,
//! [`launch_violations`], shared by the planner and the compatibility matrix.

use super::{docs, Context, Rule};
use crate::core::catalog::Catalog;
use crate::core::date::Date;
use crate::core::fix::Fix;
use crate::core::model::{
    BootMode, CpuArch, Image, ImageArch, ImageBootMode, ImageStatus, ImageType, InstanceType,
    NvmeRequirement, NvmeSupport, Platform, SystemDisk,
};
use crate::core::report::{Finding, Severity};

/// `region-unknown`.
pub const REGION_UNKNOWN: Rule = Rule {
    code: "region-unknown",
    severity: Severity::Error,
    summary: "a region ID not in the catalog",
    doc: docs::REGIONS,
};
/// `image-not-found`.
pub const IMAGE_NOT_FOUND: Rule = Rule {
    code: "image-not-found",
    severity: Severity::Error,
    summary: "an image ID that is neither in the catalog nor in the plan",
    doc: docs::IMAGE_OVERVIEW,
};
/// `instance-type-not-found`.
pub const INSTANCE_TYPE_NOT_FOUND: Rule = Rule {
    code: "instance-type-not-found",
    severity: Severity::Error,
    summary: "an instance type ID that is neither in the catalog nor in the plan",
    doc: docs::RUN_INSTANCES,
};
/// `launch-from-snapshot`.
pub const LAUNCH_FROM_SNAPSHOT: Rule = Rule {
    code: "launch-from-snapshot",
    severity: Severity::Error,
    summary: "a launch names a snapshot (s-...); create an image from it first",
    doc: docs::IMAGE_OVERVIEW,
};
/// `image-region-mismatch`.
pub const IMAGE_REGION_MISMATCH: Rule = Rule {
    code: "image-region-mismatch",
    severity: Severity::Error,
    summary: "a custom or shared image used outside its region with no planned copy there",
    doc: docs::IMAGE_OVERVIEW,
};
/// `image-not-released-in-region`.
pub const IMAGE_NOT_RELEASED_IN_REGION: Rule = Rule {
    code: "image-not-released-in-region",
    severity: Severity::Error,
    summary: "a Marketplace or community image outside its released regions",
    doc: docs::IMAGE_OVERVIEW,
};
/// `instance-type-not-in-region`.
pub const INSTANCE_TYPE_NOT_IN_REGION: Rule = Rule {
    code: "instance-type-not-in-region",
    severity: Severity::Error,
    summary: "an instance type not offered in the launch region",
    doc: docs::RUN_INSTANCES,
};
/// `arch-mismatch`.
pub const ARCH_MISMATCH: Rule = Rule {
    code: "arch-mismatch",
    severity: Severity::Error,
    summary: "an arm64 image on an x86 type, or an i386/x86_64 image on an arm64 type",
    doc: docs::IMAGE_OVERVIEW,
};
/// `arch-32bit-memory`.
pub const ARCH_32BIT_MEMORY: Rule = Rule {
    code: "arch-32bit-memory",
    severity: Severity::Error,
    summary: "a 32-bit (i386) image on a type with 4 GiB of memory or more",
    doc: docs::LIMITS,
};
/// `windows-32bit-cpu`.
pub const WINDOWS_32BIT_CPU: Rule = Rule {
    code: "windows-32bit-cpu",
    severity: Severity::Error,
    summary: "a 32-bit Windows image on a type with more than 4 vCPUs",
    doc: docs::IMAGE_OVERVIEW,
};
/// `windows-min-memory`.
pub const WINDOWS_MIN_MEMORY: Rule = Rule {
    code: "windows-min-memory",
    severity: Severity::Error,
    summary: "a Windows image on a type with less than 1 GiB of memory",
    doc: docs::IMAGE_OVERVIEW,
};
/// `boot-mode-mismatch`.
pub const BOOT_MODE_MISMATCH: Rule = Rule {
    code: "boot-mode-mismatch",
    severity: Severity::Error,
    summary: "a BIOS image on a type without BIOS, or a UEFI image on a type without UEFI",
    doc: docs::BOOT_MODE,
};
/// `nvme-unsupported`.
pub const NVME_UNSUPPORTED: Rule = Rule {
    code: "nvme-unsupported",
    severity: Severity::Error,
    summary: "a type that attaches disks over NVMe with an image without the NVMe driver",
    doc: docs::NVME,
};
/// `system-disk-too-small`.
pub const SYSTEM_DISK_TOO_SMALL: Rule = Rule {
    code: "system-disk-too-small",
    severity: Severity::Error,
    summary: "a system disk below max(image size, 40 GiB Windows / 20 GiB Linux)",
    doc: docs::LIMITS,
};
/// `system-disk-too-large`.
pub const SYSTEM_DISK_TOO_LARGE: Rule = Rule {
    code: "system-disk-too-large",
    severity: Severity::Error,
    summary: "a system disk above 2048 GiB (500 GiB for category cloud)",
    doc: docs::LIMITS,
};
/// `amount-out-of-range`.
pub const AMOUNT_OUT_OF_RANGE: Rule = Rule {
    code: "amount-out-of-range",
    severity: Severity::Error,
    summary: "a launch amount outside 1..100",
    doc: docs::RUN_INSTANCES,
};
/// `image-eol`.
pub const IMAGE_EOL: Rule = Rule {
    code: "image-eol",
    severity: Severity::Warning,
    summary: "the image's operating system reached end of life on or before as_of",
    doc: docs::EOL,
};
/// `image-deprecated`.
pub const IMAGE_DEPRECATED: Rule = Rule {
    code: "image-deprecated",
    severity: Severity::Warning,
    summary: "launching a Deprecated image",
    doc: docs::IMAGE_OVERVIEW,
};
/// `license-fee`.
pub const LICENSE_FEE: Rule = Rule {
    code: "license-fee",
    severity: Severity::Info,
    summary: "the image carries operating system licence fees",
    doc: docs::IMAGE_OVERVIEW,
};
/// `community-image-unsupported`.
pub const COMMUNITY_IMAGE_UNSUPPORTED: Rule = Rule {
    code: "community-image-unsupported",
    severity: Severity::Warning,
    summary: "launching a community image, which Alibaba Cloud does not support",
    doc: docs::COMMUNITY,
};

/// Smallest system disk of a Windows image, in GiB.
pub const WINDOWS_MIN_DISK_GIB: u32 = 40;
/// Smallest system disk of a Linux image, in GiB.
pub const LINUX_MIN_DISK_GIB: u32 = 20;
/// Largest system disk, in GiB.
pub const MAX_DISK_GIB: u32 = 2048;
/// Largest basic (`cloud`) system disk, in GiB.
pub const MAX_BASIC_DISK_GIB: u32 = 500;
/// RunInstances' default system disk size when the image is smaller, in GiB.
pub const DEFAULT_DISK_GIB: u32 = 40;

/// What one RunInstances call combines: the inputs of the pure launch rules.
#[derive(Clone, Copy, Debug)]
pub struct LaunchSubject<'a> {
    /// The image, resolved in the region.
    pub image: &'a Image,
    /// The instance type.
    pub instance_type: &'a InstanceType,
    /// The region ID.
    pub region: &'a str,
    /// Whether the image exists (or is released) in the region, after planned copies.
    pub image_here: bool,
    /// Whether the instance type is offered in the region ([`InstanceType::offered_in`]).
    pub type_here: bool,
    /// The launch's system disk, if set.
    pub system_disk: Option<&'a SystemDisk>,
    /// The launch's amount, if set.
    pub amount: Option<u32>,
    /// The date lifecycle rules use.
    pub as_of: Date,
}

impl LaunchSubject<'_> {
    /// SystemDisk.Size as RunInstances will use it: the launch's, else max(40, image size).
    #[inline]
    pub fn disk_size(&self) -> u32 {
        self.system_disk
            .and_then(|disk| disk.size_gib)
            .unwrap_or_else(|| default_disk_size(self.image))
    }

    #[inline]
    fn disk_category(&self) -> Option<&str> {
        self.system_disk.and_then(|disk| disk.category.as_deref())
    }
}

/// RunInstances' default SystemDisk.Size: max(40, image size).
#[inline]
pub fn default_disk_size(image: &Image) -> u32 {
    image.size_gib.unwrap_or(0).max(DEFAULT_DISK_GIB)
}

/// The smallest system disk the image accepts: max(image size, 40 GiB Windows / 20 GiB Linux).
#[inline]
pub fn min_disk_size(image: &Image) -> u32 {
    let os_min = match image.platform {
        Platform::Windows => WINDOWS_MIN_DISK_GIB,
        Platform::Linux => LINUX_MIN_DISK_GIB,
    };
    image.size_gib.unwrap_or(0).max(os_min)
}

/// The largest system disk of a category.
#[inline]
pub fn max_disk_size(category: Option<&str>) -> u32 {
    if category == Some("cloud") {
        MAX_BASIC_DISK_GIB
    } else {
        MAX_DISK_GIB
    }
}

/// One broken launch rule, without any text: cheap to produce for every matrix cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaunchViolation {
    /// `image-region-mismatch`.
    ImageRegionMismatch,
    /// `image-not-released-in-region`.
    ImageNotReleasedInRegion,
    /// `instance-type-not-in-region`.
    InstanceTypeNotInRegion,
    /// `arch-mismatch`.
    ArchMismatch,
    /// `arch-32bit-memory`.
    Arch32BitMemory,
    /// `windows-32bit-cpu`.
    Windows32BitCpu,
    /// `windows-min-memory`.
    WindowsMinMemory,
    /// `boot-mode-mismatch`.
    BootModeMismatch,
    /// `nvme-unsupported`.
    NvmeUnsupported,
    /// `system-disk-too-small`.
    SystemDiskTooSmall {
        /// The disk size asked for.
        size: u32,
        /// The smallest allowed.
        min: u32,
    },
    /// `system-disk-too-large`.
    SystemDiskTooLarge {
        /// The disk size asked for.
        size: u32,
        /// The largest allowed.
        max: u32,
    },
    /// `amount-out-of-range`.
    AmountOutOfRange {
        /// The amount asked for.
        amount: u32,
    },
    /// `image-eol`.
    ImageEol {
        /// The end-of-life date.
        eol: Date,
    },
    /// `image-deprecated`.
    ImageDeprecated,
    /// `license-fee`.
    LicenseFee,
    /// `community-image-unsupported`.
    CommunityImageUnsupported,
}

/// Where [`launch_violations`] puts what it finds: a vector for the planner, or a tally for
/// the matrix, which only needs the count and the worst severity of each cell.
pub trait ViolationSink {
    /// Takes one broken rule.
    fn push(&mut self, violation: LaunchViolation);
}

impl ViolationSink for Vec<LaunchViolation> {
    fn push(&mut self, violation: LaunchViolation) {
        Vec::push(self, violation);
    }
}

/// Every launch rule `subject` breaks, given to `out` in contract order. Allocates nothing
/// beyond what `out` does. The rules fall in three groups, so that the matrix can check the
/// image's and the type's own rules once per row and column, and only the pair rules per cell.
#[inline]
pub fn launch_violations(subject: &LaunchSubject, out: &mut impl ViolationSink) {
    image_placement_violations(subject.image, subject.image_here, out);
    type_placement_violations(subject.type_here, out);
    pair_violations(subject.image, subject.instance_type, out);
    settings_violations(subject.image, subject.system_disk, subject.amount, out);
    lifecycle_violations(subject.image, subject.as_of, out);
}

/// Where the launch happens: the image must be there.
#[inline]
pub fn image_placement_violations(image: &Image, image_here: bool, out: &mut impl ViolationSink) {
    if !image_here {
        out.push(match image.kind {
            ImageType::Custom | ImageType::Shared => LaunchViolation::ImageRegionMismatch,
            ImageType::Public | ImageType::Marketplace | ImageType::Community => {
                LaunchViolation::ImageNotReleasedInRegion
            }
        });
    }
}

/// Where the launch happens: the instance type must be sold there.
#[inline]
pub fn type_placement_violations(type_here: bool, out: &mut impl ViolationSink) {
    if !type_here {
        out.push(LaunchViolation::InstanceTypeNotInRegion);
    }
}

/// The image against the instance type: architecture, memory, CPUs, boot mode, NVMe.
#[inline]
pub fn pair_violations(image: &Image, itype: &InstanceType, out: &mut impl ViolationSink) {
    use LaunchViolation as V;
    let arch_ok = match itype.arch {
        CpuArch::X86_64 => image.arch != ImageArch::Arm64,
        CpuArch::Arm64 => image.arch == ImageArch::Arm64,
    };
    if !arch_ok {
        out.push(V::ArchMismatch);
    }
    if image.arch == ImageArch::I386 && itype.memory_gib >= 4.0 {
        out.push(V::Arch32BitMemory);
    }
    let windows = image.platform == Platform::Windows;
    if windows && image.arch == ImageArch::I386 && itype.vcpus > 4 {
        out.push(V::Windows32BitCpu);
    }
    if windows && itype.memory_gib < 1.0 {
        out.push(V::WindowsMinMemory);
    }
    let boot_ok = match image.boot_mode {
        ImageBootMode::Bios => itype.offers_boot_mode(BootMode::Bios),
        ImageBootMode::Uefi => itype.offers_boot_mode(BootMode::Uefi),
        ImageBootMode::UefiPreferred => true,
    };
    if !boot_ok {
        out.push(V::BootModeMismatch);
    }
    if itype.nvme == NvmeRequirement::Required && image.nvme != NvmeSupport::Supported {
        out.push(V::NvmeUnsupported);
    }
}

/// The launch's own settings: system disk size and amount (`None`: RunInstances' defaults).
#[inline]
pub fn settings_violations(
    image: &Image,
    system_disk: Option<&SystemDisk>,
    amount: Option<u32>,
    out: &mut impl ViolationSink,
) {
    use LaunchViolation as V;
    let size = system_disk
        .and_then(|disk| disk.size_gib)
        .unwrap_or_else(|| default_disk_size(image));
    let min = min_disk_size(image);
    let max = max_disk_size(system_disk.and_then(|disk| disk.category.as_deref()));
    if size < min {
        out.push(V::SystemDiskTooSmall { size, min });
    }
    if size > max {
        out.push(V::SystemDiskTooLarge { size, max });
    }
    let amount = amount.unwrap_or(1);
    if !(1..=100).contains(&amount) {
        out.push(V::AmountOutOfRange { amount });
    }
}

/// The image's lifecycle, fees and support.
#[inline]
pub fn lifecycle_violations(image: &Image, as_of: Date, out: &mut impl ViolationSink) {
    use LaunchViolation as V;
    if let Some(eol) = image.eol.filter(|eol| *eol <= as_of) {
        out.push(V::ImageEol { eol });
    }
    if image.status == ImageStatus::Deprecated {
        out.push(V::ImageDeprecated);
    }
    if image.license_fee {
        out.push(V::LicenseFee);
    }
    if image.kind == ImageType::Community {
        out.push(V::CommunityImageUnsupported);
    }
}

fn arch_word(arch: ImageArch) -> &'static str {
    match arch {
        ImageArch::I386 => "i386 (32-bit)",
        ImageArch::X86_64 => "x86_64",
        ImageArch::Arm64 => "arm64",
    }
}

fn boot_modes_word(itype: &InstanceType) -> String {
    if itype.boot_modes.is_empty() {
        return "BIOS and UEFI".into();
    }
    let words: Vec<&str> = itype
        .boot_modes
        .iter()
        .map(|mode| match mode {
            BootMode::Bios => "BIOS",
            BootMode::Uefi => "UEFI",
        })
        .collect();
    format!("{} only", words.join(" and "))
}

impl LaunchViolation {
    /// The rule broken.
    #[inline]
    pub fn rule(self) -> &'static Rule {
        use LaunchViolation as V;
        match self {
            V::ImageRegionMismatch => &IMAGE_REGION_MISMATCH,
            V::ImageNotReleasedInRegion => &IMAGE_NOT_RELEASED_IN_REGION,
            V::InstanceTypeNotInRegion => &INSTANCE_TYPE_NOT_IN_REGION,
            V::ArchMismatch => &ARCH_MISMATCH,
            V::Arch32BitMemory => &ARCH_32BIT_MEMORY,
            V::Windows32BitCpu => &WINDOWS_32BIT_CPU,
            V::WindowsMinMemory => &WINDOWS_MIN_MEMORY,
            V::BootModeMismatch => &BOOT_MODE_MISMATCH,
            V::NvmeUnsupported => &NVME_UNSUPPORTED,
            V::SystemDiskTooSmall { .. } => &SYSTEM_DISK_TOO_SMALL,
            V::SystemDiskTooLarge { .. } => &SYSTEM_DISK_TOO_LARGE,
            V::AmountOutOfRange { .. } => &AMOUNT_OUT_OF_RANGE,
            V::ImageEol { .. } => &IMAGE_EOL,
            V::ImageDeprecated => &IMAGE_DEPRECATED,
            V::LicenseFee => &LICENSE_FEE,
            V::CommunityImageUnsupported => &COMMUNITY_IMAGE_UNSUPPORTED,
        }
    }

    /// The plan field the violation is about, relative to the launch (`instance_type`), or
    /// `None` for the launch as a whole.
    pub fn field(self) -> Option<&'static str> {
        use LaunchViolation as V;
        match self {
            V::ImageRegionMismatch | V::ImageNotReleasedInRegion => Some("image"),
            V::InstanceTypeNotInRegion
            | V::Arch32BitMemory
            | V::Windows32BitCpu
            | V::WindowsMinMemory => Some("instance_type"),
            V::SystemDiskTooSmall { .. } | V::SystemDiskTooLarge { .. } => {
                Some("system_disk/size_gib")
            }
            V::AmountOutOfRange { .. } => Some("amount"),
            V::ImageEol { .. }
            | V::ImageDeprecated
            | V::LicenseFee
            | V::CommunityImageUnsupported => Some("image"),
            V::ArchMismatch | V::BootModeMismatch | V::NvmeUnsupported => None,
        }
    }

    /// What is wrong, naming the actual values.
    pub fn message(self, s: &LaunchSubject) -> String {
        use LaunchViolation as V;
        let (image, itype) = (s.image, s.instance_type);
        let (id, tid, region) = (&image.id, &itype.id, s.region);
        match self {
            V::ImageRegionMismatch => format!(
                "{} image {id} exists only in {}, not in {region}, and the plan has no copy of it into {region}",
                ImageType::word(image.kind),
                image.regions.as_deref().unwrap_or_default().join(", ")
            ),
            V::ImageNotReleasedInRegion => format!(
                "{} image {id} is released in {}, not in {region}",
                ImageType::word(image.kind),
                image.regions.as_deref().unwrap_or_default().join(", ")
            ),
            V::InstanceTypeNotInRegion => format!(
                "instance type {tid} is offered in {}, not in {region}",
                itype.regions.as_deref().unwrap_or_default().join(", ")
            ),
            V::ArchMismatch => format!(
                "image {id} is built for {}, but {tid} has {} processors",
                arch_word(image.arch),
                match itype.arch {
                    CpuArch::X86_64 => "x86_64",
                    CpuArch::Arm64 => "arm64",
                }
            ),
            V::Arch32BitMemory => format!(
                "{tid} has {} GiB of memory; 32-bit images such as {id} need an instance type with less than 4 GiB",
                itype.memory_gib
            ),
            V::Windows32BitCpu => format!(
                "{tid} has {} vCPUs; 32-bit Windows images such as {id} run on at most 4",
                itype.vcpus
            ),
            V::WindowsMinMemory => format!(
                "{tid} has {} GiB of memory; Windows images such as {id} need at least 1 GiB",
                itype.memory_gib
            ),
            V::BootModeMismatch => format!(
                "image {id} boots with {}, but {tid} offers {}",
                match image.boot_mode {
                    ImageBootMode::Bios => "BIOS only",
                    ImageBootMode::Uefi => "UEFI only",
                    ImageBootMode::UefiPreferred => "UEFI or BIOS",
                },
                boot_modes_word(itype)
            ),
            V::NvmeUnsupported => format!(
                "{tid} attaches disks over NVMe, but image {id} has no NVMe driver (nvme: unsupported)"
            ),
            V::SystemDiskTooSmall { size, min } => format!(
                "a {size} GiB system disk is too small for image {id}: it needs at least {min} GiB ({} GiB image, {} GiB minimum for {})",
                image.size_gib.unwrap_or(0),
                match image.platform {
                    Platform::Windows => WINDOWS_MIN_DISK_GIB,
                    Platform::Linux => LINUX_MIN_DISK_GIB,
                },
                match image.platform {
                    Platform::Windows => "Windows",
                    Platform::Linux => "Linux",
                }
            ),
            V::SystemDiskTooLarge { size, max } => format!(
                "a {size} GiB system disk of category {} is larger than the {max} GiB maximum",
                s.disk_category().unwrap_or("cloud_essd (default)")
            ),
            V::AmountOutOfRange { amount } => {
                format!("amount {amount} is outside 1..100 instances per RunInstances call")
            }
            V::ImageEol { eol } => format!(
                "{} in image {id} reached end of life on {eol} (plan date {})",
                image.os.as_deref().unwrap_or("the operating system"),
                s.as_of
            ),
            V::ImageDeprecated => format!("image {id} is Deprecated"),
            V::LicenseFee => format!(
                "image {id} ({}) bills operating system licence fees per instance",
                image.os.as_deref().unwrap_or(image.label())
            ),
            V::CommunityImageUnsupported => format!(
                "image {id} is a community image: Alibaba Cloud gives no technical support for it"
            ),
        }
    }

    /// What to do next.
    pub fn help(self, s: &LaunchSubject) -> String {
        use LaunchViolation as V;
        let region = s.region;
        match self {
            V::ImageRegionMismatch => match s.image.kind {
                ImageType::Shared => format!(
                    "ask the owner to share a copy in {region}, or launch in the image's region"
                ),
                _ => format!("add a copy of {} to {region} (\"copies\")", s.image.id),
            },
            V::ImageNotReleasedInRegion => {
                "launch in one of the image's regions, or pick another image".into()
            }
            V::InstanceTypeNotInRegion => {
                "pick an instance type offered in this region, or launch elsewhere".into()
            }
            V::ArchMismatch => {
                "launch the build of the same OS for this architecture, or an instance type of the other architecture".into()
            }
            V::Arch32BitMemory => {
                "pick an instance type with less than 4 GiB of memory, or a 64-bit image".into()
            }
            V::Windows32BitCpu => {
                "pick an instance type with at most 4 vCPUs, or a 64-bit image".into()
            }
            V::WindowsMinMemory => {
                "pick an instance type with at least 1 GiB of memory, or a Linux image".into()
            }
            V::BootModeMismatch => {
                "launch a variant of the image with a boot mode the type offers, change a custom image's boot mode (ModifyImageAttribute BootMode), or pick another type".into()
            }
            V::NvmeUnsupported => {
                "launch an image with the NVMe driver (nvme: supported), or a type that does not require NVMe".into()
            }
            V::SystemDiskTooSmall { min, .. } => {
                format!("set system_disk.size_gib to {min} or more")
            }
            V::SystemDiskTooLarge { max, .. } => {
                format!("set system_disk.size_gib to {max} or less, or use another disk category")
            }
            V::AmountOutOfRange { .. } => {
                "set amount between 1 and 100; split bigger launches into several".into()
            }
            V::ImageEol { .. } => {
                "launch a supported release of the operating system; EOL systems get no updates".into()
            }
            V::ImageDeprecated => "launch the image's current replacement".into(),
            V::LicenseFee => "include the licence fee in the cost estimate".into(),
            V::CommunityImageUnsupported => {
                "check the image's publisher, or use a public or your own custom image".into()
            }
        }
    }
}

/// The launch checks of a plan: references first (no more findings on a launch whose image
/// or type is unknown), then the pure launch rules with their fixes.
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut violations = Vec::new();
    for (n, launch) in ctx.plan.launches.iter().enumerate() {
        let at = format!("/launches/{n}");
        if !ctx.check_region(&launch.region, &format!("{at}/region"), out) {
            continue;
        }
        if launch.image.starts_with("s-") {
            out.push(LAUNCH_FROM_SNAPSHOT.finding_with_fix(
                format!("{at}/image"),
                format!("{} is a snapshot; RunInstances launches images only", launch.image),
                format!(
                    "create a custom image from it first (a create with \"from\": \"snapshot\", \"source\": \"{}\"), then launch that image; set the image's OS, architecture and boot mode to the snapshot's",
                    launch.image
                ),
                Some(Fix::CreateImageFromSnapshot {
                    launch: n,
                    snapshot: launch.image.clone(),
                }),
            ));
            continue;
        }
        let by_family = launch.image.is_empty() && launch.image_family.is_some();
        if !by_family && !ctx.check_image_known(&launch.image, &format!("{at}/image"), out) {
            continue;
        }
        let Some(itype) = ctx.catalog.instance_type(&launch.instance_type) else {
            out.push(INSTANCE_TYPE_NOT_FOUND.finding(
                format!("{at}/instance_type"),
                format!(
                    "instance type \"{}\" is neither in the catalog nor in the plan's instance_types",
                    launch.instance_type
                ),
                "add the type to the plan's \"instance_types\", or pick one from the catalog".into(),
            ));
            continue;
        };
        let Some(resolved) = super::family::resolve_launch(ctx, n, launch, out) else {
            continue;
        };
        super::family::check_launch(ctx, n, launch, &resolved, itype, out);
        let subject = LaunchSubject {
            image: resolved.image,
            instance_type: itype,
            region: &launch.region,
            image_here: resolved.here,
            type_here: itype.offered_in(&launch.region),
            system_disk: launch.system_disk.as_ref(),
            amount: launch.amount,
            as_of: ctx.as_of,
        };
        violations.clear();
        launch_violations(&subject, &mut violations);
        for &violation in &violations {
            let path = match violation.field() {
                Some(field) => format!("{at}/{field}"),
                None => at.clone(),
            };
            out.push(violation.rule().finding_with_fix(
                path,
                violation.message(&subject),
                violation.help(&subject),
                launch_fix(ctx.catalog, n, &subject, violation),
            ));
        }
    }
}

/// The mechanical fix for a launch violation, where one exists.
fn launch_fix(
    catalog: &Catalog,
    launch: usize,
    s: &LaunchSubject,
    violation: LaunchViolation,
) -> Option<Fix> {
    use LaunchViolation as V;
    match violation {
        V::ImageRegionMismatch if s.image.kind == ImageType::Custom => Some(Fix::AddCopy {
            image: s.image.id.clone(),
            to_region: s.region.to_string(),
            encrypted: s.image.encrypted,
        }),
        V::SystemDiskTooSmall { min, .. } => Some(Fix::SetSystemDiskSize {
            launch,
            size_gib: min,
        }),
        V::SystemDiskTooLarge { max, .. } => Some(Fix::SetSystemDiskSize {
            launch,
            size_gib: max,
        }),
        V::AmountOutOfRange { amount } => Some(Fix::SetAmount {
            launch,
            amount: amount.clamp(1, 100),
        }),
        V::ArchMismatch | V::BootModeMismatch | V::NvmeUnsupported => sibling_image(catalog, s)
            .map(|image| Fix::ReplaceLaunchImage {
                launch,
                image: image.id.clone(),
            }),
        V::Arch32BitMemory
        | V::Windows32BitCpu
        | V::WindowsMinMemory
        | V::InstanceTypeNotInRegion => {
            sibling_type(catalog, s).map(|itype| Fix::ReplaceLaunchInstanceType {
                launch,
                instance_type: itype.id.clone(),
            })
        }
        _ => None,
    }
}

/// Whether the image and type break none of the compatibility rules (region, architecture,
/// memory, boot mode, NVMe) in the subject's region.
fn compatible(s: &LaunchSubject, image: &Image, itype: &InstanceType) -> bool {
    let candidate = LaunchSubject {
        image,
        instance_type: itype,
        image_here: image.available_in(s.region),
        type_here: itype.offered_in(s.region),
        system_disk: None,
        amount: None,
        ..*s
    };
    let mut violations = Vec::new();
    launch_violations(&candidate, &mut violations);
    violations.iter().all(|v| {
        v.rule().severity != Severity::Error
            || matches!(v, LaunchViolation::SystemDiskTooLarge { .. })
    })
}

/// Another build of the same `os` that fits the launch's type, in catalog order.
fn sibling_image<'c>(catalog: &'c Catalog, s: &LaunchSubject) -> Option<&'c Image> {
    let os = s.image.os.as_deref()?;
    catalog.images.iter().find(|image| {
        image.id != s.image.id
            && image.os.as_deref() == Some(os)
            && image.platform == s.image.platform
            && compatible(s, image, s.instance_type)
    })
}

/// The type of the same family closest in size (vCPUs, then memory) that fits the image.
fn sibling_type<'c>(catalog: &'c Catalog, s: &LaunchSubject) -> Option<&'c InstanceType> {
    let family = s.instance_type.family();
    let distance = |t: &InstanceType| {
        (
            t.vcpus.abs_diff(s.instance_type.vcpus),
            (t.memory_gib - s.instance_type.memory_gib).abs(),
        )
    };
    catalog
        .instance_types
        .iter()
        .filter(|t| t.id != s.instance_type.id && t.family() == family && compatible(s, s.image, t))
        .min_by(|a, b| {
            distance(a)
                .partial_cmp(&distance(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
}
