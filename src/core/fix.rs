//! Mechanical fixes: plan edits that resolve a finding, offered as buttons in the web app.
//! Indexes name plan items as the finding's JSON pointer does (`/launches/0` is `launch: 0`).

use serde::{Deserialize, Serialize};

use super::model::{
    Copy, Create, CreateSource, Image, ImageBootMode, Modify, NvmeSupport, Plan, SystemDisk,
};

fn is_false(value: &bool) -> bool {
    !*value
}

/// A change to the plan that resolves one finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Fix {
    /// Plan a copy of a custom image into a region (image-region-mismatch, share-cross-region,
    /// export-bucket-region). `encrypted` keeps an encrypted source encrypted.
    AddCopy {
        /// ID of the image to copy.
        image: String,
        /// Destination region.
        to_region: String,
        /// Whether the copy must be encrypted.
        #[serde(default, skip_serializing_if = "is_false")]
        encrypted: bool,
    },
    /// Set a launch's system disk size (system-disk-too-small / too-large).
    SetSystemDiskSize {
        /// Index in `launches`.
        launch: usize,
        /// New size in GiB.
        size_gib: u32,
    },
    /// Launch another image: the build of the same OS that fits the instance type.
    ReplaceLaunchImage {
        /// Index in `launches`.
        launch: usize,
        /// Image ID to launch instead.
        image: String,
    },
    /// Launch another instance type of the same family that fits the image.
    ReplaceLaunchInstanceType {
        /// Index in `launches`.
        launch: usize,
        /// Instance type ID to launch instead.
        instance_type: String,
    },
    /// Set a launch's amount (clamped to 1..100).
    SetAmount {
        /// Index in `launches`.
        launch: usize,
        /// New amount.
        amount: u32,
    },
    /// Make a copy encrypted (copy-encrypted-to-plain, copy-kms-without-encryption).
    SetCopyEncrypted {
        /// Index in `copies`.
        copy: usize,
    },
    /// Drop a copy that cannot work (copy-same-region).
    RemoveCopy {
        /// Index in `copies`.
        copy: usize,
    },
    /// Give a copy a valid, unique name.
    RenameCopy {
        /// Index in `copies`.
        copy: usize,
        /// The new DestinationImageName.
        name: String,
    },
    /// Give a created image a valid, unique name.
    RenameCreate {
        /// Index in `creates`.
        create: usize,
        /// The new ImageName.
        name: String,
    },
    /// Keep only the first `keep` accounts of a share (share-quota-exceeded).
    TrimShareAccounts {
        /// Index in `shares`.
        share: usize,
        /// Accounts to keep.
        keep: usize,
    },
    /// Remove one account from a share (share-self, share-account-invalid).
    RemoveShareAccount {
        /// Index in `shares`.
        share: usize,
        /// Index in the share's `accounts`.
        account_index: usize,
    },
    /// Record that one of the plan's own images holds the NVMe driver (nvme-unsupported, when
    /// the user knows better than the plan's description): keeps the image the user chose.
    MarkImageNvme {
        /// ID of the image in `images` (or made by a create).
        image: String,
    },
    /// Create a custom image from the snapshot a launch names, and launch that image
    /// (launch-from-snapshot). A create of that snapshot already in the plan is reused.
    CreateImageFromSnapshot {
        /// Index in `launches`.
        launch: usize,
        /// The snapshot ID (`s-...`).
        snapshot: String,
    },
    /// Set `nvme: supported` on an image in a region with ModifyImageAttribute
    /// (copy-features-not-carried): a modify of that image and region already in the plan
    /// gets the flag, else one is added.
    SetNvmeSupported {
        /// The image reference (for a copy: the source's ID).
        image: String,
        /// The region of the copy.
        region: String,
    },
    /// Import an arm64 image with UEFI, the only boot mode ImportImage takes for arm64.
    SetImportBootModeUefi {
        /// Index in `imports`.
        import: usize,
    },
    /// Give an imported image a valid, unique name.
    RenameImport {
        /// Index in `imports`.
        import: usize,
        /// The new ImageName.
        name: String,
    },
    /// Launch the newest image of a family instead of one build (image-superseded).
    LaunchByFamily {
        /// Index in `launches`.
        launch: usize,
        /// The image family.
        family: String,
    },
    /// Drop a modify that changes nothing (modify-nothing).
    RemoveModify {
        /// Index in `modifies`.
        modify: usize,
    },
}

