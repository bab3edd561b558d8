//! Quota usage as the plan goes, counted once: the quota rules (`custom-image-quota`,
//! `share-quota-exceeded`) read it, and so do the page's gauges, so the two can never disagree.
//!
//! Custom images per region: those that exist (`custom_image_usage`), then each create, import,
//! pipeline (one image in every region it lands in), update and copy in plan order. An item
//! that cannot run at all (a missing or unknown region, an unknown
//! source, a copy of an image that cannot be copied) counts nowhere: its own error says why.
//! Accounts per shared image: those it is already shared with (or a pipeline shares it with),
//! then the new accounts of every share of that image in that region, in plan order, each
//! account once.

use std::collections::{BTreeMap, BTreeSet};

use super::catalog::Catalog;
use super::i18n::{Lang, Term};
use super::item::Item;
use super::model::{given, Plan};
use super::pipeline;
use super::resolve::Resolver;
use super::rules::{copy, share};

/// Custom images in one region.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegionUsage {
    /// Custom images that already exist there.
    pub existing: u32,
    /// Images the plan's creates make there.
    pub created: u32,
    /// Images the plan's imports make there.
    pub imported: u32,
    /// Images the plan's copies make there.
    pub copied: u32,
    /// Images the plan's pipelines build or distribute there.
    pub built: u32,
    /// Images the plan's updates (OOS ACS-ECS-UpdateImage) make there.
    pub updated: u32,
    /// The plan items that make them, in plan order.
    pub items: Vec<Item>,
}

impl RegionUsage {
    /// Existing plus planned.
    pub fn used(&self) -> u32 {
        self.existing.saturating_add(self.planned())
    }

    /// Images the plan makes there.
    pub fn planned(&self) -> u32 {
        self.created
            .saturating_add(self.imported)
            .saturating_add(self.copied)
            .saturating_add(self.built)
            .saturating_add(self.updated)
    }

    /// What makes up the count, for people: "3 existing + 1 created + 2 built"; kinds the plan
    /// does not make there are left out, existing is always named.
    /// In Chinese: "已有 3 + 创建 1 + 流水线构建 2".
    pub fn breakdown(&self, lang: Lang) -> String {
        let word = |term: Term, count: u32| match lang {
            Lang::En => format!("{count} {}", term.en),
            Lang::ZhCn => format!("{} {count}", term.zh),
        };
        let mut parts = vec![word(Term::new("existing", "已有"), self.existing)];
        for (count, term) in [
            (self.created, Term::new("created", "创建")),
            (self.imported, Term::new("imported", "导入")),
            (self.built, Term::new("built by a pipeline", "流水线构建")),
            (self.updated, Term::new("updated", "镜像更新")),
            (self.copied, Term::new("copied", "复制")),
        ] {
            if count > 0 {
                parts.push(word(term, count));
            }
        }
        parts.join(" + ")
    }

    /// Whether the plan's own images take the region past `quota` (what `custom-image-quota`
    /// reports). A region already past it where the plan adds nothing is not: no call fails.
    pub fn over(&self, quota: u32) -> bool {
        !self.items.is_empty() && self.used() > quota
    }
}

/// One new custom image as the plan makes it: the region and the count there after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Made {
    /// The create, pipeline, update or copy that makes it.
    pub item: Item,
    /// The region it lands in.
    pub region: String,
    /// Custom images that existed there before the plan.
    pub existing: u32,
    /// Images the plan makes there up to and including this one.
    pub planned: u32,
}

impl Made {
    /// Existing plus planned up to here.
    pub fn total(&self) -> u32 {
        self.existing.saturating_add(self.planned)
    }
}

/// The accounts one image is shared with in one region.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShareUsage {
    /// The image as the API calls name it (its ID, or the reference to the call that makes it).
    pub image: String,
    /// The image as people know it: its ID, or for an image a pipeline makes, the ID the plan
    /// gives it and the region (`web-golden in cn-shanghai`). The same in every language (the
    /// page's ids are made from it); [`ShareUsage::label_in`] is the text to show.
    pub label: String,
    /// The ID the plan gives an image a pipeline makes, for [`ShareUsage::label_in`].
    pub built: Option<String>,
    /// The region it is shared in.
    pub region: String,
    /// Accounts it is already shared with.
    pub existing: BTreeSet<String>,
    /// Accounts the plan adds, each once, in plan order.
    pub new: Vec<String>,
    /// The shares that add them.
    pub items: Vec<Item>,
}

