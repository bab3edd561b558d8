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
//! - A pipeline whose base is the image it builds itself, or one a later pipeline builds, is
//!   `pipeline-base-image`: that image does not exist when the pipeline runs.
//! - An update's source must be the account's own custom image in the update's region (the
//!   template lists `sourceImageId` from `ImageOwnerAlias: self`); its temporary instance is
//!   checked with the launch rules like a pipeline's build instance.

use super::create::{check_quota_at, name_problem, Names};
use super::launch::{
    drop_unconfirmed_when_failing, group_violations, launch_violations, Group, LaunchSubject,
    LaunchViolation, Provenances,
};
use super::{docs, Context, Rule};
use crate::core::guide::Topic;
use crate::core::i18n::{join, Lang, Term, Text};
use crate::core::item::Item;
use crate::core::model::{given, Image, ImageType, InstanceType, Pipeline, SystemDisk};
use crate::core::report::{Finding, Severity};
use crate::core::resolve::Origin;

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
    let lang = ctx.lang;
    if p.image.id.trim().is_empty() {
        out.push(super::reference::VALUE_MISSING.finding(
            format!("{at}/image/id"),
            tr!(
                lang,
                format!(
                    "pipeline #{n} gives its image no ID, so no launch, copy or share can name it"
                ),
                format!("镜像构建流水线 #{n} 未给出镜像 ID，启动、复制或共享都无法引用它")
            ),
            tr!(
                lang,
                "fill in an ID for the image the pipeline builds; the plan refers to it by that ID",
                "请为流水线构建的镜像填写 ID；计划通过该 ID 引用它"
            ),
        ));
    }
    check_limits(lang, n, p, out);
    check_name(lang, n, p, out);
    check_accounts(ctx, n, p, out);
    let Some(region) = ctx.require(
        &p.region,
        &format!("{at}/region"),
        Term::new("region", "地域"),
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
                lang,
                &path,
                Term::new("region", "地域").text(lang),
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
                out.push(unknown_type(lang, &format!("{at}/instance_type"), id));
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
        provenance: Provenances::of(ctx.catalog, itype.unwrap_or(&unnamed), base),
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
    let instance = Term::new("build instance", "构建实例");
    push_violations(lang, &at, &subject, &violations, instance, out);
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
    let lang = ctx.lang;
    let (id, family) = (given(&p.base_image), given(&p.base_family));
    let id = match (id, family) {
        (None, None) => {
            out.push(super::reference::missing(
                lang,
                &format!("{at}/base_image"),
                tr!(lang, "base image or base family", "基础镜像或基础镜像族系"),
                "CreateImagePipeline",
                "BaseImage",
            ));
            return None;
        }
        (Some(id), Some(family)) => {
            out.push(PIPELINE_BASE_IMAGE.finding(
                format!("{at}/base_family"),
                tr!(
                    lang,
                    format!("pipeline #{n} names both base image {id} and base family {family}; CreateImagePipeline takes one BaseImage"),
                    format!("镜像构建流水线 #{n} 同时指定了基础镜像 {id} 和基础镜像族系 {family}；CreateImagePipeline 只接受一个 BaseImage")
                ),
                tr!(
                    lang,
                    "keep the base image (BaseImageType IMAGE) or the family (BaseImageType IMAGE_FAMILY), not both",
                    "请只保留基础镜像（BaseImageType 为 IMAGE）或镜像族系（BaseImageType 为 IMAGE_FAMILY）之一"
                ),
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
        // The image this pipeline (or a later one) builds does not exist yet when it runs.
        _ if matches!(resolved.origin, Origin::Pipeline(m) if m >= n) => {
            let (later_en, later_zh) = match resolved.origin {
                Origin::Pipeline(m) if m == n => (
                    "this pipeline itself".to_string(),
                    "此流水线自身".to_string(),
                ),
                Origin::Pipeline(m) => (
                    format!("the later pipeline #{m}"),
                    format!("其后的镜像构建流水线 #{m}"),
                ),
                _ => unreachable!("matched above"),
            };
            Some(tr!(
                lang,
                format!("pipeline #{n} builds on {id}, which is the image {later_en} builds: it does not exist before that pipeline runs"),
                format!("镜像构建流水线 #{n} 基于 {id} 构建，而它是{later_zh}构建的镜像：在该流水线运行之前它并不存在")
            ))
        }
        ImageType::Marketplace | ImageType::Community => Some(tr!(
            lang,
            format!(
                "{id} is a {} image; Image Builder builds on public, custom or shared images only",
                image.kind.word()
            ),
            format!(
                "{id} 是{}；镜像构建服务只能基于公共镜像、自定义镜像或共享镜像构建",
                image.kind.noun_zh()
            )
        )),
        _ if !resolved.here => {
            let regions = image.regions.as_deref().filter(|r| !r.is_empty());
            Some(tr!(
                lang,
                format!(
                    "{} image {id} is in {}, not in {region}, where the pipeline builds",
                    image.kind.word(),
                    regions.map_or("no region".into(), |r| r.join(", "))
                ),
                format!(
                    "{} {id} 位于 {}，不在流水线构建所在的 {region}",
                    image.kind.noun_zh(),
                    regions.map_or("（无地域）".into(), |r| join(lang, r))
                )
            ))
        }
        _ => None,
    };
    match problem {
        Some(message) => {
            let help = if matches!(resolved.origin, Origin::Pipeline(m) if m >= n) {
                tr!(
                    lang,
                    "give the built image an ID of its own, or build on an image that exists or that an earlier item makes",
                    "请为构建的镜像另取 ID，或基于已存在的镜像、或计划中更早的项目生成的镜像构建"
                )
            } else if resolved.here {
                tr!(
                    lang,
                    "build on a public, custom or shared image",
                    "请基于公共镜像、自定义镜像或共享镜像构建"
                )
            } else {
                tr!(
                    lang,
                    "build in the image's region, or copy the image into the pipeline's region first",
                    "请在镜像所在地域构建，或先将镜像复制到流水线所在地域"
                )
            };
            out.push(PIPELINE_BASE_IMAGE.finding(path, message, help));
            None
        }
        None => Some(image),
    }
}

/// The image `BaseImageType=IMAGE_FAMILY` builds on: the newest Available image of `family`
/// in `region` (CONTRACT §4.2, counting what the plan makes there before the pipeline), or the
/// finding that says why there is none.
fn base_of_family<'c>(
    ctx: &'c Context,
    n: usize,
    family: &str,
    region: &str,
    out: &mut Vec<Finding>,
) -> Option<&'c Image> {
    let lang = ctx.lang;
    let path = format!("/pipelines/{n}/base_family");
    let Some(resolved) = ctx.resolver.resolve_family(family, region, ctx.as_of) else {
        out.push(PIPELINE_BASE_IMAGE.finding(
            path,
            tr!(
                lang,
                format!("no Available image of family {family} is in {region}, where the pipeline builds"),
                format!("流水线构建所在的 {region} 中没有镜像族系 {family} 的可用镜像")
            ),
            tr!(
                lang,
                "name a family with an Available image in the pipeline's region, or build on an image by its ID",
                "请指定在流水线所在地域有可用镜像的镜像族系，或用镜像 ID 指定基础镜像"
            ),
        ));
        return None;
    };
    let image = resolved.image;
    if matches!(image.kind, ImageType::Marketplace | ImageType::Community) {
        out.push(PIPELINE_BASE_IMAGE.finding(
            path,
            tr!(
                lang,
                format!(
                    "the newest image of family {family} in {region} is {}, a {} image; Image Builder builds on public, custom or shared images only",
                    image.id,
                    image.kind.word()
                ),
                format!(
                    "{region} 中镜像族系 {family} 的最新镜像是 {}，属于{}；镜像构建服务只能基于公共镜像、自定义镜像或共享镜像构建",
                    image.id,
                    image.kind.noun_zh()
                )
            ),
            tr!(
                lang,
                "build on a family of public, custom or shared images",
                "请基于公共镜像、自定义镜像或共享镜像的镜像族系构建"
            ),
        ));
        return None;
    }
    Some(image)
}

/// `pipeline-limit`: list lengths, the build disk and the build content.
fn check_limits(lang: Lang, n: usize, p: &Pipeline, out: &mut Vec<Finding>) {
    let at = format!("/pipelines/{n}");
    let limit =
        |path: String, message: Text, help: Text| PIPELINE_LIMIT.finding(path, message, help);
    if p.to_regions.len() > MAX_PIPELINE_LIST {
        out.push(limit(
            format!("{at}/to_regions"),
            tr!(
                lang,
                format!(
                    "pipeline #{n} distributes to {} regions; ToRegionId takes at most {MAX_PIPELINE_LIST}",
                    p.to_regions.len()
                ),
                format!(
                    "镜像构建流水线 #{n} 分发到 {} 个地域；ToRegionId 最多 {MAX_PIPELINE_LIST} 个",
                    p.to_regions.len()
                )
            ),
            tr!(
                lang,
                "distribute to at most 20 regions, and copy the image to the others (or run a second pipeline)",
                "最多分发到 20 个地域，其余地域请复制镜像（或再建一条流水线）"
            ),
        ));
    }
    if p.share_accounts.len() > MAX_PIPELINE_LIST {
        out.push(limit(
            format!("{at}/share_accounts"),
            tr!(
                lang,
                format!(
                    "pipeline #{n} shares with {} accounts; AddAccount takes at most {MAX_PIPELINE_LIST}",
                    p.share_accounts.len()
                ),
                format!(
                    "镜像构建流水线 #{n} 共享给 {} 个账号；AddAccount 最多 {MAX_PIPELINE_LIST} 个",
                    p.share_accounts.len()
                )
            ),
            tr!(
                lang,
                "share with at most 20 accounts in the pipeline, and add the others with shares after it",
                "流水线中最多共享给 20 个账号，其余账号请在其后用共享镜像操作添加"
            ),
        ));
    }
    if let Some(size) = p.system_disk_gib.filter(|s| !PIPELINE_DISK_GIB.contains(s)) {
        out.push(limit(
            format!("{at}/system_disk_gib"),
            tr!(
                lang,
                format!("a {size} GiB system disk for the build instance is outside SystemDiskSize's 20-500 GiB"),
                format!("构建实例的系统盘为 {size} GiB，超出 SystemDiskSize 的 20～500 GiB 范围")
            ),
            tr!(
                lang,
                "give the build instance a system disk of 20 to 500 GiB (40 when left out)",
                "请为构建实例设置 20～500 GiB 的系统盘（不填时为 40 GiB）"
            ),
        ));
    }
    if let Some(content) = &p.build_content {
        let bytes = content.len();
        if bytes > MAX_BUILD_CONTENT_BYTES {
            out.push(limit(
                format!("{at}/build_content"),
                tr!(
                    lang,
                    format!("the build content is {bytes} bytes; BuildContent holds at most 16 KB ({MAX_BUILD_CONTENT_BYTES} bytes)"),
                    format!("构建内容为 {bytes} 字节；BuildContent 最多 16 KB（{MAX_BUILD_CONTENT_BYTES} 字节）")
                ),
                tr!(
                    lang,
                    "shorten the build content: move long scripts into a file the build downloads, or into a second pipeline",
                    "请缩短构建内容：把长脚本放进构建时下载的文件，或拆到另一条流水线"
                ),
            ));
        }
        let commands = build_commands(content);
        if commands > MAX_BUILD_COMMANDS {
            out.push(limit(
                format!("{at}/build_content"),
                tr!(
                    lang,
                    format!("the build content holds {commands} commands; BuildContent holds at most {MAX_BUILD_COMMANDS}"),
                    format!("构建内容含 {commands} 条命令；BuildContent 最多 {MAX_BUILD_COMMANDS} 条")
                ),
                tr!(
                    lang,
                    "join commands (one RUN with several shell commands joined by &&), or split the build",
                    "请合并命令（一条 RUN 中用 && 连接多条 shell 命令），或拆分构建"
                ),
            ));
        }
    }
}

/// `image-name-invalid` on the `ImageOptions.ImageName` prefix.
fn check_name(lang: Lang, n: usize, p: &Pipeline, out: &mut Vec<Finding>) {
    let Some(name) = p.image.name.as_deref() else {
        return;
    };
    let chars = name.chars().count();
    let problem = if chars > MAX_IMAGE_NAME_PREFIX {
        Some(tr!(
            lang,
            format!("it has {chars} characters; the name prefix of a pipeline's image has at most {MAX_IMAGE_NAME_PREFIX}"),
            format!("长度为 {chars} 个字符；流水线镜像的名称前缀最多 {MAX_IMAGE_NAME_PREFIX} 个字符")
        ))
    } else {
        name_problem(lang, name)
    };
    if let Some(problem) = problem {
        out.push(super::create::IMAGE_NAME_INVALID.finding(
            format!("/pipelines/{n}/image/name"),
            tr!(
                lang,
                format!("image name prefix \"{name}\" is not valid: {problem}"),
                format!("镜像名称前缀“{name}”无效：{problem}")
            ),
            tr!(
                lang,
                "use 2 to 64 characters that start with a letter: letters, digits and . : _ - (Image Builder appends _<ExecutionId>)",
                "请使用 2～64 个字符，以字母开头，只含字母、数字和 . : _ -（镜像构建服务会追加 _<ExecutionId>）"
            ),
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
            tr!(
                ctx.lang,
                format!(
                    "pipeline #{n} shares its image with {} accounts in each region; the quota is {quota}",
                    usage.new.len()
                ),
                format!(
                    "镜像构建流水线 #{n} 在每个地域将镜像共享给 {} 个账号；配额为 {quota} 个",
                    usage.new.len()
                )
            ),
            tr!(
                ctx.lang,
                format!("share with at most {quota} accounts, or raise q_user-per-image-shared-user-count in Quota Center and enter the new quota here"),
                format!("最多共享给 {quota} 个账号，或在配额中心提升 q_user-per-image-shared-user-count 并在此填写新配额")
            ),
        ));
    }
}

/// Every update, in plan order: the source image, the temporary instance, the new image's
/// name (recorded in `names`) and the quota.
pub(crate) fn check_updates(ctx: &Context, names: &mut Names, out: &mut Vec<Finding>) {
    let lang = ctx.lang;
    for (n, update) in ctx.plan.updates.iter().enumerate() {
        let at = format!("/updates/{n}");
        let api = "StartExecution (ACS-ECS-UpdateImage)";
        let image = ctx.require(
            &update.image,
            &format!("{at}/image"),
            Term::new("source image", "源镜像"),
            api,
            "sourceImageId",
            out,
        );
        let itype = ctx.require(
            &update.instance_type,
            &format!("{at}/instance_type"),
            Term::new("instance type", "实例规格"),
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
                lang,
                &format!("{at}/region"),
                tr!(
                    lang,
                    "region (the image is not in exactly one region)",
                    "地域（该镜像并非只在一个地域）"
                ),
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
                tr!(
                    lang,
                    format!(
                        "{id} is a {} image; ACS-ECS-UpdateImage updates the account's own custom images only",
                        resolved.image.kind.word()
                    ),
                    format!(
                        "{id} 是{}；ACS-ECS-UpdateImage 只能更新本账号自己的自定义镜像",
                        resolved.image.kind.noun_zh()
                    )
                ),
                tr!(
                    lang,
                    "update a custom image of your own; to start from a public image, create a custom image from an instance of it first, or build with an Image Builder pipeline",
                    "请更新您自己的自定义镜像；若要从公共镜像开始，请先用其实例创建自定义镜像，或用镜像构建流水线构建"
                ),
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
            out.push(unknown_type(lang, &format!("{at}/instance_type"), itype_id));
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
            provenance: Provenances::of(ctx.catalog, itype, resolved.image),
        };
        let mut violations = Vec::new();
        launch_violations(&subject, &mut violations);
        drop_unconfirmed_when_failing(&mut violations);
        let instance = Term::new("temporary instance", "临时实例");
        push_violations(lang, &at, &subject, &violations, instance, out);
    }
}

/// The launch rules' findings on a pipeline's build instance or an update's temporary
/// instance, at the item itself (CONTRACT §4.5), without the launch fixes (they edit launches).
fn push_violations(
    lang: Lang,
    at: &str,
    subject: &LaunchSubject,
    violations: &[LaunchViolation],
    instance: Term,
    out: &mut Vec<Finding>,
) {
    let instance = instance.get(lang);
    for violation in violations {
        let message = violation.message(subject, lang);
        out.push(
            violation
                .rule()
                .finding(
                    at.to_string(),
                    tr!(
                        lang,
                        format!("{instance}: {message}"),
                        format!("{instance}：{message}")
                    ),
                    violation.help(subject, lang),
                )
                .with_evidence(violation.evidence(subject, lang)),
        );
    }
}

/// An `instance-type-not-found` finding at `path`.
pub(crate) fn unknown_type(lang: Lang, path: &str, id: &str) -> Finding {
    super::reference::INSTANCE_TYPE_NOT_FOUND.finding(
        path.to_string(),
        tr!(
            lang,
            format!("instance type \"{id}\" is neither in the catalog nor among the plan's instance types"),
            format!("实例规格“{id}”既不在目录中，也不在计划描述的实例规格中")
        ),
        tr!(
            lang,
            "pick an instance type from the catalog, or describe it (vCPUs, memory, architecture, boot modes, NVMe) among the plan's instance types",
            "请从目录中选择实例规格，或在计划的实例规格中描述它（vCPU、内存、架构、引导模式、NVMe）"
        ),
    )
}
