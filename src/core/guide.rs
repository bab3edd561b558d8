//! What the ECS image overview teaches, kept as data the UI can show next to a finding: where
//! each image type comes from and who stands behind it, which type fits which need, which OS
//! fits which workload, and why a snapshot is not an image. Texts are the planner's own words;
//! each item links the official page it summarises. Every text is a [`Term`] (English and
//! Simplified Chinese, with the terms of the Alibaba Cloud console), so a text without its
//! translation does not compile.

use serde::Serialize;

use super::i18n::{Lang, Term};
use super::model::ImageType;
use super::rules::docs;

pub mod builder;

/// A section of the guide that explains the background of a rule ([`crate::core::rules::Rule::topic`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    /// Image types: origin, trust, support, reach.
    ImageTypes,
    /// Images against snapshots.
    Snapshots,
    /// Importing an image file: the RAM role and what to prepare in the image.
    Importing,
    /// Image Builder pipelines and image updates.
    ImageBuilder,
}

impl Topic {
    /// The link text that opens the section, in both languages.
    pub const fn term(self) -> Term {
        match self {
            Topic::ImageTypes => Term::new("About image types", "了解镜像类型"),
            Topic::Snapshots => Term::new("Images and snapshots", "镜像与快照"),
            Topic::Importing => Term::new("Importing an image", "导入镜像"),
            Topic::ImageBuilder => Term::new("About Image Builder", "了解镜像构建"),
        }
    }

    /// The link text that opens the section, in `lang`.
    pub const fn label(self, lang: Lang) -> &'static str {
        self.term().get(lang)
    }
}

/// The official image overview this guide summarises (English; [`doc`] gives the reader's page).
pub const IMAGE_OVERVIEW_URL: &str = docs::IMAGE_OVERVIEW;

/// A documentation page of this guide for a reader of `lang`: the Chinese page
/// (help.aliyun.com/zh) where one is known, else the English one.
pub fn doc(url: &'static str, lang: Lang) -> &'static str {
    docs::localized(url, lang)
}

/// The CreateImage reference (creating a custom image from an instance or a snapshot).
pub const CREATE_IMAGE_URL: &str = "https://www.alibabacloud.com/help/doc-detail/25535.html";

/// How far an image source can be trusted, lowest first, as the overview ranks the five types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Trust {
    /// Anyone may publish it; nobody vouches for it.
    Lowest,
    /// Another account vouches for it.
    Medium,
    /// Tested by Alibaba Cloud Marketplace, built by Alibaba Cloud or a vendor.
    MediumHigh,
    /// Built by the account itself.
    High,
    /// Built, licensed and tested by Alibaba Cloud.
    Highest,
}

impl Trust {
    /// The level as a short label, in `lang`.
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            Trust::Lowest => Term::new("lowest", "最低"),
            Trust::Medium => Term::new("medium", "中"),
            Trust::MediumHigh => Term::new("medium to high", "中高"),
            Trust::High => Term::new("high", "高"),
            Trust::Highest => Term::new("highest", "最高"),
        }
        .get(lang)
    }
}

/// One image type: its origin, trust, support and reach.
#[derive(Debug, PartialEq)]
pub struct ImageTypeGuide {
    /// The type described.
    pub kind: ImageType,
    /// Display title ("Public image").
    pub title: Term,
    /// Who makes the image and how.
    pub origin: Term,
    /// How far it can be trusted.
    pub trust: Trust,
    /// Who helps when something is wrong with it.
    pub support: Term,
    /// The regions where it can be used.
    pub availability: Term,
    /// The official page behind these facts.
    pub doc_url: &'static str,
}

static PUBLIC: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Public,
    title: Term::new(
            "Public image",
            "公共镜像",
        ),
    origin: Term::new(
            "Published by Alibaba Cloud itself: operating systems it licenses, tests for security and keeps patched.",
            "由阿里云官方发布：阿里云获得授权、经过安全测试并持续更新补丁的操作系统。",
        ),
    trust: Trust::Highest,
    support: Term::new(
            "Alibaba Cloud for Alibaba Cloud Linux; the OS community, helped by Alibaba Cloud, for open-source systems; Alibaba Cloud together with the vendor for commercial systems. Support stops at the OS's end of life.",
            "Alibaba Cloud Linux 由阿里云提供支持；开源操作系统由其社区提供支持，阿里云协助；商业操作系统由阿里云与厂商共同支持。操作系统停止维护（EOL）后不再提供支持。",
        ),
    availability: Term::new(
            "Every region.",
            "所有地域。",
        ),
    doc_url: IMAGE_OVERVIEW_URL,
};

