//! What Image Builder pipelines make (CONTRACT §4.5): one custom image per region the pipeline
//! lands in (its `region` and each of its `to_regions`), shared with its accounts everywhere.
//! The resolver asks here what a pipeline's image ID means in a region, and the operations
//! how later calls refer to each of those images.
//!
//! A pipeline's image has a different ID in every region. The reference to it is the output
//! `ImageId.<region>` of the pipeline's execution (`pipeline-0-run`): in its own region the
//! `ImageId` that DescribeImagePipelineExecutions reports, elsewhere the ID of the distributed
//! image in that region.

use std::collections::HashMap;

use super::catalog::Catalog;
use super::i18n::Lang;
use super::model::{given, Image, ImageStatus, ImageType, Pipeline, Plan};
use super::resolve::{Origin, Resolved};
use super::rules::share::account_valid;

/// The id of the StartImagePipelineExecution operation of `pipelines[n]`.
pub fn run_id(n: usize) -> String {
    format!("pipeline-{n}-run")
}

/// How a later API call names the image `pipelines[n]` makes in `region`.
pub fn image_ref(n: usize, region: &str) -> String {
    format!("${{{}.ImageId.{region}}}", run_id(n))
}

/// The image a pipeline makes, as it is in `regions` (the first is where it is built): the
/// pipeline's `image` as the account's own Available custom image, shared with the pipeline's
/// valid accounts, with no snapshots the plan knows of. A build cannot change the operating
/// system's architecture or platform, so those come from the `base` image when it is known
/// (whatever the pipeline's `image` says), and so do the OS name, size, licence fee and end of
/// life where the pipeline's `image` leaves them out.
pub fn result_image(pipeline: &Pipeline, base: Option<&Image>, regions: &[&str]) -> Image {
    let mut image = pipeline.image.clone();
    if let Some(base) = base {
        image.arch = base.arch;
        image.platform = base.platform;
        image.os = image.os.or_else(|| base.os.clone());
        image.size_gib = image.size_gib.or(base.size_gib);
        image.license_fee |= base.license_fee;
        image.eol = image.eol.or(base.eol);
    }
    Image {
        kind: ImageType::Custom,
        regions: Some(regions.iter().map(|r| r.to_string()).collect()),
        status: ImageStatus::Available,
        shared_with: pipeline
            .share_accounts
            .iter()
            .filter(|a| account_valid(a))
            .cloned()
            .collect(),
        snapshots: Vec::new(),
        ..image
    }
}

/// The base image of a pipeline as the catalog (with the plan's own images) knows it: its
/// `base_image`, or the newest Available image of its `base_family` in its region there.
fn base_image<'c>(pipeline: &Pipeline, catalog: &'c Catalog) -> Option<&'c Image> {
    if let Some(id) = given(&pipeline.base_image) {
        return catalog.image(id);
    }
    let (family, region) = (given(&pipeline.base_family)?, given(&pipeline.region)?);
    let here = catalog
        .images
        .iter()
        .filter(|image| image.available_in(region));
    super::lifecycle::family::newest(family, here.map(|image| (image, image.created)))
}

/// The images of a plan's pipelines, by the ID the plan gives them.
pub struct Built<'a> {
    /// ID → index in `pipelines` (the first pipeline with that ID).
    by_id: HashMap<&'a str, usize>,
    /// Per pipeline: the image in its build region, listing every region it lands in.
    home: Vec<Image>,
    /// Per pipeline: the image in each region it lands in, in [`Pipeline::result_regions`]
    /// order.
    each: Vec<Vec<Image>>,
}

