//! Launch rules (RunInstances): region, architecture, memory, boot mode, NVMe, system disk,
//! amount and lifecycle. Each pure launch rule is one [`LaunchRule`] entry below: its code,
//! severity, summary, doc, the inputs it reads, its condition, message, help and fix. The
//! planner and the compatibility matrix both run them through [`launch_violations`].

use super::{docs, Context, Rule};
use crate::core::catalog::{Catalog, Evidence, Provenance};
use crate::core::date::Date;
use crate::core::evidence;
use crate::core::fix::Fix;
use crate::core::guide::Topic;
use crate::core::i18n::{join, Lang, Term, Text};
use crate::core::model::{
    given, BootMode, CpuArch, Image, ImageArch, ImageBootMode, ImageStatus, ImageType,
    InstanceType, NvmeRequirement, NvmeSupport, Plan, Platform, SystemDisk,
};
use crate::core::report::{Finding, Severity};
use crate::core::resolve::Origin;

/// Which inputs a launch rule reads, so that the matrix checks each rule once per row (the
/// image's own rules), once per column (the type's) or per cell (the pair's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// The image and the region.
    ImagePlacement,
    /// The instance type and the region.
    TypePlacement,
    /// The image against the instance type.
    Pair,
    /// The image and the launch's own settings (system disk, amount).
    Settings,
    /// The image and the plan date.
    Lifecycle,
}

/// The values behind a violation that its message, help and fix name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Nothing beyond the subject itself.
    None,
    /// A system disk size and the limit it breaks.
    Disk {
        /// The size asked for, in GiB.
        size: u32,
        /// The smallest or largest allowed, in GiB.
        limit: u32,
    },
    /// The amount asked for.
    Amount(u32),
    /// The date that passed (end of life).
    Date(Date),
}

/// What a launch fix needs: the plan and the catalog it sees (to find siblings in), and which
/// launch it edits.
pub struct FixInput<'a> {
    /// The plan being checked.
    pub plan: &'a Plan,
    /// The catalog the plan sees.
    pub catalog: &'a Catalog,
    /// Index in `launches`.
    pub launch: usize,
    /// The launch being fixed.
    pub subject: &'a LaunchSubject<'a>,
}

/// One pure launch rule, in one place.
pub struct LaunchRule {
    /// Code, severity, summary, doc and guide topic.
    pub rule: Rule,
    /// The inputs the condition reads.
    pub group: Group,
    /// The launch field the finding points at (`instance_type`), or `None` for the launch.
    pub field: Option<&'static str>,
    /// The condition: `Some` with the values when the subject breaks the rule.
    pub test: fn(&LaunchSubject) -> Option<Detail>,
    /// What is wrong, naming the actual values, in the language asked for.
    pub message: fn(&LaunchSubject, Detail, Lang) -> Text,
    /// What to do next, in the language asked for.
    pub help: fn(&LaunchSubject, Detail, Lang) -> Text,
    /// The mechanical fix, where one exists.
    pub fix: fn(&FixInput, Detail) -> Option<Fix>,
    /// The catalog facts the verdict rests on, with their sources.
    pub evidence: fn(&LaunchSubject, Lang) -> Vec<Evidence>,
}

fn no_fix(_: &FixInput, _: Detail) -> Option<Fix> {
    None
}

fn no_evidence(_: &LaunchSubject, _: Lang) -> Vec<Evidence> {
    Vec::new()
}

fn when(broken: bool) -> Option<Detail> {
    broken.then_some(Detail::None)
}

