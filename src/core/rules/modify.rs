//! Attribute-change rules (ModifyImageAttribute, contract §4.4), and the NVMe flag CopyImage
//! does not carry over. Facts from `ModifyImageAttributeRequest` (SDK 7.11.8): only custom
//! images are changed; a shared image must be unshared before it is deprecated; enabling NVMe
//! without the driver in the OS makes instances fail to start.

use super::create::name_problem;
use super::family::family_finding;
use super::{docs, launch, reference, Context, Rule};
use crate::core::fix::Fix;
use crate::core::model::{given, ImageStatus, ImageType, NvmeSupport};
use crate::core::report::{Finding, Severity};
use crate::core::resolve::Origin;

declare_rules! {
    /// `modify-not-custom`.
    MODIFY_NOT_CUSTOM = Rule {
        code: "modify-not-custom",
        severity: Severity::Error,
        summary: "changing an image that is not the account's own custom image",
        doc: docs::MODIFY_IMAGE,
        topic: None,
    };
    /// `modify-deprecate-shared`.
    MODIFY_DEPRECATE_SHARED = Rule {
        code: "modify-deprecate-shared",
        severity: Severity::Error,
        summary: "setting Deprecated on an image that is still shared (unshare first)",
        doc: docs::MODIFY_IMAGE,
        topic: None,
    };
    /// `modify-nothing`.
    MODIFY_NOTHING = Rule {
        code: "modify-nothing",
        severity: Severity::Warning,
        summary: "a modify that changes no attribute",
        doc: docs::MODIFY_IMAGE,
        topic: None,
    };
    /// `modify-nvme-driver`.
    MODIFY_NVME_DRIVER = Rule {
        code: "modify-nvme-driver",
        severity: Severity::Info,
        summary: "setting nvme: supported: the OS must already hold the NVMe driver",
        doc: docs::NVME,
        topic: None,
    };
    /// `copy-features-not-carried`.
    COPY_FEATURES_NOT_CARRIED = Rule {
        code: "copy-features-not-carried",
        severity: Severity::Warning,
        summary: "a copy of an NVMe image: CopyImage does not carry the NVMe attribute over",
        doc: docs::COPY_IMAGE,
        topic: None,
    };
}