static CUSTOM: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Custom,
    title: Term::new(
            "Custom image",
            "自定义镜像",
        ),
    origin: Term::new(
            "Made by your account from one of its instances or snapshots, or imported from elsewhere.",
            "由您的账号基于自己的实例或快照创建，或从其他地方导入。",
        ),
    trust: Trust::High,
    support: Term::new(
            "As for the public image it was built from; none for an imported open-source system; Alibaba Cloud with the vendor for an imported commercial system licensed through Alibaba Cloud.",
            "与其来源的公共镜像相同；导入的开源操作系统不提供支持；通过阿里云获得许可的导入商业操作系统由阿里云与厂商共同支持。",
        ),
    availability: Term::new(
            "Only the region where it was created or imported; copy it to reach other regions.",
            "仅限创建或导入它的地域；如需在其他地域使用，请复制镜像。",
        ),
    doc_url: IMAGE_OVERVIEW_URL,
};

static SHARED: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Shared,
    title: Term::new(
            "Shared image",
            "共享镜像",
        ),
    origin: Term::new(
            "A custom image another Alibaba Cloud account has shared with yours.",
            "其他阿里云账号共享给您的自定义镜像。",
        ),
    trust: Trust::Medium,
    support: Term::new(
            "The account that shared it; Alibaba Cloud does not support it.",
            "由共享该镜像的账号提供支持；阿里云不提供支持。",
        ),
    availability: Term::new(
            "Only the region of the original image; you cannot copy it to another region or share it on.",
            "仅限原镜像所在的地域；不能复制到其他地域，也不能再共享给其他账号。",
        ),
    doc_url: IMAGE_OVERVIEW_URL,
};

static MARKETPLACE: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Marketplace,
    title: Term::new(
            "Alibaba Cloud Marketplace image",
            "镜像市场镜像",
        ),
    origin: Term::new(
            "An operating system with software already installed, offered by Alibaba Cloud or an independent software vendor and checked for security and stability.",
            "预装了软件的操作系统，由阿里云或独立软件供应商（ISV）提供，并经过安全性和稳定性检测。",
        ),
    trust: Trust::MediumHigh,
    support: Term::new(
            "Alibaba Cloud for its own images, as for public images; the vendor for vendor images.",
            "阿里云自有的镜像由阿里云提供支持，与公共镜像相同；供应商的镜像由供应商提供支持。",
        ),
    availability: Term::new(
            "Only the regions where the product was released.",
            "仅限该商品已发布的地域。",
        ),
    doc_url: IMAGE_OVERVIEW_URL,
};

static COMMUNITY: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Community,
    title: Term::new("Community image", "社区镜像"),
    origin: Term::new(
        "Published for everyone by an Alibaba Cloud user.",
        "由阿里云用户公开发布，所有人都可使用。",
    ),
    trust: Trust::Lowest,
    support: Term::new(
        "None from Alibaba Cloud: check what is inside before you rely on it.",
        "阿里云不提供支持：使用前请检查镜像中的内容。",
    ),
    availability: Term::new(
        "Only the regions where it was released; it cannot be copied, shared or exported.",
        "仅限其发布的地域；不能复制、共享或导出。",
    ),
    doc_url: IMAGE_OVERVIEW_URL,
};

/// Every image type's guide, from most to least trusted.
pub static IMAGE_TYPES: [&ImageTypeGuide; 5] =
    [&PUBLIC, &CUSTOM, &MARKETPLACE, &SHARED, &COMMUNITY];

/// The guide for one image type.
pub fn image_type_guide(kind: ImageType) -> &'static ImageTypeGuide {
    match kind {
        ImageType::Public => &PUBLIC,
        ImageType::Custom => &CUSTOM,
        ImageType::Shared => &SHARED,
        ImageType::Marketplace => &MARKETPLACE,
        ImageType::Community => &COMMUNITY,
    }
}

/// What the user wants the instance to start with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Need {
    /// A clean operating system, nothing installed yet.
    CleanOs,
    /// The user's own software and settings, ready to run.
    OwnSetup,
    /// A known application stack, ready to deploy.
    ApplicationStack,
}