declare_rules! { launch:
    /// `image-region-mismatch`.
    IMAGE_REGION_MISMATCH = LaunchRule {
        rule: Rule {
            code: "image-region-mismatch",
            severity: Severity::Error,
            summary: "a custom or shared image used outside its region with no planned copy there",
            doc: docs::IMAGE_OVERVIEW,
            topic: Some(Topic::ImageTypes),
        },
        group: Group::ImagePlacement,
        field: Some("image"),
        test: |s| when(!s.image_here && matches!(s.image.kind, ImageType::Custom | ImageType::Shared)),
        message: |s, _, l| tr!(l,
            format!(
                "{} image {} exists only in {}, not in {}, and the plan has no copy of it there",
                s.image.kind.word(), s.image.id, regions_word(l, s.image.regions.as_deref()), s.region
            ),
            format!(
                "{} {} 只在 {} 中，不在 {}，且计划中没有复制到该地域的镜像",
                s.image.kind.noun_zh(), s.image.id, regions_word(l, s.image.regions.as_deref()), s.region
            )
        ),
        help: |s, _, l| match s.image.kind {
            ImageType::Shared => tr!(l,
                format!("ask the owner to share a copy in {}, or launch in the image's region", s.region),
                format!("请镜像所有者在 {} 共享一份副本给您，或在镜像所在地域启动实例", s.region)
            ),
            _ => tr!(l,
                format!("add a copy of {} to {}", s.image.id, s.region),
                format!("请添加将 {} 复制到 {} 的复制镜像操作", s.image.id, s.region)
            ),
        },
        fix: |f, _| (f.subject.image.kind == ImageType::Custom).then(|| Fix::AddCopy {
            image: f.subject.image.id.clone(),
            to_region: f.subject.region.to_string(),
            encrypted: f.subject.image.encrypted,
        }),
        evidence: no_evidence,
    };
    /// `image-not-released-in-region`.
    IMAGE_NOT_RELEASED_IN_REGION = LaunchRule {
        rule: Rule {
            code: "image-not-released-in-region",
            severity: Severity::Error,
            summary: "a Marketplace or community image outside its released regions",
            doc: docs::IMAGE_OVERVIEW,
            topic: Some(Topic::ImageTypes),
        },
        group: Group::ImagePlacement,
        field: Some("image"),
        test: |s| when(!s.image_here && !matches!(s.image.kind, ImageType::Custom | ImageType::Shared)),
        message: |s, _, l| tr!(l,
            format!(
                "{} image {} is released in {}, not in {}",
                s.image.kind.word(), s.image.id, regions_word(l, s.image.regions.as_deref()), s.region
            ),
            format!(
                "{} {} 发布于 {}，未在 {} 发布",
                s.image.kind.noun_zh(), s.image.id, regions_word(l, s.image.regions.as_deref()), s.region
            )
        ),
        help: |_, _, l| tr!(l,
            "launch in one of the image's regions, or pick another image",
            "请在该镜像已发布的地域启动实例，或选择其他镜像"
        ),
        fix: no_fix,
        evidence: no_evidence,
    };
    /// `instance-type-not-in-region`.
    INSTANCE_TYPE_NOT_IN_REGION = LaunchRule {
        rule: Rule {
            code: "instance-type-not-in-region",
            severity: Severity::Error,
            summary: "an instance type not offered in the launch region",
            doc: docs::RUN_INSTANCES,
            topic: None,
        },
        group: Group::TypePlacement,
        field: Some("instance_type"),
        test: |s| when(!s.type_here),
        message: |s, _, l| tr!(l,
            format!(
                "instance type {} is offered in {}, not in {}",
                s.instance_type.id, regions_word(l, s.instance_type.regions.as_deref()), s.region
            ),
            format!(
                "实例规格 {} 在 {} 有售，在 {} 无售",
                s.instance_type.id, regions_word(l, s.instance_type.regions.as_deref()), s.region
            )
        ),
        help: |_, _, l| tr!(l,
            "pick an instance type offered in this region, or launch elsewhere",
            "请选择此地域有售的实例规格，或在其他地域启动"
        ),
        fix: sibling_type_fix,
        evidence: no_evidence,
    };
    /// `arch-mismatch`.
    ARCH_MISMATCH = LaunchRule {
        rule: Rule {
            code: "arch-mismatch",
            severity: Severity::Error,
            summary: "an arm64 image on an x86 type, or an i386/x86_64 image on an arm64 type",
            doc: docs::IMAGE_OVERVIEW,
            topic: None,
        },
        group: Group::Pair,
        field: None,
        test: |s| when(match s.instance_type.arch {
            CpuArch::X86_64 => s.image.arch == ImageArch::Arm64,
            CpuArch::Arm64 => s.image.arch != ImageArch::Arm64,
        }),
        message: |s, _, l| {
            let cpu = match s.instance_type.arch {
                CpuArch::X86_64 => "x86_64",
                CpuArch::Arm64 => "arm64",
            };
            tr!(l,
                format!(
                    "image {} is built for {}, but {} has {cpu} processors",
                    s.image.id, arch_word(l, s.image.arch), s.instance_type.id
                ),
                format!(
                    "镜像 {} 适用于 {} 架构，但 {} 使用 {cpu} 处理器",
                    s.image.id, arch_word(l, s.image.arch), s.instance_type.id
                )
            )
        },
        help: |_, _, l| tr!(l,
            "launch the build of the same OS for this architecture, or an instance type of the other architecture",
            "请使用同一操作系统适用于此架构的镜像，或选择另一架构的实例规格"
        ),
        fix: other_side_fix,
        evidence: no_evidence,
    };
    /// `arch-32bit-memory`.
    ARCH_32BIT_MEMORY = LaunchRule {
        rule: Rule {
            code: "arch-32bit-memory",
            severity: Severity::Error,
            summary: "a 32-bit (i386) image on a type with 4 GiB of memory or more",
            doc: docs::LIMITS,
            topic: None,
        },
        group: Group::Pair,
        field: Some("instance_type"),
        test: |s| when(s.image.arch == ImageArch::I386 && s.instance_type.memory_gib.is_some_and(|m| m >= 4.0)),
        message: |s, _, l| tr!(l,
            format!(
                "{} has {} GiB of memory; 32-bit images such as {} need an instance type with less than 4 GiB",
                s.instance_type.id, s.instance_type.memory_gib.unwrap_or_default(), s.image.id
            ),
            format!(
                "{} 的内存为 {} GiB；{} 等 32 位镜像需要内存小于 4 GiB 的实例规格",
                s.instance_type.id, s.instance_type.memory_gib.unwrap_or_default(), s.image.id
            )
        ),
        help: |_, _, l| tr!(l,
            "pick an instance type with less than 4 GiB of memory, or a 64-bit image",
            "请选择内存小于 4 GiB 的实例规格，或使用 64 位镜像"
        ),
        fix: sibling_type_fix,
        evidence: no_evidence,
    };
    /// `windows-32bit-cpu`.
    WINDOWS_32BIT_CPU = LaunchRule {
        rule: Rule {
            code: "windows-32bit-cpu",
            severity: Severity::Error,
            summary: "a 32-bit Windows image on a type with more than 4 vCPUs",
            doc: docs::IMAGE_OVERVIEW,
            topic: None,
        },
        group: Group::Pair,
        field: Some("instance_type"),
        test: |s| when(
            s.image.platform == Platform::Windows
                && s.image.arch == ImageArch::I386
                && s.instance_type.vcpus.is_some_and(|v| v > 4),
        ),
        message: |s, _, l| tr!(l,
            format!(
                "{} has {} vCPUs; 32-bit Windows images such as {} run on at most 4",
                s.instance_type.id, s.instance_type.vcpus.unwrap_or_default(), s.image.id
            ),
            format!(
                "{} 有 {} 个 vCPU；{} 等 32 位 Windows 镜像最多支持 4 个 vCPU",
                s.instance_type.id, s.instance_type.vcpus.unwrap_or_default(), s.image.id
            )
        ),
        help: |_, _, l| tr!(l,
            "pick an instance type with at most 4 vCPUs, or a 64-bit image",
            "请选择 vCPU 不超过 4 个的实例规格，或使用 64 位镜像"
        ),
        fix: sibling_type_fix,
        evidence: no_evidence,
    };
    /// `windows-min-memory`.
    WINDOWS_MIN_MEMORY = LaunchRule {
        rule: Rule {
            code: "windows-min-memory",
            severity: Severity::Error,
            summary: "a Windows image on a type with less than 1 GiB of memory",
            doc: docs::IMAGE_OVERVIEW,
            topic: None,
        },
        group: Group::Pair,
        field: Some("instance_type"),
        test: |s| when(
            s.image.platform == Platform::Windows && s.instance_type.memory_gib.is_some_and(|m| m < 1.0),
        ),
        message: |s, _, l| tr!(l,
            format!(
                "{} has {} GiB of memory; Windows images such as {} need at least 1 GiB",
                s.instance_type.id, s.instance_type.memory_gib.unwrap_or_default(), s.image.id
            ),
            format!(
                "{} 的内存为 {} GiB；{} 等 Windows 镜像至少需要 1 GiB 内存",
                s.instance_type.id, s.instance_type.memory_gib.unwrap_or_default(), s.image.id
            )
        ),
        help: |_, _, l| tr!(l,
            "pick an instance type with at least 1 GiB of memory, or a Linux image",
            "请选择内存不少于 1 GiB 的实例规格，或使用 Linux 镜像"
        ),
        fix: sibling_type_fix,
        evidence: no_evidence,
    };
    /// `boot-mode-mismatch`.
    BOOT_MODE_MISMATCH = LaunchRule {
        rule: Rule {
            code: "boot-mode-mismatch",
            severity: Severity::Error,
            summary: "a BIOS image on a type without BIOS, or a UEFI image on a type without UEFI",
            doc: docs::BOOT_MODE,
            topic: None,
        },
        group: Group::Pair,
        field: None,
        test: |s| when(match s.image.boot_mode {
            ImageBootMode::Bios => !s.instance_type.offers_boot_mode(BootMode::Bios),
            ImageBootMode::Uefi => !s.instance_type.offers_boot_mode(BootMode::Uefi),
            ImageBootMode::UefiPreferred => false,
        }),
        message: |s, _, l| {
            let (image, itype) = (&s.image.id, &s.instance_type.id);
            let offers = boot_modes_word(l, s.instance_type);
            tr!(l,
                format!(
                    "image {image} boots with {}, but {itype} offers {offers}",
                    match s.image.boot_mode {
                        ImageBootMode::Bios => "BIOS only",
                        ImageBootMode::Uefi => "UEFI only",
                        ImageBootMode::UefiPreferred => "UEFI or BIOS",
                    }
                ),
                format!(
                    "镜像 {image} 的引导模式为{}，但 {itype} 支持{offers}",
                    match s.image.boot_mode {
                        ImageBootMode::Bios => "仅 BIOS",
                        ImageBootMode::Uefi => "仅 UEFI",
                        ImageBootMode::UefiPreferred => " UEFI 或 BIOS",
                    }
                )
            )
        },
        help: |_, _, l| tr!(l,
            "launch a variant of the image with a boot mode the type offers, change a custom image's boot mode (ModifyImageAttribute BootMode), or pick another type",
            "请使用该镜像引导模式与实例规格相符的版本，或修改自定义镜像的引导模式（ModifyImageAttribute 的 BootMode），或选择其他实例规格"
        ),
        fix: other_side_fix,
        evidence: |s, l| evidence::type_boot(s.catalog, s.instance_type, l)
            .into_iter()
            .chain(evidence::image_boot(s.catalog, s.image, l))
            .collect(),
    };
    /// `nvme-unsupported`.
    NVME_UNSUPPORTED = LaunchRule {
        rule: Rule {
            code: "nvme-unsupported",
            severity: Severity::Error,
            summary: "a type that attaches disks over NVMe with an image without the NVMe driver",
            doc: docs::NVME,
            topic: None,
        },
        group: Group::Pair,
        field: None,
        test: |s| when(
            s.instance_type.nvme == NvmeRequirement::Required && s.image.nvme != NvmeSupport::Supported,
        ),
        message: |s, _, l| tr!(l,
            format!(
                "{} attaches disks over NVMe, but image {} is not marked as carrying the NVMe driver",
                s.instance_type.id, s.image.id
            ),
            format!(
                "{} 通过 NVMe 挂载云盘，但镜像 {} 未标记为带有 NVMe 驱动",
                s.instance_type.id, s.image.id
            )
        ),
        help: |s, _, l| if own_image(s) {
            tr!(l,
                "if the image's operating system holds the NVMe driver, mark the image NVMe-capable; otherwise pick an instance type that does not require NVMe",
                "如果镜像的操作系统已带有 NVMe 驱动，请将镜像标记为支持 NVMe；否则请选择不要求 NVMe 的实例规格"
            )
        } else {
            tr!(l,
                "launch an image with the NVMe driver, or an instance type that does not require NVMe",
                "请使用带有 NVMe 驱动的镜像，或选择不要求 NVMe 的实例规格"
            )
        },
        fix: |f, d| match described_by_plan(f) {
            true => Some(Fix::MarkImageNvme { image: f.subject.image.id.clone() }),
            false => other_side_fix(f, d),
        },
        evidence: |s, l| evidence::type_nvme(s.catalog, s.instance_type, l)
            .into_iter()
            .chain(evidence::image_nvme(s.catalog, s.image, l))
            .collect(),
    };
    /// `image-type-restricted` (contract §4.2): the image lists the only types it runs on
    /// (DescribeImageSupportInstanceTypes; Marketplace images often pin them).
    IMAGE_TYPE_RESTRICTED = LaunchRule {
        rule: Rule {
            code: "image-type-restricted",
            severity: Severity::Error,
            summary: "the image's instance_types does not include the launch's type",
            doc: docs::IMAGE_SUPPORT_TYPES,
            topic: None,
        },
        group: Group::Pair,
        field: Some("instance_type"),
        test: |s| when(!s.image.allows_type(&s.instance_type.id)),
        message: |s, _, l| {
            let (image, itype) = (&s.image.id, &s.instance_type.id);
            let types = s.image.instance_types.as_deref().unwrap_or_default();
            tr!(l,
                format!(
                    "image {image} runs only on {}; {itype} is not one of them (RunInstances fails with InvalidParameter.NotMatch)",
                    types.join(", ")
                ),
                format!(
                    "镜像 {image} 只能用于 {}；{itype} 不在其中（RunInstances 会返回 InvalidParameter.NotMatch）",
                    join(l, types)
                )
            )
        },
        help: |_, _, l| tr!(l,
            "launch one of the types the image lists (DescribeImageSupportInstanceTypes), or another image",
            "请使用该镜像列出的实例规格之一（DescribeImageSupportInstanceTypes），或改用其他镜像"
        ),
        fix: listed_type_fix,
        evidence: no_evidence,
    };
    /// `system-disk-too-small`.
    SYSTEM_DISK_TOO_SMALL = LaunchRule {
        rule: Rule {
            code: "system-disk-too-small",
            severity: Severity::Error,
            summary: "a system disk below max(image size, 40 GiB Windows / 20 GiB Linux)",
            doc: docs::LIMITS,
            topic: None,
        },
        group: Group::Settings,
        field: Some("system_disk/size_gib"),
        test: |s| {
            let (size, limit) = (s.disk_size(), min_disk_size(s.image));
            (size < limit).then_some(Detail::Disk { size, limit })
        },
        message: |s, d, l| {
            let (size, limit) = disk_detail(d);
            let (id, image_gib) = (&s.image.id, s.image.size_gib.unwrap_or(0));
            let (os_min, platform) = (os_min_disk(s.image.platform), platform_word(s.image.platform));
            tr!(l,
                format!(
                    "a {size} GiB system disk is too small for image {id}: it needs at least {limit} GiB ({image_gib} GiB image, {os_min} GiB minimum for {platform})"
                ),
                format!(
                    "{size} GiB 的系统盘对镜像 {id} 来说太小：至少需要 {limit} GiB（镜像 {image_gib} GiB，{platform} 最小 {os_min} GiB）"
                )
            )
        },
        help: |_, d, l| {
            let (_, limit) = disk_detail(d);
            tr!(l,
                format!("make the system disk {limit} GiB or larger"),
                format!("请将系统盘设为 {limit} GiB 或更大")
            )
        },
        fix: disk_limit_fix,
        evidence: no_evidence,
    };
    /// `system-disk-too-large`.
    SYSTEM_DISK_TOO_LARGE = LaunchRule {
        rule: Rule {
            code: "system-disk-too-large",
            severity: Severity::Error,
            summary: "a system disk above 2048 GiB (500 GiB for category cloud)",
            doc: docs::LIMITS,
            topic: None,
        },
        group: Group::Settings,
        field: Some("system_disk/size_gib"),
        test: |s| {
            let (size, limit) = (s.disk_size(), max_disk_size(s.disk_category()));
            (size > limit).then_some(Detail::Disk { size, limit })
        },
        message: |s, d, l| {
            let (size, limit) = disk_detail(d);
            tr!(l,
                format!(
                    "a {size} GiB system disk of category {} is larger than the {limit} GiB maximum",
                    s.disk_category().unwrap_or("cloud_essd (default)")
                ),
                format!(
                    "云盘类型为 {} 的 {size} GiB 系统盘超过 {limit} GiB 的上限",
                    s.disk_category().unwrap_or("cloud_essd（默认）")
                )
            )
        },
        help: |_, d, l| {
            let (_, limit) = disk_detail(d);
            tr!(l,
                format!("make the system disk {limit} GiB or smaller, or use another disk category"),
                format!("请将系统盘设为 {limit} GiB 或更小，或改用其他云盘类型")
            )
        },
        fix: disk_limit_fix,
        evidence: no_evidence,
    };
    /// `amount-out-of-range`.
    AMOUNT_OUT_OF_RANGE = LaunchRule {
        rule: Rule {
            code: "amount-out-of-range",
            severity: Severity::Error,
            summary: "a launch amount outside 1..100",
            doc: docs::RUN_INSTANCES,
            topic: None,
        },
        group: Group::Settings,
        field: Some("amount"),
        test: |s| {
            let amount = s.amount.unwrap_or(1);
            (!(1..=100).contains(&amount)).then_some(Detail::Amount(amount))
        },
        message: |_, d, l| {
            let amount = match d {
                Detail::Amount(amount) => amount,
                _ => 0,
            };
            tr!(l,
                format!("amount {amount} is outside 1..100 instances per RunInstances call"),
                format!("数量 {amount} 超出每次 RunInstances 调用 1～100 台实例的范围")
            )
        },
        help: |_, _, l| tr!(l,
            "launch between 1 and 100 instances per launch; split bigger launches into several",
            "每次启动 1～100 台实例；更多实例请拆分为多次启动"
        ),
        fix: |f, d| match d {
            Detail::Amount(amount) => Some(Fix::SetAmount { launch: f.launch, amount: amount.clamp(1, 100) }),
            _ => None,
        },
        evidence: no_evidence,
    };
    /// `image-eol`.
    IMAGE_EOL = LaunchRule {
        rule: Rule {
            code: "image-eol",
            severity: Severity::Warning,
            summary: "the image's operating system reached end of life on or before as_of",
            doc: docs::EOL,
            topic: None,
        },
        group: Group::Lifecycle,
        field: Some("image"),
        test: |s| s.image.eol.filter(|eol| *eol <= s.as_of).map(Detail::Date),
        message: |s, d, l| {
            let eol = match d {
                Detail::Date(eol) => eol,
                _ => s.as_of,
            };
            tr!(l,
                format!(
                    "{} in image {} reached end of life on {eol} (plan date {})",
                    s.image.os.as_deref().unwrap_or("the operating system"), s.image.id, s.as_of
                ),
                format!(
                    "镜像 {} 中的{}已于 {} 停止维护（EOL）（计划日期 {}）",
                    s.image.id,
                    s.image.os.as_deref().map_or("操作系统".to_string(), |os| format!(" {os} ")),
                    eol.zh(),
                    s.as_of.zh()
                )
            )
        },
        help: |_, _, l| tr!(l,
            "launch a supported release of the operating system; EOL systems get no updates",
            "请使用仍受支持的操作系统版本；停止维护的系统不再获得更新"
        ),
        fix: no_fix,
        evidence: |s, l| evidence::image_eol(s.catalog, s.image, l).into_iter().collect(),
    };
    /// `image-deprecated`.
    IMAGE_DEPRECATED = LaunchRule {
        rule: Rule {
            code: "image-deprecated",
            severity: Severity::Warning,
            summary: "launching a Deprecated image",
            doc: docs::IMAGE_OVERVIEW,
            topic: None,
        },
        group: Group::Lifecycle,
        field: Some("image"),
        test: |s| when(s.image.status == ImageStatus::Deprecated),
        message: |s, _, l| tr!(l,
            format!("image {} is Deprecated", s.image.id),
            format!("镜像 {} 已弃用（Deprecated）", s.image.id)
        ),
        help: |_, _, l| tr!(l,
            "launch the image's current replacement",
            "请使用替代该镜像的当前镜像"
        ),
        fix: no_fix,
        evidence: no_evidence,
    };
    /// `license-fee`.
    LICENSE_FEE = LaunchRule {
        rule: Rule {
            code: "license-fee",
            severity: Severity::Info,
            summary: "the image carries operating system licence fees",
            doc: docs::IMAGE_OVERVIEW,
            topic: None,
        },
        group: Group::Lifecycle,
        field: Some("image"),
        test: |s| when(evidence::bills_license(s.image, s.catalog.region(s.region))),
        message: |s, _, l| tr!(l,
            format!(
                "image {} ({}) bills operating system licence fees per instance",
                s.image.id, s.image.os.as_deref().unwrap_or(s.image.label())
            ),
            format!(
                "镜像 {}（{}）按实例收取操作系统许可费用",
                s.image.id, s.image.os.as_deref().unwrap_or(s.image.label())
            )
        ),
        help: |s, _, l| if s.image.platform == Platform::Windows {
            tr!(l,
                "include the licence fee in the cost estimate; Windows images bill it in China (Hong Kong) and outside the Chinese mainland only",
                "请在费用估算中计入许可费用；Windows 镜像仅在中国香港及中国内地以外的地域收取该费用"
            )
        } else {
            tr!(l,
                "include the licence fee in the cost estimate",
                "请在费用估算中计入许可费用"
            )
        },
        fix: no_fix,
        evidence: |s, l| evidence::license(s.catalog, s.image, s.catalog.region(s.region), l),
    };
    /// `community-image-unsupported`.
    COMMUNITY_IMAGE_UNSUPPORTED = LaunchRule {
        rule: Rule {
            code: "community-image-unsupported",
            severity: Severity::Warning,
            summary: "launching a community image, which Alibaba Cloud does not support",
            doc: docs::COMMUNITY,
            topic: Some(Topic::ImageTypes),
        },
        group: Group::Lifecycle,
        field: Some("image"),
        test: |s| when(s.image.kind == ImageType::Community),
        message: |s, _, l| tr!(l,
            format!(
                "image {} is a community image: Alibaba Cloud gives no technical support for it",
                s.image.id
            ),
            format!("镜像 {} 是社区镜像：阿里云不为其提供技术支持", s.image.id)
        ),
        help: |_, _, l| tr!(l,
            "check the image's publisher, or use a public or your own custom image",
            "请核实镜像的发布者，或使用公共镜像或您自己的自定义镜像"
        ),
        fix: no_fix,
        evidence: no_evidence,
    };
    /// `catalog-unconfirmed`: a launch that passes only on catalog values no source confirms.
    CATALOG_UNCONFIRMED = LaunchRule {
        rule: Rule {
            code: "catalog-unconfirmed",
            severity: Severity::Warning,
            summary: "a launch that passes only on catalog values no source confirms (boot mode, NVMe, or whether the image is still offered)",
            doc: docs::BOOT_MODE,
            topic: None,
        },
        group: Group::Pair,
        field: None,
        test: |s| when(evidence::rests_on_unconfirmed(s.provenance, s.instance_type, s.image)),
        message: |s, _, l| {
            let (image, itype) = (&s.image.id, &s.instance_type.id);
            let facts = evidence::unconfirmed_launch_facts(s.catalog, s.instance_type, s.image, l)
                .iter()
                .map(|e| e.fact.clone())
                .collect::<Vec<_>>();
            tr!(l,
                format!(
                    "this launch of {image} on {itype} passes only on catalog values no source confirms: {}",
                    facts.join("; ")
                ),
                format!(
                    "在 {itype} 上启动 {image} 能通过检查，只是因为目录中有未经任何来源确认的值：{}",
                    facts.join("；")
                )
            )
        },
        help: |_, _, l| tr!(l,
            "check them before launching: DescribeInstanceTypes (SupportedBootModes, NvmeSupport) and DescribeImages (BootMode, Features.NvmeSupport, Status) in the launch region; or describe the type and image among the plan's own, which the planner takes as given",
            "启动前请在启动地域核实：DescribeInstanceTypes（SupportedBootModes、NvmeSupport）和 DescribeImages（BootMode、Features.NvmeSupport、Status）；或在计划中自行描述该实例规格和镜像，规划器会以其为准"
        ),
        fix: no_fix,
        evidence: |s, l| evidence::unconfirmed_launch_facts(s.catalog, s.instance_type, s.image, l),
    };
}

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
    /// The catalog the plan sees: regions, and the sources of catalog facts.
    pub catalog: &'a Catalog,
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
    /// The catalog's provenance of the type and the image, looked up once by whoever builds
    /// the subject ([`Provenances::of`]): `catalog-unconfirmed` reads it for every launch and
    /// every matrix cell.
    pub provenance: Provenances<'a>,
}