impl Fix {
    /// The button text.
    pub fn label(&self) -> String {
        match self {
            Fix::AddCopy {
                image,
                to_region,
                encrypted,
            } => {
                let how = if *encrypted {
                    "an encrypted copy"
                } else {
                    "a copy"
                };
                format!("Add {how} of {image} to {to_region}")
            }
            Fix::SetSystemDiskSize { launch, size_gib } => {
                format!("Set the system disk of launch #{launch} to {size_gib} GiB")
            }
            Fix::ReplaceLaunchImage { launch, image } => {
                format!("Launch image {image} in launch #{launch}")
            }
            Fix::ReplaceLaunchInstanceType {
                launch,
                instance_type,
            } => format!("Use instance type {instance_type} in launch #{launch}"),
            Fix::SetAmount { launch, amount } => {
                format!("Launch {amount} instance(s) in launch #{launch}")
            }
            Fix::SetCopyEncrypted { copy } => format!("Encrypt copy #{copy}"),
            Fix::RemoveCopy { copy } => format!("Remove copy #{copy}"),
            Fix::RenameCopy { copy, name } => format!("Name copy #{copy} \"{name}\""),
            Fix::RenameCreate { create, name } => {
                format!("Name created image #{create} \"{name}\"")
            }
            Fix::TrimShareAccounts { share, keep } => {
                format!("Share #{share} with its first {keep} account(s) only")
            }
            Fix::RemoveShareAccount {
                share,
                account_index,
            } => format!("Remove account #{account_index} from share #{share}"),
            Fix::CreateImageFromSnapshot { launch, snapshot } => {
                format!("Create an image from {snapshot} and launch it in launch #{launch}")
            }
            Fix::SetNvmeSupported { image, region } => {
                format!("Set NVMe support on {image} in {region} (ModifyImageAttribute)")
            }
            Fix::SetImportBootModeUefi { import } => {
                format!("Import image #{import} with UEFI boot")
            }
            Fix::RenameImport { import, name } => {
                format!("Name imported image #{import} \"{name}\"")
            }
            Fix::LaunchByFamily { launch, family } => {
                format!("Launch the newest image of family {family} in launch #{launch}")
            }
            Fix::RemoveModify { modify } => format!("Remove attribute change #{modify}"),
            Fix::MarkImageNvme { image } => {
                format!("{image} has the NVMe driver: mark it NVMe-capable")
            }
        }
    }

    /// The plan item (`/copies/2`) the fix changes or adds, as it will be after [`Fix::apply`]
    /// on `plan`; `None` when the fix removes the item.
    pub fn target(&self, plan: &Plan) -> Option<String> {
        match self {
            Fix::AddCopy { .. } => Some(format!("/copies/{}", plan.copies.len())),
            Fix::SetSystemDiskSize { launch, .. }
            | Fix::ReplaceLaunchImage { launch, .. }
            | Fix::ReplaceLaunchInstanceType { launch, .. }
            | Fix::SetAmount { launch, .. }
            | Fix::CreateImageFromSnapshot { launch, .. } => Some(format!("/launches/{launch}")),
            Fix::SetCopyEncrypted { copy } | Fix::RenameCopy { copy, .. } => {
                Some(format!("/copies/{copy}"))
            }
            Fix::RemoveCopy { .. } => None,
            Fix::MarkImageNvme { image } => plan
                .images
                .iter()
                .position(|i| i.id == *image)
                .map(|n| format!("/images/{n}"))
                .or_else(|| {
                    let n = plan.creates.iter().position(|c| c.image.id == *image)?;
                    Some(format!("/creates/{n}"))
                }),
            Fix::RenameCreate { create, .. } => Some(format!("/creates/{create}")),
            Fix::TrimShareAccounts { share, .. } | Fix::RemoveShareAccount { share, .. } => {
                Some(format!("/shares/{share}"))
            }
            Fix::SetNvmeSupported { image, region } => {
                let existing = plan.modifies.iter().position(|m| {
                    m.image.as_deref() == Some(image.as_str())
                        && m.region.as_deref() == Some(region.as_str())
                });
                Some(format!(
                    "/modifies/{}",
                    existing.unwrap_or(plan.modifies.len())
                ))
            }
            Fix::SetImportBootModeUefi { import } | Fix::RenameImport { import, .. } => {
                Some(format!("/imports/{import}"))
            }
            Fix::LaunchByFamily { launch, .. } => Some(format!("/launches/{launch}")),
            Fix::RemoveModify { .. } => None,
        }
    }

