//! Which catalog facts a launch verdict rests on, with their sources: the `evidence` of the
//! boot-mode, NVMe, region and licence findings, and the unconfirmed facts that must not turn a
//! launch green on their own (`catalog-unconfirmed`).
//!
//! Entries a plan brings itself (its `instance_types` and `images`) are the user's word: they
//! carry no catalog evidence and are never "unconfirmed". Each fact is worded in the report's
//! language; IDs, dates and values stay as they are.

use super::catalog::{Catalog, Evidence, Region};
use super::i18n::{Lang, Term};
use super::model::{
    BootMode, Image, ImageBootMode, ImageStatus, InstanceType, NvmeRequirement, NvmeSupport,
    Platform,
};
use super::rules::launch::Provenances;

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

/// How a type boots, after its ID: "boots BIOS only", "仅支持 BIOS 引导".
fn type_boot_term(itype: &InstanceType) -> Term {
    match type_boot_words(itype) {
        "BIOS only" => Term::new("boots BIOS only", "仅支持 BIOS 引导"),
        "UEFI only" => Term::new("boots UEFI only", "仅支持 UEFI 引导"),
        _ => Term::new("boots BIOS or UEFI", "支持 BIOS 或 UEFI 引导"),
    }
}

/// How an image boots, after its ID: "boots UEFI", "使用 UEFI 引导".
fn image_boot_term(image: &Image) -> Term {
    match image.boot_mode {
        ImageBootMode::Bios => Term::new("boots BIOS", "使用 BIOS 引导"),
        ImageBootMode::Uefi => Term::new("boots UEFI", "使用 UEFI 引导"),
        ImageBootMode::UefiPreferred => Term::new(
            "boots UEFI, else BIOS (UEFI-Preferred)",
            "优先使用 UEFI 引导，否则使用 BIOS（UEFI-Preferred）",
        ),
    }
}

/// "ecs.u1-c1m1.large boots BIOS only", with its source.
pub fn type_boot(catalog: &Catalog, itype: &InstanceType, lang: Lang) -> Option<Evidence> {
    catalog
        .type_fact(&itype.id, "boot_modes")
        .map(|f| f.evidence(format!("{} {}", itype.id, type_boot_term(itype).get(lang))))
}

/// "win2025_… boots UEFI", with its source.
pub fn image_boot(catalog: &Catalog, image: &Image, lang: Lang) -> Option<Evidence> {
    catalog
        .image_fact(&image.id, "boot_mode")
        .map(|f| f.evidence(format!("{} {}", image.id, image_boot_term(image).get(lang))))
}

/// "ecs.g8i.large attaches disks over NVMe" or "… needs no NVMe driver".
pub fn type_nvme(catalog: &Catalog, itype: &InstanceType, lang: Lang) -> Option<Evidence> {
    let id = &itype.id;
    catalog.type_fact(id, "nvme").map(|f| {
        f.evidence(
            match itype.nvme {
                NvmeRequirement::Required => tr!(
                    lang,
                    format!("{id} attaches disks over NVMe"),
                    format!("{id} 通过 NVMe 挂载磁盘")
                ),
                NvmeRequirement::Unsupported => tr!(
                    lang,
                    format!("{id} needs no NVMe driver in the image"),
                    format!("{id} 不需要镜像中有 NVMe 驱动")
                ),
            }
            .into_string(),
        )
    })
}

/// "ubuntu_… has the NVMe driver" or "… has no NVMe driver".
pub fn image_nvme(catalog: &Catalog, image: &Image, lang: Lang) -> Option<Evidence> {
    let id = &image.id;
    catalog.image_fact(id, "nvme").map(|f| {
        f.evidence(
            match image.nvme {
                NvmeSupport::Supported => tr!(
                    lang,
                    format!("{id} has the NVMe driver"),
                    format!("{id} 包含 NVMe 驱动")
                ),
                NvmeSupport::Unsupported => tr!(
                    lang,
                    format!("{id} has no NVMe driver"),
                    format!("{id} 不包含 NVMe 驱动")
                ),
            }
            .into_string(),
        )
    })
}

