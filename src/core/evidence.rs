//! Which catalog facts a launch verdict rests on, with their sources: the `evidence` of the
//! boot-mode, NVMe, region and licence findings, and the unconfirmed facts that must not turn a
//! launch green on their own (`catalog-unconfirmed`).
//!
//! Entries a plan brings itself (its `instance_types` and `images`) are the user's word: they
//! carry no catalog evidence and are never "unconfirmed".

use super::catalog::{Catalog, Evidence, Region};
use super::model::{
    BootMode, Image, ImageBootMode, ImageStatus, InstanceType, NvmeRequirement, NvmeSupport,
    Platform,
};

fn type_boot_words(itype: &InstanceType) -> &'static str {
    match (
        itype.offers_boot_mode(BootMode::Bios),
        itype.offers_boot_mode(BootMode::Uefi),
    ) {
        (true, false) => "BIOS only",
        (false, true) => "UEFI only",
        _ => "BIOS or UEFI",
    }
}

fn image_boot_words(image: &Image) -> &'static str {
    match image.boot_mode {
        ImageBootMode::Bios => "BIOS",
        ImageBootMode::Uefi => "UEFI",
        ImageBootMode::UefiPreferred => "UEFI, else BIOS (UEFI-Preferred)",
    }
}

/// "ecs.u1-c1m1.large boots BIOS only", with its source.
pub fn type_boot(catalog: &Catalog, itype: &InstanceType) -> Option<Evidence> {
    catalog
        .type_fact(&itype.id, "boot_modes")
        .map(|f| f.evidence(format!("{} boots {}", itype.id, type_boot_words(itype))))
}

/// "win2025_… boots UEFI", with its source.
pub fn image_boot(catalog: &Catalog, image: &Image) -> Option<Evidence> {
    catalog
        .image_fact(&image.id, "boot_mode")
        .map(|f| f.evidence(format!("{} boots {}", image.id, image_boot_words(image))))
}

/// "ecs.g8i.large attaches disks over NVMe" or "… needs no NVMe driver".
pub fn type_nvme(catalog: &Catalog, itype: &InstanceType) -> Option<Evidence> {
    catalog.type_fact(&itype.id, "nvme").map(|f| {
        f.evidence(match itype.nvme {
            NvmeRequirement::Required => format!("{} attaches disks over NVMe", itype.id),
            NvmeRequirement::Unsupported => {
                format!("{} needs no NVMe driver in the image", itype.id)
            }
        })
    })
}

/// "ubuntu_… has the NVMe driver" or "… has no NVMe driver".
pub fn image_nvme(catalog: &Catalog, image: &Image) -> Option<Evidence> {
    catalog.image_fact(&image.id, "nvme").map(|f| {
        f.evidence(match image.nvme {
            NvmeSupport::Supported => format!("{} has the NVMe driver", image.id),
            NvmeSupport::Unsupported => format!("{} has no NVMe driver", image.id),
        })
    })
}

/// "ap-south-1 closed on 2024-07-15".
pub fn region_closed(catalog: &Catalog, region: &Region) -> Option<Evidence> {
    let closed = region.closed?;
    catalog
        .region_fact(&region.id, "closed")
        .map(|f| f.evidence(format!("{} closed on {closed}", region.id)))
}

/// Whether a launch of `image` in `region` bills OS licence fees: Red Hat and SUSE images
/// everywhere, Windows images only in China (Hong Kong) and outside the Chinese mainland
/// (Image billing). A region the catalog does not know counts as billed.
pub fn bills_license(image: &Image, region: Option<&Region>) -> bool {
    image.license_fee
        && !(image.platform == Platform::Windows && region.is_some_and(|r| r.chinese_mainland))
}

/// The facts behind a licence-fee verdict: the image's fee and, for Windows, where it applies.
pub fn license(catalog: &Catalog, image: &Image, region: Option<&Region>) -> Vec<Evidence> {
    let mut out = Vec::new();
    if let Some(f) = catalog.image_fact(&image.id, "license_fee") {
        out.push(f.evidence(if image.license_fee {
            format!("{} bills an OS licence fee", image.id)
        } else {
            format!("{} bills no OS licence fee", image.id)
        }));
    }
    if image.platform == Platform::Windows {
        if let Some(region) = region {
            if let Some(f) = catalog.region_fact(&region.id, "chinese_mainland") {
                out.push(f.evidence(if region.chinese_mainland {
                    format!(
                        "{} is in the Chinese mainland, where Windows bills no licence fee",
                        region.id
                    )
                } else {
                    format!(
                        "{} is outside the Chinese mainland, where Windows bills a licence fee",
                        region.id
                    )
                }));
            }
        }
    }
    out
}

