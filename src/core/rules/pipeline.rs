//! Image Builder pipelines (CreateImagePipeline, StartImagePipelineExecution) and OOS image
//! updates (StartExecution of ACS-ECS-UpdateImage), CONTRACT §4.5-4.6: the base or source
//! image, the limits of the API, the build instance checked with the launch rules, and the
//! names, quotas and shares of the images they make.
//!
//! Where the contract is silent:
//! - A pipeline that names both `base_image` and `base_family` is `pipeline-base-image` (the
//!   API takes one `BaseImage`).
//! - A pipeline's `image.name` is the `ImageOptions.ImageName` prefix (2-64 characters, the
//!   image name rules otherwise): Image Builder appends `_<ExecutionId>`, so the name never
//!   clashes with another image and `image-name-duplicate` does not apply to it.
//! - `build_content` is measured in UTF-8 bytes (16 KB = 16,384 bytes) and holds at most 127
//!   commands (CreateImagePipeline: "can contain up to 127 commands"); a command is a line
//!   that is not blank, not a `#` comment and not the continuation of a line ending in `\`.
//! - The launch rules run on the base image with the build `instance_type` and a system disk
//!   of `system_disk_gib`; without `instance_type` (Image Builder then picks one) only the
//!   rules on the image, the disk and the date run.
//! - An update's source must be the account's own custom image in the update's region (the
//!   template lists `sourceImageId` from `ImageOwnerAlias: self`); its temporary instance is
//!   checked with the launch rules like a pipeline's build instance.

use super::create::{check_quota_at, name_problem, Names};
use super::launch::{
    drop_unconfirmed_when_failing, group_violations, launch_violations, Group, LaunchSubject,
    LaunchViolation,
};
use super::{docs, Context, Rule};
use crate::core::guide::Topic;
use crate::core::item::Item;
use crate::core::model::{given, Image, ImageType, InstanceType, Pipeline, SystemDisk};
use crate::core::report::{Finding, Severity};

declare_rules! {
    /// `pipeline-base-image`.
    PIPELINE_BASE_IMAGE = Rule {
        code: "pipeline-base-image",
        severity: Severity::Error,
        summary: "a pipeline's base is not a public, custom or shared image (or family) present in its region",
        doc: docs::IMAGE_PIPELINE,
        topic: Some(Topic::ImageBuilder),
    };
    /// `pipeline-limit`.
    PIPELINE_LIMIT = Rule {
        code: "pipeline-limit",
        severity: Severity::Error,
        summary: "over 20 to_regions or share_accounts, a system disk outside 20-500 GiB, or build_content over 16 KB",
        doc: docs::IMAGE_PIPELINE,
        topic: Some(Topic::ImageBuilder),
    };
    /// `update-not-custom`.
    UPDATE_NOT_CUSTOM = Rule {
        code: "update-not-custom",
        severity: Severity::Error,
        summary: "an update whose source is not an image ACS-ECS-UpdateImage can update (the account's own custom image)",
        doc: docs::UPDATE_IMAGE,
        topic: Some(Topic::ImageBuilder),
    };
}

/// `ToRegionId.N` and `AddAccount.N` take N from 1 to 20.
pub const MAX_PIPELINE_LIST: usize = 20;
/// `SystemDiskSize` of the build instance, in GiB.
pub const PIPELINE_DISK_GIB: std::ops::RangeInclusive<u32> = 20..=500;
/// `BuildContent` at most 16 KB.
pub const MAX_BUILD_CONTENT_BYTES: usize = 16 * 1024;
/// `BuildContent` holds at most 127 commands.
pub const MAX_BUILD_COMMANDS: usize = 127;
/// `ImageOptions.ImageName` (the prefix) is 2 to 64 characters long.
pub const MAX_IMAGE_NAME_PREFIX: usize = 64;
/// The OOS public template that updates an image.
pub const UPDATE_TEMPLATE: &str = "ACS-ECS-UpdateImage";

/// How many commands build content holds: lines that are not blank, not `#` comments and not
/// continuations of a line ending in `\`.
pub fn build_commands(content: &str) -> usize {
    let mut count = 0;
    let mut continued = false;
    for line in content.lines() {
        let text = line.trim();
        if !continued && !text.is_empty() && !text.starts_with('#') {
            count += 1;
        }
        continued = text.ends_with('\\');
    }
    count
}

/// Every pipeline, in plan order.
pub(crate) fn check_pipelines(ctx: &Context, out: &mut Vec<Finding>) {
    for (n, pipeline) in ctx.plan.pipelines.iter().enumerate() {
        check_pipeline(ctx, n, pipeline, out);
    }
}

