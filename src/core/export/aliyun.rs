//! The plan's API calls as a bash script of `aliyun ecs <Api> --Param value` commands.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use serde_json::Value;

use super::text::{comment_text, identifier, segments, Segment};
use crate::core::report::Operation;

mod pipeline;

const HEADER: &str = "\
#!/usr/bin/env bash
# Alibaba Cloud CLI commands for an ECS Image Planner plan, one command per API call, in order.
# Needs the aliyun CLI (run `aliyun configure` first) and jq. Literal values are single-quoted.
# A value that an earlier call returns (the ID of a copied or created image) is captured into a
# shell variable, and the script waits until that image is Available before it is used.
# Review the plan's findings before running: these calls create, share and delete resources.
set -euo pipefail
";

/// A bash script that makes the operations' API calls with the `aliyun` CLI.
///
/// Values are single-quoted (an embedded `'` becomes `'\''`), so no value can run a command.
/// A `${copy-0.ImageId}` reference becomes the shell variable `COPY_0_IMAGEID`, captured from
/// the earlier command's JSON output with `jq -r`.
pub fn aliyun_cli(ops: &[Operation]) -> String {
    let wanted = referenced_fields(ops);
    let mut script = String::from(HEADER);
    let mut earlier: Vec<&str> = Vec::new();
    for op in ops {
        let _ = writeln!(
            script,
            "\n# {}: {}",
            comment_text(&op.id),
            comment_text(op.api)
        );
        let product = op.product.unwrap_or("ecs");
        let mut command = format!("aliyun {} {}", shell_word(product), shell_word(op.api));
        for (name, value) in &op.params {
            if value.is_null() {
                continue;
            }
            let _ = write!(
                command,
                " \\\n  {} {}",
                shell_word(&format!("--{name}")),
                shell_value(value, &earlier)
            );
        }
        let fields = wanted.get(op.id.as_str());
        if op.api == "StartImagePipelineExecution" && fields.is_some_and(|f| !f.is_empty()) {
            script.push_str(&pipeline::run_and_wait(
                op,
                &command,
                fields.into_iter().flatten(),
            ));
            earlier.push(&op.id);
            continue;
        }
        match fields.map(|f| f.iter().collect::<Vec<_>>()).as_deref() {
            None | Some([]) => {
                script.push_str(&command);
                script.push('\n');
            }
            Some([field]) => {
                let _ = writeln!(
                    script,
                    "{}=$({command} | jq -r {})",
                    variable(&op.id, field),
                    shell_word(&format!(".{field}"))
                );
            }
            Some(fields) => {
                let whole = variable(&op.id, "");
                let _ = writeln!(script, "{whole}=$({command})");
                for field in fields {
                    let _ = writeln!(
                        script,
                        "{}=$(printf '%s' \"${whole}\" | jq -r {})",
                        variable(&op.id, field),
                        shell_word(&format!(".{field}"))
                    );
                }
            }
        }
        if let Some(wait) = fields.and_then(|f| wait_for_image(op, f)) {
            script.push_str(&wait);
        }
        earlier.push(&op.id);
    }
    script
}

/// For each operation id, the response fields later operations refer to.
fn referenced_fields(ops: &[Operation]) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut wanted: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut earlier: Vec<&str> = Vec::new();
    for op in ops {
        for value in op.params.values() {
            if let Value::String(text) = value {
                for segment in segments(text, &earlier) {
                    if let Segment::Ref { op, field } = segment {
                        wanted.entry(op).or_default().insert(field);
                    }
                }
            }
        }
        earlier.push(&op.id);
    }
    wanted
}

/// After CreateImage or CopyImage, waits until the new image is Available in its region.
fn wait_for_image(op: &Operation, fields: &BTreeSet<&str>) -> Option<String> {
    let region_param = match op.api {
        "CopyImage" => "DestinationRegionId",
        "CreateImage" => "RegionId",
        _ => return None,
    };
    if !fields.contains("ImageId") {
        return None;
    }
    let region = op.params.get(region_param)?;
    Some(format!(
        "aliyun ecs DescribeImages --RegionId {} --ImageId \"${}\" \\\n  \
         --waiter expr='Images.Image[0].Status' to=Available > /dev/null\n",
        shell_value(region, &[]),
        variable(&op.id, "ImageId")
    ))
}

/// `COPY_0_IMAGEID` for (`copy-0`, `ImageId`); `COPY_0` for the whole output.
fn variable(op: &str, field: &str) -> String {
    let raw = if field.is_empty() {
        op.to_string()
    } else {
        format!("{op}_{field}")
    };
    identifier(&raw).to_uppercase()
}

/// A parameter value as one shell word: literal text single-quoted, references as variables.
fn shell_value(value: &Value, earlier: &[&str]) -> String {
    let text = match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    segments(&text, earlier)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => single_quote(text),
            Segment::Ref { op, field } => format!("\"${}\"", variable(op, field)),
        })
        .collect()
}

/// A word left bare when it is plainly safe (`CopyImage`, `--SystemDisk.Size`), else quoted.
fn shell_word(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if safe {
        word.to_string()
    } else {
        single_quote(word)
    }
}

/// POSIX single quoting: nothing inside is special except `'`, written `'\''`.
fn single_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}
