//! Image family rules (contract §4.2). A launch names `image` or `image_family`;
//! the family resolves to the newest `Available` image there ([`crate::core::resolve`]).
//! Family names follow `ModifyImageAttributeRequest.image_family` (SDK 7.11.8): 2-128
//! characters, starting with a letter or a Chinese character, not `aliyun` or `acs:`, no
//! `http://` or `https://`, letters, digits and `.:_-`: the rules of image names.

use super::create::name_problem;
use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::i18n::Lang;
use crate::core::model::{given, Image, Launch};
use crate::core::report::{Finding, Severity};
use crate::core::resolve::{Origin, Resolved};

declare_rules! {
    /// `launch-image-and-family`.
    LAUNCH_IMAGE_AND_FAMILY = Rule {
        code: "launch-image-and-family",
        severity: Severity::Error,
        summary: "a launch names both image and image_family",
        doc: docs::RUN_INSTANCES,
        topic: None,
    };
    /// `image-family-empty`.
    IMAGE_FAMILY_EMPTY = Rule {
        code: "image-family-empty",
        severity: Severity::Error,
        summary: "no Available image of the family in the launch region",
        doc: docs::IMAGE_FAMILY,
        topic: None,
    };
    /// `image-family-invalid`.
    IMAGE_FAMILY_INVALID = Rule {
        code: "image-family-invalid",
        severity: Severity::Error,
        summary: "a family name a create, import, modify or pipeline sets breaks the rules",
        doc: docs::IMAGE_FAMILY,
        topic: None,
    };
    /// `image-superseded`.
    IMAGE_SUPERSEDED = Rule {
        code: "image-superseded",
        severity: Severity::Info,
        summary: "a launch names an image whose family has a newer Available image in that region",
        doc: docs::IMAGE_FAMILY,
        topic: None,
    };
}

/// An `image-family-invalid` finding at `path` when `family` breaks the family name rules.
pub(crate) fn family_finding(lang: Lang, family: &str, path: &str) -> Option<Finding> {
    let problem = name_problem(lang, family)?;
    Some(IMAGE_FAMILY_INVALID.finding(
        path.to_string(),
        tr!(
            lang,
            format!("image family \"{family}\" is not valid: {problem}"),
            format!("镜像族系“{family}”无效：{problem}")
        ),
        tr!(
            lang,
            "name the family with 2-128 characters, starting with a letter; letters, digits and . : _ - (\"acs:\" families are Alibaba Cloud's)",
            "镜像族系名称须为 2～128 个字符，以字母开头，只含字母、数字和 . : _ -（“acs:”开头的族系属于阿里云）"
        ),
    ))
}

/// `image-family-invalid` for the families creates, imports and pipelines set (modifies are checked with
/// their other rules).
pub(crate) fn check_family_names(ctx: &Context, out: &mut Vec<Finding>) {
    for (n, create) in ctx.plan.creates.iter().enumerate() {
        if let Some(family) = &create.image.family {
            out.extend(family_finding(
                ctx.lang,
                family,
                &format!("/creates/{n}/image/family"),
            ));
        }
    }
    for (n, import) in ctx.plan.imports.iter().enumerate() {
        if let Some(family) = &import.image.family {
            out.extend(family_finding(
                ctx.lang,
                family,
                &format!("/imports/{n}/image/family"),
            ));
        }
    }
    for (n, pipeline) in ctx.plan.pipelines.iter().enumerate() {
        if let Some(family) = &pipeline.image.family {
            out.extend(family_finding(
                ctx.lang,
                family,
                &format!("/pipelines/{n}/image/family"),
            ));
        }
    }
}