/// The provenance of a subject's instance type and image in the catalog (`None` for the plan's
/// own entries, which are the user's word).
#[derive(Clone, Copy, Debug)]
pub struct Provenances<'a> {
    /// The instance type's.
    pub of_type: Option<&'a Provenance>,
    /// The image's.
    pub of_image: Option<&'a Provenance>,
}

impl<'a> Provenances<'a> {
    /// The catalog's provenance of `itype` and `image`, by ID.
    pub fn of(catalog: &'a Catalog, itype: &InstanceType, image: &Image) -> Provenances<'a> {
        Provenances {
            of_type: catalog.type_provenance.get(&itype.id),
            of_image: catalog.image_provenance.get(&image.id),
        }
    }
}

impl LaunchSubject<'_> {
    /// SystemDisk.Size as RunInstances will use it: the launch's, else max(40, image size).
    #[inline]
    pub fn disk_size(&self) -> u32 {
        self.system_disk
            .and_then(|disk| disk.size_gib)
            .unwrap_or_else(|| default_disk_size(self.image))
    }

    /// SystemDisk.Category as the launch gives it.
    #[inline]
    pub fn disk_category(&self) -> Option<&str> {
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
    image.size_gib.unwrap_or(0).max(os_min_disk(image.platform))
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

/// One broken launch rule with its values, without any text: cheap to produce for every
/// matrix cell.
#[derive(Clone, Copy)]
pub struct LaunchViolation {
    /// The rule broken.
    pub rule: &'static LaunchRule,
    /// The values its message, help and fix name.
    pub detail: Detail,
}

impl std::fmt::Debug for LaunchViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({:?})", self.rule.rule.code, self.detail)
    }
}

