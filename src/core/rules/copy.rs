//! Copy rules (CopyImage): what can be copied, where, and with which encryption. Names and
//! quotas of the copy are checked with creates ([`super::create`]).

use super::{docs, Context, Rule};
use crate::core::fix::Fix;
use crate::core::guide::Topic;
use crate::core::model::{Image, ImageStatus, ImageType};
use crate::core::report::{Finding, Severity};
use crate::core::resolve::home_region;

declare_rules! {
    /// `copy-not-custom`.
    COPY_NOT_CUSTOM = Rule {
        code: "copy-not-custom",
        severity: Severity::Error,
        summary: "copying a public, Marketplace or community image",
        doc: docs::COPY_IMAGE,
        topic: Some(Topic::ImageTypes),
    };
    /// `copy-shared-cross-region`.
    COPY_SHARED_CROSS_REGION = Rule {
        code: "copy-shared-cross-region",
        severity: Severity::Error,
        summary: "copying a shared image to another region",
        doc: docs::COPY_IMAGE,
        topic: Some(Topic::ImageTypes),
    };
    /// `copy-deprecated`.
    COPY_DEPRECATED = Rule {
        code: "copy-deprecated",
        severity: Severity::Error,
        summary: "copying a Deprecated image",
        doc: docs::COPY_IMAGE,
        topic: None,
    };
    /// `copy-same-region`.
    COPY_SAME_REGION = Rule {
        code: "copy-same-region",
        severity: Severity::Error,
        summary: "a copy into its own region that changes no encryption",
        doc: docs::COPY_IMAGE,
        topic: None,
    };
    /// `copy-encrypted-to-plain`.
    COPY_ENCRYPTED_TO_PLAIN = Rule {
        code: "copy-encrypted-to-plain",
        severity: Severity::Error,
        summary: "an encrypted image copied as unencrypted",
        doc: docs::COPY_IMAGE,
        topic: None,
    };
    /// `copy-kms-without-encryption`.
    COPY_KMS_WITHOUT_ENCRYPTION = Rule {
        code: "copy-kms-without-encryption",
        severity: Severity::Error,
        summary: "kms_key_id set while encrypted is not true",
        doc: docs::COPY_IMAGE,
        topic: None,
    };
    /// `copy-marketplace-not-published`.
    COPY_MARKETPLACE_NOT_PUBLISHED = Rule {
        code: "copy-marketplace-not-published",
        severity: Severity::Error,
        summary: "a Marketplace-derived image copied outside marketplace_regions",
        doc: docs::COPY_IMAGE,
        topic: None,
    };
    /// `copy-large-image`.
    COPY_LARGE_IMAGE = Rule {
        code: "copy-large-image",
        severity: Severity::Warning,
        summary: "an image over 2048 GiB: copy its snapshots instead",
        doc: docs::COPY_IMAGE,
        topic: None,
    };
}

/// Largest image CopyImage handles, in GiB.
pub const MAX_COPY_GIB: u32 = 2048;

/// Why an image cannot be copied to `to` at all, the root cause that makes every other check
/// of the copy moot (CONTRACT §4.1: one root cause, one error); `None` when it can be.
pub fn blocked(source: &Image, to: &str) -> Option<&'static Rule> {
    match source.kind {
        ImageType::Public | ImageType::Marketplace | ImageType::Community => Some(&COPY_NOT_CUSTOM),
        ImageType::Shared if !source.available_in(to) => Some(&COPY_SHARED_CROSS_REGION),
        _ if source.status == ImageStatus::Deprecated => Some(&COPY_DEPRECATED),
        _ => None,
    }
}

