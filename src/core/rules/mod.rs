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

/// Declares a module's rules once: each entry becomes a `pub static`, and the module's
/// `RULES` lists them in the order written, for the registry ([`all`]). Entries are [`Rule`]s;
/// with `launch` they are [`launch::LaunchRule`]s, whose `rule` is listed.
macro_rules! declare_rules {
    ($( $(#[$meta:meta])* $name:ident = $value:expr; )*) => {
        $( $(#[$meta])* pub static $name: $crate::core::rules::Rule = $value; )*
        /// This module's rules, in contract order.
        pub(crate) static RULES: &[&$crate::core::rules::Rule] = &[$(&$name),*];
    };
    (launch: $( $(#[$meta:meta])* $name:ident = $value:expr; )*) => {
        $( $(#[$meta])* pub static $name: LaunchRule = $value; )*
        /// This module's rules, in contract order.
        pub(crate) static RULES: &[&$crate::core::rules::Rule] = &[$(&$name.rule),*];
        /// The pure launch rules, in contract order, as [`launch_violations`] runs them.
        pub static LAUNCH_RULES: &[&LaunchRule] = &[$(&$name),*];
    };
}

pub mod copy;
pub mod create;
pub mod delete;
pub mod export;
pub mod family;
pub mod import;
pub mod launch;
pub mod modify;
pub mod pipeline;
pub mod reference;
pub mod share;

use serde::Serialize;

use super::catalog::Catalog;
use super::date::Date;
use super::fix::Fix;
use super::guide::Topic;
use super::i18n::{Lang, Term, Text};
use super::ledger::Ledger;
use super::model::{given, Plan};
use super::report::{Finding, Severity};
use super::resolve::Resolver;

/// One rule of the contract: everything about it but the condition, which its area's check
/// holds next to the entry.
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
    /// The section of the planner's guide that explains the background, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
}

impl Rule {
    /// A finding of this rule at `path`.
    /// Message and help are [`Text`]s, written in every language with [`tr!`].
    pub fn finding(&self, path: String, message: Text, help: Text) -> Finding {
        Finding {
            code: self.code,
            severity: self.severity,
            path,
            message: message.into_string(),
            help: help.into_string(),
            doc: self.doc,
            fix: None,
            evidence: Vec::new(),
        }
    }

    /// A finding of this rule at `path` that a mechanical edit resolves.
    pub fn finding_with_fix(
        &self,
        path: String,
        message: Text,
        help: Text,
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
    /// CreateImagePipeline: Image Builder's base images, limits and billing.
    pub const IMAGE_PIPELINE: &str = "https://www.alibabacloud.com/help/en/doc-detail/200427.html";
    /// Updating a custom image with the OOS public template ACS-ECS-UpdateImage.
    pub const UPDATE_IMAGE: &str = "https://www.alibabacloud.com/help/en/oos/use-cases/use-oos-to-create-or-update-a-custom-image";
    /// Deleting snapshots and the images built on them.
    pub const DELETE_SNAPSHOT: &str =
        "https://www.alibabacloud.com/help/en/ecs/user-guide/delete-a-snapshot-1";

    /// The Chinese page (help.aliyun.com/zh) of an English documentation page above, where
    /// one is known; the others stay English.
    pub fn zh(doc: &str) -> Option<&'static str> {
        Some(match doc {
            IMAGE_OVERVIEW => "https://help.aliyun.com/zh/ecs/user-guide/image-overview",
            LIMITS => "https://help.aliyun.com/zh/ecs/user-guide/limitations",
            RUN_INSTANCES => zh_api::RUN_INSTANCES,
            REGIONS => zh_api::REGIONS,
            COPY_IMAGE => zh_api::COPY_IMAGE,
            SHARE_IMAGE => zh_api::SHARE_IMAGE,
            EXPORT_IMAGE => zh_api::EXPORT_IMAGE,
            IMPORT_IMAGE => zh_api::IMPORT_IMAGE,
            _ => return None,
        })
    }

    /// The API reference pages in Chinese.
    mod zh_api {
        pub const RUN_INSTANCES: &str =
            "https://help.aliyun.com/zh/ecs/developer-reference/api-ecs-2014-05-26-runinstances";
        pub const REGIONS: &str =
            "https://help.aliyun.com/zh/ecs/developer-reference/api-ecs-2014-05-26-describeregions";
        pub const COPY_IMAGE: &str =
            "https://help.aliyun.com/zh/ecs/developer-reference/api-ecs-2014-05-26-copyimage";
        pub const SHARE_IMAGE: &str = "https://help.aliyun.com/zh/ecs/developer-reference/api-ecs-2014-05-26-modifyimagesharepermission";
        pub const EXPORT_IMAGE: &str =
            "https://help.aliyun.com/zh/ecs/developer-reference/api-ecs-2014-05-26-exportimage";
        pub const IMPORT_IMAGE: &str =
            "https://help.aliyun.com/zh/ecs/developer-reference/api-ecs-2014-05-26-importimage";
    }

    /// The documentation page for a reader of `lang`: the Chinese page where there is one.
    pub fn localized(doc: &'static str, lang: crate::core::i18n::Lang) -> &'static str {
        match lang {
            crate::core::i18n::Lang::En => doc,
            crate::core::i18n::Lang::ZhCn => zh(doc).unwrap_or(doc),
        }
    }
}

/// Every area's rules, in the contract's order. Each module declares its rules once with
/// [`declare_rules!`], which also lists them here: a new rule is one entry in its module.
const AREAS: [&[&Rule]; 11] = [
    reference::RULES,
    launch::RULES,
    copy::RULES,
    create::RULES,
    share::RULES,
    export::RULES,
    delete::RULES,
    family::RULES,
    import::RULES,
    modify::RULES,
    pipeline::RULES,
];

/// Every rule, in the contract's order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    AREAS.iter().flat_map(|area| area.iter().copied())
}

/// The rule table of the project's contract page (`docs/contract.md`), one row per rule in
/// registry order: code, severity, what it checks, the documentation behind it. Generated, so
/// the page cannot drift from the registry (`tests/docs.rs` compares them).
pub fn markdown_table() -> String {
    let mut table = String::from("| code | severity | when | doc |\n|---|---|---|---|\n");
    for rule in all() {
        table.push_str(&format!(
            "| `{}` | {} | {} | [doc]({}) |\n",
            rule.code,
            rule.severity.as_str(),
            rule.summary.replace('|', "\\|"),
            rule.doc
        ));
    }
    table
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    all().find(|rule| rule.code == code)
}

/// What every area's checks read: the plan, the catalog it sees, the resolver, the quota
/// ledger and the date.
pub struct Context<'a> {
    /// The plan being checked.
    pub plan: &'a Plan,
    /// The built-in catalog merged with the plan's own images and types.
    pub catalog: &'a Catalog,
    /// Where each referenced image is, after planned creates and copies.
    pub resolver: &'a Resolver<'a>,
    /// Quota usage as the plan goes, counted once for the rules and the page's gauges.
    pub ledger: &'a Ledger,
    /// The date lifecycle rules use.
    pub as_of: Date,
    /// The language of every finding's message and help.
    pub lang: Lang,
}

impl Context<'_> {
    /// The value of a field an API call needs: the given text, or a `value-missing` finding at
    /// `path` naming the field (`what`, in words) and the API parameter `param` of `api` it
    /// feeds.
    pub fn require<'v>(
        &self,
        value: &'v Option<String>,
        path: &str,
        what: Term,
        api: &str,
        param: &str,
        out: &mut Vec<Finding>,
    ) -> Option<&'v str> {
        let value = given(value);
        if value.is_none() {
            out.push(reference::missing(
                self.lang,
                path,
                what.text(self.lang),
                api,
                param,
            ));
        }
        value
    }

    /// A `region-unknown` finding when `region` is not in the catalog.
    pub fn check_region(&self, region: &str, path: &str, out: &mut Vec<Finding>) -> bool {
        reference::check_region(self, region, path, out)
    }

    /// A `region-unknown` or `region-closed` finding when no API call can run in `region`.
    pub fn check_region_open(&self, region: &str, path: &str, out: &mut Vec<Finding>) -> bool {
        reference::check_region_open(self, region, path, out)
    }

    /// An `image-not-found` finding when no catalog image, plan image or create has this ID.
    pub fn check_image_known(&self, image: &str, path: &str, out: &mut Vec<Finding>) -> bool {
        reference::check_image_known(self, image, path, out)
    }
}

/// Every finding of a plan, in plan order: top level, creates, imports, pipelines, updates,
/// copies, modifies, shares, exports, launches, deletes.
pub fn check_all(ctx: &Context, out: &mut Vec<Finding>) {
    reference::check_plan_entries(ctx, out);
    create::check_top_level(ctx, out);
    family::check_family_names(ctx, out);
    create::check_creates_and_copies(ctx, out);
    modify::check(ctx, out);
    share::check(ctx, out);
    export::check(ctx, out);
    launch::check(ctx, out);
    delete::check(ctx, out);
}
