//! The rule registry: every rule code of the contract (§2), its severity, a one-line summary and
//! the official documentation behind it. Each rule is defined next to its check, grouped by
//! area; [`all`] lists them in contract order.
//!
//! Where the contract is silent, the rules decide as follows:
//! - An encrypted image without `key` is taken to use the ECS service key (the default of
//!   `Encrypted` without `KMSKeyId`), so sharing it is `share-encrypted-service-key`.
//! - A copy of a shared image within its own region is not `copy-same-region`: it is how the
//!   account gets its own copy.
//! - `custom-image-quota` is raised on every create or copy past the quota, not only the first.
//! - New accounts of several shares of one image add up for `share-quota-exceeded`; accounts
//!   already in `shared_with` are not counted twice.
//! - A create without `image.regions` is `region-unknown` (CreateImage needs a region).
//! - Deleting an image the plan does not know is `image-not-found`, since its shares and
//!   snapshots cannot be checked.
//! - A copy result (`${copy-0.ImageId}`) cannot be copied again; copies read from images that
//!   exist or that creates make.

pub mod copy;
pub mod create;
pub mod delete;
pub mod export;
pub mod family;
pub mod import;
pub mod launch;
pub mod modify;
pub mod share;

use serde::Serialize;

use super::catalog::Catalog;
use super::date::Date;
use super::fix::Fix;
use super::model::Plan;
use super::report::{Finding, Severity};
use super::resolve::Resolver;

/// One rule of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The contract's rule code (`arch-mismatch`).
    pub code: &'static str,
    /// The contract's severity for the code.
    pub severity: Severity,
    /// What the rule checks, in one line.
    pub summary: &'static str,
    /// The Alibaba Cloud documentation page the rule comes from.
    pub doc: &'static str,
}

impl Rule {
    /// A finding of this rule at `path`.
    pub fn finding(&self, path: String, message: String, help: String) -> Finding {
        Finding {
            code: self.code,
            severity: self.severity,
            path,
            message,
            help,
            doc: self.doc,
            fix: None,
        }
    }

    /// A finding of this rule at `path` that a mechanical edit resolves.
    pub fn finding_with_fix(
        &self,
        path: String,
        message: String,
        help: String,
        fix: Option<Fix>,
    ) -> Finding {
        Finding {
            fix,
            ..self.finding(path, message, help)
        }
    }
}

/// Official documentation pages the rules cite.
pub mod docs {
    /// Image overview: types, regions, limits.
    pub const IMAGE_OVERVIEW: &str =
        "https://www.alibabacloud.com/help/en/ecs/user-guide/image-overview";
    /// ECS limits: system disk sizes, 32-bit images.
    pub const LIMITS: &str = "https://www.alibabacloud.com/help/en/ecs/user-guide/limitations";
    /// Instance and image boot modes.
    pub const BOOT_MODE: &str =
        "https://www.alibabacloud.com/help/en/ecs/user-guide/instance-startup-mode";
    /// NVMe disks and the images they need.
    pub const NVME: &str = "https://www.alibabacloud.com/help/en/elastic-compute-service/latest/overview-of-disks-that-support-nvme";
    /// RunInstances: Amount, SystemDisk.Size.
    pub const RUN_INSTANCES: &str = "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-runinstances";
    /// DescribeRegions: the region IDs.
    pub const REGIONS: &str =
        "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-regions-describeregions";
    /// CopyImage.
    pub const COPY_IMAGE: &str =
        "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-copyimage";
    /// ModifyImageSharePermission.
    pub const SHARE_IMAGE: &str = "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-modifyimagesharepermission";
    /// Sharing and unsharing custom images (user guide).
    pub const SHARE_GUIDE: &str = "https://www.alibabacloud.com/help/en/elastic-compute-service/latest/share-or-unshare-a-custom-image";
    /// ExportImage.
    pub const EXPORT_IMAGE: &str = "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-exportimage";
    /// Exporting a custom image (user guide).
    pub const EXPORT_GUIDE: &str =
        "https://www.alibabacloud.com/help/en/elastic-compute-service/latest/export-a-custom-image";
    /// End of life of operating systems.
    pub const EOL: &str = "https://www.alibabacloud.com/help/en/ecs/user-guide/eol-overview";
    /// Community images.
    pub const COMMUNITY: &str = "https://www.alibabacloud.com/help/en/elastic-compute-service/latest/publish-a-community-image";
    /// ImportImage.
    pub const IMPORT_IMAGE: &str = "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-importimage";
    /// ModifyImageAttribute.
    pub const MODIFY_IMAGE: &str = "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-modifyimageattribute";
    /// Image families.
    pub const IMAGE_FAMILY: &str =
        "https://www.alibabacloud.com/help/en/elastic-compute-service/latest/image-family-overview";
    /// DescribeImageSupportInstanceTypes.
    pub const IMAGE_SUPPORT_TYPES: &str = "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-describeimagesupportinstancetypes";
    /// Deleting snapshots and the images built on them.
    pub const DELETE_SNAPSHOT: &str =
        "https://www.alibabacloud.com/help/en/ecs/user-guide/delete-a-snapshot-1";
}