/// "centos_7_9_… reaches end of life on 2024-06-30".
pub fn image_eol(catalog: &Catalog, image: &Image, lang: Lang) -> Option<Evidence> {
    let eol = image.eol?;
    let id = &image.id;
    catalog.image_fact(id, "eol").map(|f| {
        f.evidence(
            tr!(
                lang,
                format!(
                    "{id} ({}) reaches end of life on {eol}",
                    image.os.as_deref().unwrap_or("its OS")
                ),
                format!(
                    "{id}（{}）于 {} 停止维护",
                    image.os.as_deref().unwrap_or("其操作系统"),
                    eol.zh()
                )
            )
            .into_string(),
        )
    })
}

/// "ap-south-1 closed on 2024-07-15".
pub fn region_closed(catalog: &Catalog, region: &Region, lang: Lang) -> Option<Evidence> {
    let closed = region.closed?;
    let id = &region.id;
    catalog.region_fact(id, "closed").map(|f| {
        f.evidence(
            tr!(
                lang,
                format!("{id} closed on {closed}"),
                format!("{id} 已于 {} 关停", closed.zh())
            )
            .into_string(),
        )
    })
}

/// Whether a launch of `image` in `region` bills OS licence fees: Red Hat and SUSE images
/// everywhere, Windows images only in China (Hong Kong) and outside the Chinese mainland
/// (Image billing). A region the catalog does not know counts as billed.
pub fn bills_license(image: &Image, region: Option<&Region>) -> bool {
    image.license_fee
        && !(image.platform == Platform::Windows && region.is_some_and(|r| r.chinese_mainland))
}

/// The facts behind a licence-fee verdict: the image's fee and, for Windows, where it applies.
pub fn license(
    catalog: &Catalog,
    image: &Image,
    region: Option<&Region>,
    lang: Lang,
) -> Vec<Evidence> {
    let mut out = Vec::new();
    let id = &image.id;
    if let Some(f) = catalog.image_fact(id, "license_fee") {
        let fact = if image.license_fee {
            tr!(
                lang,
                format!("{id} bills an OS licence fee"),
                format!("{id} 收取操作系统许可证费用")
            )
        } else {
            tr!(
                lang,
                format!("{id} bills no OS licence fee"),
                format!("{id} 不收取操作系统许可证费用")
            )
        };
        out.push(f.evidence(fact.into_string()));
    }
    if image.platform == Platform::Windows {
        if let Some(region) = region {
            let at = &region.id;
            if let Some(f) = catalog.region_fact(at, "chinese_mainland") {
                let fact = if region.chinese_mainland {
                    tr!(
                        lang,
                        format!(
                            "{at} is in the Chinese mainland, where Windows bills no licence fee"
                        ),
                        format!("{at} 位于中国内地，Windows 在此不收取许可证费用")
                    )
                } else {
                    tr!(
                        lang,
                        format!("{at} is outside the Chinese mainland, where Windows bills a licence fee"),
                        format!("{at} 位于中国内地以外，Windows 在此收取许可证费用")
                    )
                };
                out.push(f.evidence(fact.into_string()));
            }
        }
    }
    out
}

/// One catalog fact a launch verdict can rest on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Basis {
    TypeBoot,
    ImageBoot,
    TypeNvme,
    ImageNvme,
    TypeExists,
    ImageExists,
    ImageStatus,
}

/// Calls `found` with each unconfirmed fact that a passing launch of `image` on `itype` rests
/// on. Allocation-free: the matrix asks it for every cell.
fn unconfirmed_basis(
    provenance: Provenances,
    itype: &InstanceType,
    image: &Image,
    mut found: impl FnMut(Basis),
) {
    let (type_provenance, image_provenance) = (provenance.of_type, provenance.of_image);
    if type_provenance.is_none() && image_provenance.is_none() {
        return;
    }
    let type_unconfirmed = |field| type_provenance.is_some_and(|p| !p.confirms(field));
    let image_unconfirmed = |field| image_provenance.is_some_and(|p| !p.confirms(field));

    // Boot: an image that boots one mode depends on the type offering it; a type that offers
    // one mode (or whose modes are unconfirmed) depends on the image booting it.
    let image_one_mode = image.boot_mode != ImageBootMode::UefiPreferred;
    let type_one_mode = type_boot_words(itype) != "BIOS or UEFI";
    if image_one_mode && type_unconfirmed("boot_modes") {
        found(Basis::TypeBoot);
    }
    if (type_one_mode || type_unconfirmed("boot_modes")) && image_unconfirmed("boot_mode") {
        found(Basis::ImageBoot);
    }
    // NVMe: an image without the driver depends on the type not requiring it; a type that
    // requires it depends on the image having it.
    if image.nvme != NvmeSupport::Supported && type_unconfirmed("nvme") {
        found(Basis::TypeNvme);
    }
    if itype.nvme == NvmeRequirement::Required && image_unconfirmed("nvme") {
        found(Basis::ImageNvme);
    }
    // The entries themselves: seen only in a weak source, or a build that may be retired.
    if type_unconfirmed("id") {
        found(Basis::TypeExists);
    }
    if image_unconfirmed("id") {
        found(Basis::ImageExists);
    }
    if image_unconfirmed("status") {
        found(Basis::ImageStatus);
    }
}

