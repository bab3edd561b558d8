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
                ("ImageFamily", "image_family"),
            ],
            consumed: &["RegionId"],
            lists: &[],
        },
        // alicloud_image_import (provider 1.289): architecture x86_64 or i386, boot_mode BIOS
        // or UEFI, disk_device_mapping formats RAW, VHD, qcow2; no Features.NvmeSupport.
        "ImportImage" => Mapping {
            resource: "alicloud_image_import",
            region: "RegionId",
            arguments: &[
                ("ImageName", "image_name"),
                ("Description", "description"),
                ("Architecture", "architecture"),
                ("OSType", "os_type"),
                ("Platform", "platform"),
                ("BootMode", "boot_mode"),
                ("LicenseType", "license_type"),
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
    let family_setters = family_setters(ops);
    let mut makers: Vec<String> = Vec::new();
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
            Some(mapping) => {
                let lifecycle = Lifecycle {
                    makers: &makers,
                    family_setters: &family_setters,
                };
                out.push_str(&resource_blocks(op, &mapping, &aliases, &names, &lifecycle));
                if matches!(
                    mapping.resource,
                    "alicloud_image" | "alicloud_image_import" | "alicloud_image_copy"
                ) {
                    makers.push(format!("{}.{}", mapping.resource, resource_name(&op.id)));
                }
            }
            None => out.push_str(&unmapped(op)),
        }
    }
    out
}

/// Operation id → (resource type, resource name).
type Names<'a> = BTreeMap<&'a str, (&'a str, String)>;

/// What a launch by family needs to know of the rest of the configuration.
struct Lifecycle<'a> {
    /// The image resources written so far (`alicloud_image_import.import_0`).
    makers: &'a [String],
    /// Image family → the ModifyImageAttribute calls that put an image in it.
    family_setters: &'a BTreeMap<&'a str, Vec<&'a str>>,
}

/// Image family → ids of the ModifyImageAttribute calls that set it (they have no resource).
fn family_setters(ops: &[Operation]) -> BTreeMap<&str, Vec<&str>> {
    let mut out: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for op in ops.iter().filter(|op| op.api == "ModifyImageAttribute") {
        if let Some(family) = op.params.get("ImageFamily").and_then(Param::as_str) {
            out.entry(family).or_default().push(&op.id);
        }
    }
    out
}

fn resource_blocks(
    op: &Operation,
    mapping: &Mapping,
    aliases: &BTreeMap<String, String>,
    names: &Names,
    lifecycle: &Lifecycle,
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
        if mapping.consumed.contains(&param)
            || (op.api == "ImportImage" && param.starts_with("DiskDeviceMapping."))
            || (op.api == "RunInstances" && param == "ImageFamily")
        {
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
    let mut blocks = String::new();
    if op.api == "ImportImage" {
        blocks = disk_device_mappings(op, &name, names, &mut variables);
        notes.push_str(&import_limits(op));
    }
    let mut data = String::new();
    if op.api == "RunInstances" {
        if let Some(family) = op.params.get("ImageFamily") {
            let provider = body.iter().find(|(n, _)| *n == "provider").cloned();
            data = family_data_source(&name, family, provider, names, lifecycle);
            let at = body.iter().position(|(n, _)| *n == "instance_type");
            let image = (
                "image_id",
                format!("data.alicloud_images.{name}.images[0].id"),
            );
            match at {
                Some(at) => body.insert(at, image),
                None => body.push(image),
            }
        }
    }
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
        "{variables}{data}resource \"{}\" \"{name}\" {{\n{}{blocks}{notes}}}\n",
        mapping.resource,
        attributes(&body)
    )
}