impl ShareUsage {
    /// The image as people know it, in `lang`: its ID, or `web-golden in cn-shanghai`
    /// ("cn-shanghai 地域的 web-golden").
    pub fn label_in(&self, lang: Lang) -> String {
        match (&self.built, lang) {
            (Some(id), Lang::ZhCn) => format!("{} 地域的 {id}", self.region),
            _ => self.label.clone(),
        }
    }

    /// Existing plus new accounts.
    pub fn used(&self) -> u32 {
        (self.existing.len() + self.new.len()) as u32
    }

    /// Whether the plan's new accounts take the image past `quota` (what
    /// `share-quota-exceeded` reports).
    pub fn over(&self, quota: u32) -> bool {
        !self.new.is_empty() && self.used() > quota
    }
}

/// What one share adds to its image's accounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareStep {
    /// Index in [`Ledger::shares`].
    pub usage: usize,
    /// Accounts before this share (existing and earlier shares).
    pub before: usize,
    /// Accounts after it.
    pub after: usize,
    /// How many of this share's accounts fit under the quota, in order.
    pub fits: usize,
}

/// Quota usage of a whole plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ledger {
    /// `custom_images_per_region` in force.
    pub custom_image_quota: u32,
    /// `share_accounts_per_image` in force.
    pub share_quota: u32,
    /// Custom images per region: every region the plan makes images in or names in
    /// `custom_image_usage`.
    pub regions: BTreeMap<String, RegionUsage>,
    /// Every new custom image, in plan order.
    pub made: Vec<Made>,
    /// Accounts per shared image and region, in the order the plan first shares each.
    pub shares: Vec<ShareUsage>,
    /// What each share adds, by index in `shares` of the plan (`None`: counts nowhere).
    pub share_steps: Vec<Option<ShareStep>>,
}

impl Ledger {
    /// Counts the plan's custom images and share accounts.
    pub fn new(plan: &Plan, catalog: &Catalog, resolver: &Resolver) -> Ledger {
        let mut ledger = Ledger {
            custom_image_quota: plan.custom_images_per_region(),
            share_quota: plan.share_accounts_per_image(),
            ..Ledger::default()
        };
        for (region, &existing) in &plan.custom_image_usage {
            ledger.regions.entry(region.clone()).or_default().existing = existing;
        }
        let known = |region: &str| catalog.region(region).is_some();
        for (n, create) in plan.creates.iter().enumerate() {
            let region = create.image.regions.as_ref().and_then(|r| r.first());
            if let Some(region) = region.filter(|r| known(r)) {
                ledger.make(Item::Create(n), region, |usage| usage.created += 1);
            }
        }
        for (n, import) in plan.imports.iter().enumerate() {
            let region = import.image.regions.as_ref().and_then(|r| r.first());
            if let Some(region) = region.filter(|r| known(r)) {
                ledger.make(Item::Import(n), region, |usage| usage.imported += 1);
            }
        }
        for (n, pipeline) in plan.pipelines.iter().enumerate() {
            if !given(&pipeline.region).is_some_and(known) {
                continue;
            }
            for region in pipeline.result_regions().into_iter().filter(|r| known(r)) {
                ledger.make(Item::Pipeline(n), region, |usage| usage.built += 1);
            }
        }
        for (n, update) in plan.updates.iter().enumerate() {
            let region = resolver.item_region(&update.region, &update.image);
            if let Some(region) = region.filter(|r| known(r)) {
                ledger.make(Item::Update(n), region, |usage| usage.updated += 1);
            }
        }
        for (n, item) in plan.copies.iter().enumerate() {
            let (Some(image), Some(to)) = (given(&item.image), given(&item.to_region)) else {
                continue;
            };
            let Some((source, _)) = resolver.find(image) else {
                continue;
            };
            if known(to) && copy::blocked(source, to).is_none() {
                ledger.make(Item::Copy(n), to, |usage| usage.copied += 1);
            }
        }
        ledger.count_pipeline_shares(plan, catalog);
        ledger.count_shares(plan, catalog, resolver);
        ledger
    }

