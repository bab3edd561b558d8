//! Which catalog facts a launch verdict rests on, with their sources: the `evidence` of the
//! boot-mode, NVMe, region and licence findings, and the unconfirmed facts that must not turn a
//! launch green on their own (`catalog-unconfirmed`).
//!
//! Entries a plan brings itself (its `instance_types` and `images`) are the user's word: they
//! carry no catalog evidence and are never "unconfirmed".

use super::catalog::{Catalog, Evidence, Fact, Region};
use super::i18n::{Lang, Term};
use super::model::{
    BootMode, Image, ImageBootMode, ImageStatus, InstanceType, NvmeRequirement, NvmeSupport,
    Platform,
};

fn type_boot_words(itype: &InstanceType) -> Term {
    match (
        itype.offers_boot_mode(BootMode::Bios),
        itype.offers_boot_mode(BootMode::Uefi),
    ) {
        (true, false) => Term::new("BIOS only", "仅 BIOS"),
        (false, true) => Term::new("UEFI only", "仅 UEFI"),
        _ => BIOS_OR_UEFI,
    }
}

const BIOS_OR_UEFI: Term = Term::new("BIOS or UEFI", "BIOS 或 UEFI");

fn image_boot_words(image: &Image) -> Term {
    match image.boot_mode {
        ImageBootMode::Bios => Term::new("BIOS", "BIOS"),
        ImageBootMode::Uefi => Term::new("UEFI", "UEFI"),
        ImageBootMode::UefiPreferred => Term::new(
            "UEFI, else BIOS (UEFI-Preferred)",
            "优先 UEFI，否则 BIOS（UEFI-Preferred）",
        ),
    }
}

/// "ecs.u1-c1m1.large boots BIOS only" in `lang`.
fn type_boot_statement(itype: &InstanceType, lang: Lang) -> String {
    let words = type_boot_words(itype);
    tr!(
        lang,
        format!("{} boots {}", itype.id, words.en),
        format!("{} 支持 {} 引导", itype.id, words.zh)
    )
    .into_string()
}

/// "win2025_… boots UEFI" in `lang`.
fn image_boot_statement(image: &Image, lang: Lang) -> String {
    let words = image_boot_words(image);
    tr!(
        lang,
        format!("{} boots {}", image.id, words.en),
        format!("{} 以 {} 引导", image.id, words.zh)
    )
    .into_string()
}

/// "ecs.g8i.large attaches disks over NVMe" or "… needs no NVMe driver" in `lang`.
fn type_nvme_statement(itype: &InstanceType, lang: Lang) -> String {
    let id = &itype.id;
    match itype.nvme {
        NvmeRequirement::Required => tr!(
            lang,
            format!("{id} attaches disks over NVMe"),
            format!("{id} 通过 NVMe 挂载云盘")
        ),
        NvmeRequirement::Unsupported => tr!(
            lang,
            format!("{id} needs no NVMe driver in the image"),
            format!("{id} 不需要镜像中有 NVMe 驱动")
        ),
    }
    .into_string()
}

/// "ubuntu_… has the NVMe driver" or "… has no NVMe driver" in `lang`.
fn image_nvme_statement(image: &Image, lang: Lang) -> String {
    let id = &image.id;
    match image.nvme {
        NvmeSupport::Supported => tr!(
            lang,
            format!("{id} has the NVMe driver"),
            format!("{id} 包含 NVMe 驱动")
        ),
        NvmeSupport::Unsupported => tr!(
            lang,
            format!("{id} has no NVMe driver"),
            format!("{id} 不含 NVMe 驱动")
        ),
    }
    .into_string()
}

/// "ecs.u1-c1m1.large boots BIOS only", with its source.
pub fn type_boot(catalog: &Catalog, itype: &InstanceType) -> Option<Evidence> {
    catalog
        .type_fact(&itype.id, "boot_modes")
        .map(|f| f.evidence(type_boot_statement(itype, Lang::En)))
}

/// "win2025_… boots UEFI", with its source.
pub fn image_boot(catalog: &Catalog, image: &Image) -> Option<Evidence> {
    catalog
        .image_fact(&image.id, "boot_mode")
        .map(|f| f.evidence(image_boot_statement(image, Lang::En)))
}

/// "ecs.g8i.large attaches disks over NVMe" or "… needs no NVMe driver".
pub fn type_nvme(catalog: &Catalog, itype: &InstanceType) -> Option<Evidence> {
    catalog
        .type_fact(&itype.id, "nvme")
        .map(|f| f.evidence(type_nvme_statement(itype, Lang::En)))
}