impl PartialEq for LaunchViolation {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.rule, other.rule) && self.detail == other.detail
    }
}

impl LaunchViolation {
    /// The rule's code, severity, summary and doc.
    #[inline]
    pub fn rule(self) -> &'static Rule {
        &self.rule.rule
    }

    /// The plan field the violation is about, relative to the launch (`instance_type`), or
    /// `None` for the launch as a whole.
    pub fn field(self) -> Option<&'static str> {
        self.rule.field
    }

    /// What is wrong, naming the actual values, in `lang`.
    pub fn message(self, s: &LaunchSubject, lang: Lang) -> Text {
        (self.rule.message)(s, self.detail, lang)
    }

    /// What to do next, in `lang`.
    pub fn help(self, s: &LaunchSubject, lang: Lang) -> Text {
        (self.rule.help)(s, self.detail, lang)
    }

    /// The mechanical fix, where one exists.
    pub fn fix(self, input: &FixInput) -> Option<Fix> {
        (self.rule.fix)(input, self.detail)
    }

    /// The catalog facts the verdict rests on.
    pub fn evidence(self, s: &LaunchSubject, lang: Lang) -> Vec<Evidence> {
        (self.rule.evidence)(s, lang)
    }
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

/// Every launch rule `subject` breaks, given to `out` in contract order.
#[inline]
pub fn launch_violations(subject: &LaunchSubject, out: &mut impl ViolationSink) {
    group_violations(subject, |_| true, out);
}