impl Need {
    /// Every need, in the order the UI lists them.
    pub const ALL: [Need; 3] = [Need::CleanOs, Need::OwnSetup, Need::ApplicationStack];
}

/// The image type that fits a need, and why.
#[derive(Debug, PartialEq)]
pub struct Recommendation {
    /// The need answered.
    pub need: Need,
    /// The need as the UI words it.
    pub label: Term,
    /// The image type to start from.
    pub kind: ImageType,
    /// One line on why.
    pub why: Term,
    /// The official page behind the advice.
    pub doc_url: &'static str,
}

static RECOMMENDATIONS: [Recommendation; 3] = [
    Recommendation {
        need: Need::CleanOs,
        label: Term::new(
            "A clean operating system",
            "纯净的操作系统",
        ),
        kind: ImageType::Public,
        why: Term::new(
            "Public images carry only the OS, kept current by Alibaba Cloud and present in every region.",
            "公共镜像只包含操作系统，由阿里云持续更新，所有地域都可使用。",
        ),
        doc_url: IMAGE_OVERVIEW_URL,
    },
    Recommendation {
        need: Need::OwnSetup,
        label: Term::new(
            "My own software and settings",
            "我自己的软件和配置",
        ),
        kind: ImageType::Custom,
        why: Term::new(
            "A custom image captures a configured instance once, so every launch starts from the same state.",
            "自定义镜像把配置好的实例保存下来，此后每次创建实例都从同一状态开始。",
        ),
        doc_url: IMAGE_OVERVIEW_URL,
    },
    Recommendation {
        need: Need::ApplicationStack,
        label: Term::new(
            "A ready application stack",
            "现成的应用环境",
        ),
        kind: ImageType::Marketplace,
        why: Term::new(
            "Marketplace images ship the stack preinstalled and tested; check the price and the released regions.",
            "镜像市场镜像已预装并测试了应用环境；请留意价格和已发布的地域。",
        ),
        doc_url: IMAGE_OVERVIEW_URL,
    },
];

/// The image type to recommend for a need.
pub fn recommend(need: Need) -> &'static Recommendation {
    match need {
        Need::CleanOs => &RECOMMENDATIONS[0],
        Need::OwnSetup => &RECOMMENDATIONS[1],
        Need::ApplicationStack => &RECOMMENDATIONS[2],
    }
}

/// Advice on one operating system family.
#[derive(Debug, PartialEq)]
pub struct OsGuide {
    /// The family's display name.
    pub family: &'static str,
    /// The start of an image's `os` text that belongs to this family.
    pub os_prefix: &'static str,
    /// The workloads it suits.
    pub best_for: Term,
    /// Whether new deployments should choose it.
    pub recommended_for_new: bool,
    /// Whether its images bill OS licence fees.
    pub license_fee: bool,
    /// The official page behind the advice.
    pub doc_url: &'static str,
}

/// Operating system families by workload, as the overview suggests them.
pub static OS_GUIDES: [OsGuide; 5] = [
    OsGuide {
        family: "Windows Server",
        os_prefix: "Windows Server",
        best_for: Term::new(
            "Windows applications, enterprise web services, SQL Server, file and print services. Licence fees apply.",
            "Windows 应用、企业 Web 服务、SQL Server、文件和打印服务。需支付操作系统许可证费用。",
        ),
        recommended_for_new: true,
        license_fee: true,
        doc_url: IMAGE_OVERVIEW_URL,
    },
    OsGuide {
        family: "Alibaba Cloud Linux",
        os_prefix: "Alibaba Cloud Linux",
        best_for: Term::new(
            "Workloads that expect a CentOS-like system, tuned by Alibaba Cloud for its own platform.",
            "需要类 CentOS 系统的工作负载，由阿里云针对自身平台优化。",
        ),
        recommended_for_new: true,
        license_fee: false,
        doc_url: IMAGE_OVERVIEW_URL,
    },
    OsGuide {
        family: "Anolis OS",
        os_prefix: "Anolis OS",
        best_for: Term::new(
            "Open-source workloads on a community-run distribution.",
            "运行在社区维护的发行版上的开源工作负载。",
        ),
        recommended_for_new: true,
        license_fee: false,
        doc_url: IMAGE_OVERVIEW_URL,
    },
    OsGuide {
        family: "CentOS",
        os_prefix: "CentOS",
        best_for: Term::new(
            "Keeping legacy systems running only: CentOS is no longer maintained, so pick another OS for anything new.",
            "仅用于维持存量系统：CentOS 已停止维护，新业务请选择其他操作系统。",
        ),
        recommended_for_new: false,
        license_fee: false,
        doc_url: IMAGE_OVERVIEW_URL,
    },
    OsGuide {
        family: "Red Hat Enterprise Linux",
        os_prefix: "Red Hat Enterprise Linux",
        best_for: Term::new(
            "Enterprise applications that need Red Hat's support. Licence fees apply.",
            "需要 Red Hat 技术支持的企业应用。需支付操作系统许可证费用。",
        ),
        recommended_for_new: true,
        license_fee: true,
        doc_url: IMAGE_OVERVIEW_URL,
    },
];

