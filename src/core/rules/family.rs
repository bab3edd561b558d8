//! Image family and type-pin rules (contract §4.2). A launch names `image` or `image_family`;
//! the family resolves to the newest `Available` image there ([`crate::core::resolve`]).
//! Family names follow `ModifyImageAttributeRequest.image_family` (SDK 7.11.8): 2-128
//! characters, starting with a letter or a Chinese character, not `aliyun` or `acs:`, no
//! `http://` or `https://`, letters, digits and `.:_-`: the rules of image names.

use super::create::name_problem;
use super::launch::pair_violations;
use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::model::{Image, InstanceType, Launch};
use crate::core::report::{Finding, Severity};
use crate::core::resolve::{Origin, Resolved};

/// `launch-image-and-family`.
pub const LAUNCH_IMAGE_AND_FAMILY: Rule = Rule {
    code: "launch-image-and-family",
    severity: Severity::Error,
    summary: "a launch names both image and image_family",
    doc: docs::RUN_INSTANCES,
};
/// `image-family-empty`.
pub const IMAGE_FAMILY_EMPTY: Rule = Rule {
    code: "image-family-empty",
    severity: Severity::Error,
    summary: "no Available image of the family in the launch region",
    doc: docs::IMAGE_FAMILY,
};
/// `image-family-invalid`.
pub const IMAGE_FAMILY_INVALID: Rule = Rule {
    code: "image-family-invalid",
    severity: Severity::Error,
    summary: "a family name a create, import, modify or pipeline sets breaks the rules",
    doc: docs::IMAGE_FAMILY,
};
/// `image-superseded`.
pub const IMAGE_SUPERSEDED: Rule = Rule {
    code: "image-superseded",
    severity: Severity::Info,
    summary: "a launch names an image whose family has a newer Available image in that region",
    doc: docs::IMAGE_FAMILY,
};
/// `image-type-restricted`.
pub const IMAGE_TYPE_RESTRICTED: Rule = Rule {
    code: "image-type-restricted",
    severity: Severity::Error,
    summary: "the image's instance_types does not include the launch's type",
    doc: docs::IMAGE_SUPPORT_TYPES,
};

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

/// The image a launch means: `image`, or the newest of `image_family` when only that is set.
/// `None` (after a finding) when the family has no Available image in the region.
pub(crate) fn resolve_launch<'r>(
    ctx: &'r Context,
    n: usize,
    launch: &Launch,
    out: &mut Vec<Finding>,
) -> Option<Resolved<'r>> {
    let at = format!("/launches/{n}");
    let family = launch.image_family.as_deref();
    if let (false, Some(family)) = (launch.image.is_empty(), family) {
        out.push(LAUNCH_IMAGE_AND_FAMILY.finding_with_fix(
            format!("{at}/image_family"),
            format!("the launch names image {} and image family {family}; RunInstances takes ImageId or ImageFamily, not both", launch.image),
            "keep one: the family launches its newest Available image, the image ID exactly that build".into(),
            Some(Fix::LaunchByFamily { launch: n, family: family.to_string() }),
        ));
    }
    match family.filter(|_| launch.image.is_empty()) {
        None => ctx.resolver.resolve(&launch.image, &launch.region),
        Some(family) => {
            let found = ctx
                .resolver
                .resolve_family(family, &launch.region, ctx.as_of);
            if found.is_none() {
                out.push(IMAGE_FAMILY_EMPTY.finding(
                    format!("{at}/image_family"),
                    format!("no Available image of family \"{family}\" is in {}, in the catalog, the plan's images, or what the plan creates, imports and copies there", launch.region),
                    format!("put an image in family {family} in {} (a create or import with that family, or a modify that sets it on a copy), or launch an image ID", launch.region),
                ));
            }
            found
        }
    }
}

/// `image-superseded` and `image-type-restricted` for a launch whose image resolved.
pub(crate) fn check_launch(
    ctx: &Context,
    n: usize,
    launch: &Launch,
    resolved: &Resolved,
    itype: &InstanceType,
    out: &mut Vec<Finding>,
) {
    let at = format!("/launches/{n}");
    let image = resolved.image;
    if !image.allows_type(&itype.id) {
        let pins = image.instance_types.as_deref().unwrap_or_default();
        // A listed type sold in the region that the image also boots on, the launch's own
        // family first: a fix must not trade one error for another.
        let fits = |t: &&InstanceType| {
            let mut broken = Vec::new();
            pair_violations(image, t, &mut broken);
            t.offered_in(&launch.region) && broken.is_empty()
        };
        let listed = || {
            ctx.catalog
                .instance_types
                .iter()
                .filter(|t| image.allows_type(&t.id))
                .filter(fits)
        };
        let instead = listed()
            .find(|t| t.family() == itype.family())
            .or_else(|| listed().next());
        out.push(IMAGE_TYPE_RESTRICTED.finding_with_fix(
            format!("{at}/instance_type"),
            format!("image {} runs only on {}; {} is not one of them (RunInstances fails with InvalidParameter.NotMatch)", image.label(), pins.join(", "), itype.id),
            match instead {
                Some(t) => format!("launch {} instead, or another type the image lists", t.id),
                None => "launch one of the types the image lists (DescribeImageSupportInstanceTypes), or another image".into(),
            },
            instead.map(|t| Fix::ReplaceLaunchInstanceType { launch: n, instance_type: t.id.clone() }),
        ));
    }
    if launch.image.is_empty() {
        return;
    }
    let Some(family) = image.family.as_deref() else {
        return;
    };
    let Some(newest) = ctx
        .resolver
        .resolve_family(family, &launch.region, ctx.as_of)
    else {
        return;
    };
    let made_on = |r: &Resolved| match r.origin {
        Origin::Existing => r.image.created,
        _ => r.image.created.or(Some(ctx.as_of)),
    };
    if !std::ptr::eq::<Image>(newest.image, image) && made_on(&newest) > made_on(resolved) {
        out.push(IMAGE_SUPERSEDED.finding_with_fix(
            format!("{at}/image"),
            format!(
                "{} is not the newest image of family {family} in {}: {} is newer",
                image.label(),
                launch.region,
                newest.image.label()
            ),
            format!("launch by family {family} to get its newest build each time (RunInstances ImageFamily), or keep this build on purpose"),
            Some(Fix::LaunchByFamily { launch: n, family: family.to_string() }),
        ));
    }
}
