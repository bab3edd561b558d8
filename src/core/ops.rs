//! The ordered Alibaba Cloud API calls a plan implies (contract §3): creates, copies, shares
//! (at most 10 accounts per call), exports, launches, deletes. A value an earlier call returns
//! is a typed [`Param::Output`], and a value only the person running the calls knows (a
//! launch's vSwitch, an export's bucket) a typed [`Param::Input`]: plan text stays text.
//!
//! Operations are built for every plan, including one with error findings, so the user sees
//! what would be called; a plan with errors must not be run as is.

use super::model::{CreateSource, Image, Plan};
use super::param::{Param, Params};
use super::report::Operation;
use super::resolve::{home_region, Origin, Resolver};
use super::rules::launch::default_disk_size;

/// Accounts ModifyImageSharePermission takes per call (AddAccount.1 .. AddAccount.10).
pub const SHARE_BATCH: usize = 10;

fn op(id: String, api: &'static str, params: Params) -> Operation {
    Operation { id, api, params }
}

/// The ordered API calls of `plan`, referring to images through `resolver`.
pub fn operations(plan: &Plan, resolver: &Resolver) -> Vec<Operation> {
    let mut ops = Vec::new();
    let image_ref = |id: &str, region: &str| {
        resolver
            .resolve(id, region)
            .map_or_else(|| Param::from(id), |r| image_param(r.origin, r.image))
    };
    for (n, create) in plan.creates.iter().enumerate() {
        let region = home_region(&create.image);
        let source = match create.from {
            CreateSource::Instance => "InstanceId",
            CreateSource::Snapshot => "SnapshotId",
        };
        let params = Params::new()
            .maybe("RegionId", region)
            .set(source, create.source.as_str())
            .maybe("ImageName", create.image.name.as_deref());
        ops.push(op(format!("create-{n}"), "CreateImage", params));
    }
    for (n, copy) in plan.copies.iter().enumerate() {
        let found = resolver.find(&copy.image);
        let region = found.and_then(|(source, _)| home_region(source));
        let image = found.map_or_else(|| Param::from(&copy.image), |(s, o)| image_param(o, s));
        let params = Params::new()
            .maybe("RegionId", region)
            .set("ImageId", image)
            .set("DestinationRegionId", copy.to_region.as_str())
            .maybe("DestinationImageName", copy.name.as_deref())
            .maybe("Encrypted", copy.encrypted)
            .maybe("KMSKeyId", copy.kms_key_id.as_deref());
        ops.push(op(format!("copy-{n}"), "CopyImage", params));
    }
    for (n, share) in plan.shares.iter().enumerate() {
        let image = image_ref(&share.image, &share.region);
        for (m, batch) in share.accounts.chunks(SHARE_BATCH).enumerate() {
            let mut params = Params::new()
                .set("RegionId", share.region.as_str())
                .set("ImageId", image.clone());
            for (k, account) in batch.iter().enumerate() {
                params = params.set(&format!("AddAccount.{}", k + 1), account.as_str());
            }
            ops.push(op(
                format!("share-{n}-{m}"),
                "ModifyImageSharePermission",
                params,
            ));
        }
    }
    for (n, export) in plan.exports.iter().enumerate() {
        let params = Params::new()
            .set("RegionId", export.bucket_region.as_str())
            .set("ImageId", image_ref(&export.image, &export.bucket_region))
            .set(
                "OSSBucket",
                Param::input(format!("an OSS bucket in {}", export.bucket_region)),
            )
            .maybe("ImageFormat", export.format.as_deref());
        ops.push(op(format!("export-{n}"), "ExportImage", params));
    }
    for (n, launch) in plan.launches.iter().enumerate() {
        let resolved = resolver.resolve(&launch.image, &launch.region);
        let image = resolved.map_or_else(
            || Param::from(&launch.image),
            |r| image_param(r.origin, r.image),
        );
        let disk = launch.system_disk.as_ref();
        let size = disk.and_then(|d| d.size_gib).unwrap_or_else(|| {
            resolved.map_or(super::rules::launch::DEFAULT_DISK_GIB, |r| {
                default_disk_size(r.image)
            })
        });
        let params = Params::new()
            .set("RegionId", launch.region.as_str())
            .maybe("ZoneId", launch.zone.as_deref())
            .set("ImageId", image)
            .set("InstanceType", launch.instance_type.as_str())
            .set("Amount", launch.amount.unwrap_or(1))
            .set(
                "VSwitchId",
                Param::input(format!(
                    "a vSwitch in {}",
                    launch.zone.as_deref().unwrap_or(&launch.region)
                )),
            )
            .set(
                "SecurityGroupId",
                Param::input("a security group in the vSwitch's VPC"),
            )
            .maybe(
                "SystemDisk.Category",
                disk.and_then(|d| d.category.as_deref()),
            )
            .set("SystemDisk.Size", size);
        ops.push(op(format!("launch-{n}"), "RunInstances", params));
    }
    for (n, delete) in plan.deletes.iter().enumerate() {
        if let Some(snapshot) = &delete.snapshot {
            let params = Params::new().set("SnapshotId", snapshot.as_str());
            ops.push(op(format!("delete-{n}"), "DeleteSnapshot", params));
            continue;
        }
        let Some(id) = &delete.image else { continue };
        let found = resolver.find(id);
        let region = found.and_then(|(image, _)| home_region(image));
        let image = found.map_or_else(|| Param::from(id), |(i, o)| image_param(o, i));
        let params = Params::new()
            .maybe("RegionId", region)
            .set("ImageId", image);
        ops.push(op(format!("delete-{n}"), "DeleteImage", params));
        if !delete.keeps_snapshots() {
            for (m, snapshot) in found.iter().flat_map(|(i, _)| &i.snapshots).enumerate() {
                let params = Params::new().set("SnapshotId", snapshot.as_str());
                ops.push(op(format!("delete-{n}-{m}"), "DeleteSnapshot", params));
            }
        }
    }
    ops
}

/// How an API call names an image: its ID, or the `ImageId` output of the create or copy that
/// makes it.
fn image_param(origin: Origin, image: &Image) -> Param {
    match origin {
        Origin::Existing => Param::from(&image.id),
        Origin::Create(n) => Param::output(format!("create-{n}"), "ImageId"),
        Origin::Copy(n) => Param::output(format!("copy-{n}"), "ImageId"),
    }
}