    /// Applies the edit. An index that no longer exists leaves the plan unchanged.
    pub fn apply(&self, plan: &mut Plan) {
        match self {
            Fix::AddCopy {
                image,
                to_region,
                encrypted,
            } => plan.copies.push(Copy {
                image: Some(image.clone()),
                to_region: Some(to_region.clone()),
                encrypted: encrypted.then_some(true),
                ..Copy::default()
            }),
            Fix::SetSystemDiskSize { launch, size_gib } => {
                if let Some(launch) = plan.launches.get_mut(*launch) {
                    launch
                        .system_disk
                        .get_or_insert_with(SystemDisk::default)
                        .size_gib = Some(*size_gib);
                }
            }
            Fix::ReplaceLaunchImage { launch, image } => {
                if let Some(launch) = plan.launches.get_mut(*launch) {
                    launch.image = Some(image.clone());
                }
            }
            Fix::ReplaceLaunchInstanceType {
                launch,
                instance_type,
            } => {
                if let Some(launch) = plan.launches.get_mut(*launch) {
                    launch.instance_type = Some(instance_type.clone());
                }
            }
            Fix::SetAmount { launch, amount } => {
                if let Some(launch) = plan.launches.get_mut(*launch) {
                    launch.amount = Some((*amount).clamp(1, 100));
                }
            }
            Fix::SetCopyEncrypted { copy } => {
                if let Some(copy) = plan.copies.get_mut(*copy) {
                    copy.encrypted = Some(true);
                }
            }
            Fix::RemoveCopy { copy } => {
                if *copy < plan.copies.len() {
                    plan.copies.remove(*copy);
                }
            }
            Fix::RenameCopy { copy, name } => {
                if let Some(copy) = plan.copies.get_mut(*copy) {
                    copy.name = Some(name.clone());
                }
            }
            Fix::RenameCreate { create, name } => {
                if let Some(create) = plan.creates.get_mut(*create) {
                    create.image.name = Some(name.clone());
                }
            }
            Fix::TrimShareAccounts { share, keep } => {
                if let Some(share) = plan.shares.get_mut(*share) {
                    share.accounts.truncate(*keep);
                }
            }
            Fix::RemoveShareAccount {
                share,
                account_index,
            } => {
                if let Some(share) = plan.shares.get_mut(*share) {
                    if *account_index < share.accounts.len() {
                        share.accounts.remove(*account_index);
                    }
                }
            }
            Fix::MarkImageNvme { image } => {
                let own = plan
                    .images
                    .iter_mut()
                    .chain(plan.creates.iter_mut().map(|c| &mut c.image))
                    .find(|i| i.id == *image);
                if let Some(own) = own {
                    own.nvme = NvmeSupport::Supported;
                }
            }
            Fix::CreateImageFromSnapshot { launch, snapshot } => {
                let Some(region) = plan.launches.get(*launch).map(|l| l.region.clone()) else {
                    return;
                };
                let existing = plan.creates.iter().find(|c| {
                    c.source_kind() == Some(CreateSource::Snapshot)
                        && c.source.as_deref() == Some(snapshot.as_str())
                });
                let image = match existing {
                    Some(create) => create.image.id.clone(),
                    None => {
                        let id = format!("from-{snapshot}");
                        plan.creates.push(Create {
                            image: Image {
                                id: id.clone(),
                                name: Some(id.clone()),
                                regions: region.map(|region| vec![region]),
                                ..Image::default()
                            },
                            from: Some(CreateSource::Snapshot),
                            source: Some(snapshot.clone()),
                        });
                        id
                    }
                };
                plan.launches[*launch].image = Some(image);
            }
            Fix::SetNvmeSupported { image, region } => {
                let existing = plan.modifies.iter_mut().find(|m| {
                    m.image.as_deref() == Some(image.as_str())
                        && m.region.as_deref() == Some(region.as_str())
                });
                match existing {
                    Some(modify) => modify.nvme = Some(NvmeSupport::Supported),
                    None => plan.modifies.push(Modify {
                        image: Some(image.clone()),
                        region: Some(region.clone()),
                        nvme: Some(NvmeSupport::Supported),
                        ..Modify::default()
                    }),
                }
            }
            Fix::SetImportBootModeUefi { import } => {
                if let Some(import) = plan.imports.get_mut(*import) {
                    import.image.boot_mode = ImageBootMode::Uefi;
                }
            }
            Fix::RenameImport { import, name } => {
                if let Some(import) = plan.imports.get_mut(*import) {
                    import.image.name = Some(name.clone());
                }
            }
            Fix::LaunchByFamily { launch, family } => {
                if let Some(launch) = plan.launches.get_mut(*launch) {
                    launch.image = None;
                    launch.image_family = Some(family.clone());
                }
            }
            Fix::RemoveModify { modify } => {
                if *modify < plan.modifies.len() {
                    plan.modifies.remove(*modify);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marking_an_image_nvme_capable_changes_only_that_image() {
        let mut plan = Plan {
            version: 1,
            images: vec![
                Image {
                    id: "m-a".into(),
                    ..Image::default()
                },
                Image {
                    id: "m-b".into(),
                    ..Image::default()
                },
            ],
            ..Plan::default()
        };
        let fix = Fix::MarkImageNvme {
            image: "m-b".into(),
        };
        assert_eq!(fix.target(&plan).as_deref(), Some("/images/1"));
        fix.apply(&mut plan);
        assert_eq!(plan.images[0].nvme, NvmeSupport::Unsupported);
        assert_eq!(plan.images[1].nvme, NvmeSupport::Supported);
        assert!(fix.label().contains("m-b has the NVMe driver"));
    }
}