/// Whether a passing launch of `image` on `itype` rests on a catalog value no source
/// confirms (`catalog-unconfirmed`).
pub fn rests_on_unconfirmed(provenance: Provenances, itype: &InstanceType, image: &Image) -> bool {
    let mut any = false;
    unconfirmed_basis(provenance, itype, image, |_| any = true);
    any
}

/// The unconfirmed catalog facts that a passing launch of `image` on `itype` rests on, as
/// evidence: a boot mode or NVMe value the verdict depends on, or an entry whose existence or
/// availability no source confirms. Empty when every fact the verdict needs is confirmed (or
/// the plan's own).
pub fn unconfirmed_launch_facts(
    catalog: &Catalog,
    itype: &InstanceType,
    image: &Image,
    lang: Lang,
) -> Vec<Evidence> {
    let mut basis = Vec::new();
    unconfirmed_basis(Provenances::of(catalog, itype, image), itype, image, |b| {
        basis.push(b)
    });
    basis
        .into_iter()
        .filter_map(|b| match b {
            Basis::TypeBoot => type_boot(catalog, itype, lang),
            Basis::ImageBoot => image_boot(catalog, image, lang),
            Basis::TypeNvme => type_nvme(catalog, itype, lang),
            Basis::ImageNvme => image_nvme(catalog, image, lang),
            Basis::TypeExists => catalog.type_fact(&itype.id, "id").map(|f| {
                let id = &itype.id;
                f.evidence(
                    tr!(
                        lang,
                        format!("instance type {id} exists"),
                        format!("实例规格 {id} 存在")
                    )
                    .into_string(),
                )
            }),
            Basis::ImageExists => catalog.image_fact(&image.id, "id").map(|f| {
                let id = &image.id;
                f.evidence(
                    tr!(
                        lang,
                        format!("public image {id} exists"),
                        format!("公共镜像 {id} 存在")
                    )
                    .into_string(),
                )
            }),
            Basis::ImageStatus => catalog.image_fact(&image.id, "status").map(|f| {
                let id = &image.id;
                f.evidence(
                    match image.status {
                        ImageStatus::Available => tr!(
                            lang,
                            format!("{id} is still offered"),
                            format!("{id} 仍在提供")
                        ),
                        ImageStatus::Deprecated => tr!(
                            lang,
                            format!("{id} is Deprecated"),
                            format!("{id} 已弃用（Deprecated）")
                        ),
                    }
                    .into_string(),
                )
            }),
        })
        .collect()
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
        let e = type_boot(c, u1, Lang::En).unwrap();
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
        assert_eq!(unconfirmed_launch_facts(c, g7t, ubuntu, Lang::En), vec![]);
        // g7's boot modes are read by elimination only; a BIOS image depends on them.
        let g7 = c.instance_type("ecs.g7.large").unwrap();
        let centos = c.image("centos_7_9_x64_20G_alibase_20240321.vhd").unwrap();
        let facts = unconfirmed_launch_facts(c, g7, centos, Lang::En);
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
        assert_eq!(unconfirmed_launch_facts(c, &mine, &image, Lang::En), vec![]);
        assert_eq!(type_boot(c, &mine, Lang::En), None);
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
        let facts = license(c, win, c.region("cn-hangzhou"), Lang::En);
        assert_eq!(facts.len(), 2, "{facts:?}");
    }
}
