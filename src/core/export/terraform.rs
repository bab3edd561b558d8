//! The plan's API calls as a Terraform configuration for the `aliyun/alicloud` provider.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::text::{comment_text, identifier};
use crate::core::param::Param;
use crate::core::report::Operation;

mod pipeline;

const HEADER: &str = "\
# Terraform configuration for an ECS Image Planner plan (provider aliyun/alicloud).
# One provider alias per region; each API call of the plan is one resource, and a value that an
# earlier call returns is a reference to that resource's attribute.
# Values a plan does not hold (a launch's vSwitch and security group, an export's OSS bucket) are
# variables: set them before `terraform apply`.
# Review the plan's findings first: these resources create, copy and share images.

terraform {
  required_providers {
    alicloud = {
      source = \"aliyun/alicloud\"
    }
  }
}
";

/// How one API maps to a Terraform resource.
struct Mapping {
    /// Resource type (`alicloud_image_copy`).
    resource: &'static str,
    /// The parameter naming the region the resource is created in.
    region: &'static str,
    /// API parameter → resource argument.
    arguments: &'static [(&'static str, &'static str)],
    /// Parameters the mapping uses otherwise (not reported as unmapped).
    consumed: &'static [&'static str],
    /// Arguments that take a list of what the API parameter gives one of.
    lists: &'static [&'static str],
}

fn mapping(api: &str) -> Option<Mapping> {
    Some(match api {
        "CreateImage" => Mapping {
            resource: "alicloud_image",
            region: "RegionId",
            arguments: &[
                ("InstanceId", "instance_id"),
                ("SnapshotId", "snapshot_id"),
                ("ImageName", "image_name"),
                ("Description", "description"),
                ("Architecture", "architecture"),
                ("Platform", "platform"),
            ],
            consumed: &["RegionId"],
            lists: &[],
        },
        "CopyImage" => Mapping {
            resource: "alicloud_image_copy",
            region: "DestinationRegionId",
            arguments: &[
                ("RegionId", "source_region_id"),
                ("ImageId", "source_image_id"),
                ("DestinationImageName", "image_name"),
                ("DestinationDescription", "description"),
                ("Encrypted", "encrypted"),
                ("KMSKeyId", "kms_key_id"),
            ],
            consumed: &["DestinationRegionId"],
            lists: &[],
        },
        "ModifyImageSharePermission" => Mapping {
            resource: "alicloud_image_share_permission",
            region: "RegionId",
            arguments: &[("ImageId", "image_id")],
            consumed: &["RegionId"],
            lists: &[],
        },
        "ExportImage" => Mapping {
            resource: "alicloud_image_export",
            region: "RegionId",
            arguments: &[
                ("ImageId", "image_id"),
                ("OSSBucket", "oss_bucket"),
                ("OSSPrefix", "oss_prefix"),
            ],
            consumed: &["RegionId"],
            lists: &[],
        },
        "CreateImagePipeline" => Mapping {
            resource: "alicloud_ecs_image_pipeline",
            region: "RegionId",
            arguments: &[
                ("Name", "name"),
                ("BaseImageType", "base_image_type"),
                ("BaseImage", "base_image"),
                ("ImageOptions.ImageName", "image_name"),
                ("InstanceType", "instance_type"),
                ("SystemDiskSize", "system_disk_size"),
                ("BuildContent", "build_content"),
            ],
            consumed: &["RegionId"],
            lists: &[],
        },
        "StartExecution" => Mapping {
            resource: "alicloud_oos_execution",
            region: "RegionId",
            arguments: &[
                ("TemplateName", "template_name"),
                ("Parameters", "parameters"),
            ],
            consumed: &["RegionId"],
            lists: &[],
        },
        "RunInstances" => Mapping {
            resource: "alicloud_instance",
            region: "RegionId",
            arguments: &[
                ("ZoneId", "availability_zone"),
                ("ImageId", "image_id"),
                ("InstanceType", "instance_type"),
                ("SystemDisk.Category", "system_disk_category"),
                ("SystemDisk.Size", "system_disk_size"),
                ("Amount", "count"),
                ("VSwitchId", "vswitch_id"),
                ("SecurityGroupId", "security_groups"),
            ],
            consumed: &["RegionId"],
            lists: &["security_groups"],
        },
        _ => return None,
    })
}

