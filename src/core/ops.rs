//! The ordered Alibaba Cloud API calls a plan implies (contract §3, §4.7): creates, imports,
//! pipelines, updates, copies, modifies, shares (at most 10 accounts per call), exports,
//! launches (`ImageFamily`, not `ImageId`, for a launch by family), deletes. A value an
//! earlier call returns is a typed [`Param::Output`], and a value only the person running the
//! calls knows (a launch's vSwitch, an export's bucket) a typed [`Param::Input`]: plan text
//! stays text.
//!
//! Operations are built for every plan, including one with error findings, so the user sees
//! what would be called; a plan with errors must not be run as is.

use super::date::Date;
use super::lifecycle::{import::import_operations, modify::modify_operation};
use super::model::{given, CreateSource, Image, Plan};
use super::param::{Param, Params};
use super::report::Operation;
use super::resolve::{home_region, Origin, Resolver};
use super::rules::launch::default_disk_size;

mod builder;

/// Accounts ModifyImageSharePermission takes per call (AddAccount.1 .. AddAccount.10).
pub const SHARE_BATCH: usize = 10;

fn op(id: String, api: &'static str, params: Params) -> Operation {
    Operation {
        id,
        api,
        product: None,
        params,
    }
}

/// The ordered API calls of `plan`, referring to images through `resolver`. A value the item
/// leaves out is left out of the call too (the findings say `value-missing`). A launch by
/// family resolves the family on `as_of` (for its default disk size).
pub fn operations(plan: &Plan, resolver: &Resolver, as_of: Date) -> Vec<Operation> {
    let mut ops = Vec::new();
    let image_ref = |id: &str, region: Option<&str>| {
        region
            .and_then(|region| resolver.resolve(id, region))
            .map_or_else(|| Param::from(id), |r| image_param(r.origin, r.image))
    };
    for (n, create) in plan.creates.iter().enumerate() {
        let region = home_region(&create.image);
        let source = match create.source_kind() {
            Some(CreateSource::Snapshot) => "SnapshotId",
            _ => "InstanceId",
        };
        let params = Params::new()
            .maybe("RegionId", region)
            .maybe(source, given(&create.source))
            .maybe("ImageName", create.image.name.as_deref())
            .maybe("ImageFamily", create.image.family.as_deref());
        ops.push(op(format!("create-{n}"), "CreateImage", params));
    }
    for (n, import) in plan.imports.iter().enumerate() {
        ops.extend(import_operations(n, import));
    }
    builder::pipelines(plan, resolver, &mut ops);
    builder::updates(plan, resolver, &mut ops);
    for (n, copy) in plan.copies.iter().enumerate() {
        let id = given(&copy.image);
        let found = id.and_then(|id| resolver.find(id));
        let region = found.and_then(|(source, _)| home_region(source));
        let image = found
            .map(|(s, o)| image_param(o, s))
            .or(id.map(Param::from));
        let params = Params::new()
            .maybe("RegionId", region)
            .maybe("ImageId", image)
            .maybe("DestinationRegionId", given(&copy.to_region))
            .maybe("DestinationImageName", copy.name.as_deref())
            .maybe("Encrypted", copy.encrypted)
            .maybe("KMSKeyId", copy.kms_key_id.as_deref());
        ops.push(op(format!("copy-{n}"), "CopyImage", params));
    }
    for (n, modify) in plan.modifies.iter().enumerate() {
        let target = resolver.modify_target(n);
        let region = target
            .map(|(_, _, region)| region)
            .or(given(&modify.region));
        let image = match target {
            Some((image, origin, _)) => Some(image_param(origin, image)),
            None => given(&modify.image).map(Param::from),
        };
        ops.push(modify_operation(n, modify, region, image));
    }
    for (n, share) in plan.shares.iter().enumerate() {
        let region = resolver.share_region(share);
        let image = given(&share.image).map(|id| image_ref(id, region));
        // Each account once, as the quota counts it (`share-account-duplicate` says so).
        let mut accounts: Vec<&str> = Vec::with_capacity(share.accounts.len());
        for account in &share.accounts {
            if !accounts.contains(&account.as_str()) {
                accounts.push(account);
            }
        }
        for (m, batch) in accounts.chunks(SHARE_BATCH).enumerate() {
            let mut params = Params::new()
                .maybe("RegionId", region)
                .maybe("ImageId", image.clone());
            for (k, account) in batch.iter().enumerate() {
                params = params.set(&format!("AddAccount.{}", k + 1), *account);
            }
            ops.push(op(
                format!("share-{n}-{m}"),
                "ModifyImageSharePermission",
                params,
            ));
        }
    }
    for (n, export) in plan.exports.iter().enumerate() {
        let region = given(&export.bucket_region);
        let params = Params::new()
            .maybe("RegionId", region)
            .maybe(
                "ImageId",
                given(&export.image).map(|id| image_ref(id, region)),
            )
            .set(
                "OSSBucket",
                Param::input(
                    format!(
                        "an OSS bucket in {}",
                        region.unwrap_or("the image's region")
                    ),
                    format!("{} 的 OSS Bucket", region.unwrap_or("镜像所在地域")),
                ),
            )
            .maybe("ImageFormat", export.format.as_deref());
        ops.push(op(format!("export-{n}"), "ExportImage", params));
    }
    for (n, launch) in plan.launches.iter().enumerate() {
        let region = given(&launch.region);
        let id = given(&launch.image);
        let family = given(&launch.image_family).filter(|_| id.is_none());
        let resolved = match (family, id) {
            (Some(family), _) => region.and_then(|r| resolver.resolve_family(family, r, as_of)),
            (None, id) => id
                .zip(region)
                .and_then(|(id, region)| resolver.resolve(id, region)),
        };
        let image = resolved
            .map(|r| image_param(r.origin, r.image))
            .or(id.map(Param::from));
        let disk = launch.system_disk.as_ref();
        let size = disk.and_then(|d| d.size_gib).unwrap_or_else(|| {
            resolved.map_or(super::rules::launch::DEFAULT_DISK_GIB, |r| {
                default_disk_size(r.image)
            })
        });
        let params = Params::new()
            .maybe("RegionId", region)
            .maybe("ZoneId", launch.zone.as_deref());
        let params = match family {
            Some(family) => params.set("ImageFamily", family),
            None => params.maybe("ImageId", image),
        };
        let params = params
            .maybe("InstanceType", given(&launch.instance_type))
            .set("Amount", launch.amount.unwrap_or(1))
            .set("VSwitchId", {
                let place = launch.zone.as_deref().or(region);
                Param::input(
                    format!("a vSwitch in {}", place.unwrap_or("the launch's zone")),
                    format!("{} 中的交换机", place.unwrap_or("启动实例所在可用区")),
                )
            })
            .set(
                "SecurityGroupId",
                Param::input(
                    "a security group in the vSwitch's VPC",
                    "交换机所在专有网络（VPC）中的安全组",
                ),
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
        let Some(id) = given(&delete.image) else {
            continue;
        };
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

/// How an API call names an image: its ID, or the `ImageId` output of the create, import, copy
/// or pipeline run that makes it.
pub(crate) fn image_param(origin: Origin, image: &Image) -> Param {
    match origin {
        Origin::Existing => Param::from(&image.id),
        Origin::Create(n) => Param::output(format!("create-{n}"), "ImageId"),
        Origin::Copy(n) => Param::output(format!("copy-{n}"), "ImageId"),
        Origin::Import(n) => Param::output(format!("import-{n}"), "ImageId"),
        Origin::Pipeline(n) => Param::output(
            super::pipeline::run_id(n),
            &format!("ImageId.{}", home_region(image).unwrap_or("")),
        ),
    }
}