/// The unconfirmed catalog facts that a passing launch of `image` on `itype` rests on: a boot
/// mode or NVMe value the verdict depends on, or an image whose existence or availability no
/// source confirms. Empty when every fact the verdict needs is confirmed (or the plan's own).
/// Call it only for a launch that otherwise passes.
pub fn unconfirmed_launch_facts(
    catalog: &Catalog,
    itype: &InstanceType,
    image: &Image,
) -> Vec<Evidence> {
    let mut out = Vec::new();
    let type_fact = |field| catalog.type_fact(&itype.id, field);
    let image_fact = |field| catalog.image_fact(&image.id, field);
    let unconfirmed = |fact: Option<super::catalog::Fact<'_>>| fact.is_some_and(|f| !f.confirmed);

    // Boot: an image that boots one mode depends on the type offering it; a type that offers
    // one mode depends on the image booting it.
    let image_one_mode = image.boot_mode != ImageBootMode::UefiPreferred;
    let type_one_mode = type_boot_words(itype) != "BIOS or UEFI";
    if image_one_mode && unconfirmed(type_fact("boot_modes")) {
        out.extend(type_boot(catalog, itype));
    }
    if (type_one_mode || unconfirmed(type_fact("boot_modes")))
        && unconfirmed(image_fact("boot_mode"))
    {
        out.extend(image_boot(catalog, image));
    }

    // NVMe: an image without the driver depends on the type not requiring it; a type that
    // requires it depends on the image having it.
    if image.nvme != NvmeSupport::Supported && unconfirmed(type_fact("nvme")) {
        out.extend(type_nvme(catalog, itype));
    }
    if itype.nvme == NvmeRequirement::Required && unconfirmed(image_fact("nvme")) {
        out.extend(image_nvme(catalog, image));
    }

    // The image itself: seen only in a weak source, or an old build that may be retired.
    if let Some(f) = image_fact("id").filter(|f| !f.confirmed) {
        out.push(f.evidence(format!("public image {} exists", image.id)));
    }
    if let Some(f) = image_fact("status").filter(|f| !f.confirmed) {
        let word = match image.status {
            ImageStatus::Available => "is still offered",
            ImageStatus::Deprecated => "is Deprecated",
        };
        out.push(f.evidence(format!("{} {word}", image.id)));
    }
    if let Some(f) = type_fact("id").filter(|f| !f.confirmed) {
        out.push(f.evidence(format!("instance type {} exists", itype.id)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static Catalog {
        Catalog::builtin()
    }

    #[test]
    fn the_u1_boot_fact_names_the_boot_table_and_its_date() {
        let c = builtin();
        let u1 = c.instance_type("ecs.u1-c1m1.large").unwrap();
        let e = type_boot(c, u1).unwrap();
        assert_eq!(e.fact, "ecs.u1-c1m1.large boots BIOS only");
        assert!(e.confirmed);
        assert_eq!(e.seen.to_string(), "2023-12-05");
        assert!(e.to_string().ends_with("seen 2023-12-05"), "{e}");
    }

    #[test]
    fn a_confirmed_pair_needs_no_warning_and_an_unconfirmed_one_does() {
        let c = builtin();
        let g7t = c.instance_type("ecs.g7t.large").unwrap();
        let ubuntu = c
            .image("ubuntu_24_04_x64_20G_alibase_20260810.vhd")
            .unwrap();
        assert_eq!(unconfirmed_launch_facts(c, g7t, ubuntu), vec![]);
        // g7's boot modes are read by elimination only; a BIOS image depends on them.
        let g7 = c.instance_type("ecs.g7.large").unwrap();
        let centos = c.image("centos_7_9_x64_20G_alibase_20240321.vhd").unwrap();
        let facts = unconfirmed_launch_facts(c, g7, centos);
        assert!(
            facts
                .iter()
                .any(|e| e.fact == "ecs.g7.large boots BIOS or UEFI"),
            "{facts:?}"
        );
        assert!(facts.iter().all(|e| !e.confirmed));
    }

    #[test]
    fn plan_entries_are_the_users_word() {
        let c = builtin();
        let mine = InstanceType {
            id: "ecs.my.type".into(),
            vcpus: Some(2),
            memory_gib: Some(4.0),
            ..InstanceType::default()
        };
        let image = Image {
            id: "m-mine".into(),
            ..Image::default()
        };
        assert_eq!(unconfirmed_launch_facts(c, &mine, &image), vec![]);
        assert_eq!(type_boot(c, &mine), None);
    }

    #[test]
    fn windows_bills_outside_the_mainland_only() {
        let c = builtin();
        let win = c
            .images
            .iter()
            .find(|i| i.platform == Platform::Windows)
            .unwrap();
        assert!(!bills_license(win, c.region("cn-hangzhou")));
        assert!(bills_license(win, c.region("cn-hongkong")));
        assert!(bills_license(win, c.region("ap-southeast-1")));
        let facts = license(c, win, c.region("cn-hangzhou"));
        assert_eq!(facts.len(), 2, "{facts:?}");
    }
}