/// The advice for an image's OS (`"CentOS 7"` → CentOS), if the overview covers that family.
pub fn os_guide(os: &str) -> Option<&'static OsGuide> {
    OS_GUIDES
        .iter()
        .find(|guide| os.starts_with(guide.os_prefix))
}

/// The ImportImage reference: the RAM role, formats, platforms and disk sizes.
pub const IMPORT_IMAGE_URL: &str = docs::IMPORT_IMAGE;

/// Uploading image files to OSS, and the RAM permissions it needs.
pub const UPLOAD_TO_OSS_URL: &str =
    "https://www.alibabacloud.com/help/en/ecs/user-guide/upload-image-files-to-oss";

/// One step of preparing an import, with why it matters.
#[derive(Debug, PartialEq)]
pub struct ImportStep {
    /// What to do.
    pub title: Term,
    /// How, and what goes wrong without it.
    pub detail: Term,
}

/// Before an ImportImage: the RAM role ECS reads the bucket with, and what the image file must
/// hold so that instances start (the ImportImage reference and the OSS upload guide).
pub static IMPORT_STEPS: [ImportStep; 6] = [
    ImportStep {
        title: Term::new(
            "Let ECS read the bucket (RAM role)",
            "授权 ECS 读取 Bucket（RAM 角色）",
        ),
        detail: Term::new(
            "ECS reads the file with the RAM role AliyunECSImageImportDefaultRole, exactly that name: create it with a trust policy for the service ecs.aliyuncs.com and attach the system policy AliyunECSImageImportRolePolicy (oss:GetObject, oss:GetBucketLocation, oss:GetBucketInfo), or authorise it in one click on the RAM console's Cloud Resource Access Authorization page. Without it ImportImage fails with NoSetRoletoECSServiceAccount. A RAM user who calls ImportImage also needs to read the bucket.",
            "ECS 通过 RAM 角色 AliyunECSImageImportDefaultRole（必须是这个名称）读取镜像文件：创建该角色，信任策略的服务为 ecs.aliyuncs.com，并为其添加系统策略 AliyunECSImageImportRolePolicy（oss:GetObject、oss:GetBucketLocation、oss:GetBucketInfo），或在 RAM 控制台的云资源访问授权页面一键授权。否则 ImportImage 会报错 NoSetRoletoECSServiceAccount。调用 ImportImage 的 RAM 用户也需要有读取该 Bucket 的权限。",
        ),
    },
    ImportStep {
        title: Term::new(
            "Upload the file to a bucket in the import region",
            "将镜像文件上传到导入地域的 Bucket",
        ),
        detail: Term::new(
            "ImportImage reads only buckets of the region it imports into (import-oss-region). Upload with ossutil or the console; a large file is best sent as a multipart upload.",
            "ImportImage 只读取导入地域的 Bucket（import-oss-region）。可使用 ossutil 或控制台上传；大文件建议使用分片上传。",
        ),
    },
    ImportStep {
        title: Term::new(
            "Install the virtio drivers",
            "安装 virtio 驱动",
        ),
        detail: Term::new(
            "Instances attach disks and network over virtio. A Linux image needs virtio_blk and virtio_net in its initramfs (check with lsinitrd or lsinitramfs; rebuild with dracut or update-initramfs); a Windows image needs the virtio drivers installed before it is exported. Without them the instance does not find its system disk.",
            "实例通过 virtio 挂载磁盘和网络。Linux 镜像的 initramfs 中需要包含 virtio_blk 和 virtio_net（可用 lsinitrd 或 lsinitramfs 检查，用 dracut 或 update-initramfs 重新生成）；Windows 镜像需要在导出前安装 virtio 驱动。否则实例找不到系统盘。",
        ),
    },
    ImportStep {
        title: Term::new(
            "Add the NVMe driver for NVMe-only types",
            "为仅支持 NVMe 的实例规格添加 NVMe 驱动",
        ),
        detail: Term::new(
            "Types such as g8i, g8y and g9i attach disks over NVMe only. Put the nvme module in the initramfs, then import with nvme: supported (Features.NvmeSupport); ImportImage takes an image as NVMe-unsupported otherwise, and CopyImage drops the flag again (copy-features-not-carried).",
            "g8i、g8y、g9i 等实例规格只通过 NVMe 挂载磁盘。请将 nvme 模块加入 initramfs，导入时将 Features.NvmeSupport 设为 supported；否则 ImportImage 会把镜像视为不支持 NVMe，且 CopyImage 复制后会再次丢失该属性（copy-features-not-carried）。",
        ),
    },
    ImportStep {
        title: Term::new(
            "Install cloud-init (Linux)",
            "安装 cloud-init（Linux）",
        ),
        detail: Term::new(
            "cloud-init applies the host name, the password or key pair and the user data of each new instance; without it the instance keeps the settings of the machine the image came from.",
            "cloud-init 为每个新实例设置主机名、密码或密钥对以及实例自定义数据；没有它，实例会保留制作镜像的那台机器的设置。",
        ),
    },
    ImportStep {
        title: Term::new(
            "Pick the format, boot mode and licence",
            "选择镜像格式、引导模式和许可证",
        ),
        detail: Term::new(
            "QCOW2, VHD or RAW (VMDK only in preview); a system disk not smaller than the file and at most 2048 GiB; UEFI for arm64 images; a LicenseType (Aliyun or BYOL) for Windows. Remove fstab entries of disks the instance will not have, and let the network come up by DHCP.",
            "QCOW2、VHD 或 RAW（VMDK 仅为公测）；系统盘不小于镜像文件，最大 2048 GiB；arm64 镜像使用 UEFI；Windows 镜像需指定 LicenseType（Aliyun 或 BYOL）。请删除 fstab 中实例上不会有的磁盘条目，并让网络通过 DHCP 获取地址。",
        ),
    },
];

