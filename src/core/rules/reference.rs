//! Reference rules, shared by every area: a value an API call needs and the plan does not give
//! (`value-missing`, CONTRACT §4.1), and IDs that name nothing known (regions, images, instance
//! types). An item that fails here gets no further findings: one root cause, one error.

use super::{docs, Context};
use crate::core::guide::Topic;
use crate::core::i18n::{Lang, Term, Text};
use crate::core::item::Item;
use crate::core::report::{Finding, Severity};

declare_rules! {
    /// `region-unknown`.
    REGION_UNKNOWN = super::Rule {
        code: "region-unknown",
        severity: Severity::Error,
        summary: "a region ID not in the catalog",
        doc: docs::REGIONS,
        topic: None,
    };
    /// `region-closed` (CONTRACT §4.1): the catalog keeps closed regions with their date.
    REGION_CLOSED = super::Rule {
        code: "region-closed",
        severity: Severity::Error,
        summary: "a region Alibaba Cloud has closed (the catalog keeps it, with the date it closed)",
        doc: docs::REGIONS,
        topic: None,
    };
    /// `image-not-found`.
    IMAGE_NOT_FOUND = super::Rule {
        code: "image-not-found",
        severity: Severity::Error,
        summary: "an image ID that is neither in the catalog nor in the plan",
        doc: docs::IMAGE_OVERVIEW,
        topic: Some(Topic::ImageTypes),
    };
    /// `instance-type-not-found`.
    INSTANCE_TYPE_NOT_FOUND = super::Rule {
        code: "instance-type-not-found",
        severity: Severity::Error,
        summary: "an instance type ID that is neither in the catalog nor in the plan",
        doc: docs::RUN_INSTANCES,
        topic: None,
    };
    /// `launch-from-snapshot`: the launch names a snapshot where RunInstances needs an image.
    LAUNCH_FROM_SNAPSHOT = super::Rule {
        code: "launch-from-snapshot",
        severity: Severity::Error,
        summary: "a launch names a snapshot (s-...); create an image from it first",
        doc: docs::IMAGE_OVERVIEW,
        topic: Some(Topic::Snapshots),
    };
    /// `value-missing` (CONTRACT §4.1).
    VALUE_MISSING = super::Rule {
        code: "value-missing",
        severity: Severity::Error,
        summary: "an API call of the plan needs a value the item does not give and the plan does not imply",
        doc: docs::IMAGE_OVERVIEW,
        topic: None,
    };
}

/// A `value-missing` finding at `path`: `api` needs `param` (`what`, in words), and the item
/// gives none.
pub fn missing(lang: Lang, path: &str, what: Text, api: &str, param: &str) -> Finding {
    let item = path.rsplit_once('/').map_or("", |(item, _)| item);
    let item = item_words(lang, item);
    VALUE_MISSING.finding(
        path.to_string(),
        tr!(
            lang,
            format!("{item} gives no {what}: {api} needs {param}"),
            format!("{item}未填写{what}：{api} 需要参数 {param}")
        ),
        tr!(lang, format!("fill in the {what}"), format!("请填写{what}")),
    )
}

/// How a person names the plan item at `pointer`: `/launches/0` is "launch #0" ("启动 #0").
fn item_words(lang: Lang, pointer: &str) -> String {
    let mut parts = pointer.trim_start_matches('/').split('/');
    let list = parts.next().unwrap_or("");
    let index = parts.next().unwrap_or("");
    if list.is_empty() {
        return tr!(lang, "the plan", "计划").into_string();
    }
    let noun = match Item::of_path(pointer).noun() {
        Some(noun) => noun.get(lang),
        None => return list.to_string(),
    };
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() {
        format!("{noun} #{index}")
    } else {
        match lang {
            Lang::En => format!("{} of {noun} #{index}", rest.join(" ").replace('_', " ")),
            Lang::ZhCn => format!("{noun} #{index} 的 {}", rest.join("/")),
        }
    }
}

/// A `region-unknown` finding when `region` is not in the catalog.
pub(crate) fn check_region(
    ctx: &Context,
    region: &str,
    path: &str,
    out: &mut Vec<Finding>,
) -> bool {
    if ctx.catalog.region(region).is_some() {
        return true;
    }
    out.push(REGION_UNKNOWN.finding(
        path.to_string(),
        tr!(
            ctx.lang,
            format!("region \"{region}\" is not a region this planner knows"),
            format!("地域“{region}”不是本规划器已知的地域")
        ),
        tr!(
            ctx.lang,
            "use a region ID such as cn-hangzhou or ap-southeast-1; `ecs-image-planner rules` and the catalog list them",
            "请使用地域 ID，例如 cn-hangzhou 或 ap-southeast-1；`ecs-image-planner rules` 和目录中列出了全部地域"
        ),
    ));
    false
}