/// The launch rules of the groups `pick` selects that `subject` breaks, in contract order.
#[inline]
pub fn group_violations(
    subject: &LaunchSubject,
    pick: impl Fn(Group) -> bool,
    out: &mut impl ViolationSink,
) {
    for rule in LAUNCH_RULES {
        if pick(rule.group) {
            if let Some(detail) = (rule.test)(subject) {
                out.push(LaunchViolation { rule, detail });
            }
        }
    }
}

fn regions_word(lang: Lang, regions: Option<&[String]>) -> String {
    match regions {
        Some(regions) if !regions.is_empty() => join(lang, regions),
        _ => tr!(lang, "no region", "（无地域）").into_string(),
    }
}

/// The size and limit of a disk violation (zeros for any other detail, which disk rules never
/// get).
fn disk_detail(detail: Detail) -> (u32, u32) {
    match detail {
        Detail::Disk { size, limit } => (size, limit),
        _ => (0, 0),
    }
}

fn os_min_disk(platform: Platform) -> u32 {
    match platform {
        Platform::Windows => WINDOWS_MIN_DISK_GIB,
        Platform::Linux => LINUX_MIN_DISK_GIB,
    }
}

fn platform_word(platform: Platform) -> &'static str {
    match platform {
        Platform::Windows => "Windows",
        Platform::Linux => "Linux",
    }
}

