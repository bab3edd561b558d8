//! An Image Builder execution in the script: start it, wait until it has built and
//! distributed the image, then look up the image's ID in every region a later call uses it in.
//!
//! The build region's ID is the `ImageId` that DescribeImagePipelineExecutions reports; in a
//! distribution region the script finds the account's own image with the same name there
//! (DescribeImages `ImageName`, `ImageOwnerAlias=self`), since the execution reports only the
//! build region's image.

use std::fmt::Write;

use super::{argument_value, single_quote, variable};
use crate::core::report::Operation;

/// How long the script waits for an execution, in 30-second polls (6 hours).
const POLLS: u32 = 720;

/// The script lines of a StartImagePipelineExecution `op` whose image later calls use:
/// `command` with its ExecutionId captured, the wait, and one variable per referenced
/// `ImageId.<region>` field.
pub(super) fn run_and_wait<'a>(
    op: &Operation,
    command: &str,
    fields: impl Iterator<Item = &'a &'a str>,
) -> String {
    let execution = variable(&op.id, "ExecutionId");
    let status = variable(&op.id, "Status");
    let name = variable(&op.id, "ImageName");
    let region = op.params.get("RegionId").map_or_else(
        || single_quote(""),
        |r| argument_value(&op.id, "RegionId", r),
    );
    let describe = format!(
        "aliyun ecs DescribeImagePipelineExecutions --RegionId={region} --ExecutionId=\"${execution}\""
    );
    let set = ".ImagePipelineExecution.ImagePipelineExecutionSet[0]";
    let mut out = String::new();
    let _ = writeln!(out, "{execution}=$({command} | jq -er .ExecutionId)");
    let _ = write!(
        out,
        "# Image Builder builds, then distributes and shares; wait for SUCCESS (up to 6 hours).\n\
         {status}=\n\
         for _ in $(seq 1 {POLLS}); do\n  \
           {status}=$({describe} | jq -r {})\n  \
           case \"${status}\" in\n    \
             SUCCESS) break ;;\n    \
             FAILED|TEST_FAILED|CANCELLED|PARTITION_SUCCESS) echo {} \"${status}\" >&2; exit 1 ;;\n  \
           esac\n  \
           sleep 30\n\
         done\n\
         [ \"${status}\" = SUCCESS ] || {{ echo {} >&2; exit 1; }}\n",
        single_quote(&format!("{set}.Status")),
        single_quote(&format!("{} ended with status", op.id)),
        single_quote(&format!("{} did not finish within 6 hours", op.id)),
    );
    let home = variable(&op.id, "ImageId.home");
    let _ = writeln!(
        out,
        "{home}=$({describe} | jq -r {})",
        single_quote(&format!("{set}.ImageId"))
    );
    let _ = writeln!(
        out,
        "{name}=$(aliyun ecs DescribeImages --RegionId={region} --ImageId=\"${home}\" | jq -er '.Images.Image[0].ImageName')"
    );
    for field in fields {
        let Some(target) = field.strip_prefix("ImageId.") else {
            continue;
        };
        let id = variable(&op.id, field);
        let _ = writeln!(
            out,
            "{id}=$(aliyun ecs DescribeImages --RegionId={} --ImageName=\"${name}\" --ImageOwnerAlias=self | jq -r '.Images.Image[0].ImageId // empty')\n\
             [ -n \"${id}\" ] || {{ echo {} >&2; exit 1; }}",
            single_quote(target),
            single_quote(&format!("{}: no image of that name in {target}", op.id)),
        );
    }
    out
}