fn check_pipeline(ctx: &Context, n: usize, p: &Pipeline, out: &mut Vec<Finding>) {
    let at = format!("/pipelines/{n}");
    if p.image.id.trim().is_empty() {
        out.push(
            super::reference::VALUE_MISSING.finding(
                format!("{at}/image/id"),
                format!(
                    "pipeline #{n} gives its image no ID, so no launch, copy or share can name it"
                ),
                "fill in an ID for the image the pipeline builds; the plan refers to it by that ID"
                    .into(),
            ),
        );
    }
    check_limits(n, p, out);
    check_name(n, p, out);
    check_accounts(ctx, n, p, out);
    let Some(region) = ctx.require(
        &p.region,
        &format!("{at}/region"),
        "region",
        "CreateImagePipeline",
        "RegionId",
        out,
    ) else {
        return;
    };
    if !ctx.check_region(region, &format!("{at}/region"), out) {
        return;
    }
    for (m, to) in p.to_regions.iter().enumerate() {
        let path = format!("{at}/to_regions/{m}");
        if to.trim().is_empty() {
            out.push(super::reference::missing(
                &path,
                "region",
                "CreateImagePipeline",
                &format!("ToRegionId.{}", m + 1),
            ));
        } else {
            ctx.check_region(to, &path, out);
        }
    }
    for made in ctx.ledger.all_made_by(Item::Pipeline(n)) {
        let path = match p.to_regions.iter().position(|r| *r == made.region) {
            Some(m) if made.region != region => format!("{at}/to_regions/{m}"),
            _ => format!("{at}/region"),
        };
        check_quota_at(ctx, Some(made), path, out);
    }
    let Some(base) = base_image(ctx, n, p, region, out) else {
        return;
    };
    let itype = match given(&p.instance_type) {
        None => None,
        Some(id) => match ctx.catalog.instance_type(id) {
            Some(itype) => Some(itype),
            None => {
                out.push(unknown_type(&format!("{at}/instance_type"), id));
                return;
            }
        },
    };
    let disk = SystemDisk {
        category: None,
        size_gib: Some(p.system_disk()),
    };
    let unnamed = InstanceType::default();
    let subject = LaunchSubject {
        catalog: ctx.catalog,
        image: base,
        instance_type: itype.unwrap_or(&unnamed),
        region,
        image_here: true,
        type_here: itype.is_none_or(|t| t.offered_in(region)),
        system_disk: Some(&disk),
        amount: None,
        as_of: ctx.as_of,
    };
    let mut violations = Vec::new();
    if itype.is_some() {
        launch_violations(&subject, &mut violations);
    } else {
        group_violations(
            &subject,
            |group| matches!(group, Group::Settings | Group::Lifecycle),
            &mut violations,
        );
    }
    drop_unconfirmed_when_failing(&mut violations);
    push_violations(&at, &subject, &violations, "build instance", out);
}

/// The base image a pipeline builds on, resolved in its region, or the finding that says why
/// there is none.
fn base_image<'c>(
    ctx: &'c Context,
    n: usize,
    p: &Pipeline,
    region: &str,
    out: &mut Vec<Finding>,
) -> Option<&'c Image> {
    let at = format!("/pipelines/{n}");
    let (id, family) = (given(&p.base_image), given(&p.base_family));
    let id = match (id, family) {
        (None, None) => {
            out.push(super::reference::missing(
                &format!("{at}/base_image"),
                "base image or base family",
                "CreateImagePipeline",
                "BaseImage",
            ));
            return None;
        }
        (Some(id), Some(family)) => {
            out.push(PIPELINE_BASE_IMAGE.finding(
                format!("{at}/base_family"),
                format!("pipeline #{n} names both base image {id} and base family {family}; CreateImagePipeline takes one BaseImage"),
                "keep the base image (BaseImageType IMAGE) or the family (BaseImageType IMAGE_FAMILY), not both".into(),
            ));
            return None;
        }
        (None, Some(family)) => {
            return base_of_family(ctx, n, family, region, out);
        }
        (Some(id), None) => id,
    };
    let path = format!("{at}/base_image");
    if !ctx.check_image_known(id, &path, out) {
        return None;
    }
    let resolved = ctx.resolver.resolve(id, region)?;
    let image = resolved.image;
    let problem = match image.kind {
        ImageType::Marketplace | ImageType::Community => Some(format!(
            "{id} is a {} image; Image Builder builds on public, custom or shared images only",
            image.kind.word()
        )),
        _ if !resolved.here => Some(format!(
            "{} image {id} is in {}, not in {region}, where the pipeline builds",
            image.kind.word(),
            image
                .regions
                .as_deref()
                .map_or("no region".into(), |r| r.join(", "))
        )),
        _ => None,
    };
    match problem {
        Some(message) => {
            let help = if resolved.here {
                "build on a public, custom or shared image"
            } else {
                "build in the image's region, or copy the image into the pipeline's region first"
            };
            out.push(PIPELINE_BASE_IMAGE.finding(path, message, help.into()));
            None
        }
        None => Some(image),
    }
}