fn arch_word(lang: Lang, arch: ImageArch) -> &'static str {
    match arch {
        ImageArch::I386 => Term::new("i386 (32-bit)", "i386（32 位）").get(lang),
        ImageArch::X86_64 => "x86_64",
        ImageArch::Arm64 => "arm64",
    }
}

fn boot_modes_word(lang: Lang, itype: &InstanceType) -> String {
    if itype.boot_modes.is_empty() {
        return tr!(lang, "BIOS and UEFI", " BIOS 和 UEFI").into_string();
    }
    let words: Vec<&str> = itype
        .boot_modes
        .iter()
        .map(|mode| match mode {
            BootMode::Bios => "BIOS",
            BootMode::Uefi => "UEFI",
        })
        .collect();
    tr!(
        lang,
        format!("{} only", words.join(" and ")),
        format!("仅 {}", words.join(" 和 "))
    )
    .into_string()
}

/// The launch checks of a plan: the values RunInstances needs and the references first (no
/// more findings on a launch whose region, image or type is missing or unknown), then the pure
/// launch rules with their fixes.
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let lang = ctx.lang;
    let mut violations = Vec::new();
    for (n, launch) in ctx.plan.launches.iter().enumerate() {
        let at = format!("/launches/{n}");
        let region = ctx.require(
            &launch.region,
            &format!("{at}/region"),
            Term::new("region", "地域"),
            "RunInstances",
            "RegionId",
            out,
        );
        // A launch by family names no image (contract §4.2); `Some(None)` stands for it.
        let by_family = given(&launch.image).is_none() && given(&launch.image_family).is_some();
        let image = if by_family {
            Some(None)
        } else {
            ctx.require(
                &launch.image,
                &format!("{at}/image"),
                Term::new("image or image family", "镜像或镜像族系"),
                "RunInstances",
                "ImageId",
                out,
            )
            .map(Some)
        };
        let itype = ctx.require(
            &launch.instance_type,
            &format!("{at}/instance_type"),
            Term::new("instance type", "实例规格"),
            "RunInstances",
            "InstanceType",
            out,
        );
        let (Some(region), Some(image), Some(itype)) = (region, image, itype) else {
            continue;
        };
        if !ctx.check_region_open(region, &format!("{at}/region"), out) {
            continue;
        }
        let snapshot = image.filter(|i| i.starts_with("s-") && ctx.resolver.find(i).is_none());
        if let Some(image) = snapshot {
            out.push(super::reference::LAUNCH_FROM_SNAPSHOT.finding_with_fix(
                format!("{at}/image"),
                tr!(
                    lang,
                    format!("{image} is a snapshot; RunInstances launches images only"),
                    format!("{image} 是快照；RunInstances 只能用镜像启动实例")
                ),
                tr!(
                    lang,
                    "create a custom image from the snapshot first, then launch that image; give the new image the snapshot's OS, architecture and boot mode",
                    "请先用该快照创建自定义镜像，再用该镜像启动实例；为新镜像填写快照的操作系统、架构和引导模式"
                ),
                Some(Fix::CreateImageFromSnapshot {
                    launch: n,
                    snapshot: image.to_string(),
                }),
            ));
            continue;
        }
        if let Some(image) = image {
            if !ctx.check_image_known(image, &format!("{at}/image"), out) {
                continue;
            }
        }
        let Some(itype) = ctx.catalog.instance_type(itype) else {
            out.push(super::pipeline::unknown_type(
                lang,
                &format!("{at}/instance_type"),
                itype,
            ));
            continue;
        };
        let Some(resolved) = super::family::resolve_launch(ctx, n, launch, region, out) else {
            continue;
        };
        super::family::check_launch(ctx, n, launch, &resolved, out);
        let subject = LaunchSubject {
            catalog: ctx.catalog,
            image: resolved.image,
            instance_type: itype,
            region,
            image_here: resolved.here,
            type_here: itype.offered_in(region),
            system_disk: launch.system_disk.as_ref(),
            amount: launch.amount,
            as_of: ctx.as_of,
            provenance: Provenances::of(ctx.catalog, itype, resolved.image),
        };
        violations.clear();
        launch_violations(&subject, &mut violations);
        drop_unconfirmed_when_failing(&mut violations);
        let fix_input = FixInput {
            plan: ctx.plan,
            catalog: ctx.catalog,
            launch: n,
            subject: &subject,
        };
        // A planned copy is named the way the user knows it, not by the reference the
        // exported script uses for the ID CopyImage returns.
        let words = |text: Text| match resolved.origin {
            Origin::Copy(k) => {
                let source = given(&ctx.plan.copies[k].image)
                    .unwrap_or(Term::new("an image", "某个镜像").get(lang));
                let copy = tr!(
                    lang,
                    format!("the copy of {source} in {region}"),
                    format!("{source} 在 {region} 的副本")
                );
                text.map(|text| {
                    text.replace(&format!("image {}", resolved.image.id), copy.as_str())
                        .replace(&format!("镜像 {}", resolved.image.id), copy.as_str())
                        .replace(&resolved.image.id, copy.as_str())
                })
            }
            Origin::Existing | Origin::Create(_) | Origin::Import(_) | Origin::Pipeline(_) => text,
        };
        for &violation in &violations {
            let path = violation_path(&at, launch, violation.field());
            out.push(
                violation
                    .rule()
                    .finding_with_fix(
                        path,
                        words(violation.message(&subject, lang)),
                        words(violation.help(&subject, lang)),
                        violation.fix(&fix_input),
                    )
                    .with_evidence(violation.evidence(&subject, lang)),
            );
        }
    }
}

