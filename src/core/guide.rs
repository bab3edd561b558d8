//! What the ECS image overview teaches, kept as data the UI can show next to a finding: where
//! each image type comes from and who stands behind it, which type fits which need, which OS
//! fits which workload, and why a snapshot is not an image. Texts are the planner's own words;
//! each item links the official page it summarises.

use serde::Serialize;

use super::model::ImageType;

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
    /// The link text that opens the section.
    pub fn label(self) -> &'static str {
        match self {
            Topic::ImageTypes => "About image types",
            Topic::Snapshots => "Images and snapshots",
            Topic::Importing => "Importing an image",
            Topic::ImageBuilder => "About Image Builder",
        }
    }
}

/// The official image overview this guide summarises.
pub const IMAGE_OVERVIEW_URL: &str =
    "https://www.alibabacloud.com/help/en/ecs/user-guide/image-overview";

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
    /// The level as a short label.
    pub fn label(self) -> &'static str {
        match self {
            Trust::Lowest => "lowest",
            Trust::Medium => "medium",
            Trust::MediumHigh => "medium to high",
            Trust::High => "high",
            Trust::Highest => "highest",
        }
    }
}

/// One image type: its origin, trust, support and reach.
#[derive(Debug, PartialEq)]
pub struct ImageTypeGuide {
    /// The type described.
    pub kind: ImageType,
    /// Display title ("Public image").
    pub title: &'static str,
    /// Who makes the image and how.
    pub origin: &'static str,
    /// How far it can be trusted.
    pub trust: Trust,
    /// Who helps when something is wrong with it.
    pub support: &'static str,
    /// The regions where it can be used.
    pub availability: &'static str,
    /// The official page behind these facts.
    pub doc_url: &'static str,
}

static PUBLIC: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Public,
    title: "Public image",
    origin: "Published by Alibaba Cloud itself: operating systems it licenses, tests for security and keeps patched.",
    trust: Trust::Highest,
    support: "Alibaba Cloud for Alibaba Cloud Linux; the OS community, helped by Alibaba Cloud, for open-source systems; Alibaba Cloud together with the vendor for commercial systems. Support stops at the OS's end of life.",
    availability: "Every region.",
    doc_url: IMAGE_OVERVIEW_URL,
};

static CUSTOM: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Custom,
    title: "Custom image",
    origin: "Made by your account from one of its instances or snapshots, or imported from elsewhere.",
    trust: Trust::High,
    support: "As for the public image it was built from; none for an imported open-source system; Alibaba Cloud with the vendor for an imported commercial system licensed through Alibaba Cloud.",
    availability: "Only the region where it was created or imported; copy it to reach other regions.",
    doc_url: IMAGE_OVERVIEW_URL,
};

static SHARED: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Shared,
    title: "Shared image",
    origin: "A custom image another Alibaba Cloud account has shared with yours.",
    trust: Trust::Medium,
    support: "The account that shared it; Alibaba Cloud does not support it.",
    availability: "Only the region of the original image; you cannot copy it to another region or share it on.",
    doc_url: IMAGE_OVERVIEW_URL,
};

static MARKETPLACE: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Marketplace,
    title: "Alibaba Cloud Marketplace image",
    origin: "An operating system with software already installed, offered by Alibaba Cloud or an independent software vendor and checked for security and stability.",
    trust: Trust::MediumHigh,
    support: "Alibaba Cloud for its own images, as for public images; the vendor for vendor images.",
    availability: "Only the regions where the product was released.",
    doc_url: IMAGE_OVERVIEW_URL,
};

static COMMUNITY: ImageTypeGuide = ImageTypeGuide {
    kind: ImageType::Community,
    title: "Community image",
    origin: "Published for everyone by an Alibaba Cloud user.",
    trust: Trust::Lowest,
    support: "None from Alibaba Cloud: check what is inside before you rely on it.",
    availability:
        "Only the regions where it was released; it cannot be copied, shared or exported.",
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
    pub label: &'static str,
    /// The image type to start from.
    pub kind: ImageType,
    /// One line on why.
    pub why: &'static str,
    /// The official page behind the advice.
    pub doc_url: &'static str,
}