static ALL: [Rule; 63] = [
    launch::REGION_UNKNOWN,
    launch::IMAGE_NOT_FOUND,
    launch::INSTANCE_TYPE_NOT_FOUND,
    launch::LAUNCH_FROM_SNAPSHOT,
    launch::IMAGE_REGION_MISMATCH,
    launch::IMAGE_NOT_RELEASED_IN_REGION,
    launch::INSTANCE_TYPE_NOT_IN_REGION,
    launch::ARCH_MISMATCH,
    launch::ARCH_32BIT_MEMORY,
    launch::WINDOWS_32BIT_CPU,
    launch::WINDOWS_MIN_MEMORY,
    launch::BOOT_MODE_MISMATCH,
    launch::NVME_UNSUPPORTED,
    launch::SYSTEM_DISK_TOO_SMALL,
    launch::SYSTEM_DISK_TOO_LARGE,
    launch::AMOUNT_OUT_OF_RANGE,
    launch::IMAGE_EOL,
    launch::IMAGE_DEPRECATED,
    launch::LICENSE_FEE,
    launch::COMMUNITY_IMAGE_UNSUPPORTED,
    copy::COPY_NOT_CUSTOM,
    copy::COPY_SHARED_CROSS_REGION,
    copy::COPY_DEPRECATED,
    copy::COPY_SAME_REGION,
    copy::COPY_ENCRYPTED_TO_PLAIN,
    copy::COPY_KMS_WITHOUT_ENCRYPTION,
    copy::COPY_MARKETPLACE_NOT_PUBLISHED,
    copy::COPY_LARGE_IMAGE,
    create::IMAGE_NAME_INVALID,
    create::IMAGE_NAME_DUPLICATE,
    create::CUSTOM_IMAGE_QUOTA,
    share::SHARE_NOT_CUSTOM,
    share::SHARE_CROSS_REGION,
    share::SHARE_QUOTA_EXCEEDED,
    share::SHARE_SELF,
    share::SHARE_ACCOUNT_INVALID,
    share::SHARE_ENCRYPTED_SERVICE_KEY,
    share::SHARE_MARKETPLACE_DERIVED,
    share::SHARE_DEPRECATED,
    export::EXPORT_NOT_CUSTOM,
    export::EXPORT_WINDOWS,
    export::EXPORT_MARKETPLACE_DERIVED,
    export::EXPORT_BUCKET_REGION,
    export::EXPORT_DATA_DISKS,
    delete::SNAPSHOT_IN_USE,
    delete::IMAGE_SHARED_DELETE,
    family::LAUNCH_IMAGE_AND_FAMILY,
    family::IMAGE_FAMILY_EMPTY,
    family::IMAGE_FAMILY_INVALID,
    family::IMAGE_SUPERSEDED,
    family::IMAGE_TYPE_RESTRICTED,
    import::IMPORT_OSS_REGION,
    import::IMPORT_FORMAT_UNSUPPORTED,
    import::IMPORT_FORMAT_PREVIEW,
    import::IMPORT_ARM64_BOOT_MODE,
    import::IMPORT_WINDOWS_LICENSE,
    import::IMPORT_DISK_SIZE,
    import::IMPORT_DISTRIBUTION_UNKNOWN,
    modify::MODIFY_NOT_CUSTOM,
    modify::MODIFY_DEPRECATE_SHARED,
    modify::MODIFY_NOTHING,
    modify::MODIFY_NVME_DRIVER,
    modify::COPY_FEATURES_NOT_CARRIED,
];

/// Every rule, in the contract's order.
pub fn all() -> &'static [Rule] {
    &ALL
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    ALL.iter().find(|rule| rule.code == code)
}

/// What every area's checks read: the plan, the catalog it sees, the resolver and the date.
pub struct Context<'a> {
    /// The plan being checked.
    pub plan: &'a Plan,
    /// The built-in catalog merged with the plan's own images and types.
    pub catalog: &'a Catalog,
    /// Where each referenced image is, after planned creates and copies.
    pub resolver: &'a Resolver<'a>,
    /// The date lifecycle rules use.
    pub as_of: Date,
}

impl Context<'_> {
    /// A `region-unknown` finding when `region` is not in the catalog.
    pub fn check_region(&self, region: &str, path: &str, out: &mut Vec<Finding>) -> bool {
        if self.catalog.region(region).is_some() {
            return true;
        }
        out.push(launch::REGION_UNKNOWN.finding(
            path.to_string(),
            format!("region \"{region}\" is not a region this planner knows"),
            "use a region ID such as cn-hangzhou or ap-southeast-1; `ecs-image-planner rules` and the catalog list them".into(),
        ));
        false
    }

    /// An `image-not-found` finding when no catalog image, plan image or create has this ID.
    pub fn check_image_known(&self, image: &str, path: &str, out: &mut Vec<Finding>) -> bool {
        if self.resolver.find(image).is_some() {
            return true;
        }
        out.push(launch::IMAGE_NOT_FOUND.finding(
            path.to_string(),
            format!("image \"{image}\" is neither in the catalog, nor in the plan's images, nor created by the plan"),
            "add the image to the plan's \"images\" with its attributes, or pick an image ID from the catalog".into(),
        ));
        false
    }
}

/// Every finding of a plan, in plan order: top level, creates, imports, copies, modifies,
/// shares, exports, launches, deletes.
pub fn check_all(ctx: &Context, out: &mut Vec<Finding>) {
    create::check_top_level(ctx, out);
    family::check_family_names(ctx, out);
    create::check_creates_and_copies(ctx, out);
    modify::check(ctx, out);
    share::check(ctx, out);
    export::check(ctx, out);
    launch::check(ctx, out);
    delete::check(ctx, out);
}