/// "ubuntu_… has the NVMe driver" or "… has no NVMe driver".
pub fn image_nvme(catalog: &Catalog, image: &Image) -> Option<Evidence> {
    catalog
        .image_fact(&image.id, "nvme")
        .map(|f| f.evidence(image_nvme_statement(image, Lang::En)))
}

/// "centos_7_9_… reaches end of life on 2024-06-30".
pub fn image_eol(catalog: &Catalog, image: &Image) -> Option<Evidence> {
    let eol = image.eol?;
    catalog.image_fact(&image.id, "eol").map(|f| {
        f.evidence(format!(
            "{} ({}) reaches end of life on {eol}",
            image.id,
            image.os.as_deref().unwrap_or("its OS")
        ))
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
    catalog: &Catalog,
    itype: &InstanceType,
    image: &Image,
    mut found: impl FnMut(Basis),
) {
    let type_provenance = catalog.type_provenance.get(&itype.id);
    let image_provenance = catalog.image_provenance.get(&image.id);
    if type_provenance.is_none() && image_provenance.is_none() {
        return;
    }
    let type_unconfirmed = |field| type_provenance.is_some_and(|p| !p.confirms(field));
    let image_unconfirmed = |field| image_provenance.is_some_and(|p| !p.confirms(field));

    // Boot: an image that boots one mode depends on the type offering it; a type that offers
    // one mode (or whose modes are unconfirmed) depends on the image booting it.
    let image_one_mode = image.boot_mode != ImageBootMode::UefiPreferred;
    let type_one_mode = type_boot_words(itype) != BIOS_OR_UEFI;
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
pub fn rests_on_unconfirmed(catalog: &Catalog, itype: &InstanceType, image: &Image) -> bool {
    let mut any = false;
    unconfirmed_basis(catalog, itype, image, |_| any = true);
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
) -> Vec<Evidence> {
    unconfirmed_launch(catalog, itype, image, Lang::En)
        .into_iter()
        .map(|(fact, statement)| fact.evidence(statement))
        .collect()
}

/// The statements of [`unconfirmed_launch_facts`] in `lang`, for the finding's message.
pub fn unconfirmed_launch_statements(
    catalog: &Catalog,
    itype: &InstanceType,
    image: &Image,
    lang: Lang,
) -> Vec<String> {
    unconfirmed_launch(catalog, itype, image, lang)
        .into_iter()
        .map(|(_, statement)| statement)
        .collect()
}

/// Each unconfirmed fact a passing launch rests on, with what it says in `lang`.
fn unconfirmed_launch<'a>(
    catalog: &'a Catalog,
    itype: &InstanceType,
    image: &Image,
    lang: Lang,
) -> Vec<(Fact<'a>, String)> {
    let mut basis = Vec::new();
    unconfirmed_basis(catalog, itype, image, |b| basis.push(b));
    let (t, i) = (&itype.id, &image.id);
    basis
        .into_iter()
        .filter_map(|b| match b {
            Basis::TypeBoot => catalog
                .type_fact(t, "boot_modes")
                .map(|f| (f, type_boot_statement(itype, lang))),
            Basis::ImageBoot => catalog
                .image_fact(i, "boot_mode")
                .map(|f| (f, image_boot_statement(image, lang))),
            Basis::TypeNvme => catalog
                .type_fact(t, "nvme")
                .map(|f| (f, type_nvme_statement(itype, lang))),
            Basis::ImageNvme => catalog
                .image_fact(i, "nvme")
                .map(|f| (f, image_nvme_statement(image, lang))),
            Basis::TypeExists => catalog.type_fact(t, "id").map(|f| {
                let s = tr!(
                    lang,
                    format!("instance type {t} exists"),
                    format!("实例规格 {t} 存在")
                );
                (f, s.into_string())
            }),
            Basis::ImageExists => catalog.image_fact(i, "id").map(|f| {
                let s = tr!(
                    lang,
                    format!("public image {i} exists"),
                    format!("公共镜像 {i} 存在")
                );
                (f, s.into_string())
            }),
            Basis::ImageStatus => catalog.image_fact(i, "status").map(|f| {
                let s = match image.status {
                    ImageStatus::Available => {
                        tr!(
                            lang,
                            format!("{i} is still offered"),
                            format!("{i} 仍在提供")
                        )
                    }
                    ImageStatus::Deprecated => tr!(
                        lang,
                        format!("{i} is Deprecated"),
                        format!("{i} 已弃用（Deprecated）")
                    ),
                };
                (f, s.into_string())
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
