//! Share rules (ModifyImageSharePermission): what can be shared, where, with whom, and how
//! many accounts.

use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::guide::Topic;
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
    for (n, share) in ctx.plan.shares.iter().enumerate() {
        let at = format!("/shares/{n}");
        check_accounts(ctx, n, out);
        let Some(id) = ctx.require(
            &share.image,
            &format!("{at}/image"),
            "image",
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
                &format!("{at}/region"),
                "region (the image is not in exactly one region)",
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
                format!(
                    "{id} is a {} image; only your own custom images can be shared",
                    match image.kind {
                        ImageType::Public => "public",
                        ImageType::Shared => "shared (received)",
                        ImageType::Marketplace => "Marketplace",
                        _ => "community",
                    }
                ),
                "share a custom image of your own; a received image cannot be shared again".into(),
            ));
            continue;
        }
        if !resolved.here {
            out.push(SHARE_CROSS_REGION.finding_with_fix(
                format!("{at}/region"),
                format!(
                    "{id} is in {}, not in {region}; images are shared per region",
                    image.regions.as_deref().unwrap_or_default().join(", ")
                ),
                format!("add a copy of {id} to {region} first, or share it in its own region"),
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
                format!("{id} is encrypted with the ECS service key, which cannot be shared"),
                "copy the image encrypted with a customer master key (CMK) from KMS, then share the copy".into(),
            ));
        }
        if image.from_marketplace {
            out.push(SHARE_MARKETPLACE_DERIVED.finding(
                format!("{at}/image"),
                format!("{id} is built from a Marketplace image"),
                "make sure each account may use the Marketplace product; sharing across the China and international sites fails".into(),
            ));
        }
        if image.status == ImageStatus::Deprecated {
            out.push(SHARE_DEPRECATED.finding(
                format!("{at}/image"),
                format!("{id} is Deprecated; Deprecated images cannot be shared"),
                "set the image back to Available (ModifyImageAttribute Status) or share its replacement".into(),
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
    for (m, account) in accounts.iter().enumerate() {
        let path = format!("{at}/{m}");
        let fix = fix(m);
        if !account_valid(account) {
            out.push(SHARE_ACCOUNT_INVALID.finding_with_fix(
                path,
                format!("account \"{account}\" is not an Alibaba Cloud account ID (digits only)"),
                "write the account's numeric ID (Account Center shows it), or remove it".into(),
                fix,
            ));
        } else if ctx.plan.account_id.as_deref() == Some(account.as_str()) {
            out.push(SHARE_SELF.finding_with_fix(
                path,
                format!("account {account} is the planning account itself"),
                "remove it: your own account sees its images without sharing".into(),
                fix,
            ));
        } else if let Some(first) = accounts[..m].iter().position(|a| a == account) {
            out.push(SHARE_ACCOUNT_DUPLICATE.finding_with_fix(
                path,
                format!("account {account} is listed twice (as account #{first} and #{m})"),
                "remove the second one: the image is shared with each account once".into(),
                fix,
            ));
        } else if account.len() != ACCOUNT_ID_DIGITS {
            out.push(SHARE_ACCOUNT_LENGTH.finding_with_fix(
                path,
                format!(
                    "account {account} has {} digits; Alibaba Cloud account IDs have {ACCOUNT_ID_DIGITS}",
                    account.len()
                ),
                "check the ID in the other account's Account Center (a digit may be missing or extra), or remove it".into(),
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
        format!(
            "{id} would be shared with {} accounts ({existing} already, {} by earlier shares, {} new here); the quota is {quota}",
            step.after,
            step.before - existing.min(step.before),
            step.after - step.before
        ),
        format!(
            "share with at most {} more account(s), or raise q_user-per-image-shared-user-count in Quota Center and enter the new quota here",
            quota.saturating_sub(step.before)
        ),
        Some(Fix::TrimShareAccounts { share: n, keep: step.fits }),
    ));
}
