//! Delete rules (DeleteImage, DeleteSnapshot): a snapshot an image still uses cannot go, and a
//! shared image must be unshared first.

use std::collections::HashSet;

use super::{docs, Context, Rule};
use crate::core::guide::Topic;
use crate::core::model::{given, CreateSource, Image};
use crate::core::report::{Finding, Severity};

declare_rules! {
    /// `snapshot-in-use`.
    SNAPSHOT_IN_USE = Rule {
        code: "snapshot-in-use",
        severity: Severity::Error,
        summary: "deleting a snapshot that an image not deleted before it still uses",
        doc: docs::DELETE_SNAPSHOT,
        topic: Some(Topic::Snapshots),
    };
    /// `image-shared-delete`.
    IMAGE_SHARED_DELETE = Rule {
        code: "image-shared-delete",
        severity: Severity::Error,
        summary: "deleting an image that is still shared",
        doc: docs::SHARE_GUIDE,
        topic: None,
    };
}

/// Every image the plan knows and the snapshots it uses: catalog images with their
/// `snapshots`, and created images with theirs plus the snapshot they are created from.
fn snapshot_users<'a>(ctx: &Context<'a>) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut users: Vec<(&str, Vec<&str>)> = ctx
        .catalog
        .images
        .iter()
        .filter(|image| !image.snapshots.is_empty())
        .map(|image| (image.id.as_str(), snapshots_of(image)))
        .collect();
    for create in &ctx.plan.creates {
        let mut snapshots = snapshots_of(&create.image);
        if let Some(source) = create
            .source
            .as_deref()
            .filter(|_| create.source_kind() == Some(CreateSource::Snapshot))
        {
            snapshots.push(source);
        }
        users.push((&create.image.id, snapshots));
    }
    users
}

fn snapshots_of(image: &Image) -> Vec<&str> {
    image.snapshots.iter().map(String::as_str).collect()
}

/// Every delete in order.
pub(crate) fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.plan.deletes.is_empty() {
        return;
    }
    let users = snapshot_users(ctx);
    let mut deleted: HashSet<&str> = HashSet::new();
    for (n, delete) in ctx.plan.deletes.iter().enumerate() {
        let at = format!("/deletes/{n}");
        if let Some(snapshot) = &delete.snapshot {
            in_use(&users, &deleted, snapshot, &format!("{at}/snapshot"), out);
            continue;
        }
        let Some(id) = given(&delete.image) else {
            out.push(super::reference::missing(
                &format!("{at}/image"),
                "image or snapshot to delete",
                "DeleteImage",
                "ImageId",
            ));
            continue;
        };
        if !ctx.check_image_known(id, &format!("{at}/image"), out) {
            continue;
        }
        let Some((image, _)) = ctx.resolver.find(id) else {
            continue;
        };
        let planned: Vec<&str> = ctx
            .plan
            .shares
            .iter()
            .filter(|share| given(&share.image) == Some(id))
            .flat_map(|share| share.accounts.iter().map(String::as_str))
            .collect();
        if !image.shared_with.is_empty() || !planned.is_empty() {
            let mut accounts: Vec<&str> = image.shared_with.iter().map(String::as_str).collect();
            accounts.extend(planned);
            out.push(IMAGE_SHARED_DELETE.finding(
                format!("{at}/image"),
                format!("{id} is shared with {} account(s) ({}); a shared image cannot be deleted", accounts.len(), accounts.join(", ")),
                "unshare it first (ModifyImageSharePermission RemoveAccount.N), and drop the plan's shares of it".into(),
            ));
        }
        deleted.insert(id);
        if !delete.keeps_snapshots() {
            for snapshot in &image.snapshots {
                in_use(
                    &users,
                    &deleted,
                    snapshot,
                    &format!("{at}/keep_snapshots"),
                    out,
                );
            }
        }
    }
}

/// A `snapshot-in-use` finding when an image not yet deleted uses it.
fn in_use(
    users: &[(&str, Vec<&str>)],
    deleted: &HashSet<&str>,
    snapshot: &str,
    path: &str,
    out: &mut Vec<Finding>,
) {
    let holders: Vec<&str> = users
        .iter()
        .filter(|(image, snapshots)| !deleted.contains(image) && snapshots.contains(&snapshot))
        .map(|(image, _)| *image)
        .collect();
    if !holders.is_empty() {
        out.push(SNAPSHOT_IN_USE.finding(
            path.to_string(),
            format!("snapshot {snapshot} is used by image(s) {} that the plan does not delete before it", holders.join(", ")),
            format!("delete {} first (earlier in \"deletes\"), or keep the snapshot", holders.join(", ")),
        ));
    }
}