/// Checks `copies[n]` against its source image. Returns the source and the destination when
/// the copy can run, so the caller can go on with names and quotas.
pub(crate) fn check_copy<'a>(
    ctx: &Context<'a>,
    n: usize,
    out: &mut Vec<Finding>,
) -> Option<(&'a Image, &'a str)> {
    let copy = &ctx.plan.copies[n];
    let at = format!("/copies/{n}");
    let image = ctx.require(
        &copy.image,
        &format!("{at}/image"),
        "image",
        "CopyImage",
        "ImageId",
        out,
    );
    let to = ctx.require(
        &copy.to_region,
        &format!("{at}/to_region"),
        "destination region",
        "CopyImage",
        "DestinationRegionId",
        out,
    );
    let (image, to) = (image?, to?);
    let region_ok = ctx.check_region_open(to, &format!("{at}/to_region"), out);
    if !ctx.check_image_known(image, &format!("{at}/image"), out) {
        return None;
    }
    let (source, _) = ctx.resolver.find(image)?;
    let id = &source.id;
    let from = home_region(source).unwrap_or("its region");
    if let Some(rule) = blocked(source, to) {
        out.push(blocked_finding(rule, source, n, from, to));
        return None;
    }
    let encrypted = copy.encrypted == Some(true);
    let changes_encryption = (encrypted && !source.encrypted) || copy.kms_key_id.is_some();
    // A copy of a shared image within its region is how the account gets its own copy: it
    // changes the owner, so it is not a no-op.
    let changes_owner = source.kind == ImageType::Shared;
    if region_ok && source.available_in(to) && !changes_encryption && !changes_owner {
        out.push(COPY_SAME_REGION.finding_with_fix(
            format!("{at}/to_region"),
            format!("{id} already exists in {to}, and the copy changes no encryption"),
            "remove the copy, or make it encrypted (with a KMS key) to re-encrypt the image".into(),
            Some(Fix::RemoveCopy { copy: n }),
        ));
    }
    if source.encrypted && !encrypted {
        out.push(COPY_ENCRYPTED_TO_PLAIN.finding_with_fix(
            format!("{at}/encrypted"),
            format!(
                "{id} is encrypted, and the copy asks for encrypted: {}",
                copy.encrypted.map_or("absent (false)".into(), |e| e.to_string())
            ),
            "make the copy encrypted; an encrypted image only gives encrypted copies".into(),
            Some(Fix::SetCopyEncrypted { copy: n }),
        ));
    }
    if let Some(key) = copy.kms_key_id.as_deref().filter(|_| !encrypted) {
        out.push(COPY_KMS_WITHOUT_ENCRYPTION.finding_with_fix(
            format!("{at}/kms_key_id"),
            format!("KMS key \"{key}\" is set, but the copy is not encrypted"),
            "make the copy encrypted, or remove the KMS key".into(),
            Some(Fix::SetCopyEncrypted { copy: n }),
        ));
    }
    if source.from_marketplace {
        if let Some(regions) = &source.marketplace_regions {
            if !regions.iter().any(|r| r == to) {
                out.push(COPY_MARKETPLACE_NOT_PUBLISHED.finding(
                    format!("{at}/to_region"),
                    format!(
                        "{id} is built from a Marketplace image published in {}, not in {to}",
                        regions.join(", ")
                    ),
                    "copy it to a region where the Marketplace product is published".into(),
                ));
            }
        }
    }
    if let Some(size) = source.size_gib.filter(|size| *size > MAX_COPY_GIB) {
        out.push(COPY_LARGE_IMAGE.finding(
            format!("{at}/image"),
            format!("{id} is {size} GiB, over the {MAX_COPY_GIB} GiB CopyImage handles"),
            format!("copy its snapshots to {to} (CopySnapshot) and create an image there instead"),
        ));
    }
    region_ok.then_some((source, to))
}

/// The finding of a copy that cannot run at all.
fn blocked_finding(rule: &'static Rule, source: &Image, n: usize, from: &str, to: &str) -> Finding {
    let at = format!("/copies/{n}");
    let id = &source.id;
    if std::ptr::eq(rule, &COPY_SHARED_CROSS_REGION) {
        return rule.finding(
            format!("{at}/to_region"),
            format!("{id} is shared with you from {from}; shared images can be copied only within {from}, not to {to}"),
            format!("copy it within {from} first (an own custom image), then copy that to {to}, or ask the owner to share it in {to}"),
        );
    }
    if std::ptr::eq(rule, &COPY_DEPRECATED) {
        return rule.finding(
            format!("{at}/image"),
            format!("{id} is Deprecated; Deprecated images cannot be copied"),
            "set the image back to Available (ModifyImageAttribute Status) or copy its replacement"
                .into(),
        );
    }
    let public = source.kind == ImageType::Public;
    rule.finding_with_fix(
        format!("{at}/image"),
        format!(
            "{id} is {} image; CopyImage copies custom images only",
            match source.kind {
                ImageType::Public => "a public",
                ImageType::Marketplace => "a Marketplace",
                _ => "a community",
            }
        ),
        if public {
            "public images exist in every region already: launch it directly and remove this copy".into()
        } else {
            "launch it in a region where it is released, or build a custom image from an instance running it".into()
        },
        public.then_some(Fix::RemoveCopy { copy: n }),
    )
}