/// The image a launch in `region` means: `image`, or the newest of `image_family` when only
/// that is set. `None` (after a finding) when the family has no Available image there.
pub(crate) fn resolve_launch<'r>(
    ctx: &'r Context,
    n: usize,
    launch: &Launch,
    region: &str,
    out: &mut Vec<Finding>,
) -> Option<Resolved<'r>> {
    let at = format!("/launches/{n}");
    let image = given(&launch.image);
    let family = given(&launch.image_family);
    if let (Some(image), Some(family)) = (image, family) {
        out.push(LAUNCH_IMAGE_AND_FAMILY.finding_with_fix(
            format!("{at}/image_family"),
            tr!(
                ctx.lang,
                format!("the launch names image {image} and image family {family}; RunInstances takes ImageId or ImageFamily, not both"),
                format!("此次启动同时指定了镜像 {image} 和镜像族系 {family}；RunInstances 只接受 ImageId 或 ImageFamily 之一")
            ),
            tr!(
                ctx.lang,
                "keep one: the family launches its newest Available image, the image ID exactly that build",
                "请只保留一个：镜像族系启动其最新的可用镜像，镜像 ID 则固定启动该版本"
            ),
            Some(Fix::LaunchByFamily { launch: n, family: family.to_string() }),
        ));
    }
    match (image, family) {
        (Some(image), _) => ctx.resolver.resolve(image, region),
        (None, Some(family)) => {
            let found = ctx.resolver.resolve_family(family, region, ctx.as_of);
            if found.is_none() {
                out.push(IMAGE_FAMILY_EMPTY.finding(
                    format!("{at}/image_family"),
                    tr!(
                        ctx.lang,
                        format!("no Available image of family \"{family}\" is in {region}, in the catalog, the plan's images, or what the plan creates, imports and copies there"),
                        format!("{region} 中没有镜像族系“{family}”的可用镜像：目录、计划描述的镜像以及计划在该地域创建、导入和复制的镜像中都没有")
                    ),
                    tr!(
                        ctx.lang,
                        format!("put an image in family {family} in {region} (a create or import with that family, or a modify that sets it on a copy), or launch an image ID"),
                        format!("请在 {region} 中提供镜像族系 {family} 的镜像（以该族系创建或导入镜像，或修改复制出的镜像以设置族系），或用镜像 ID 启动")
                    ),
                ));
            }
            found
        }
        (None, None) => None,
    }
}

/// `image-superseded` for a launch whose image resolved (`image-type-restricted` is a pair
/// rule of [`super::launch`], so the matrix honours pins too).
pub(crate) fn check_launch(
    ctx: &Context,
    n: usize,
    launch: &Launch,
    resolved: &Resolved,
    out: &mut Vec<Finding>,
) {
    let at = format!("/launches/{n}");
    let region = given(&launch.region).unwrap_or_default();
    let image = resolved.image;
    if given(&launch.image).is_none() {
        return;
    }
    let Some(family) = image.family.as_deref() else {
        return;
    };
    let Some(newest) = ctx.resolver.resolve_family(family, region, ctx.as_of) else {
        return;
    };
    let made_on = |r: &Resolved| match r.origin {
        Origin::Existing => r.image.created,
        _ => r.image.created.or(Some(ctx.as_of)),
    };
    // Newer: made later, or made by the plan on the same day after this one (the family
    // breaks ties by order, and the plan's own images come after existing ones).
    let (theirs, ours) = (made_on(&newest), made_on(resolved));
    let newer = theirs > ours || (theirs == ours && newest.origin != Origin::Existing);
    if !std::ptr::eq::<Image>(newest.image, image) && newer {
        out.push(IMAGE_SUPERSEDED.finding_with_fix(
            format!("{at}/image"),
            tr!(
                ctx.lang,
                format!(
                    "{} is not the newest image of family {family} in {}: {} is newer",
                    image.label(),
                    region,
                    newest.image.label()
                ),
                format!(
                    "{} 不是 {} 中镜像族系 {family} 的最新镜像：{} 更新",
                    image.label(),
                    region,
                    newest.image.label()
                )
            ),
            tr!(
                ctx.lang,
                format!("launch by family {family} to get its newest build each time (RunInstances ImageFamily), or keep this build on purpose"),
                format!("请按镜像族系 {family} 启动，每次获得最新版本（RunInstances 的 ImageFamily），或有意保留此版本")
            ),
            Some(Fix::LaunchByFamily { launch: n, family: family.to_string() }),
        ));
    }
}