/// Checks every modify, in plan order.
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (n, modify) in ctx.plan.modifies.iter().enumerate() {
        let at = format!("/modifies/{n}");
        let Some(id) = given(&modify.image) else {
            out.push(reference::IMAGE_NOT_FOUND.finding(
                format!("{at}/image"),
                "the attribute change names no image (ModifyImageAttribute ImageId)".into(),
                "pick the image to change: one of the plan's own, or one it creates, imports or copies".into(),
            ));
            continue;
        };
        if let Some(region) = given(&modify.region) {
            if !ctx.check_region(region, &format!("{at}/region"), out) {
                continue;
            }
        }
        if !ctx.check_image_known(id, &format!("{at}/image"), out) {
            continue;
        }
        let target = ctx.resolver.modify_target(n);
        let kind = match (target, ctx.resolver.find(id)) {
            (Some((image, _, _)), _) | (None, Some((image, _))) => image.kind,
            (None, None) => continue,
        };
        if kind != ImageType::Custom {
            out.push(MODIFY_NOT_CUSTOM.finding(
                format!("{at}/image"),
                format!("{id} is a {} image; ModifyImageAttribute changes the account's own custom images only", kind.word()),
                "copy it into a custom image of your own first (for a shared image, a copy in its region), then change the copy".into(),
            ));
            continue;
        }
        let Some((image, origin, region)) = target else {
            let region = given(&modify.region).unwrap_or("its region");
            out.push(launch::IMAGE_REGION_MISMATCH.rule.finding(
                format!("{at}/region"),
                format!("{id} is not in {region}, and the plan copies it there no earlier"),
                format!("copy {id} to {region} first, or change it in the region where it is"),
            ));
            continue;
        };
        if modify.status == Some(ImageStatus::Deprecated) && !image.shared_with.is_empty() {
            out.push(MODIFY_DEPRECATE_SHARED.finding(
                format!("{at}/status"),
                format!("{id} in {region} is still shared with {}; a shared image cannot be deprecated", image.shared_with.join(", ")),
                "unshare it first (ModifyImageSharePermission RemoveAccount), then deprecate it".into(),
            ));
        }
        let changes = modify.description.is_some() || modify.apply(image) != *image;
        if !changes {
            let why = if modify.sets_anything() {
                format!("every attribute it sets already has that value on {id} in {region}")
            } else {
                "it sets no attribute".into()
            };
            out.push(MODIFY_NOTHING.finding_with_fix(
                at.clone(),
                format!("attribute change #{n} changes nothing: {why}"),
                "set the attribute to change (name, description, boot mode, NVMe, family or status), or remove this change".into(),
                Some(Fix::RemoveModify { modify: n }),
            ));
        }
        // A copy of an NVMe image holds the driver: CopyImage only dropped the flag.
        let copied_driver = match origin {
            Origin::Copy(k) => given(&ctx.plan.copies[k].image)
                .and_then(|id| ctx.resolver.find(id))
                .is_some_and(|(source, _)| source.nvme == NvmeSupport::Supported),
            _ => false,
        };
        if modify.nvme == Some(NvmeSupport::Supported)
            && image.nvme != NvmeSupport::Supported
            && !copied_driver
        {
            out.push(MODIFY_NVME_DRIVER.finding(
                format!("{at}/nvme"),
                format!("{id} in {region} will say it supports NVMe; instances of NVMe-only types fail to start if its OS lacks the NVMe driver"),
                "make sure the image's OS holds the NVMe driver (nvme in the initramfs on Linux, e.g. `lsinitrd | grep nvme`) before relying on it".into(),
            ));
        }
        if let Some(name) = &modify.name {
            if let Some(problem) = name_problem(name) {
                out.push(super::create::IMAGE_NAME_INVALID.finding(
                    format!("{at}/name"),
                    format!("image name \"{name}\" is not valid: {problem}"),
                    "rename it: 2-128 characters, starting with a letter; letters, digits and . : _ -".into(),
                ));
            }
        }
        if let Some(family) = &modify.family {
            out.extend(family_finding(family, &format!("{at}/family")));
        }
    }
}

/// `copy-features-not-carried` for `copies[n]`: the source has `nvme: supported` and no modify
/// of the plan sets it on the copy.
pub(crate) fn check_copy_features(ctx: &Context, n: usize, out: &mut Vec<Finding>) {
    let copy = &ctx.plan.copies[n];
    let (Some(image), Some(to)) = (given(&copy.image), given(&copy.to_region)) else {
        return;
    };
    let Some((source, _)) = ctx.resolver.find(image) else {
        return;
    };
    let copyable = matches!(source.kind, ImageType::Custom | ImageType::Shared);
    if !copyable || source.nvme != NvmeSupport::Supported {
        return;
    }
    let fixed = ctx.plan.modifies.iter().any(|m| {
        given(&m.image) == Some(image)
            && given(&m.region) == Some(to)
            && m.nvme == Some(NvmeSupport::Supported)
    });
    if fixed {
        return;
    }
    out.push(COPY_FEATURES_NOT_CARRIED.finding_with_fix(
        format!("/copies/{n}"),
        format!(
            "{image} supports NVMe, but CopyImage does not carry the NVMe attribute over: the copy in {to} is nvme: unsupported, and NVMe-only types (g8i, g9i, ...) refuse it"
        ),
        format!(
            "set it on the copy with ModifyImageAttribute (a modify of {image} in {to} with \"nvme\": \"supported\")"
        ),
        Some(Fix::SetNvmeSupported {
            image: image.to_string(),
            region: to.to_string(),
        }),
    ));
}
