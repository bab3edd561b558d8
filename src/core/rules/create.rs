//! Rules on the custom images a plan makes (CreateImage and CopyImage results): names and the
//! per-region quota, counted in plan order. Also the top-level region references.

use std::collections::{HashMap, HashSet};

use super::{copy, docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::item::Item;
use crate::core::ledger::Made;
use crate::core::model::ImageType;
use crate::core::report::{Finding, Severity};

declare_rules! {
    /// `image-name-invalid`.
    IMAGE_NAME_INVALID = Rule {
        code: "image-name-invalid",
        severity: Severity::Error,
        summary: "a create or copy name breaking the ECS image name rules",
        doc: docs::COPY_IMAGE,
        topic: None,
    };
    /// `image-name-duplicate`.
    IMAGE_NAME_DUPLICATE = Rule {
        code: "image-name-duplicate",
        severity: Severity::Error,
        summary: "a name already used by another custom image in that region",
        doc: docs::COPY_IMAGE,
        topic: None,
    };
    /// `custom-image-quota`.
    CUSTOM_IMAGE_QUOTA = Rule {
        code: "custom-image-quota",
        severity: Severity::Error,
        summary: "a create or copy that takes a region past custom_images_per_region",
        doc: docs::IMAGE_OVERVIEW,
        topic: None,
    };
}

/// Why `name` breaks the ECS image name rules (2-128 characters, starts with a letter, letters,
/// digits and `.:_-`, not starting with `acs:` or `aliyun`, no `http://` or `https://`), or
/// `None` when it is valid. Letters include non-ASCII letters (Chinese names are allowed).
pub fn name_problem(name: &str) -> Option<String> {
    let chars = name.chars().count();
    if !(2..=128).contains(&chars) {
        return Some(format!("it has {chars} characters; names have 2 to 128"));
    }
    if !name.chars().next().is_some_and(char::is_alphabetic) {
        return Some("it must start with a letter".into());
    }
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("acs:") || lower.starts_with("aliyun") {
        return Some("it must not start with \"acs:\" or \"aliyun\"".into());
    }
    if lower.contains("http://") || lower.contains("https://") {
        return Some("it must not contain \"http://\" or \"https://\"".into());
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '.' | ':' | '_' | '-')))
    {
        return Some(format!(
            "it contains '{bad}'; names hold letters, digits and . : _ - only"
        ));
    }
    None
}

/// A valid name close to `name` that is not in `taken`.
pub fn propose_name(name: &str, taken: &HashSet<String>) -> String {
    let mut base: String = name
        .replace("https://", "")
        .replace("http://", "")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | ':' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let lower = base.to_ascii_lowercase();
    for prefix in ["acs:", "aliyun"] {
        if lower.starts_with(prefix) {
            base = format!(
                "img-{}",
                base[prefix.len()..].trim_start_matches(['-', '_', '.', ':'])
            );
        }
    }
    if !base.chars().next().is_some_and(char::is_alphabetic) {
        base = format!("img-{base}");
    }
    base = base.chars().take(120).collect();
    if base.chars().count() < 2 {
        base.push_str("-image");
    }
    if name_problem(&base).is_some() {
        base = "image".into();
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// Region references at the top level of the plan: `custom_image_usage` keys and the regions
/// of the plan's own images.
pub(crate) fn check_top_level(ctx: &Context, out: &mut Vec<Finding>) {
    for region in ctx.plan.custom_image_usage.keys() {
        let key = region.replace('~', "~0").replace('/', "~1");
        ctx.check_region(region, &format!("/custom_image_usage/{key}"), out);
    }
    for (n, image) in ctx.plan.images.iter().enumerate() {
        for (m, region) in image.regions.iter().flatten().enumerate() {
            ctx.check_region(region, &format!("/images/{n}/regions/{m}"), out);
        }
    }
}

/// Custom image names per region as the plan goes: existing names, then each create, update
/// and copy.
pub(crate) struct Names<'a> {
    ctx: &'a Context<'a>,
    names: HashMap<String, HashSet<String>>,
}

impl Names<'_> {
    fn names_in(&mut self, region: &str) -> &mut HashSet<String> {
        let catalog = self.ctx.catalog;
        self.names.entry(region.to_string()).or_insert_with(|| {
            catalog
                .images
                .iter()
                .filter(|image| {
                    image.kind == ImageType::Custom
                        && image
                            .regions
                            .as_ref()
                            .is_some_and(|r| r.iter().any(|r| r == region))
                })
                .filter_map(|image| image.name.clone())
                .collect()
        })
    }

    /// Checks the name of one new custom image in `region` at `name_at`, then records it.
    /// `rename` is the fix that gives the item another name, where there is one.
    pub(crate) fn add(
        &mut self,
        region: &str,
        name: Option<&str>,
        name_at: &str,
        rename: impl Fn(String) -> Option<Fix>,
        out: &mut Vec<Finding>,
    ) {
        let Some(name) = name else { return };
        if let Some(problem) = name_problem(name) {
            let proposal = propose_name(name, self.names_in(region));
            out.push(IMAGE_NAME_INVALID.finding_with_fix(
                name_at.to_string(),
                format!("image name \"{name}\" is not valid: {problem}"),
                format!("rename it, e.g. \"{proposal}\""),
                rename(proposal),
            ));
        } else if self.names_in(region).contains(name) {
            let proposal = propose_name(name, self.names_in(region));
            out.push(IMAGE_NAME_DUPLICATE.finding_with_fix(
                name_at.to_string(),
                format!("a custom image named \"{name}\" already exists in {region}"),
                format!("give this image another name, e.g. \"{proposal}\""),
                rename(proposal),
            ));
        }
        self.names_in(region).insert(name.to_string());
    }
}

