//! Share rules (ModifyImageSharePermission): what can be shared, where, with whom, and how
//! many accounts.

use std::collections::{HashMap, HashSet};

use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::model::{ImageStatus, ImageType, KeyKind};
use crate::core::report::{Finding, Severity};

/// `share-not-custom`.
pub const SHARE_NOT_CUSTOM: Rule = Rule {
    code: "share-not-custom",
    severity: Severity::Error,
    summary: "sharing an image that is not the account's own custom image",
    doc: docs::SHARE_GUIDE,
};
/// `share-cross-region`.
pub const SHARE_CROSS_REGION: Rule = Rule {
    code: "share-cross-region",
    severity: Severity::Error,
    summary: "sharing in a region where the image is not (copy it first)",
    doc: docs::SHARE_GUIDE,
};
/// `share-quota-exceeded`.
pub const SHARE_QUOTA_EXCEEDED: Rule = Rule {
    code: "share-quota-exceeded",
    severity: Severity::Error,
    summary: "existing plus new accounts over share_accounts_per_image",
    doc: docs::SHARE_IMAGE,
};
/// `share-self`.
pub const SHARE_SELF: Rule = Rule {
    code: "share-self",
    severity: Severity::Error,
    summary: "sharing with the planning account itself",
    doc: docs::SHARE_IMAGE,
};
/// `share-account-invalid`.
pub const SHARE_ACCOUNT_INVALID: Rule = Rule {
    code: "share-account-invalid",
    severity: Severity::Error,
    summary: "an account ID that is not all digits",
    doc: docs::SHARE_IMAGE,
};
/// `share-encrypted-service-key`.
pub const SHARE_ENCRYPTED_SERVICE_KEY: Rule = Rule {
    code: "share-encrypted-service-key",
    severity: Severity::Error,
    summary: "sharing an image encrypted with a service key",
    doc: docs::SHARE_IMAGE,
};
/// `share-marketplace-derived`.
pub const SHARE_MARKETPLACE_DERIVED: Rule = Rule {
    code: "share-marketplace-derived",
    severity: Severity::Warning,
    summary: "sharing a Marketplace-derived image",
    doc: docs::SHARE_GUIDE,
};
/// `share-deprecated`.
pub const SHARE_DEPRECATED: Rule = Rule {
    code: "share-deprecated",
    severity: Severity::Error,
    summary: "sharing a Deprecated image",
    doc: docs::SHARE_IMAGE,
};

/// Whether `account` looks like an Alibaba Cloud account ID: digits only, not empty.
pub fn account_valid(account: &str) -> bool {
    !account.is_empty() && account.bytes().all(|b| b.is_ascii_digit())
}

/// Every share in plan order; new accounts of several shares of the same image add up.
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let quota = ctx.plan.share_accounts_per_image() as usize;
    let mut granted: HashMap<String, HashSet<&str>> = HashMap::new();
    for (n, share) in ctx.plan.shares.iter().enumerate() {
        let at = format!("/shares/{n}");
        for (m, account) in share.accounts.iter().enumerate() {
            let path = format!("{at}/accounts/{m}");
            let fix = Some(Fix::RemoveShareAccount {
                share: n,
                account_index: m,
            });
            if !account_valid(account) {
                out.push(SHARE_ACCOUNT_INVALID.finding_with_fix(
                    path,
                    format!(
                        "account \"{account}\" is not an Alibaba Cloud account ID (digits only)"
                    ),
                    "write the account's numeric ID (Account Center shows it), or remove it".into(),
                    fix,
                ));
            } else if ctx.plan.account_id.as_deref() == Some(account.as_str()) {
                out.push(SHARE_SELF.finding_with_fix(
                    path,
                    format!("account {account} is the planning account itself (account_id)"),
                    "remove it: your own account sees its images without sharing".into(),
                    fix,
                ));
            }
        }
        if !ctx.check_region(&share.region, &format!("{at}/region"), out)
            || !ctx.check_image_known(&share.image, &format!("{at}/image"), out)
        {
            continue;
        }
        let Some(resolved) = ctx.resolver.resolve(&share.image, &share.region) else {
            continue;
        };
        let image = resolved.image;
        let (id, region) = (&share.image, &share.region);
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
                    image: id.clone(),
                    to_region: region.clone(),
                    encrypted: image.encrypted,
                }),
            ));
        }
        if image.encrypted && image.key != Some(KeyKind::Cmk) {
            out.push(SHARE_ENCRYPTED_SERVICE_KEY.finding(
                format!("{at}/image"),
                format!("{id} is encrypted with the ECS service key, which cannot be shared"),
                "copy the image with kms_key_id set to a customer master key (CMK), then share the copy".into(),
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
        let key = format!("{region}\u{0}{}", resolved.origin.image_ref(image));
        let accounts = granted
            .entry(key)
            .or_insert_with(|| image.shared_with.iter().map(String::as_str).collect());
        let before = accounts.len();
        let mut keep = share.accounts.len();
        for (m, account) in share.accounts.iter().enumerate() {
            if accounts.len() >= quota
                && !accounts.contains(account.as_str())
                && keep == share.accounts.len()
            {
                keep = m;
            }
            accounts.insert(account);
        }
        if accounts.len() > quota && accounts.len() > before {
            let existing = image.shared_with.len();
            out.push(SHARE_QUOTA_EXCEEDED.finding_with_fix(
                format!("{at}/accounts"),
                format!(
                    "{id} would be shared with {} accounts ({existing} already, {} by earlier shares, {} new here); the quota is {quota}",
                    accounts.len(),
                    before - existing.min(before),
                    accounts.len() - before
                ),
                format!("share with at most {} more account(s), or raise q_user-per-image-shared-user-count and set quotas.share_accounts_per_image", quota.saturating_sub(before)),
                Some(Fix::TrimShareAccounts { share: n, keep }),
            ));
        }
    }
}