/// The newest Available image of `family` in `region`. Image families are not part of the
/// model yet, so no image can be found: the pipeline is reported rather than passed unchecked.
fn base_of_family<'c>(
    _ctx: &'c Context,
    n: usize,
    family: &str,
    region: &str,
    out: &mut Vec<Finding>,
) -> Option<&'c Image> {
    out.push(PIPELINE_BASE_IMAGE.finding(
        format!("/pipelines/{n}/base_family"),
        format!("no Available image of family {family} is known in {region}"),
        "name the base image by its ID, or describe the family's images (with their family) among the plan's images".into(),
    ));
    None
}

/// `pipeline-limit`: list lengths, the build disk and the build content.
fn check_limits(n: usize, p: &Pipeline, out: &mut Vec<Finding>) {
    let at = format!("/pipelines/{n}");
    let limit = |path: String, message: String, help: &str| {
        PIPELINE_LIMIT.finding(path, message, help.to_string())
    };
    if p.to_regions.len() > MAX_PIPELINE_LIST {
        out.push(limit(
            format!("{at}/to_regions"),
            format!(
                "pipeline #{n} distributes to {} regions; ToRegionId takes at most {MAX_PIPELINE_LIST}",
                p.to_regions.len()
            ),
            "distribute to at most 20 regions, and copy the image to the others (or run a second pipeline)",
        ));
    }
    if p.share_accounts.len() > MAX_PIPELINE_LIST {
        out.push(limit(
            format!("{at}/share_accounts"),
            format!(
                "pipeline #{n} shares with {} accounts; AddAccount takes at most {MAX_PIPELINE_LIST}",
                p.share_accounts.len()
            ),
            "share with at most 20 accounts in the pipeline, and add the others with shares after it",
        ));
    }
    if let Some(size) = p.system_disk_gib.filter(|s| !PIPELINE_DISK_GIB.contains(s)) {
        out.push(limit(
            format!("{at}/system_disk_gib"),
            format!("a {size} GiB system disk for the build instance is outside SystemDiskSize's 20-500 GiB"),
            "give the build instance a system disk of 20 to 500 GiB (40 when left out)",
        ));
    }
    if let Some(content) = &p.build_content {
        let bytes = content.len();
        if bytes > MAX_BUILD_CONTENT_BYTES {
            out.push(limit(
                format!("{at}/build_content"),
                format!("the build content is {bytes} bytes; BuildContent holds at most 16 KB ({MAX_BUILD_CONTENT_BYTES} bytes)"),
                "shorten the build content: move long scripts into a file the build downloads, or into a second pipeline",
            ));
        }
        let commands = build_commands(content);
        if commands > MAX_BUILD_COMMANDS {
            out.push(limit(
                format!("{at}/build_content"),
                format!("the build content holds {commands} commands; BuildContent holds at most {MAX_BUILD_COMMANDS}"),
                "join commands (one RUN with several shell commands joined by &&), or split the build",
            ));
        }
    }
}

/// `image-name-invalid` on the `ImageOptions.ImageName` prefix.
fn check_name(n: usize, p: &Pipeline, out: &mut Vec<Finding>) {
    let Some(name) = p.image.name.as_deref() else {
        return;
    };
    let chars = name.chars().count();
    let problem = if chars > MAX_IMAGE_NAME_PREFIX {
        Some(format!(
            "it has {chars} characters; the name prefix of a pipeline's image has at most {MAX_IMAGE_NAME_PREFIX}"
        ))
    } else {
        name_problem(name)
    };
    if let Some(problem) = problem {
        out.push(super::create::IMAGE_NAME_INVALID.finding(
            format!("/pipelines/{n}/image/name"),
            format!("image name prefix \"{name}\" is not valid: {problem}"),
            "use 2 to 64 characters that start with a letter: letters, digits and . : _ - (Image Builder appends _<ExecutionId>)".into(),
        ));
    }
}