/// One way an image differs from a snapshot.
#[derive(Debug, PartialEq)]
pub struct Contrast {
    /// What is compared.
    pub aspect: Term,
    /// How an image behaves.
    pub image: Term,
    /// How a snapshot behaves.
    pub snapshot: Term,
}

/// Images against snapshots, point by point.
pub static IMAGES_VS_SNAPSHOTS: [Contrast; 5] = [
    Contrast {
        aspect: Term::new("What it holds", "包含的内容"),
        image: Term::new(
            "A whole instance: OS, settings, installed software and data.",
            "整个实例：操作系统、配置、已安装的软件和数据。",
        ),
        snapshot: Term::new(
            "One cloud disk (or a consistent group of disks) at one moment.",
            "某一时刻的一块云盘（或一组一致性云盘）。",
        ),
    },
    Contrast {
        aspect: Term::new("Launches an instance", "能否创建实例"),
        image: Term::new("Yes, directly.", "能，可直接创建。"),
        snapshot: Term::new(
            "No: create a custom image from it first.",
            "不能：需先用它创建自定义镜像。",
        ),
    },
    Contrast {
        aspect: Term::new("Disks covered", "覆盖的磁盘"),
        image: Term::new(
            "Always the system disk, data disks if you choose.",
            "总是包含系统盘，可选包含数据盘。",
        ),
        snapshot: Term::new("Each disk on its own.", "每块磁盘各自一份。"),
    },
    Contrast {
        aspect: Term::new("Restores", "可以恢复"),
        image: Term::new(
            "A system disk (of this or another instance), or new instances.",
            "系统盘（本实例或其他实例的），或创建新实例。",
        ),
        snapshot: Term::new(
            "The data of the disk it was taken from.",
            "创建它的那块磁盘的数据。",
        ),
    },
    Contrast {
        aspect: Term::new("Typical use", "典型用途"),
        image: Term::new(
            "Batch deployment, moving instances across regions or zones, copying an environment.",
            "批量部署、跨地域或可用区迁移实例、复制环境。",
        ),
        snapshot: Term::new(
            "Scheduled backups, a safety copy before changes, moving disk data.",
            "定期备份、变更前的安全副本、迁移磁盘数据。",
        ),
    },
];