/// A `custom-image-quota` finding when the image `item` makes takes its region past the quota
/// ([`crate::core::ledger::Ledger`] counts them).
fn check_quota(ctx: &Context, item: Item, out: &mut Vec<Finding>) {
    check_quota_at(ctx, ctx.ledger.made_by(item), item.to_string(), out);
}

/// A `custom-image-quota` finding at `path` when `made` (if it counts) takes its region past
/// the quota.
pub(crate) fn check_quota_at(
    ctx: &Context,
    made: Option<&Made>,
    path: String,
    out: &mut Vec<Finding>,
) {
    let Some(made) = made else {
        return;
    };
    let quota = ctx.ledger.custom_image_quota;
    let (total, region, existing, planned) =
        (made.total(), &made.region, made.existing, made.planned);
    if total <= quota {
        return;
    }
    let (message, help) = if total - 1 <= quota {
        (
            format!("{region} holds {existing} custom image(s) and the plan adds {planned} up to here: {total} is over the quota of {quota}"),
            "raise q_user-image-count in Quota Center and enter the new quota here, delete unused images first, or plan fewer images in this region",
        )
    } else {
        (
            format!("{region} is already past its quota of {quota} custom images; this adds image number {total}"),
            "raise the quota or plan fewer images in this region",
        )
    };
    out.push(CUSTOM_IMAGE_QUOTA.finding(path, message, help.into()));
}

/// Creates, imports, pipelines, updates, then copies, in plan order: each item's own rules, its
/// name, and the quota.
pub(crate) fn check_creates_and_copies(ctx: &Context, out: &mut Vec<Finding>) {
    let mut names = Names {
        ctx,
        names: HashMap::new(),
    };
    for (n, create) in ctx.plan.creates.iter().enumerate() {
        let at = format!("/creates/{n}");
        if create.image.id.trim().is_empty() {
            out.push(missing_id(n));
        }
        if let Some(source) = ctx.require(
            &create.source,
            &format!("{at}/source"),
            "instance or snapshot to create the image from",
            "CreateImage",
            "InstanceId or SnapshotId",
            out,
        ) {
            if create.source_kind().is_none() {
                out.push(super::reference::missing(
                    &format!("{at}/from"),
                    &format!("kind of source (instance or snapshot) for {source}"),
                    "CreateImage",
                    "InstanceId or SnapshotId",
                ));
            }
        }
        let region = create.image.regions.as_ref().and_then(|r| r.first());
        let Some(region) = region.filter(|r| !r.trim().is_empty()) else {
            out.push(super::reference::missing(
                &format!("{at}/image/regions"),
                "region",
                "CreateImage",
                "RegionId",
            ));
            continue;
        };
        if !ctx.check_region_open(region, &format!("{at}/image/regions/0"), out) {
            continue;
        }
        names.add(
            region,
            create.image.name.as_deref(),
            &format!("{at}/image/name"),
            |name| Some(Fix::RenameCreate { create: n, name }),
            out,
        );
        check_quota(ctx, Item::Create(n), out);
    }
    for (n, import) in ctx.plan.imports.iter().enumerate() {
        let at = format!("/imports/{n}");
        super::import::check_import(ctx, n, out);
        let region = import.image.regions.as_ref().and_then(|r| r.first());
        let Some(region) = region.filter(|r| !r.trim().is_empty()) else {
            out.push(super::reference::missing(
                &format!("{at}/image/regions"),
                "region to import into",
                "ImportImage",
                "RegionId",
            ));
            continue;
        };
        if !ctx.check_region(region, &format!("{at}/image/regions/0"), out) {
            continue;
        }
        names.add(
            region,
            import.image.name.as_deref(),
            &format!("{at}/image/name"),
            |name| Some(Fix::RenameImport { import: n, name }),
            out,
        );
        check_quota(ctx, Item::Import(n), out);
    }
    super::pipeline::check_pipelines(ctx, out);
    super::pipeline::check_updates(ctx, &mut names, out);
    for (n, item) in ctx.plan.copies.iter().enumerate() {
        let Some((_, to)) = copy::check_copy(ctx, n, out) else {
            continue;
        };
        super::modify::check_copy_features(ctx, n, out);
        names.add(
            to,
            item.name.as_deref(),
            &format!("/copies/{n}/name"),
            |name| Some(Fix::RenameCopy { copy: n, name }),
            out,
        );
        check_quota(ctx, Item::Copy(n), out);
    }
}

/// A create whose image has no ID: later items cannot name what it makes.
fn missing_id(n: usize) -> Finding {
    super::reference::VALUE_MISSING.finding(
        format!("/creates/{n}/image/id"),
        format!("create #{n} gives its image no ID, so no launch, copy or share can name it"),
        "fill in an ID for the new image; the plan refers to the created image by it".into(),
    )
}
