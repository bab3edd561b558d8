//! The API calls of Image Builder pipelines and OOS image updates (CONTRACT §4.5-4.7), with the
//! parameter names of the official SDKs (`alibabacloud-ecs20140526` CreateImagePipelineRequest
//! and StartImagePipelineExecutionRequest; `alibabacloud_oos20190601` StartExecutionRequest) and
//! of the template ACS-ECS-UpdateImage (aliyun/oos-templates,
//! `PublicTemplates/YAML/ACS-ECS-UpdateImage.yml`).

use super::{image_param, op, Param, Params};
use crate::core::model::{given, Plan, Platform};
use crate::core::pipeline::run_id;
use crate::core::report::Operation;
use crate::core::resolve::{Origin, Resolver};
use crate::core::rules::pipeline::UPDATE_TEMPLATE;

/// CreateImagePipeline, then StartImagePipelineExecution, for each pipeline.
pub(super) fn pipelines(plan: &Plan, resolver: &Resolver, ops: &mut Vec<Operation>) {
    for (n, p) in plan.pipelines.iter().enumerate() {
        let region = given(&p.region);
        let (kind, base) = match (given(&p.base_image), given(&p.base_family)) {
            (Some(id), _) => {
                // Only an image made before this pipeline can be referred to; its own image or
                // a later pipeline's (pipeline-base-image) stays the literal ID.
                let image = region
                    .and_then(|region| resolver.resolve(id, region))
                    .filter(|r| !matches!(r.origin, Origin::Pipeline(m) if m >= n))
                    .map_or_else(|| Param::from(id), |r| image_param(r.origin, r.image));
                (Some("IMAGE"), Some(image))
            }
            (None, Some(family)) => (Some("IMAGE_FAMILY"), Some(Param::from(family))),
            (None, None) => (None, None),
        };
        let mut params = Params::new()
            .maybe("RegionId", region)
            .maybe("Name", given(&p.name))
            .maybe("BaseImageType", kind)
            .maybe("BaseImage", base)
            .maybe("ImageOptions.ImageName", given(&p.image.name))
            .maybe("ImageOptions.ImageFamily", given(&p.image.family))
            .maybe("InstanceType", given(&p.instance_type))
            .maybe("SystemDiskSize", p.system_disk_gib)
            .maybe("BuildContent", p.build_content.as_deref());
        for (m, to) in p.to_regions.iter().enumerate() {
            params = params.set(&format!("ToRegionId.{}", m + 1), to.as_str());
        }
        for (m, account) in p.share_accounts.iter().enumerate() {
            params = params.set(&format!("AddAccount.{}", m + 1), account.as_str());
        }
        ops.push(op(format!("pipeline-{n}"), "CreateImagePipeline", params));
        let run = Params::new().maybe("RegionId", region).set(
            "ImagePipelineId",
            Param::output(format!("pipeline-{n}"), "ImagePipelineId"),
        );
        ops.push(op(run_id(n), "StartImagePipelineExecution", run));
    }
}

/// StartExecution of ACS-ECS-UpdateImage for each update (product `oos`).
pub(super) fn updates(plan: &Plan, resolver: &Resolver, ops: &mut Vec<Operation>) {
    for (n, update) in plan.updates.iter().enumerate() {
        let region = resolver.item_region(&update.region, &update.image);
        let id = given(&update.image);
        let resolved = id.zip(region).and_then(|(id, r)| resolver.resolve(id, r));
        let source = resolved
            .map(|r| image_param(r.origin, r.image))
            .or(id.map(Param::from));
        let command_type = match resolved.map(|r| r.image.platform) {
            Some(Platform::Windows) => "RunPowerShellScript",
            _ => "RunShellScript",
        };
        let parameters = Params::new()
            .maybe("regionId", region)
            .maybe("sourceImageId", source)
            .maybe("targetImageName", given(&update.name))
            .maybe("instanceType", given(&update.instance_type))
            .set("updateType", "RunCommand")
            .set("commandType", command_type)
            .maybe("commandContent", update.commands.as_deref());
        let params = Params::new()
            .maybe("RegionId", region)
            .set("TemplateName", UPDATE_TEMPLATE)
            .set("Parameters", Param::json(parameters));
        let mut operation = op(format!("update-{n}"), "StartExecution", params);
        operation.product = Some("oos");
        ops.push(operation);
    }
}
