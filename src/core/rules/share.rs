//! Share rules (ModifyImageSharePermission): what can be shared, where, with whom, and how
//! many accounts.

use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::guide::Topic;
use crate::core::i18n::{count_en, join, Term};
use crate::core::model::{ImageStatus, ImageType, KeyKind};
use crate::core::report::{Finding, Severity};

declare_rules! {
    /// `share-not-custom`.
    SHARE_NOT_CUSTOM = Rule {
        code: "share-not-custom",
        severity: Severity::Error,
        summary: "sharing an image that is not the account's own custom image",
        doc: docs::SHARE_GUIDE,
        topic: Some(Topic::ImageTypes),
    };
    /// `share-cross-region`.
    SHARE_CROSS_REGION = Rule {
        code: "share-cross-region",
        severity: Severity::Error,
        summary: "sharing in a region where the image is not (copy it first)",
        doc: docs::SHARE_GUIDE,
        topic: None,
    };
    /// `share-quota-exceeded`.
    SHARE_QUOTA_EXCEEDED = Rule {
        code: "share-quota-exceeded",
        severity: Severity::Error,
        summary: "existing plus new accounts over share_accounts_per_image",
        doc: docs::SHARE_IMAGE,
        topic: None,
    };
    /// `share-self`.
    SHARE_SELF = Rule {
        code: "share-self",
        severity: Severity::Error,
        summary: "sharing with the planning account itself",
        doc: docs::SHARE_IMAGE,
        topic: None,
    };
    /// `share-account-invalid`.
    SHARE_ACCOUNT_INVALID = Rule {
        code: "share-account-invalid",
        severity: Severity::Error,
        summary: "an account ID that is not all digits",
        doc: docs::SHARE_IMAGE,
        topic: None,
    };
    /// `share-account-length`.
    SHARE_ACCOUNT_LENGTH = Rule {
        code: "share-account-length",
        severity: Severity::Warning,
        summary: "an account ID of digits that is not 16 digits long (Alibaba Cloud account IDs are)",
        doc: docs::SHARE_IMAGE,
        topic: None,
    };
    /// `share-account-duplicate`.
    SHARE_ACCOUNT_DUPLICATE = Rule {
        code: "share-account-duplicate",
        severity: Severity::Warning,
        summary: "an account listed twice for the same image (AddAccount would name it twice)",
        doc: docs::SHARE_IMAGE,
        topic: None,
    };
    /// `share-encrypted-service-key`.
    SHARE_ENCRYPTED_SERVICE_KEY = Rule {
        code: "share-encrypted-service-key",
        severity: Severity::Error,
        summary: "sharing an image encrypted with a service key",
        doc: docs::SHARE_IMAGE,
        topic: None,
    };
    /// `share-marketplace-derived`.
    SHARE_MARKETPLACE_DERIVED = Rule {
        code: "share-marketplace-derived",
        severity: Severity::Warning,
        summary: "sharing a Marketplace-derived image",
        doc: docs::SHARE_GUIDE,
        topic: None,
    };
    /// `share-deprecated`.
    SHARE_DEPRECATED = Rule {
        code: "share-deprecated",
        severity: Severity::Error,
        summary: "sharing a Deprecated image",
        doc: docs::SHARE_IMAGE,
        topic: None,
    };
}

/// Whether `account` looks like an Alibaba Cloud account ID: digits only, not empty.
pub fn account_valid(account: &str) -> bool {
    !account.is_empty() && account.bytes().all(|b| b.is_ascii_digit())
}

