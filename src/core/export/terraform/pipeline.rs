//! Image Builder in Terraform: `alicloud_ecs_image_pipeline` makes the template (with
//! `to_region_id` and `add_account` lists), but no resource of the provider runs it. The
//! execution is a comment that says how to run it, and the images it makes, which later
//! resources use, are variables to fill in once it has run.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::super::text::{comment_text, identifier};
use super::{comment_json, escape, quoted};
use crate::core::param::Param;
use crate::core::report::Operation;

/// The API with no resource whose outputs become variables.
pub(super) const RUN_API: &str = "StartImagePipelineExecution";

/// Indexed parameters of CreateImagePipeline that are one list argument each.
const LISTS: [(&str, &str); 2] = [
    ("ToRegionId.", "to_region_id"),
    ("AddAccount.", "add_account"),
];

/// Whether `param` of `api` is an entry of a list argument ([`list_arguments`]).
pub(super) fn is_list_param(api: &str, param: &str) -> bool {
    api == "CreateImagePipeline" && LISTS.iter().any(|(prefix, _)| param.starts_with(prefix))
}

/// `to_region_id = ["cn-shanghai", ...]` and `add_account = [...]` of a CreateImagePipeline.
pub(super) fn list_arguments(op: &Operation) -> Vec<(&'static str, String)> {
    if op.api != "CreateImagePipeline" {
        return Vec::new();
    }
    LISTS
        .iter()
        .filter_map(|(prefix, argument)| {
            let items: Vec<String> = op
                .params
                .iter()
                .filter(|(param, _)| param.starts_with(prefix))
                .map(|(_, value)| quoted(&value.literal().unwrap_or_default()))
                .collect();
            (!items.is_empty()).then(|| (*argument, format!("[{}]", items.join(", "))))
        })
        .collect()
}

/// `pipeline_0_run_imageid_cn_shanghai` for (`pipeline-0-run`, `ImageId.cn-shanghai`).
pub(super) fn variable_name(op: &str, field: &str) -> String {
    identifier(&format!("{op}_{field}")).to_lowercase()
}

/// A variable per image of a pipeline execution that a later resource uses.
pub(super) fn run_variables(ops: &[Operation]) -> String {
    let runs: Vec<&str> = ops
        .iter()
        .filter(|op| op.api == RUN_API)
        .map(|op| op.id.as_str())
        .collect();
    let mut wanted: BTreeSet<(&str, &str)> = BTreeSet::new();
    for op in ops {
        for (_, value) in op.params.iter() {
            if let Param::Output(output) = value {
                if runs.contains(&output.operation.as_str()) {
                    wanted.insert((output.operation.as_str(), output.field.as_str()));
                }
            }
        }
    }
    let mut out = String::new();
    for (op, field) in wanted {
        let what = match field.strip_prefix("ImageId.") {
            Some(region) => format!("ID of the image {op} makes in {region}"),
            None => format!("{field} of {op}"),
        };
        let _ = write!(
            out,
            "\nvariable \"{}\" {{\n  type        = string\n  description = \"{} (run the pipeline first: DescribeImagePipelineExecutions, DescribeImages)\"\n}}\n",
            variable_name(op, field),
            escape(&what)
        );
    }
    out
}

/// The execution as comment lines.
pub(super) fn run_comment(op: &Operation) -> String {
    let mut out = String::from(
        "# No Terraform resource runs an image pipeline: start it with the aliyun CLI export \
         (StartImagePipelineExecution) or in the ECS console once alicloud_ecs_image_pipeline \
         exists, then set the variables of the images it makes.\n",
    );
    for (param, value) in op.params.iter() {
        let _ = writeln!(out, "#   {} = {}", comment_text(param), comment_json(value));
    }
    out
}
