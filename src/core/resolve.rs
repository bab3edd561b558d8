//! Resolution (contract §1, §4.2-4.5): which image a reference means in a region, once the
//! plan's creates, imports, pipelines, copies and modifies have run. A launch, share or export in
//! region R of an image that lives elsewhere uses the planned copy of that image into R when
//! there is one; a pipeline's image is in its region and in every region it distributes to
//! (CONTRACT §4.5); a family means its newest Available image there.

use std::collections::HashMap;

use super::catalog::Catalog;
use super::date::Date;
use super::lifecycle::{family, import::import_result};
use super::model::{given, Copy, Image, ImageStatus, ImageType, KeyKind, NvmeSupport, Plan, Share};

/// Where a resolved image comes from, which decides how later API calls refer to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Exists already: the catalog or the plan's `images`.
    Existing,
    /// Made by `creates[n]`.
    Create(usize),
    /// Made by `copies[n]`.
    Copy(usize),
    /// Made by `imports[n]`.
    Import(usize),
    /// Made by `pipelines[n]` (in each of its regions: see [`super::pipeline`]).
    Pipeline(usize),
}

impl Origin {
    /// How an API call names the image: its ID, or `${create-0.ImageId}` for one the plan makes.
    pub fn image_ref(self, image: &Image) -> String {
        match self {
            Origin::Existing => image.id.clone(),
            Origin::Create(n) => format!("${{create-{n}.ImageId}}"),
            Origin::Copy(n) => format!("${{copy-{n}.ImageId}}"),
            Origin::Import(n) => format!("${{import-{n}.ImageId}}"),
            Origin::Pipeline(n) => super::pipeline::image_ref(n, home_region(image).unwrap_or("")),
        }
    }
}

/// An image reference resolved in a region.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'a> {
    /// The image the reference means there.
    pub image: &'a Image,
    /// Where that image comes from.
    pub origin: Origin,
    /// Whether the image exists (or is released) in the region asked about.
    pub here: bool,
}

/// Resolves image references against a catalog and a plan's creates and copies.
pub struct Resolver<'a> {
    catalog: &'a Catalog,
    plan: &'a Plan,
    created: HashMap<&'a str, usize>,
    copies: Vec<Option<Image>>,
    copy_into: HashMap<(&'a str, &'a str), usize>,
    imported: HashMap<&'a str, usize>,
    imports: Vec<Image>,
    /// What each modify changes: the image before it, with its origin and region.
    modify_targets: Vec<Option<(Image, Origin, String)>>,
    /// Images as the modifies leave them, by (image reference, region).
    modified: HashMap<(String, String), (Image, Origin)>,
    built: super::pipeline::Built<'a>,
}