/// Every share in plan order; new accounts of several shares of the same image add up
/// ([`crate::core::ledger::Ledger`] counts them).
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let lang = ctx.lang;
    for (n, share) in ctx.plan.shares.iter().enumerate() {
        let at = format!("/shares/{n}");
        check_accounts(ctx, n, out);
        let Some(id) = ctx.require(
            &share.image,
            &format!("{at}/image"),
            Term::new("image", "镜像"),
            "ModifyImageSharePermission",
            "ImageId",
            out,
        ) else {
            continue;
        };
        if !ctx.check_image_known(id, &format!("{at}/image"), out) {
            continue;
        }
        let Some(region) = ctx.resolver.share_region(share) else {
            out.push(super::reference::missing(
                lang,
                &format!("{at}/region"),
                tr!(
                    lang,
                    "region (the image is not in exactly one region)",
                    "地域（该镜像并非只在一个地域）"
                ),
                "ModifyImageSharePermission",
                "RegionId",
            ));
            continue;
        };
        if !ctx.check_region_open(region, &format!("{at}/region"), out) {
            continue;
        }
        let Some(resolved) = ctx.resolver.resolve(id, region) else {
            continue;
        };
        let image = resolved.image;
        if image.kind != ImageType::Custom {
            out.push(SHARE_NOT_CUSTOM.finding(
                format!("{at}/image"),
                tr!(
                    lang,
                    format!(
                        "{id} is a {} image; only your own custom images can be shared",
                        match image.kind {
                            ImageType::Public => "public",
                            ImageType::Shared => "shared (received)",
                            ImageType::Marketplace => "Marketplace",
                            _ => "community",
                        }
                    ),
                    format!(
                        "{id} 是{}；只能共享您自己的自定义镜像",
                        match image.kind {
                            ImageType::Shared => "别人共享给您的共享镜像",
                            kind => kind.noun_zh(),
                        }
                    )
                ),
                tr!(
                    lang,
                    "share a custom image of your own; a received image cannot be shared again",
                    "请共享您自己的自定义镜像；别人共享给您的镜像不能再次共享"
                ),
            ));
            continue;
        }
        if !resolved.here {
            out.push(SHARE_CROSS_REGION.finding_with_fix(
                format!("{at}/region"),
                tr!(
                    lang,
                    format!(
                        "{id} is in {}, not in {region}; images are shared per region",
                        image.regions.as_deref().unwrap_or_default().join(", ")
                    ),
                    format!(
                        "{id} 位于 {}，不在 {region}；镜像按地域共享",
                        join(lang, image.regions.as_deref().unwrap_or_default())
                    )
                ),
                tr!(
                    lang,
                    format!("add a copy of {id} to {region} first, or share it in its own region"),
                    format!("请先将 {id} 复制到 {region}，或在其所在地域共享")
                ),
                Some(Fix::AddCopy {
                    image: id.to_string(),
                    to_region: region.to_string(),
                    encrypted: image.encrypted,
                }),
            ));
        }
        if image.encrypted && image.key != Some(KeyKind::Cmk) {
            out.push(SHARE_ENCRYPTED_SERVICE_KEY.finding(
                format!("{at}/image"),
                tr!(
                    lang,
                    format!("{id} is encrypted with the ECS service key, which cannot be shared"),
                    format!("{id} 使用 ECS 服务密钥加密，这类镜像不能共享")
                ),
                tr!(
                    lang,
                    "copy the image encrypted with a customer master key (CMK) from KMS, then share the copy",
                    "请用 KMS 的用户主密钥（CMK）加密复制该镜像，再共享复制出的镜像"
                ),
            ));
        }
        if image.from_marketplace {
            out.push(SHARE_MARKETPLACE_DERIVED.finding(
                format!("{at}/image"),
                tr!(
                    lang,
                    format!("{id} is built from a Marketplace image"),
                    format!("{id} 基于镜像市场镜像创建")
                ),
                tr!(
                    lang,
                    "make sure each account may use the Marketplace product; sharing across the China and international sites fails",
                    "请确认每个账号都可以使用该镜像市场商品；在中国站与国际站之间共享会失败"
                ),
            ));
        }
        if image.status == ImageStatus::Deprecated {
            out.push(SHARE_DEPRECATED.finding(
                format!("{at}/image"),
                tr!(
                    lang,
                    format!("{id} is Deprecated; Deprecated images cannot be shared"),
                    format!("{id} 已弃用（Deprecated）；已弃用的镜像不能共享")
                ),
                tr!(
                    lang,
                    "set the image back to Available (ModifyImageAttribute Status) or share its replacement",
                    "请将镜像恢复为可用（ModifyImageAttribute 的 Status 设为 Available），或共享替代它的镜像"
                ),
            ));
        }
        check_quota(ctx, n, id, out);
    }
}

/// Digits in an Alibaba Cloud account ID (the UID Account Center shows).
pub const ACCOUNT_ID_DIGITS: usize = 16;

/// `share-account-invalid`, `share-account-length`, `share-account-duplicate` and
/// `share-self` on each account of `shares[n]`.
fn check_accounts(ctx: &Context, n: usize, out: &mut Vec<Finding>) {
    account_findings(
        ctx,
        &ctx.plan.shares[n].accounts,
        &format!("/shares/{n}/accounts"),
        |m| {
            Some(Fix::RemoveShareAccount {
                share: n,
                account_index: m,
            })
        },
        out,
    );
}

