//! Image family rules (contract §4.2). A launch names `image` or `image_family`;
//! the family resolves to the newest `Available` image there ([`crate::core::resolve`]).
//! Family names follow `ModifyImageAttributeRequest.image_family` (SDK 7.11.8): 2-128
//! characters, starting with a letter or a Chinese character, not `aliyun` or `acs:`, no
//! `http://` or `https://`, letters, digits and `.:_-`: the rules of image names.

use super::create::name_problem;
use super::{docs, Context, Rule};
use crate::core::fix::Fix;
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
pub(crate) fn family_finding(family: &str, path: &str) -> Option<Finding> {
    let problem = name_problem(family)?;
    Some(IMAGE_FAMILY_INVALID.finding(
        path.to_string(),
        format!("image family \"{family}\" is not valid: {problem}"),
        "name the family with 2-128 characters, starting with a letter; letters, digits and . : _ - (\"acs:\" families are Alibaba Cloud's)".into(),
    ))
}

/// `image-family-invalid` for the families creates and imports set (modifies are checked with
/// their other rules).
pub(crate) fn check_family_names(ctx: &Context, out: &mut Vec<Finding>) {
    for (n, create) in ctx.plan.creates.iter().enumerate() {
        if let Some(family) = &create.image.family {
            out.extend(family_finding(
                family,
                &format!("/creates/{n}/image/family"),
            ));
        }
    }
    for (n, import) in ctx.plan.imports.iter().enumerate() {
        if let Some(family) = &import.image.family {
            out.extend(family_finding(
                family,
                &format!("/imports/{n}/image/family"),
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
            format!("the launch names image {image} and image family {family}; RunInstances takes ImageId or ImageFamily, not both"),
            "keep one: the family launches its newest Available image, the image ID exactly that build".into(),
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
                    format!("no Available image of family \"{family}\" is in {region}, in the catalog, the plan's images, or what the plan creates, imports and copies there"),
                    format!("put an image in family {family} in {region} (a create or import with that family, or a modify that sets it on a copy), or launch an image ID"),
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
            format!(
                "{} is not the newest image of family {family} in {}: {} is newer",
                image.label(),
                region,
                newest.image.label()
            ),
            format!("launch by family {family} to get its newest build each time (RunInstances ImageFamily), or keep this build on purpose"),
            Some(Fix::LaunchByFamily { launch: n, family: family.to_string() }),
        ));
    }
}