impl<'a> Built<'a> {
    /// Works out what each pipeline of `plan` makes; `catalog` holds the base images.
    pub fn new(plan: &'a Plan, catalog: &Catalog) -> Built<'a> {
        let mut by_id = HashMap::new();
        let mut home = Vec::with_capacity(plan.pipelines.len());
        let mut each = Vec::with_capacity(plan.pipelines.len());
        for (n, pipeline) in plan.pipelines.iter().enumerate() {
            if !pipeline.image.id.trim().is_empty() {
                by_id.entry(pipeline.image.id.as_str()).or_insert(n);
            }
            let regions = pipeline.result_regions();
            let base = base_image(pipeline, catalog);
            home.push(result_image(pipeline, base, &regions));
            each.push(
                regions
                    .iter()
                    .map(|region| result_image(pipeline, base, &[region]))
                    .collect(),
            );
        }
        Built { by_id, home, each }
    }

    /// The pipeline image with this ID, in its build region.
    pub fn find(&self, id: &str) -> Option<(&Image, Origin)> {
        let &n = self.by_id.get(id)?;
        Some((&self.home[n], Origin::Pipeline(n)))
    }

    /// The pipeline image with this ID in `region`, when the pipeline makes it there.
    pub fn resolve(&self, id: &str, region: &str) -> Option<Resolved<'_>> {
        let &n = self.by_id.get(id)?;
        let image = self.each[n].iter().find(|i| i.available_in(region))?;
        Some(Resolved {
            image,
            origin: Origin::Pipeline(n),
            here: true,
        })
    }
}

/// The image a pipeline builds, described from its base: `result` with the base's operating
/// system, platform, architecture, boot mode, NVMe support and size, which a build keeps. The
/// result's ID, name and other attributes stay as they are.
pub fn described_from_base(result: &Image, base: &Image) -> Image {
    Image {
        os: base.os.clone(),
        platform: base.platform,
        arch: base.arch,
        boot_mode: base.boot_mode,
        nvme: base.nvme,
        size_gib: base.size_gib,
        license_fee: base.license_fee,
        eol: base.eol,
        ..result.clone()
    }
}

/// Build content measured against the BuildContent limits, for a live counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContentSize {
    /// UTF-8 bytes.
    pub bytes: usize,
    /// Commands ([`crate::core::rules::pipeline::build_commands`]).
    pub commands: usize,
}

impl ContentSize {
    /// Measures `content`.
    pub fn of(content: &str) -> ContentSize {
        ContentSize {
            bytes: content.len(),
            commands: crate::core::rules::pipeline::build_commands(content),
        }
    }

    /// Whether it fits BuildContent (16 KB, 127 commands).
    pub fn fits(self) -> bool {
        use crate::core::rules::pipeline::{MAX_BUILD_COMMANDS, MAX_BUILD_CONTENT_BYTES};
        self.bytes <= MAX_BUILD_CONTENT_BYTES && self.commands <= MAX_BUILD_COMMANDS
    }

    /// "1,234 of 16,384 bytes (16 KB) · 12 of 127 commands" in `lang`.
    pub fn label(self, lang: Lang) -> String {
        use crate::core::rules::pipeline::{MAX_BUILD_COMMANDS, MAX_BUILD_CONTENT_BYTES};
        let (bytes, max) = (thousands(self.bytes), thousands(MAX_BUILD_CONTENT_BYTES));
        let commands = self.commands;
        tr!(
            lang,
            format!("{bytes} of {max} bytes (16 KB) · {commands} of {MAX_BUILD_COMMANDS} commands"),
            format!("{bytes} / {max} 字节（16 KB）· {commands} / {MAX_BUILD_COMMANDS} 条命令")
        )
        .into_string()
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counter_measures_bytes_and_commands() {
        let size = ContentSize::of("RUN a \\\n  && b\n# comment\n\nRUN ü\n");
        assert_eq!(
            size,
            ContentSize {
                bytes: 33,
                commands: 2
            }
        );
        assert_eq!(
            size.label(Lang::En),
            "33 of 16,384 bytes (16 KB) · 2 of 127 commands"
        );
        assert_eq!(
            size.label(Lang::ZhCn),
            "33 / 16,384 字节（16 KB）· 2 / 127 条命令"
        );
        assert!(size.fits());
        assert!(!ContentSize::of(&"x".repeat(16 * 1024 + 1)).fits());
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn a_result_described_from_its_base_keeps_its_own_id_and_name() {
        let base = Image {
            id: "base".into(),
            os: Some("Linux".into()),
            arch: crate::core::model::ImageArch::Arm64,
            size_gib: Some(20),
            ..Image::default()
        };
        let result = Image {
            id: "web".into(),
            name: Some("web".into()),
            ..Image::default()
        };
        let described = described_from_base(&result, &base);
        assert_eq!(
            (described.id.as_str(), described.name.as_deref()),
            ("web", Some("web"))
        );
        assert_eq!(described.arch, base.arch);
        assert_eq!(described.size_gib, Some(20));
    }
}