/// `share-account-invalid`, `share-self`, `share-account-duplicate` and `share-account-length`
/// on each account of a list at `at` (a share's `accounts`, a pipeline's `share_accounts`);
/// `fix(m)` removes account `m`, where the item has such a fix.
pub(crate) fn account_findings(
    ctx: &Context,
    accounts: &[String],
    at: &str,
    fix: impl Fn(usize) -> Option<Fix>,
    out: &mut Vec<Finding>,
) {
    let lang = ctx.lang;
    for (m, account) in accounts.iter().enumerate() {
        let path = format!("{at}/{m}");
        let fix = fix(m);
        if !account_valid(account) {
            out.push(SHARE_ACCOUNT_INVALID.finding_with_fix(
                path,
                tr!(
                    lang,
                    format!(
                        "account \"{account}\" is not an Alibaba Cloud account ID (digits only)"
                    ),
                    format!("账号“{account}”不是阿里云账号 ID（只能是数字）")
                ),
                tr!(
                    lang,
                    "write the account's numeric ID (Account Center shows it), or remove it",
                    "请填写该账号的数字 ID（账号中心可查到），或删除它"
                ),
                fix,
            ));
        } else if ctx.plan.account_id.as_deref() == Some(account.as_str()) {
            out.push(SHARE_SELF.finding_with_fix(
                path,
                tr!(
                    lang,
                    format!("account {account} is the planning account itself"),
                    format!("账号 {account} 就是本计划所用的账号")
                ),
                tr!(
                    lang,
                    "remove it: your own account sees its images without sharing",
                    "请删除它：您自己的账号无需共享即可使用自己的镜像"
                ),
                fix,
            ));
        } else if let Some(first) = accounts[..m].iter().position(|a| a == account) {
            out.push(SHARE_ACCOUNT_DUPLICATE.finding_with_fix(
                path,
                tr!(
                    lang,
                    format!("account {account} is listed twice (as account #{first} and #{m})"),
                    format!("账号 {account} 重复列出（第 #{first} 和第 #{m} 个）")
                ),
                tr!(
                    lang,
                    "remove the second one: the image is shared with each account once",
                    "请删除重复的一项：镜像对每个账号只共享一次"
                ),
                fix,
            ));
        } else if account.len() != ACCOUNT_ID_DIGITS {
            out.push(SHARE_ACCOUNT_LENGTH.finding_with_fix(
                path,
                tr!(
                    lang,
                    format!(
                        "account {account} has {} digits; Alibaba Cloud account IDs have {ACCOUNT_ID_DIGITS}",
                        account.len()
                    ),
                    format!(
                        "账号 {account} 有 {} 位数字；阿里云账号 ID 为 {ACCOUNT_ID_DIGITS} 位",
                        account.len()
                    )
                ),
                tr!(
                    lang,
                    "check the ID in the other account's Account Center (a digit may be missing or extra), or remove it",
                    "请在对方账号的账号中心核对 ID（可能少了或多了一位），或删除它"
                ),
                fix,
            ));
        }
    }
}

/// `share-quota-exceeded` when `shares[n]` takes its image past the quota.
fn check_quota(ctx: &Context, n: usize, id: &str, out: &mut Vec<Finding>) {
    let Some(step) = ctx.ledger.share_step(n) else {
        return;
    };
    let quota = ctx.ledger.share_quota as usize;
    if step.after <= quota || step.after <= step.before {
        return;
    }
    let existing = ctx.ledger.shares[step.usage].existing.len();
    out.push(SHARE_QUOTA_EXCEEDED.finding_with_fix(
        format!("/shares/{n}/accounts"),
        tr!(
            ctx.lang,
            format!(
                "{id} would be shared with {} accounts ({existing} already, {} by earlier shares, {} new here); the quota is {quota}",
                step.after,
                step.before - existing.min(step.before),
                step.after - step.before
            ),
            format!(
                "{id} 将共享给 {} 个账号（已共享 {existing} 个，之前的共享新增 {} 个，此处新增 {} 个）；配额为 {quota} 个",
                step.after,
                step.before - existing.min(step.before),
                step.after - step.before
            )
        ),
        tr!(
            ctx.lang,
            format!(
                "share with at most {}, or raise q_user-per-image-shared-user-count in Quota Center and enter the new quota here",
                count_en(quota.saturating_sub(step.before), "more account", "more accounts")
            ),
            format!(
                "最多再共享给 {} 个账号，或在配额中心提升 q_user-per-image-shared-user-count 并在此填写新配额",
                quota.saturating_sub(step.before)
            )
        ),
        Some(Fix::TrimShareAccounts { share: n, keep: step.fits }),
    ));
}