    /// A pipeline shares its image with its accounts in every region it lands in: each of those
    /// images starts with the pipeline's valid accounts, each once.
    fn count_pipeline_shares(&mut self, plan: &Plan, catalog: &Catalog) {
        for (n, pipeline) in plan.pipelines.iter().enumerate() {
            if pipeline.share_accounts.is_empty() || given(&pipeline.region).is_none() {
                continue;
            }
            let mut accounts: Vec<String> = Vec::new();
            for account in &pipeline.share_accounts {
                if share::account_valid(account) && !accounts.contains(account) {
                    accounts.push(account.clone());
                }
            }
            for region in pipeline.result_regions() {
                if catalog.region(region).is_none() {
                    continue;
                }
                self.shares.push(ShareUsage {
                    image: pipeline::image_ref(n, region),
                    label: format!("{} in {region}", pipeline.image.id),
                    built: Some(pipeline.image.id.clone()),
                    region: region.to_string(),
                    existing: BTreeSet::new(),
                    new: accounts.clone(),
                    items: vec![Item::Pipeline(n)],
                });
            }
        }
    }

    fn make(&mut self, item: Item, region: &str, count: impl Fn(&mut RegionUsage)) {
        let usage = self.regions.entry(region.to_string()).or_default();
        count(usage);
        usage.items.push(item);
        self.made.push(Made {
            item,
            region: region.to_string(),
            existing: usage.existing,
            planned: usage.planned(),
        });
    }

    fn count_shares(&mut self, plan: &Plan, catalog: &Catalog, resolver: &Resolver) {
        let quota = self.share_quota as usize;
        for (n, share) in plan.shares.iter().enumerate() {
            let step = (|| {
                let image = given(&share.image)?;
                let region = resolver.share_region(share)?;
                catalog.region(region)?;
                let resolved = resolver.resolve(image, region)?;
                if resolved.image.kind != super::model::ImageType::Custom {
                    return None;
                }
                let key = resolved.origin.image_ref(resolved.image);
                let at = match self
                    .shares
                    .iter()
                    .position(|u| u.region == region && u.image == key)
                {
                    Some(at) => at,
                    None => {
                        self.shares.push(ShareUsage {
                            label: key.clone(),
                            image: key,
                            region: region.to_string(),
                            existing: resolved.image.shared_with.iter().cloned().collect(),
                            ..ShareUsage::default()
                        });
                        self.shares.len() - 1
                    }
                };
                let usage = &mut self.shares[at];
                usage.items.push(Item::Share(n));
                let before = usage.used() as usize;
                let mut fits = share.accounts.len();
                for (m, account) in share.accounts.iter().enumerate() {
                    let seen =
                        usage.existing.contains(account) || usage.new.iter().any(|a| a == account);
                    if seen {
                        continue;
                    }
                    if usage.used() as usize >= quota && fits == share.accounts.len() {
                        fits = m;
                    }
                    usage.new.push(account.clone());
                }
                Some(ShareStep {
                    usage: at,
                    before,
                    after: usage.used() as usize,
                    fits,
                })
            })();
            self.share_steps.push(step);
        }
    }

    /// The new custom image a create, update or copy makes, if it counts.
    pub fn made_by(&self, item: Item) -> Option<&Made> {
        self.made.iter().find(|made| made.item == item)
    }

    /// Every new custom image `item` makes (a pipeline makes one per region), in plan order.
    pub fn all_made_by(&self, item: Item) -> impl Iterator<Item = &Made> {
        self.made.iter().filter(move |made| made.item == item)
    }

    /// What `shares[n]` adds, if it counts.
    pub fn share_step(&self, n: usize) -> Option<&ShareStep> {
        self.share_steps.get(n).and_then(Option::as_ref)
    }
}