/// What to do when a plan tries to launch from a snapshot.
pub const SNAPSHOT_LAUNCH_HELP: Term = Term::new(
            "A snapshot cannot launch an instance. Create a custom image from the system disk snapshot (CreateImage with SnapshotId), then launch from that image.",
            "快照不能直接创建实例。请先用系统盘快照创建自定义镜像（调用 CreateImage 并指定 SnapshotId），再用该镜像创建实例。",
        );

/// How images and snapshots depend on each other, in the order a planner meets them.
pub static IMAGE_SNAPSHOT_LINKS: [Term; 4] = [
    Term::new(
            "Creating a custom image from an instance takes a snapshot of the system disk and of each data disk; together they make up the image.",
            "基于实例创建自定义镜像时，会为系统盘和每块数据盘各创建一个快照，它们共同组成该镜像。",
        ),
    Term::new(
            "Creating a custom image from a snapshot uses that snapshot alone.",
            "基于快照创建自定义镜像时，只使用该快照。",
        ),
    Term::new(
            "Deleting a custom image lets you keep or delete its snapshots.",
            "删除自定义镜像时，可以选择保留或删除其快照。",
        ),
    Term::new(
            "A snapshot that backs an image can only be deleted after the image is deleted.",
            "已用于创建镜像的快照，只有在镜像删除后才能删除。",
        ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_import_guide_names_the_role_and_the_drivers() {
        let text: String = IMPORT_STEPS.iter().map(|s| s.detail.en).collect();
        let zh: String = IMPORT_STEPS.iter().map(|s| s.detail.zh).collect();
        for needed in [
            "AliyunECSImageImportDefaultRole",
            "virtio",
            "nvme",
            "cloud-init",
        ] {
            assert!(text.contains(needed), "{needed}");
            assert!(zh.contains(needed), "zh: {needed}");
        }
    }

    #[test]
    fn image_type_guides_are_listed_once_each_and_match_their_lookup() {
        for guide in IMAGE_TYPES {
            assert!(
                std::ptr::eq(image_type_guide(guide.kind), guide),
                "IMAGE_TYPES lists {:?} but image_type_guide returns another entry",
                guide.kind
            );
        }
        let kinds: std::collections::HashSet<_> = IMAGE_TYPES.iter().map(|g| g.kind).collect();
        assert_eq!(kinds.len(), IMAGE_TYPES.len(), "a kind is listed twice");
    }

    #[test]
    fn image_types_are_ordered_by_trust() {
        let trust: Vec<Trust> = IMAGE_TYPES.iter().map(|g| g.trust).collect();
        let mut sorted = trust.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(trust, sorted);
        assert_eq!(image_type_guide(ImageType::Public).trust, Trust::Highest);
        assert_eq!(image_type_guide(ImageType::Community).trust, Trust::Lowest);
    }

    #[test]
    fn recommendations_answer_their_own_need() {
        for need in Need::ALL {
            assert_eq!(recommend(need).need, need);
        }
        assert_eq!(recommend(Need::CleanOs).kind, ImageType::Public);
        assert_eq!(recommend(Need::OwnSetup).kind, ImageType::Custom);
        assert_eq!(
            recommend(Need::ApplicationStack).kind,
            ImageType::Marketplace
        );
    }

    #[test]
    fn os_guide_matches_by_prefix_and_flags_centos_and_fees() {
        assert_eq!(os_guide("CentOS 7").map(|g| g.family), Some("CentOS"));
        assert!(!os_guide("CentOS 6").unwrap().recommended_for_new);
        assert!(os_guide("Red Hat Enterprise Linux 9").unwrap().license_fee);
        assert!(
            os_guide("Windows Server 2022 Datacenter")
                .unwrap()
                .license_fee
        );
        assert!(!os_guide("Alibaba Cloud Linux 3").unwrap().license_fee);
        assert_eq!(os_guide("Ubuntu 22.04"), None);
    }

    #[test]
    fn snapshots_cannot_launch() {
        let launch = IMAGES_VS_SNAPSHOTS
            .iter()
            .find(|c| c.aspect.en == "Launches an instance")
            .expect("the launch contrast");
        assert!(launch.snapshot.en.starts_with("No"));
        assert!(launch.snapshot.zh.starts_with("不能"));
        for lang in Lang::ALL {
            assert!(SNAPSHOT_LAUNCH_HELP.get(lang).contains("CreateImage"));
        }
    }
}