/// A `region-unknown` or `region-closed` finding when no API call can run in `region`: it is
/// not in the catalog, or it closed on or before the plan date.
pub(crate) fn check_region_open(
    ctx: &Context,
    region: &str,
    path: &str,
    out: &mut Vec<Finding>,
) -> bool {
    if !check_region(ctx, region, path, out) {
        return false;
    }
    let Some(found) = ctx
        .catalog
        .region(region)
        .filter(|r| r.closed_by(ctx.as_of))
    else {
        return true;
    };
    let closed = found.closed.map(|d| d.to_string()).unwrap_or_default();
    out.push(
        REGION_CLOSED
            .finding(
                path.to_string(),
                tr!(
                    ctx.lang,
                    format!("region {region} ({}) closed on {closed}", found.name),
                    format!(
                        "地域 {region}（{}）已于 {} 关停",
                        found.name_in(Lang::ZhCn),
                        found.closed.map(|d| d.zh()).unwrap_or_default()
                    )
                ),
                tr!(
                    ctx.lang,
                    "plan this in an open region; the catalog page (\"catalog as of\" in the footer) lists every region and when the closed ones closed",
                    "请在仍开放的地域规划；目录页面（页脚的“目录数据日期”）列出了所有地域及已关停地域的关停日期"
                ),
            )
            .with_evidence(crate::core::evidence::region_closed(ctx.catalog, found, ctx.lang).into_iter().collect()),
    );
    false
}

/// An `image-not-found` finding when no catalog image, plan image or create has this ID.
pub(crate) fn check_image_known(
    ctx: &Context,
    image: &str,
    path: &str,
    out: &mut Vec<Finding>,
) -> bool {
    if ctx.resolver.find(image).is_some() {
        return true;
    }
    out.push(IMAGE_NOT_FOUND.finding(
        path.to_string(),
        tr!(
            ctx.lang,
            format!("the planner does not know image \"{image}\": it is not a catalog image, and the plan neither describes nor creates it"),
            format!("规划器不认识镜像“{image}”：它不在目录中，计划既未描述也未创建它")
        ),
        tr!(
            ctx.lang,
            "if it is your own or a shared image, describe it (architecture, boot mode, NVMe driver; DescribeImages shows them) so launches can be checked; otherwise pick an image from the catalog",
            "如果它是您自己的自定义镜像或共享镜像，请在计划中描述它（架构、引导模式、NVMe 驱动；DescribeImages 可查到），以便检查启动；否则请从目录中选择镜像"
        ),
    ));
    false
}

/// The plan's own images and instance types: an entry without an ID cannot be referred to, and
/// a type without vCPUs or memory cannot be checked against an image.
pub(crate) fn check_plan_entries(ctx: &Context, out: &mut Vec<Finding>) {
    for (n, image) in ctx.plan.images.iter().enumerate() {
        if image.id.trim().is_empty() {
            out.push(VALUE_MISSING.finding(
                format!("/images/{n}/id"),
                tr!(
                    ctx.lang,
                    format!(
                        "image #{n} of the plan has no ID, so no launch, copy or share can name it"
                    ),
                    format!("计划中的镜像 #{n} 没有 ID，启动、复制或共享都无法引用它")
                ),
                tr!(
                    ctx.lang,
                    "fill in the image ID (m-..., or a public image's ID)",
                    "请填写镜像 ID（m-...，或公共镜像的 ID）"
                ),
            ));
        }
    }
    for (n, itype) in ctx.plan.instance_types.iter().enumerate() {
        let at = format!("/instance_types/{n}");
        if itype.id.trim().is_empty() {
            out.push(VALUE_MISSING.finding(
                format!("{at}/id"),
                tr!(
                    ctx.lang,
                    format!("instance type #{n} of the plan has no ID, so no launch can name it"),
                    format!("计划中的实例规格 #{n} 没有 ID，启动无法引用它")
                ),
                tr!(
                    ctx.lang,
                    "fill in the instance type ID (ecs.g8i.large, ...)",
                    "请填写实例规格 ID（例如 ecs.g8i.large）"
                ),
            ));
        }
        for (missing, field, what) in [
            (
                itype.vcpus.is_none(),
                "vcpus",
                Term::new("vCPU count", "vCPU 数"),
            ),
            (
                itype.memory_gib.is_none(),
                "memory_gib",
                Term::new("memory in GiB", "内存大小（GiB）"),
            ),
        ] {
            if missing {
                let name = if itype.id.is_empty() {
                    format!("#{n}")
                } else {
                    itype.id.clone()
                };
                let what = what.get(ctx.lang);
                out.push(VALUE_MISSING.finding(
                    format!("{at}/{field}"),
                    tr!(
                        ctx.lang,
                        format!("instance type {name} gives no {what}, so images cannot be checked against it"),
                        format!("实例规格 {name} 未填写{what}，无法据此检查镜像")
                    ),
                    tr!(
                        ctx.lang,
                        format!("fill in the {what} (DescribeInstanceTypes shows it)"),
                        format!("请填写{what}（DescribeInstanceTypes 可查到）")
                    ),
                ));
            }
        }
    }
}