/// The share rules on a pipeline's accounts (`share-account-invalid`, `share-self`, ...) and
/// `share-quota-exceeded`.
fn check_accounts(ctx: &Context, n: usize, p: &Pipeline, out: &mut Vec<Finding>) {
    super::share::account_findings(
        ctx,
        &p.share_accounts,
        &format!("/pipelines/{n}/share_accounts"),
        |_| None,
        out,
    );
    let quota = ctx.ledger.share_quota as usize;
    let usage = ctx
        .ledger
        .shares
        .iter()
        .find(|u| u.items.first() == Some(&Item::Pipeline(n)));
    if let Some(usage) = usage.filter(|u| u.new.len() > quota) {
        out.push(super::share::SHARE_QUOTA_EXCEEDED.finding(
            format!("/pipelines/{n}/share_accounts"),
            format!(
                "pipeline #{n} shares its image with {} accounts in each region; the quota is {quota}",
                usage.new.len()
            ),
            format!("share with at most {quota} accounts, or raise q_user-per-image-shared-user-count in Quota Center and enter the new quota here"),
        ));
    }
}

/// Every update, in plan order: the source image, the temporary instance, the new image's
/// name (recorded in `names`) and the quota.
pub(crate) fn check_updates(ctx: &Context, names: &mut Names, out: &mut Vec<Finding>) {
    for (n, update) in ctx.plan.updates.iter().enumerate() {
        let at = format!("/updates/{n}");
        let api = "StartExecution (ACS-ECS-UpdateImage)";
        let image = ctx.require(
            &update.image,
            &format!("{at}/image"),
            "source image",
            api,
            "sourceImageId",
            out,
        );
        let itype = ctx.require(
            &update.instance_type,
            &format!("{at}/instance_type"),
            "instance type",
            api,
            "instanceType",
            out,
        );
        let Some(id) = image else { continue };
        if !ctx.check_image_known(id, &format!("{at}/image"), out) {
            continue;
        }
        let Some(region) = ctx.resolver.item_region(&update.region, &update.image) else {
            out.push(super::reference::missing(
                &format!("{at}/region"),
                "region (the image is not in exactly one region)",
                api,
                "regionId",
            ));
            continue;
        };
        if !ctx.check_region(region, &format!("{at}/region"), out) {
            continue;
        }
        let Some(resolved) = ctx.resolver.resolve(id, region) else {
            continue;
        };
        if resolved.image.kind != ImageType::Custom {
            out.push(UPDATE_NOT_CUSTOM.finding(
                format!("{at}/image"),
                format!(
                    "{id} is a {} image; ACS-ECS-UpdateImage updates the account's own custom images only",
                    resolved.image.kind.word()
                ),
                "update a custom image of your own; to start from a public image, create a custom image from an instance of it first, or build with an Image Builder pipeline".into(),
            ));
            continue;
        }
        names.add(
            region,
            update.name.as_deref(),
            &format!("{at}/name"),
            |_| None,
            out,
        );
        check_quota_at(ctx, ctx.ledger.made_by(Item::Update(n)), at.clone(), out);
        let Some(itype_id) = itype else { continue };
        let Some(itype) = ctx.catalog.instance_type(itype_id) else {
            out.push(unknown_type(&format!("{at}/instance_type"), itype_id));
            continue;
        };
        let subject = LaunchSubject {
            catalog: ctx.catalog,
            image: resolved.image,
            instance_type: itype,
            region,
            image_here: resolved.here,
            type_here: itype.offered_in(region),
            system_disk: None,
            amount: None,
            as_of: ctx.as_of,
        };
        let mut violations = Vec::new();
        launch_violations(&subject, &mut violations);
        drop_unconfirmed_when_failing(&mut violations);
        push_violations(&at, &subject, &violations, "temporary instance", out);
    }
}

/// The launch rules' findings on a pipeline's build instance or an update's temporary
/// instance, at the item itself (CONTRACT §4.5), without the launch fixes (they edit launches).
fn push_violations(
    at: &str,
    subject: &LaunchSubject,
    violations: &[LaunchViolation],
    instance: &str,
    out: &mut Vec<Finding>,
) {
    for violation in violations {
        out.push(
            violation
                .rule()
                .finding(
                    at.to_string(),
                    format!("{instance}: {}", violation.message(subject)),
                    violation.help(subject),
                )
                .with_evidence(violation.evidence(subject)),
        );
    }
}

fn unknown_type(path: &str, id: &str) -> Finding {
    super::reference::INSTANCE_TYPE_NOT_FOUND.finding(
        path.to_string(),
        format!("instance type \"{id}\" is neither in the catalog nor among the plan's instance types"),
        "pick an instance type from the catalog, or describe it (vCPUs, memory, architecture, boot modes, NVMe) among the plan's instance types".into(),
    )
}
