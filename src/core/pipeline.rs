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

use super::model::{Image, ImageStatus, ImageType, Pipeline, Plan};
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
/// valid accounts, with no snapshots the plan knows of.
pub fn result_image(pipeline: &Pipeline, regions: &[&str]) -> Image {
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
        ..pipeline.image.clone()
    }
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
    /// Works out what each pipeline of `plan` makes.
    pub fn new(plan: &'a Plan) -> Built<'a> {
        let mut by_id = HashMap::new();
        let mut home = Vec::with_capacity(plan.pipelines.len());
        let mut each = Vec::with_capacity(plan.pipelines.len());
        for (n, pipeline) in plan.pipelines.iter().enumerate() {
            if !pipeline.image.id.trim().is_empty() {
                by_id.entry(pipeline.image.id.as_str()).or_insert(n);
            }
            let regions = pipeline.result_regions();
            home.push(result_image(pipeline, &regions));
            each.push(
                regions
                    .iter()
                    .map(|region| result_image(pipeline, &[region]))
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
