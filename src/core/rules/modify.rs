//! Attribute-change rules (ModifyImageAttribute, contract §4.4), and the NVMe flag CopyImage
//! does not carry over. Facts from `ModifyImageAttributeRequest` (SDK 7.11.8): only custom
//! images are changed; a shared image must be unshared before it is deprecated; enabling NVMe
//! without the driver in the OS makes instances fail to start.

use super::create::name_problem;
use super::family::family_finding;
use super::{docs, launch, reference, Context, Rule};
use crate::core::fix::Fix;
use crate::core::i18n::{join, Term};
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
    let lang = ctx.lang;
    for (n, modify) in ctx.plan.modifies.iter().enumerate() {
        let at = format!("/modifies/{n}");
        let Some(id) = given(&modify.image) else {
            out.push(reference::IMAGE_NOT_FOUND.finding(
                format!("{at}/image"),
                tr!(
                    lang,
                    "the attribute change names no image (ModifyImageAttribute ImageId)",
                    "此镜像属性修改未指定镜像（ModifyImageAttribute 的 ImageId）"
                ),
                tr!(
                    lang,
                    "pick the image to change: one of the plan's own, or one it creates, imports or copies",
                    "请选择要修改的镜像：计划描述的镜像，或计划创建、导入或复制的镜像"
                ),
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
                tr!(
                    lang,
                    format!("{id} is a {} image; ModifyImageAttribute changes the account's own custom images only", kind.word()),
                    format!("{id} 是{}；ModifyImageAttribute 只能修改本账号自己的自定义镜像", kind.noun_zh())
                ),
                tr!(
                    lang,
                    "copy it into a custom image of your own first (for a shared image, a copy in its region), then change the copy",
                    "请先将其复制为您自己的自定义镜像（共享镜像在其所在地域复制），再修改复制出的镜像"
                ),
            ));
            continue;
        }
        let Some((image, origin, region)) = target else {
            let region =
                given(&modify.region).unwrap_or(Term::new("its region", "其所在地域").get(lang));
            out.push(launch::IMAGE_REGION_MISMATCH.rule.finding(
                format!("{at}/region"),
                tr!(
                    lang,
                    format!("{id} is not in {region}, and the plan copies it there no earlier"),
                    format!("{id} 不在 {region}，且计划没有在此之前将其复制到该地域")
                ),
                tr!(
                    lang,
                    format!("copy {id} to {region} first, or change it in the region where it is"),
                    format!("请先将 {id} 复制到 {region}，或在其所在地域修改")
                ),
            ));
            continue;
        };
        if modify.status == Some(ImageStatus::Deprecated) && !image.shared_with.is_empty() {
            out.push(MODIFY_DEPRECATE_SHARED.finding(
                format!("{at}/status"),
                tr!(
                    lang,
                    format!("{id} in {region} is still shared with {}; a shared image cannot be deprecated", image.shared_with.join(", ")),
                    format!("{region} 中的 {id} 仍共享给 {}；已共享的镜像不能弃用", join(lang, &image.shared_with))
                ),
                tr!(
                    lang,
                    "unshare it first (ModifyImageSharePermission RemoveAccount), then deprecate it",
                    "请先取消共享（ModifyImageSharePermission 的 RemoveAccount），再弃用"
                ),
            ));
        }
        let changes = modify.description.is_some() || modify.apply(image) != *image;
        if !changes {
            let why = if modify.sets_anything() {
                tr!(
                    lang,
                    format!("every attribute it sets already has that value on {id} in {region}"),
                    format!("它设置的每个属性在 {region} 的 {id} 上已是该值")
                )
            } else {
                tr!(lang, "it sets no attribute", "它没有设置任何属性")
            };
            out.push(MODIFY_NOTHING.finding_with_fix(
                at.clone(),
                tr!(
                    lang,
                    format!("attribute change #{n} changes nothing: {why}"),
                    format!("镜像属性修改 #{n} 没有任何改变：{why}")
                ),
                tr!(
                    lang,
                    "set the attribute to change (name, description, boot mode, NVMe, family or status), or remove this change",
                    "请设置要修改的属性（名称、描述、引导模式、NVMe、镜像族系或状态），或删除此修改"
                ),
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
                tr!(
                    lang,
                    format!("{id} in {region} will say it supports NVMe; instances of NVMe-only types fail to start if its OS lacks the NVMe driver"),
                    format!("{region} 中的 {id} 将被标记为支持 NVMe；如果其操作系统没有 NVMe 驱动，仅支持 NVMe 的实例规格将无法启动")
                ),
                tr!(
                    lang,
                    "make sure the image's OS holds the NVMe driver (nvme in the initramfs on Linux, e.g. `lsinitrd | grep nvme`) before relying on it",
                    "依赖此标记前，请确认镜像的操作系统带有 NVMe 驱动（Linux 上 initramfs 中有 nvme，例如 `lsinitrd | grep nvme`）"
                ),
            ));
        }
        if let Some(name) = &modify.name {
            if let Some(problem) = name_problem(lang, name) {
                out.push(super::create::IMAGE_NAME_INVALID.finding(
                    format!("{at}/name"),
                    tr!(
                        lang,
                        format!("image name \"{name}\" is not valid: {problem}"),
                        format!("镜像名称“{name}”无效：{problem}")
                    ),
                    tr!(
                        lang,
                        "rename it: 2-128 characters, starting with a letter; letters, digits and . : _ -",
                        "请重命名：2～128 个字符，以字母开头，只含字母、数字和 . : _ -"
                    ),
                ));
            }
        }
        if let Some(family) = &modify.family {
            out.extend(family_finding(lang, family, &format!("{at}/family")));
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
        tr!(
            ctx.lang,
            format!("{image} supports NVMe, but CopyImage does not carry the NVMe attribute over: the copy in {to} is nvme: unsupported, and NVMe-only types (g8i, g9i, ...) refuse it"),
            format!("{image} 支持 NVMe，但 CopyImage 不会复制 NVMe 属性：{to} 中的副本为 nvme: unsupported，仅支持 NVMe 的实例规格（g8i、g9i 等）无法使用它")
        ),
        tr!(
            ctx.lang,
            format!("set it on the copy with ModifyImageAttribute (a modify of {image} in {to} with \"nvme\": \"supported\")"),
            format!("请用 ModifyImageAttribute 在副本上设置（对 {to} 中的 {image} 添加 \"nvme\": \"supported\" 的属性修改）")
        ),
        Some(Fix::SetNvmeSupported {
            image: image.to_string(),
            region: to.to_string(),
        }),
    ));
}