/// Where a violation about `field` of the launch at `at` points: the field when the launch
/// gives it; the image family when the family chose the image; else the launch itself, since a
/// default decided the value (the system disk a launch leaves to its image's size): a finding
/// always points at a place in the plan.
fn violation_path(at: &str, launch: &crate::core::model::Launch, field: Option<&str>) -> String {
    let given = |field: &str| match field {
        "image" => given(&launch.image).is_some(),
        "instance_type" => given(&launch.instance_type).is_some(),
        "amount" => launch.amount.is_some(),
        "system_disk/size_gib" => launch
            .system_disk
            .as_ref()
            .and_then(|d| d.size_gib)
            .is_some(),
        _ => true,
    };
    match field {
        Some(field) if given(field) => format!("{at}/{field}"),
        Some("image") if given_family(launch) => format!("{at}/image_family"),
        _ => at.to_string(),
    }
}

/// Whether the launch names an image family (and no image).
fn given_family(launch: &crate::core::model::Launch) -> bool {
    given(&launch.image_family).is_some() && given(&launch.image).is_none()
}

/// A launch that already fails gets no `catalog-unconfirmed`: one root cause, one verdict.
pub fn drop_unconfirmed_when_failing(violations: &mut Vec<LaunchViolation>) {
    if violations
        .iter()
        .any(|v| v.rule().severity == Severity::Error)
    {
        violations.retain(|v| !std::ptr::eq(v.rule, &CATALOG_UNCONFIRMED));
    }
}

/// Set the system disk to the limit it breaks.
fn disk_limit_fix(f: &FixInput, d: Detail) -> Option<Fix> {
    match d {
        Detail::Disk { limit, .. } => Some(Fix::SetSystemDiskSize {
            launch: f.launch,
            size_gib: limit,
        }),
        _ => None,
    }
}

/// Launch the build of the same OS that fits the type (arch, boot mode, NVMe).
fn sibling_image_fix(f: &FixInput, _: Detail) -> Option<Fix> {
    sibling_image(f.catalog, f.subject).map(|image| Fix::ReplaceLaunchImage {
        launch: f.launch,
        image: image.id.clone(),
    })
}

/// Launch the type of the same family closest in size that fits the image.
fn sibling_type_fix(f: &FixInput, _: Detail) -> Option<Fix> {
    sibling_type(f.catalog, f.subject).map(|itype| Fix::ReplaceLaunchInstanceType {
        launch: f.launch,
        instance_type: itype.id.clone(),
    })
}

