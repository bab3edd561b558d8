//! Plan items of Image Builder and of OOS image updates (CONTRACT §4.5, §4.6): an image built
//! once from a base image and distributed to other regions and accounts, and an image made by
//! running commands on a temporary instance of another one.

use serde::{Deserialize, Serialize};

use super::Image;

/// An image template and its one execution (CreateImagePipeline, then
/// StartImagePipelineExecution).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pipeline {
    /// The template's `Name`; the pipeline's ID when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `RegionId`: where the build instance runs and the image is first made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// `BaseImage` with `BaseImageType=IMAGE`: the image to build on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_image: Option<String>,
    /// `BaseImage` with `BaseImageType=IMAGE_FAMILY`: build on the family's newest image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_family: Option<String>,
    /// `InstanceType` of the build instance; Image Builder picks a small one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// `SystemDiskSize` of the build instance in GiB (20-500); 40 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_disk_gib: Option<u32>,
    /// The image it builds: its `id` is how the plan refers to it, its `name` the
    /// `ImageOptions.ImageName` prefix, its other attributes those of the built image.
    #[serde(default)]
    pub image: Image,
    /// `ToRegionId.N`: regions the image is distributed to (at most 20).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_regions: Vec<String>,
    /// `AddAccount.N`: accounts the image is shared with, in every region (at most 20).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub share_accounts: Vec<String>,
    /// `BuildContent`: the build template's commands (at most 16 KB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build_content: Option<String>,
}

impl Pipeline {
    /// `SystemDiskSize` when the pipeline gives none.
    pub const DEFAULT_SYSTEM_DISK_GIB: u32 = 40;

    /// The regions the built image lands in, in order, each once: `region`, then `to_regions`.
    /// Blank entries are left out (the rules report them).
    pub fn result_regions(&self) -> Vec<&str> {
        let mut regions: Vec<&str> = Vec::new();
        let all = self.region.iter().chain(&self.to_regions);
        for region in all.map(|r| r.as_str()).filter(|r| !r.trim().is_empty()) {
            if !regions.contains(&region) {
                regions.push(region);
            }
        }
        regions
    }

    /// `SystemDiskSize` as the API will use it.
    pub fn system_disk(&self) -> u32 {
        self.system_disk_gib
            .unwrap_or(Pipeline::DEFAULT_SYSTEM_DISK_GIB)
    }
}

/// A run of the public OOS template `ACS-ECS-UpdateImage` (StartExecution): a temporary
/// instance of `image` runs `commands`, and a new custom image named `name` is made from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Update {
    /// `sourceImageId`: the account's own custom image to update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// `regionId`; when absent, the image's one region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// `targetImageName`: the new image's name; the template makes one up when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `instanceType` of the temporary instance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// `commandContent`: the Cloud Assistant command to run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commands: Option<String>,
}