impl<'a> Resolver<'a> {
    /// Indexes the plan's creates and works out what each copy produces. `catalog` is the
    /// catalog the plan sees ([`Catalog::with_plan`]).
    pub fn new(plan: &'a Plan, catalog: &'a Catalog) -> Resolver<'a> {
        let mut created = HashMap::new();
        for (n, create) in plan.creates.iter().enumerate() {
            created.entry(create.image.id.as_str()).or_insert(n);
        }
        let mut imported = HashMap::new();
        for (n, import) in plan.imports.iter().enumerate() {
            imported.entry(import.image.id.as_str()).or_insert(n);
        }
        let mut resolver = Resolver {
            catalog,
            plan,
            created,
            copies: Vec::with_capacity(plan.copies.len()),
            copy_into: HashMap::new(),
            imported,
            imports: plan.imports.iter().map(import_result).collect(),
            modify_targets: Vec::with_capacity(plan.modifies.len()),
            modified: HashMap::new(),
            built: super::pipeline::Built::new(plan, catalog),
        };
        for (n, copy) in plan.copies.iter().enumerate() {
            let (Some(image), Some(to)) = (given(&copy.image), given(&copy.to_region)) else {
                resolver.copies.push(None);
                continue;
            };
            let result = resolver
                .find(image)
                .map(|(source, _)| copy_result(n, source, to, copy));
            resolver.copies.push(result);
            resolver.copy_into.entry((image, to)).or_insert(n);
        }
        for modify in &plan.modifies {
            let target = given(&modify.image).and_then(|id| {
                let region = match given(&modify.region) {
                    Some(region) => region.to_string(),
                    None => home_region(resolver.find(id)?.0)?.to_string(),
                };
                let resolved = resolver.resolve(id, &region).filter(|r| r.here)?;
                let before = (resolved.image.clone(), resolved.origin, region);
                Some((id.to_string(), before))
            });
            match target {
                Some((id, (image, origin, region))) => {
                    let after = modify.apply(&image);
                    resolver
                        .modified
                        .insert((id, region.clone()), (after, origin));
                    resolver.modify_targets.push(Some((image, origin, region)));
                }
                None => resolver.modify_targets.push(None),
            }
        }
        resolver
    }

    /// The image `modifies[n]` changes, as it is just before (after earlier modifies), with
    /// its origin and region; `None` when the modify names no image found in that region.
    pub fn modify_target(&self, n: usize) -> Option<(&Image, Origin, &str)> {
        self.modify_targets
            .get(n)?
            .as_ref()
            .map(|(image, origin, region)| (image, *origin, region.as_str()))
    }

    /// What `ImageFamily = family` launches in `region` (contract §4.2): the newest
    /// `Available` image of the family there, after the plan's creates, imports, pipelines,
    /// copies and modifies. An image the plan makes without `created` counts as made on `as_of`.
    pub fn resolve_family(
        &self,
        family_name: &str,
        region: &str,
        as_of: Date,
    ) -> Option<Resolved<'_>> {
        let mut candidates: Vec<(&Image, Origin, Option<Date>)> = Vec::new();
        for image in self
            .catalog
            .images
            .iter()
            .filter(|i| i.available_in(region))
        {
            if let Some(r) = self.resolve(&image.id, region) {
                candidates.push((r.image, r.origin, r.image.created));
            }
        }
        let made = self
            .plan
            .creates
            .iter()
            .map(|c| c.image.id.as_str())
            .chain(self.plan.imports.iter().map(|i| i.image.id.as_str()))
            .chain(self.plan.pipelines.iter().map(|p| p.image.id.as_str()))
            .chain(
                self.plan
                    .copies
                    .iter()
                    .filter(|c| given(&c.to_region) == Some(region))
                    .filter_map(|c| given(&c.image)),
            );
        for id in made {
            if let Some(r) = self.resolve(id, region).filter(|r| r.here) {
                if r.origin != Origin::Existing {
                    candidates.push((r.image, r.origin, r.image.created.or(Some(as_of))));
                }
            }
        }
        let newest = family::newest(family_name, candidates.iter().map(|(i, _, d)| (*i, *d)))?;
        let (image, origin, _) = candidates
            .iter()
            .rev()
            .find(|(i, _, _)| std::ptr::eq(*i, newest))?;
        Some(Resolved {
            image,
            origin: *origin,
            here: true,
        })
    }

    /// The image with this ID as the plan knows it before any copy: a create's image first,
    /// then an import's, then a pipeline's (in its build region, listing every region it lands
    /// in), then the catalog (with the plan's own images).
    pub fn find(&self, id: &str) -> Option<(&Image, Origin)> {
        if let Some(&n) = self.created.get(id) {
            return Some((&self.plan.creates[n].image, Origin::Create(n)));
        }
        if let Some(&n) = self.imported.get(id) {
            return Some((&self.imports[n], Origin::Import(n)));
        }
        if let Some(found) = self.built.find(id) {
            return Some(found);
        }
        self.catalog
            .image(id)
            .map(|image| (image, Origin::Existing))
    }

    /// What `id` means in `region`: the image itself when it is there, else the planned copy
    /// of it into `region`, else the image itself with `here == false`.
    pub fn resolve(&self, id: &str, region: &str) -> Option<Resolved<'_>> {
        if let Some((image, origin)) = self.modified.get(&(id.to_string(), region.to_string())) {
            return Some(Resolved {
                image,
                origin: *origin,
                here: true,
            });
        }
        if !self.created.contains_key(id) && !self.imported.contains_key(id) {
            if let Some(resolved) = self.built.resolve(id, region) {
                return Some(resolved);
            }
        }
        let (image, origin) = self.find(id)?;
        if image.available_in(region) {
            return Some(Resolved {
                image,
                origin,
                here: true,
            });
        }
        let copied = self
            .copy_into
            .get(&(id, region))
            .and_then(|&n| self.copies[n].as_ref().map(|image| (n, image)));
        Some(match copied {
            Some((n, image)) => Resolved {
                image,
                origin: Origin::Copy(n),
                here: true,
            },
            None => Resolved {
                image,
                origin,
                here: false,
            },
        })
    }
}

impl Resolver<'_> {
    /// The region a share happens in: its own `region`, else the one region the image lives in
    /// when there is exactly one (a custom or shared image with one region, or an image the
    /// plan creates), CONTRACT §4.1. `None` when neither says.
    pub fn share_region<'s>(&'s self, share: &'s Share) -> Option<&'s str> {
        self.item_region(&share.region, &share.image)
    }

    /// The region an item that names an `image` and may leave out its `region` happens in
    /// (a share, an update): the given region, else the one region the image lives in when
    /// there is exactly one (a custom or shared image with one region, or an image the plan
    /// makes), CONTRACT §4.1. `None` when neither says.
    pub fn item_region<'s>(
        &'s self,
        region: &'s Option<String>,
        image: &'s Option<String>,
    ) -> Option<&'s str> {
        if let Some(region) = given(region) {
            return Some(region);
        }
        let (image, origin) = self.find(given(image)?)?;
        let single = match image.regions.as_deref() {
            Some([region]) => Some(region.as_str()),
            _ => None,
        };
        match (origin, image.kind) {
            (Origin::Create(_) | Origin::Import(_), _)
            | (_, ImageType::Custom | ImageType::Shared) => single,
            _ => None,
        }
    }
}

/// The region an image lives in: the first of its regions (custom images have exactly one).
pub fn home_region(image: &Image) -> Option<&str> {
    image.regions.as_ref()?.first().map(String::as_str)
}

/// A copy's result: a custom image in `to_region` with the source's attributes, the copy's name
/// and encryption, no shares, and new snapshots. CopyImage does not carry the NVMe attribute
/// over (contract §4.4): the copy is `nvme: unsupported` until a modify sets it. Nor does it
/// carry the family ("copies do not inherit the source image's family", image family overview).
fn copy_result(n: usize, source: &Image, to_region: &str, copy: &Copy) -> Image {
    let encrypted = copy.encrypted == Some(true) || source.encrypted;
    let key = match (encrypted, &copy.kms_key_id) {
        (false, _) => None,
        (true, Some(_)) => Some(KeyKind::Cmk),
        (true, None) if copy.encrypted == Some(true) => Some(KeyKind::Service),
        (true, None) => source.key,
    };
    Image {
        id: format!("${{copy-{n}.ImageId}}"),
        name: copy.name.clone(),
        kind: ImageType::Custom,
        regions: Some(vec![to_region.to_string()]),
        encrypted,
        key,
        status: ImageStatus::Available,
        nvme: NvmeSupport::Unsupported,
        family: None,
        shared_with: Vec::new(),
        snapshots: Vec::new(),
        ..source.clone()
    }
}