/// ImportImage's `DiskDeviceMapping.N.*` parameters as `disk_device_mapping` blocks, in N order,
/// each after a blank line as `terraform fmt` separates a nested block from attributes. An
/// input (a data disk's object key) becomes a variable.
fn disk_device_mappings(
    op: &Operation,
    name: &str,
    names: &Names,
    variables: &mut String,
) -> String {
    let mut disks: BTreeMap<u32, Vec<(&str, &Param)>> = BTreeMap::new();
    for (param, value) in op.params.iter() {
        let Some(rest) = param.strip_prefix("DiskDeviceMapping.") else {
            continue;
        };
        let Some((index, field)) = rest.split_once('.') else {
            continue;
        };
        if let Ok(index) = index.parse() {
            disks.entry(index).or_default().push((field, value));
        }
    }
    let mut out = String::new();
    for (index, fields) in &disks {
        let mut arguments: Vec<(&str, String)> = Vec::new();
        let mut notes = String::new();
        for (field, value) in fields {
            let argument = match *field {
                "OSSBucket" => "oss_bucket",
                "OSSObject" => "oss_object",
                "DiskImageSize" => "disk_image_size",
                "Device" => "device",
                "Format" => "format",
                other => {
                    let _ = writeln!(
                        notes,
                        "    # {} = {} has no argument in disk_device_mapping",
                        comment_text(other),
                        comment_json(value)
                    );
                    continue;
                }
            };
            let text = match (argument, value) {
                // The provider spells the format `qcow2`.
                ("format", value) if value.as_str() == Some("QCOW2") => quoted("qcow2"),
                (_, Param::Input(input)) => {
                    let variable = format!("{name}_disk_{index}_{argument}");
                    let _ = write!(
                        variables,
                        "variable \"{variable}\" {{\n  type        = string\n  \
                         description = {}\n}}\n\n",
                        quoted(&format!("{} (for {})", input.input, op.id))
                    );
                    format!("var.{variable}")
                }
                (_, value) => expression(value, names),
            };
            arguments.push((argument, text));
        }
        let inner: String = attributes(&arguments)
            .lines()
            .map(|line| format!("  {line}\n"))
            .collect();
        let _ = write!(out, "\n  disk_device_mapping {{\n{inner}{notes}  }}\n");
    }
    out
}

/// Comment lines for the ImportImage values alicloud_image_import refuses or cannot set.
fn import_limits(op: &Operation) -> String {
    let mut out = String::new();
    let text = |key: &str| op.params.get(key).and_then(Param::as_str);
    if text("Architecture") == Some("arm64") {
        out.push_str(
            "  # alicloud_image_import accepts architecture x86_64 or i386 only: import this \
             arm64 image with the aliyun CLI export (ImportImage Architecture=arm64, BootMode=UEFI)\n",
        );
    }
    if op
        .params
        .iter()
        .any(|(k, v)| k.ends_with(".Format") && v.as_str() == Some("VMDK"))
    {
        out.push_str(
            "  # alicloud_image_import reads RAW, VHD and qcow2 files: import the VMDK file with \
             the aliyun CLI export\n",
        );
    }
    if op.params.contains_key("Features.NvmeSupport") {
        out.push_str(
            "  # then set the NVMe flag, which no provider resource sets on an imported image: \
             aliyun ecs ModifyImageAttribute --Features.NvmeSupport supported (see the aliyun \
             CLI export)\n",
        );
    }
    out
}

/// The `alicloud_images` data source that finds the newest image of a launch's family, read
/// after the image resources written before it (which may add to the family).
fn family_data_source(
    name: &str,
    family: &Param,
    provider: Option<(&str, String)>,
    names: &Names,
    lifecycle: &Lifecycle,
) -> String {
    let mut arguments: Vec<(&str, String)> = provider.into_iter().collect();
    arguments.push(("image_family", expression(family, names)));
    arguments.push(("status", quoted("Available")));
    arguments.push(("most_recent", "true".into()));
    if !lifecycle.makers.is_empty() {
        arguments.push(("depends_on", format!("[{}]", lifecycle.makers.join(", "))));
    }
    let setters = family
        .as_str()
        .and_then(|family| lifecycle.family_setters.get(family))
        .map(|ids| {
            format!(
                "# {} put the plan's own image in this family with ModifyImageAttribute, which \
                 Terraform cannot call: run it (aliyun CLI export) before `terraform apply`, or \
                 this reads an older image of the family\n",
                comment_text(&ids.join(", "))
            )
        })
        .unwrap_or_default();
    format!(
        "# RunInstances ImageFamily: the newest Available image of the family when Terraform reads it\n\
         {setters}data \"alicloud_images\" \"{name}\" {{\n{}}}\n\n",
        attributes(&arguments)
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
    let why = match op.api {
        "ModifyImageAttribute" => {
            "alicloud_image_import and alicloud_image_copy set no boot mode, NVMe flag, family \
             or status, and no resource changes an image it does not create. Make this call \
             with the aliyun CLI export after `terraform apply`"
        }
        _ => {
            "Terraform deletes a resource when it leaves the configuration. Make this call with \
             the aliyun CLI export instead"
        }
    };
    let mut out = format!(
        "# {} has no Terraform resource: {why}.\n",
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