/// A Terraform configuration that creates what the operations create.
///
/// CreateImage → `alicloud_image`, CopyImage → `alicloud_image_copy` (provider of the
/// destination region), ModifyImageSharePermission → one `alicloud_image_share_permission` per
/// account, ExportImage → `alicloud_image_export`, RunInstances → `alicloud_instance` with
/// `count`, CreateImagePipeline → `alicloud_ecs_image_pipeline`, OOS StartExecution →
/// `alicloud_oos_execution`. An output (`ImageId` of `copy-0`) becomes
/// `alicloud_image_copy.copy_0.id`; no resource runs an image pipeline, so
/// StartImagePipelineExecution is a comment and the IDs of the images it makes are variables, as
/// are inputs. DeleteImage and DeleteSnapshot have no resource (Terraform deletes what leaves
/// the configuration), so they are listed as comments. Literal text is an HCL string with `\`,
/// `"`, control characters and the template sequences `${` and `%{` escaped, so it is exactly
/// that text.
pub fn terraform(ops: &[Operation]) -> String {
    let names: BTreeMap<&str, (&str, String)> = ops
        .iter()
        .filter_map(|op| {
            let mapping = mapping(op.api)?;
            Some((op.id.as_str(), (mapping.resource, resource_name(&op.id))))
        })
        .collect();
    let aliases = provider_aliases(ops);
    let mut out = String::from(HEADER);
    for (region, alias) in &aliases {
        let _ = write!(
            out,
            "\nprovider \"alicloud\" {{\n  alias  = \"{alias}\"\n  region = {}\n}}\n",
            quoted(region)
        );
    }
    out.push_str(&pipeline::run_variables(ops));
    for op in ops {
        let _ = write!(
            out,
            "\n# {}: {}\n",
            comment_text(&op.id),
            comment_text(op.api)
        );
        if op.api == pipeline::RUN_API {
            out.push_str(&pipeline::run_comment(op));
            continue;
        }
        match mapping(op.api) {
            Some(mapping) => out.push_str(&resource_blocks(op, &mapping, &aliases, &names)),
            None => out.push_str(&unmapped(op)),
        }
    }
    out
}