static RECOMMENDATIONS: [Recommendation; 3] = [
    Recommendation {
        need: Need::CleanOs,
        label: "A clean operating system",
        kind: ImageType::Public,
        why: "Public images carry only the OS, kept current by Alibaba Cloud and present in every region.",
        doc_url: IMAGE_OVERVIEW_URL,
    },
    Recommendation {
        need: Need::OwnSetup,
        label: "My own software and settings",
        kind: ImageType::Custom,
        why: "A custom image captures a configured instance once, so every launch starts from the same state.",
        doc_url: IMAGE_OVERVIEW_URL,
    },
    Recommendation {
        need: Need::ApplicationStack,
        label: "A ready application stack",
        kind: ImageType::Marketplace,
        why: "Marketplace images ship the stack preinstalled and tested; check the price and the released regions.",
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
    pub best_for: &'static str,
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
        best_for: "Windows applications, enterprise web services, SQL Server, file and print services. Licence fees apply.",
        recommended_for_new: true,
        license_fee: true,
        doc_url: IMAGE_OVERVIEW_URL,
    },
    OsGuide {
        family: "Alibaba Cloud Linux",
        os_prefix: "Alibaba Cloud Linux",
        best_for: "Workloads that expect a CentOS-like system, tuned by Alibaba Cloud for its own platform.",
        recommended_for_new: true,
        license_fee: false,
        doc_url: IMAGE_OVERVIEW_URL,
    },
    OsGuide {
        family: "Anolis OS",
        os_prefix: "Anolis OS",
        best_for: "Open-source workloads on a community-run distribution.",
        recommended_for_new: true,
        license_fee: false,
        doc_url: IMAGE_OVERVIEW_URL,
    },
    OsGuide {
        family: "CentOS",
        os_prefix: "CentOS",
        best_for: "Keeping legacy systems running only: CentOS is no longer maintained, so pick another OS for anything new.",
        recommended_for_new: false,
        license_fee: false,
        doc_url: IMAGE_OVERVIEW_URL,
    },
    OsGuide {
        family: "Red Hat Enterprise Linux",
        os_prefix: "Red Hat Enterprise Linux",
        best_for: "Enterprise applications that need Red Hat's support. Licence fees apply.",
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
pub const IMPORT_IMAGE_URL: &str =
    "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-importimage";

/// Uploading image files to OSS, and the RAM permissions it needs.
pub const UPLOAD_TO_OSS_URL: &str =
    "https://www.alibabacloud.com/help/en/ecs/user-guide/upload-image-files-to-oss";

/// One step of preparing an import, with why it matters.
#[derive(Debug, PartialEq)]
pub struct ImportStep {
    /// What to do.
    pub title: &'static str,
    /// How, and what goes wrong without it.
    pub detail: &'static str,
}

/// Before an ImportImage: the RAM role ECS reads the bucket with, and what the image file must
/// hold so that instances start (the ImportImage reference and the OSS upload guide).
pub static IMPORT_STEPS: [ImportStep; 6] = [
    ImportStep {
        title: "Let ECS read the bucket (RAM role)",
        detail: "ECS reads the file with the RAM role AliyunECSImageImportDefaultRole, exactly that name: create it with a trust policy for the service ecs.aliyuncs.com and attach the system policy AliyunECSImageImportRolePolicy (oss:GetObject, oss:GetBucketLocation, oss:GetBucketInfo), or authorise it in one click on the RAM console's Cloud Resource Access Authorization page. Without it ImportImage fails with NoSetRoletoECSServiceAccount. A RAM user who calls ImportImage also needs to read the bucket.",
    },
    ImportStep {
        title: "Upload the file to a bucket in the import region",
        detail: "ImportImage reads only buckets of the region it imports into (import-oss-region). Upload with ossutil or the console; a large file is best sent as a multipart upload.",
    },
    ImportStep {
        title: "Install the virtio drivers",
        detail: "Instances attach disks and network over virtio. A Linux image needs virtio_blk and virtio_net in its initramfs (check with lsinitrd or lsinitramfs; rebuild with dracut or update-initramfs); a Windows image needs the virtio drivers installed before it is exported. Without them the instance does not find its system disk.",
    },
    ImportStep {
        title: "Add the NVMe driver for NVMe-only types",
        detail: "Types such as g8i, g8y and g9i attach disks over NVMe only. Put the nvme module in the initramfs, then import with nvme: supported (Features.NvmeSupport); ImportImage takes an image as NVMe-unsupported otherwise, and CopyImage drops the flag again (copy-features-not-carried).",
    },
    ImportStep {
        title: "Install cloud-init (Linux)",
        detail: "cloud-init applies the host name, the password or key pair and the user data of each new instance; without it the instance keeps the settings of the machine the image came from.",
    },
    ImportStep {
        title: "Pick the format, boot mode and licence",
        detail: "QCOW2, VHD or RAW (VMDK only in preview); a system disk not smaller than the file and at most 2048 GiB; UEFI for arm64 images; a LicenseType (Aliyun or BYOL) for Windows. Remove fstab entries of disks the instance will not have, and let the network come up by DHCP.",
    },
];

/// One way an image differs from a snapshot.
#[derive(Debug, PartialEq)]
pub struct Contrast {
    /// What is compared.
    pub aspect: &'static str,
    /// How an image behaves.
    pub image: &'static str,
    /// How a snapshot behaves.
    pub snapshot: &'static str,
}

/// Images against snapshots, point by point.
pub static IMAGES_VS_SNAPSHOTS: [Contrast; 5] = [
    Contrast {
        aspect: "What it holds",
        image: "A whole instance: OS, settings, installed software and data.",
        snapshot: "One cloud disk (or a consistent group of disks) at one moment.",
    },
    Contrast {
        aspect: "Launches an instance",
        image: "Yes, directly.",
        snapshot: "No: create a custom image from it first.",
    },
    Contrast {
        aspect: "Disks covered",
        image: "Always the system disk, data disks if you choose.",
        snapshot: "Each disk on its own.",
    },
    Contrast {
        aspect: "Restores",
        image: "A system disk (of this or another instance), or new instances.",
        snapshot: "The data of the disk it was taken from.",
    },
    Contrast {
        aspect: "Typical use",
        image:
            "Batch deployment, moving instances across regions or zones, copying an environment.",
        snapshot: "Scheduled backups, a safety copy before changes, moving disk data.",
    },
];

/// What to do when a plan tries to launch from a snapshot.
pub const SNAPSHOT_LAUNCH_HELP: &str = "A snapshot cannot launch an instance. Create a custom image from the system disk snapshot (CreateImage with SnapshotId), then launch from that image.";

/// How images and snapshots depend on each other, in the order a planner meets them.
pub static IMAGE_SNAPSHOT_LINKS: [&str; 4] = [
    "Creating a custom image from an instance takes a snapshot of the system disk and of each data disk; together they make up the image.",
    "Creating a custom image from a snapshot uses that snapshot alone.",
    "Deleting a custom image lets you keep or delete its snapshots.",
    "A snapshot that backs an image can only be deleted after the image is deleted.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_import_guide_names_the_role_and_the_drivers() {
        let text: String = IMPORT_STEPS.iter().map(|s| s.detail).collect();
        for needed in [
            "AliyunECSImageImportDefaultRole",
            "virtio",
            "nvme",
            "cloud-init",
        ] {
            assert!(text.contains(needed), "{needed}");
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
            .find(|c| c.aspect == "Launches an instance")
            .expect("the launch contrast");
        assert!(launch.snapshot.starts_with("No"));
        assert!(SNAPSHOT_LAUNCH_HELP.contains("CreateImage"));
    }
}