/// Launch a type the image lists and boots on: the launch's own family first, then the
/// closest in size of any family.
fn listed_type_fix(f: &FixInput, _: Detail) -> Option<Fix> {
    sibling_type(f.catalog, f.subject)
        .or_else(|| closest_type(f.catalog, f.subject))
        .map(|t| Fix::ReplaceLaunchInstanceType {
            launch: f.launch,
            instance_type: t.id.clone(),
        })
}

/// Whether the launch names one of the account's own images (custom or shared, described by
/// the plan), as opposed to a catalog image with sibling builds. A planned copy (whose ID is
/// the reference CopyImage returns) is the plan's too, but has no description of its own.
fn own_image(s: &LaunchSubject) -> bool {
    matches!(s.image.kind, ImageType::Custom | ImageType::Shared) && !s.image.id.starts_with("${")
}

/// Whether the launch's image is one the plan itself describes (its `images` or a create), so
/// that correcting the description is the user's to do.
fn described_by_plan(f: &FixInput) -> bool {
    let id = &f.subject.image.id;
    own_image(f.subject)
        && (f.plan.images.iter().any(|i| i.id == *id)
            || f.plan.creates.iter().any(|c| c.image.id == *id))
}

/// A pair rule's fix that keeps what the user chose where it can: the user's own image stays
/// and the instance type changes (closest in size, same family first); a catalog image gives
/// way to its build for the type (same OS), else the type changes.
fn other_side_fix(f: &FixInput, d: Detail) -> Option<Fix> {
    let type_fix = || {
        sibling_type(f.catalog, f.subject)
            .or_else(|| closest_type(f.catalog, f.subject))
            .map(|itype| Fix::ReplaceLaunchInstanceType {
                launch: f.launch,
                instance_type: itype.id.clone(),
            })
    };
    if own_image(f.subject) {
        type_fix()
    } else {
        sibling_image_fix(f, d).or_else(type_fix)
    }
}

/// How far apart two types are in size: vCPUs, then memory.
fn size_distance(a: &InstanceType, b: &InstanceType) -> (u32, f64) {
    (
        a.vcpus
            .unwrap_or_default()
            .abs_diff(b.vcpus.unwrap_or_default()),
        (a.memory_gib.unwrap_or_default() - b.memory_gib.unwrap_or_default()).abs(),
    )
}

/// The type of any family closest in size (vCPUs, then memory) that fits the image here.
fn closest_type<'c>(catalog: &'c Catalog, s: &LaunchSubject) -> Option<&'c InstanceType> {
    nearest_fitting(catalog.instance_types.iter(), s)
}

/// Of `candidates`, the one closest in size to the subject's type (the first in catalog order
/// among equals) that fits the image in the subject's region. Candidates are tried nearest
/// first and the search stops at the first that fits: the full compatibility check is the
/// expensive part, and a plan of hundreds of launches asks for hundreds of suggestions.
fn nearest_fitting<'c>(
    candidates: impl Iterator<Item = &'c InstanceType>,
    s: &LaunchSubject,
) -> Option<&'c InstanceType> {
    // [`compatible`] fails every type for an image that is not in the region (the image
    // placement rules are errors whatever the type) and every type not offered there
    // (`instance-type-not-in-region` is an error): skip those checks.
    if !s.image.available_in(s.region) {
        return None;
    }
    // Each candidate's distance computed once, with its catalog position to keep catalog order
    // among equals (as `min_by` did).
    let mut by_distance: Vec<((u32, f64), usize, &InstanceType)> = candidates
        .filter(|t| t.id != s.instance_type.id && t.offered_in(s.region))
        .enumerate()
        .map(|(n, t)| (size_distance(t, s.instance_type), n, t))
        .collect();
    by_distance.sort_unstable_by(|(a, m, _), (b, n, _)| {
        a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(m.cmp(n))
    });
    by_distance
        .into_iter()
        .map(|(_, _, t)| t)
        .find(|t| compatible(s, s.image, t))
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
        provenance: Provenances::of(s.catalog, itype, image),
        ..*s
    };
    let mut violations = Vec::new();
    launch_violations(&candidate, &mut violations);
    violations.iter().all(|v| {
        v.rule().severity != Severity::Error || std::ptr::eq(v.rule, &SYSTEM_DISK_TOO_LARGE)
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
    nearest_fitting(
        catalog
            .instance_types
            .iter()
            .filter(|t| t.family() == family),
        s,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The type any family's suggestion would be by brute force: every other catalog type
    /// checked, the nearest in size that fits, the first in catalog order among equals.
    fn closest_by_brute_force<'c>(
        catalog: &'c Catalog,
        s: &LaunchSubject,
    ) -> Option<&'c InstanceType> {
        let distance = |t: &InstanceType| size_distance(t, s.instance_type);
        catalog
            .instance_types
            .iter()
            .filter(|t| t.id != s.instance_type.id && compatible(s, s.image, t))
            .min_by(|a, b| {
                distance(a)
                    .partial_cmp(&distance(b))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
    }

    #[test]
    fn the_nearest_first_search_suggests_what_brute_force_does() {
        let catalog = Catalog::builtin();
        let as_of = "2026-11-29".parse().expect("a date");
        let mut compared = 0;
        for region in &catalog.regions {
            for image in &catalog.images {
                for itype in catalog.instance_types.iter().step_by(5) {
                    let s = LaunchSubject {
                        catalog,
                        image,
                        instance_type: itype,
                        region: &region.id,
                        image_here: image.available_in(&region.id),
                        type_here: itype.offered_in(&region.id),
                        system_disk: None,
                        amount: None,
                        as_of,
                        provenance: Provenances::of(catalog, itype, image),
                    };
                    assert_eq!(
                        closest_type(catalog, &s).map(|t| &t.id),
                        closest_by_brute_force(catalog, &s).map(|t| &t.id),
                        "{} on {} in {}",
                        image.id,
                        itype.id,
                        region.id
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 10_000, "{compared} subjects compared");
    }
}