/// Operation id → (resource type, resource name).
type Names<'a> = BTreeMap<&'a str, (&'a str, String)>;

fn resource_blocks(
    op: &Operation,
    mapping: &Mapping,
    aliases: &BTreeMap<String, String>,
    names: &Names,
) -> String {
    let name = resource_name(&op.id);
    let mut variables = String::new();
    let mut body: Vec<(&str, String)> = Vec::new();
    if let Some(alias) = op
        .params
        .get(mapping.region)
        .and_then(Param::as_str)
        .and_then(|region| aliases.get(region))
    {
        body.push(("provider", format!("alicloud.{alias}")));
    }
    let mut notes = String::new();
    for (param, value) in op.params.iter() {
        if mapping.consumed.contains(&param) {
            continue;
        }
        if let Some((_, argument)) = mapping.arguments.iter().find(|(p, _)| *p == param) {
            let list = mapping.lists.contains(argument);
            let value = match value {
                Param::Input(input) => {
                    let variable = format!("{name}_{argument}");
                    let (kind, what) = match list {
                        true => (
                            "list(string)",
                            format!("{} (for {}), as a list", input.input, op.id),
                        ),
                        false => ("string", format!("{} (for {})", input.input, op.id)),
                    };
                    let _ = write!(
                        variables,
                        "variable \"{variable}\" {{\n  type        = {kind}\n  \
                         description = {}\n}}\n\n",
                        quoted(&what)
                    );
                    format!("var.{variable}")
                }
                other if list => format!("[{}]", expression(other, names)),
                other => expression(other, names),
            };
            body.push((argument, value));
        } else if !(pipeline::is_list_param(op.api, param)
            || op.api == "ModifyImageSharePermission" && param.starts_with("AddAccount."))
        {
            let _ = writeln!(
                notes,
                "  # {} = {} has no argument in {}",
                comment_text(param),
                comment_json(value),
                mapping.resource
            );
        }
    }
    body.extend(pipeline::list_arguments(op));
    if op.api == "ModifyImageSharePermission" {
        let mut out = String::new();
        for (param, value) in op.params.iter() {
            let Some(index) = param.strip_prefix("AddAccount.") else {
                continue;
            };
            let mut arguments = body.clone();
            arguments.push(("account_id", expression(value, names)));
            let _ = write!(
                out,
                "resource \"{}\" \"{}\" {{\n{}{notes}}}\n",
                mapping.resource,
                identifier(&format!("{name}_{index}")),
                attributes(&arguments)
            );
        }
        return out;
    }
    format!(
        "{variables}resource \"{}\" \"{name}\" {{\n{}{notes}}}\n",
        mapping.resource,
        attributes(&body)
    )
}

/// One-line attributes of a block body, with their `=` aligned one column after the longest
/// name, as `terraform fmt` lays out consecutive attributes.
fn attributes(arguments: &[(&str, String)]) -> String {
    let width = arguments
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (name, value) in arguments {
        let _ = writeln!(out, "  {name:width$} = {value}");
    }
    out
}

/// A call with no Terraform resource, as comment lines.
fn unmapped(op: &Operation) -> String {
    let mut out = format!(
        "# {} has no Terraform resource: Terraform deletes a resource when it leaves the \
         configuration. Make this call with the aliyun CLI export instead.\n",
        comment_text(op.api)
    );
    for (param, value) in op.params.iter() {
        let _ = writeln!(out, "#   {} = {}", comment_text(param), comment_json(value));
    }
    out
}

/// One provider alias per region named in the operations, region → alias.
fn provider_aliases(ops: &[Operation]) -> BTreeMap<String, String> {
    let mut regions: Vec<&str> = Vec::new();
    for op in ops {
        let Some(mapping) = mapping(op.api) else {
            continue;
        };
        if let Some(region) = op.params.get(mapping.region).and_then(Param::as_str) {
            if !regions.contains(&region) {
                regions.push(region);
            }
        }
    }
    regions.sort_unstable();
    let mut aliases = BTreeMap::new();
    let mut taken: Vec<String> = Vec::new();
    for region in regions {
        let base = identifier(region).to_lowercase();
        let mut alias = base.clone();
        let mut n = 2;
        while taken.contains(&alias) {
            alias = format!("{base}_{n}");
            n += 1;
        }
        taken.push(alias.clone());
        aliases.insert(region.to_string(), alias);
    }
    aliases
}

/// `copy-0` → `copy_0`.
fn resource_name(op: &str) -> String {
    identifier(op).to_lowercase()
}

/// An HCL expression for a parameter value: a literal, or a reference to the resource of the
/// operation whose output it is.
fn expression(value: &Param, names: &Names) -> String {
    match value {
        Param::Bool(b) => b.to_string(),
        Param::Number(n) => n.to_string(),
        Param::Text(text) => quoted(text),
        Param::Output(output) => reference(&output.operation, &output.field, names),
        // Inputs of mapped arguments are variables declared with their resource; anywhere else
        // an undeclared variable that `terraform validate` reports, never the description.
        Param::Input(input) => format!("var.{}", identifier(&input.input).to_lowercase()),
        // A JSON document holding outputs: `jsonencode` writes it once they are known.
        Param::Json(json) => {
            let members: Vec<String> = json
                .json
                .iter()
                .map(|(k, v)| format!("{} = {}", quoted(k), expression(v, names)))
                .collect();
            format!("jsonencode({{ {} }})", members.join(", "))
        }
    }
}

/// `alicloud_image_copy.copy_0.id` for (`copy-0`, `ImageId`). An output of an operation that
/// has no resource (an image pipeline's execution) is a variable to set once it has run.
fn reference(op: &str, field: &str, names: &Names) -> String {
    let Some((resource, name)) = names.get(op) else {
        return format!("var.{}", pipeline::variable_name(op, field));
    };
    let attribute = match field {
        "ImageId" | "InstanceId" => "id".to_string(),
        other => snake_case(other),
    };
    format!("{resource}.{name}.{attribute}")
}

/// `SnapshotId` → `snapshot_id`.
fn snake_case(field: &str) -> String {
    let mut out = String::new();
    for (i, c) in field.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            out.push('_');
        }
    }
    out
}

/// A quoted HCL string literal.
fn quoted(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// Escapes text for inside an HCL quoted string: `\`, `"`, control characters, and the
/// template sequences `${` and `%{` (written `$${` and `%%{`).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A value as JSON for a comment: JSON escapes every control character, so it is one line.
fn comment_json(value: &Param) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
