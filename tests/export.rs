//! Exporters: exact output for a known set of operations, and hostile values that must reach
//! the API intact without breaking out of their quoting. The generated script is checked by
//! `bash -n` and run against a fake `aliyun` (with jq, which `scripts/setup.sh` installs); the
//! Terraform configuration is parsed by a real HCL parser (hcl-rs), checked against the alicloud
//! provider's argument schemas (`tests/fixtures/alicloud-schema.json`) and against `terraform
//! fmt`'s layout rules (`export/hcl_fmt.rs`). Nothing here is skipped when a tool is missing: a
//! missing tool fails the test with what to install. Terraform itself is not run: it is no
//! Debian package and its release server is out of reach of these machines.

mod common;

use common::{op, output};

mod export {
    pub mod hcl_fmt;
    pub mod schema;
}

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ecs_image_planner::core::export::{aliyun_cli, launch_plan_json, terraform};
use ecs_image_planner::core::{parse_plan, planner, Date, Operation};
use export::{hcl_fmt, schema};
use serde_json::{json, Map, Value};

/// An image name that tries every way out of shell and HCL quoting.
const HOSTILE: &str = "x'; touch pwned; echo '$(touch pwned2)`touch pwned3`${HOME}%{if true}\"\\\nline2\ttab \u{202e}漢字";

fn sample_ops() -> Vec<Operation> {
    vec![
        op(
            "create-0",
            "CreateImage",
            json!({"RegionId": "cn-hangzhou", "InstanceId": "i-bp1abc", "ImageName": "web-base"}),
        ),
        op(
            "copy-0",
            "CopyImage",
            json!({"RegionId": "cn-hangzhou", "ImageId": output("create-0", "ImageId"),
                   "DestinationRegionId": "ap-southeast-1", "DestinationImageName": HOSTILE,
                   "Encrypted": true, "KMSKeyId": "key-1"}),
        ),
        op(
            "share-0",
            "ModifyImageSharePermission",
            json!({"RegionId": "cn-hangzhou", "ImageId": output("create-0", "ImageId"),
                   "AddAccount.1": "1234567890123456", "AddAccount.2": "6543210987654321"}),
        ),
        op(
            "export-0",
            "ExportImage",
            json!({"RegionId": "cn-hangzhou", "ImageId": output("create-0", "ImageId"),
                   "OSSBucket": "my-bucket", "ImageFormat": "qcow2"}),
        ),
        op(
            "launch-0",
            "RunInstances",
            json!({"RegionId": "ap-southeast-1", "ZoneId": "ap-southeast-1c",
                   "ImageId": output("copy-0", "ImageId"), "InstanceType": "ecs.g7.large",
                   "Amount": 2, "VSwitchId": {"input": "a vSwitch in ap-southeast-1c"},
                   "SecurityGroupId": {"input": "a security group in the vSwitch's VPC"},
                   "SystemDisk.Category": "cloud_essd", "SystemDisk.Size": 40}),
        ),
        op(
            "delete-0",
            "DeleteImage",
            json!({"RegionId": "cn-hangzhou", "ImageId": "m-old"}),
        ),
    ]
}

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/export")
        .join(name)
}

/// Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it instead.
fn assert_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().expect("has a parent")).expect("create golden dir");
        fs::write(&path, actual).expect("write golden file");
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("{}: {err} (run with UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(actual, expected, "{} differs", path.display());
}

/// Fails, rather than skips, when a tool the test needs is missing.
fn require(tool: &str) {
    let found = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        found,
        "{tool} is not installed: run `bash scripts/setup.sh` (it installs {tool})"
    );
}

/// Operations that use every parameter each exporter maps, plus references inside text.
fn every_mapped_param() -> Vec<Operation> {
    vec![
        op(
            "create-0",
            "CreateImage",
            json!({"RegionId": "cn-hangzhou", "SnapshotId": "s-bp1abc", "ImageName": "from-snap",
                   "Description": "d", "Architecture": "x86_64", "Platform": "Aliyun"}),
        ),
        op(
            "copy-0",
            "CopyImage",
            json!({"RegionId": "cn-hangzhou", "ImageId": "${create-0.ImageId}",
                   "DestinationRegionId": "cn-beijing", "DestinationImageName": "n",
                   "DestinationDescription": "copied ${create-0.ImageId}"}),
        ),
        op(
            "export-0",
            "ExportImage",
            json!({"RegionId": "cn-beijing", "ImageId": "${copy-0.ImageId}",
                   "OSSBucket": "b", "OSSPrefix": "images/"}),
        ),
        op(
            "launch-0",
            "RunInstances",
            json!({"RegionId": "cn-beijing", "ImageId": "${copy-0.ImageId}",
                   "InstanceType": "ecs.g7.large"}),
        ),
    ]
}

/// The operations of every example plan and of the reference plan, as the CLI exports them,
/// with whether the plan checked without errors.
fn plan_operations() -> Vec<(String, bool, Vec<Operation>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("examples"))
        .expect("examples/")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.push(root.join("tests/golden/reference-plan.json"));
    files.sort();
    let today = Date::new(2026, 11, 28).expect("a date");
    let sets: Vec<(String, bool, Vec<Operation>)> = files
        .iter()
        .filter_map(|path| {
            let text = fs::read_to_string(path).expect("read plan");
            let plan = parse_plan(&text).ok()?;
            let report = planner::check_builtin(&plan, today);
            Some((path.display().to_string(), report.ok, report.operations))
        })
        .collect();
    assert!(
        sets.iter()
            .filter(|(_, ok, ops)| *ok && !ops.is_empty())
            .count()
            >= 2,
        "too few plans with operations to test the exporters on"
    );
    sets
}

/// Every set of operations the exporter tests run on, named, and whether the plan had no error:
/// samples and real plans.
fn all_operation_sets() -> Vec<(String, bool, Vec<Operation>)> {
    let mut sets = vec![
        ("sample".to_string(), true, sample_ops()),
        (
            "every mapped parameter".to_string(),
            true,
            every_mapped_param(),
        ),
    ];
    sets.extend(plan_operations());
    sets
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecs-planner-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn aliyun_script_matches_golden() {
    assert_golden("aliyun.sh", &aliyun_cli(&sample_ops()));
}

#[test]
fn aliyun_script_shape() {
    let script = aliyun_cli(&sample_ops());
    assert!(script.starts_with("#!/usr/bin/env bash\n"));
    assert!(script.contains("set -euo pipefail"));
    assert!(script.contains(
        "CREATE_0_IMAGEID=$(aliyun ecs CreateImage \\\n  --RegionId='cn-hangzhou' \\\n  \
         --InstanceId='i-bp1abc' \\\n  --ImageName='web-base' | jq -er .ImageId)"
    ));
    assert!(script.contains("--ImageId=\"$CREATE_0_IMAGEID\""));
    assert!(script.contains("--ImageId=\"$COPY_0_IMAGEID\""));
    assert!(script.contains("--SystemDisk.Size='40'"));
    assert!(script.contains("--AddAccount.1='1234567890123456'"));
    assert!(script.contains("--VSwitchId=\"$LAUNCH_0_VSWITCHID\""));
    assert!(script
        .contains("--waiter expr='Images.Image[0].Status' to=Available timeout=600 interval=10"));
    // Nothing referenced the launch or the delete: no capture.
    assert!(!script.contains("LAUNCH_0="));
    assert!(script.contains("\naliyun ecs DeleteImage \\\n"));
}

#[test]
fn aliyun_hostile_values_stay_quoted() {
    let script = aliyun_cli(&sample_ops());
    let quoted = format!("'{}'", HOSTILE.replace('\'', "'\\''"));
    assert!(script.contains(&format!("--DestinationImageName={quoted}")));
}

/// Text that looks like a reference is text, even when the operation it names exists.
#[test]
fn aliyun_reference_shaped_text_is_literal() {
    let ops = vec![
        op(
            "copy-0",
            "CopyImage",
            json!({"DestinationRegionId": "cn-beijing"}),
        ),
        op(
            "delete-0",
            "DeleteImage",
            json!({"ImageId": "${copy-0.ImageId}", "RegionId": "abc$"}),
        ),
    ];
    let script = aliyun_cli(&ops);
    assert!(script.contains("--ImageId='${copy-0.ImageId}'"), "{script}");
    assert!(script.contains("--RegionId='abc$'"), "{script}");
    assert!(!script.contains("COPY_0_IMAGEID"), "{script}");
}

/// Runs the script with a fake `aliyun` that records its arguments, and checks every value
/// arrives as one argument, byte for byte, and no injected command ran.
#[test]
fn aliyun_script_runs_with_values_intact() {
    require("bash");
    require("jq");
    let dir = temp_dir("aliyun");
    let fake = dir.join("aliyun");
    fs::write(
        &fake,
        "#!/usr/bin/env bash\n\
         for arg in \"$@\"; do printf '%s\\0' \"$arg\" >> \"$ALIYUN_LOG\"; done\n\
         printf '\\n\\0' >> \"$ALIYUN_LOG\"\n\
         printf '{\"ImageId\": \"m-made-by-%s\"}\\n' \"$2\"\n",
    )
    .expect("write fake aliyun");
    Command::new("chmod")
        .arg("+x")
        .arg(&fake)
        .status()
        .expect("chmod");
    let script = dir.join("plan.sh");
    fs::write(&script, aliyun_cli(&sample_ops())).expect("write script");
    let log = dir.join("calls.log");
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .arg(&script)
        .current_dir(&dir)
        .env("PATH", path)
        .env("ALIYUN_LOG", &log)
        .env("LAUNCH_0_VSWITCHID", "vsw-t4n0")
        .env("LAUNCH_0_SECURITYGROUPID", "sg-t4n0")
        .output()
        .expect("run bash");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for marker in ["pwned", "pwned2", "pwned3"] {
        assert!(!dir.join(marker).exists(), "{marker} was created");
    }
    let log = fs::read_to_string(&log).expect("calls were logged");
    let calls: Vec<Vec<&str>> = log
        .split("\n\0")
        .filter(|call| !call.is_empty())
        .map(|call| call.split('\0').filter(|a| !a.is_empty()).collect())
        .collect();
    let apis: Vec<&str> = calls.iter().map(|call| call[1]).collect();
    assert_eq!(
        apis,
        [
            "CreateImage",
            "DescribeImages",
            "CopyImage",
            "DescribeImages",
            "ModifyImageSharePermission",
            "ExportImage",
            "RunInstances",
            "DeleteImage"
        ]
    );
    let copy = &calls[2];
    let value_of = |call: &[&str], flag: &str| -> String {
        let prefix = format!("{flag}=");
        let arg = call
            .iter()
            .find_map(|a| a.strip_prefix(&prefix))
            .expect(flag);
        arg.to_string()
    };
    assert_eq!(value_of(copy, "--DestinationImageName"), HOSTILE);
    assert_eq!(value_of(copy, "--ImageId"), "m-made-by-CreateImage");
    assert_eq!(value_of(&calls[6], "--ImageId"), "m-made-by-CopyImage");
    assert_eq!(value_of(&calls[3], "--RegionId"), "ap-southeast-1");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn terraform_matches_golden() {
    assert_golden("main.tf", &terraform(&sample_ops()));
}

#[test]
fn terraform_shape() {
    let hcl = terraform(&sample_ops());
    for expected in [
        "provider \"alicloud\" {\n  alias  = \"ap_southeast_1\"\n  region = \"ap-southeast-1\"\n}",
        "provider \"alicloud\" {\n  alias  = \"cn_hangzhou\"\n  region = \"cn-hangzhou\"\n}",
        "resource \"alicloud_image\" \"create_0\" {\n  provider    = alicloud.cn_hangzhou\n",
        "resource \"alicloud_image_copy\" \"copy_0\" {\n  provider         = alicloud.ap_southeast_1\n",
        "  source_image_id  = alicloud_image.create_0.id\n",
        "  source_region_id = \"cn-hangzhou\"\n",
        "  encrypted        = true\n",
        "  kms_key_id       = \"key-1\"\n",
        "resource \"alicloud_image_share_permission\" \"share_0_1\" {",
        "resource \"alicloud_image_share_permission\" \"share_0_2\" {",
        "  account_id = \"6543210987654321\"\n",
        "resource \"alicloud_image_export\" \"export_0\" {",
        "  oss_bucket = \"my-bucket\"\n",
        "  # ImageFormat = \"qcow2\" has no argument in alicloud_image_export\n",
        "resource \"alicloud_instance\" \"launch_0\" {",
        "  image_id             = alicloud_image_copy.copy_0.id\n",
        "  count                = 2\n",
        "  system_disk_size     = 40\n",
        "  availability_zone    = \"ap-southeast-1c\"\n",
        "  vswitch_id           = var.launch_0_vswitch_id\n",
        "  security_groups      = var.launch_0_security_groups\n",
        "variable \"launch_0_security_groups\" {",
        "# DeleteImage has no Terraform resource",
        "#   ImageId = \"m-old\"\n",
    ] {
        assert!(hcl.contains(expected), "missing {expected:?} in\n{hcl}");
    }
}

#[test]
fn terraform_escapes_hostile_strings() {
    let hcl = terraform(&sample_ops());
    assert!(hcl.contains(
        "  image_name       = \"x'; touch pwned; echo '$(touch pwned2)`touch pwned3`$${HOME}%%{if true}\\\"\\\\\\nline2\\ttab \u{202e}漢字\"\n"
    ), "{hcl}");
    // Text that looks like a reference stays text, even next to a `$`; only a typed output
    // becomes a reference.
    let ops = vec![
        op(
            "copy-0",
            "CopyImage",
            json!({"DestinationRegionId": "cn-beijing"}),
        ),
        op(
            "launch-0",
            "RunInstances",
            json!({"ImageId": "abc$${copy-0.ImageId}-${nope}%", "InstanceType": output("copy-0", "ImageId")}),
        ),
    ];
    let hcl = terraform(&ops);
    assert!(
        hcl.contains("  image_id      = \"abc$$${copy-0.ImageId}-$${nope}%\"\n"),
        "{hcl}"
    );
    assert!(
        hcl.contains("  instance_type = alicloud_image_copy.copy_0.id\n"),
        "{hcl}"
    );
}

/// `bash -n` parses every script the exporter writes, from samples and from real plans.
#[test]
fn aliyun_scripts_are_valid_bash() {
    require("bash");
    let dir = temp_dir("bash-n");
    for (name, _, ops) in all_operation_sets() {
        let script = dir.join("plan.sh");
        fs::write(&script, aliyun_cli(&ops)).expect("write script");
        let output = Command::new("bash")
            .arg("-n")
            .arg(&script)
            .output()
            .expect("run bash -n");
        assert!(
            output.status.success(),
            "{name}: bash -n: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // The check can fail: a broken script is refused.
    fs::write(dir.join("broken.sh"), "echo 'unterminated\n").expect("write");
    let broken = Command::new("bash")
        .arg("-n")
        .arg(dir.join("broken.sh"))
        .output()
        .expect("run bash -n");
    assert!(!broken.status.success(), "bash -n accepted a broken script");
    let _ = fs::remove_dir_all(&dir);
}

/// Every configuration the exporter writes parses as HCL and uses only resource types and
/// arguments the alicloud provider declares, with values of the right type.
#[test]
fn terraform_matches_the_provider_schema() {
    for (name, ok, ops) in all_operation_sets() {
        let hcl = terraform(&ops);
        let problems = schema::problems(&hcl, ok);
        assert!(
            problems.is_empty(),
            "{name}:\n{}\n\n{hcl}",
            problems.join("\n")
        );
    }
}

/// The schema check catches what it is for: an unknown argument, a computed-only or deprecated
/// one, a wrong value type, a missing required argument, an unknown resource type, a dangling
/// reference, and text that is not HCL.
#[test]
fn the_schema_check_can_fail() {
    let cases = [
        ("resource \"alicloud_image\" \"a\" {\n  no_such_argument = \"x\"\n}\n", "declares no argument"),
        ("resource \"alicloud_image\" \"a\" {\n  status = \"x\"\n}\n", "computed only"),
        ("resource \"alicloud_image\" \"a\" {\n  name = \"x\"\n}\n", "deprecated"),
        ("resource \"alicloud_instance\" \"a\" {\n  system_disk_size = \"40\"\n}\n", "is not a TypeInt"),
        ("resource \"alicloud_image_export\" \"a\" {\n  image_id = \"m-1\"\n}\n", "required argument \"oss_bucket\""),
        ("resource \"alicloud_disk\" \"a\" {\n}\n", "not in the schema snapshot"),
        ("resource \"alicloud_image_share_permission\" \"a\" {\n  image_id = alicloud_image.nope.id\n  account_id = \"1\"\n}\n", "reference to nothing declared"),
        ("resource \"alicloud_image\" \"a\" {\n  provider = alicloud.nowhere\n}\n", "no declared alicloud provider alias"),
        ("resource \"alicloud_image\" \"a\" {\n  image_name = \"x\n}\n", "not valid HCL"),
        ("resource \"alicloud_image\" \"a\" {\n  tags {\n  }\n}\n", "no block \"tags\""),
        ("resource \"alicloud_image_import\" \"a\" {\n  disk_device_mapping {\n    oss_bucket = 1\n  }\n}\n", "is not a TypeString"),
        ("resource \"alicloud_image_import\" \"a\" {\n  disk_device_mapping {\n    nope = \"x\"\n  }\n}\n", "declares no argument \"nope\""),
        ("resource \"alicloud_image_import\" \"a\" {\n}\n", "required argument \"disk_device_mapping\""),
    ];
    for (hcl, expected) in cases {
        let problems = schema::problems(hcl, true);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "expected a problem containing {expected:?} for\n{hcl}\ngot {problems:?}"
        );
    }
}

/// The hostile image name reads back from the parsed HCL as the exact original text.
#[test]
fn terraform_hostile_string_evaluates_to_the_original() {
    use hcl::eval::{Context, Evaluate};
    let body = hcl::parse(&terraform(&sample_ops())).expect("valid HCL");
    let copy = body
        .blocks()
        .find(|b| {
            b.identifier() == "resource"
                && b.labels().len() == 2
                && b.labels()[1].as_str() == "copy_0"
        })
        .expect("the copy resource");
    let name = copy
        .body()
        .attributes()
        .find(|a| a.key() == "image_name")
        .expect("image_name");
    let value = name.expr().evaluate(&Context::new()).expect("evaluates");
    assert_eq!(value, hcl::Value::String(HOSTILE.to_string()));
}

/// The port of terraform fmt's rules gives exactly what terraform fmt gave for an untidy file,
/// and leaves that output unchanged.
#[test]
fn the_fmt_check_agrees_with_terraform_fmt() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/terraform-fmt");
    let input = fs::read_to_string(dir.join("input.tf")).expect("input.tf");
    let expected = fs::read_to_string(dir.join("expected.tf")).expect("expected.tf");
    let formatted = hcl_fmt::format(&input).expect("formats");
    assert!(
        formatted == expected,
        "{}",
        hcl_fmt::first_difference(&formatted, &expected)
    );
    assert_eq!(hcl_fmt::format(&expected).as_deref(), Ok(expected.as_str()));
    for (rewritten, why) in [
        ("locals {\n  b = \"${var.a}\"\n}\n", "one interpolation"),
        ("variable \"a\" {\n  type = \"string\"\n}\n", "quoted type"),
        ("locals {\n  a = <<EOT\nx\nEOT\n}\n", "heredocs"),
    ] {
        let err = hcl_fmt::format(rewritten).expect_err(why);
        assert!(err.contains(why), "{err}");
    }
}

/// Every configuration the exporter writes is already in `terraform fmt`'s layout.
#[test]
fn terraform_output_is_fmt_canonical() {
    for (name, _, ops) in all_operation_sets() {
        let hcl = terraform(&ops);
        let canonical = hcl_fmt::format(&hcl).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert!(
            hcl == canonical,
            "{name}: not terraform fmt's layout at {}",
            hcl_fmt::first_difference(&hcl, &canonical)
        );
    }
}

#[test]
fn launch_plan_document_structure() {
    let plan = parse_plan(r#"{"version": 1, "name": "web \"tier\" </script>"}"#).expect("valid");
    let report = json!({
        "ok": true,
        "findings": [{"code": "license-fee", "severity": "info", "path": "/launches/0"}],
        "operations": [{"id": "launch-0", "api": "RunInstances", "params": {"Amount": 1}}]
    });
    let text = launch_plan_json(&plan, &report, "0.1.0", "2026-11-28");
    let expected = r#"{
  "generator": {
    "app": "ecs-image-planner",
    "version": "0.1.0",
    "catalog_as_of": "2026-11-28"
  },
  "plan": {
    "version": 1,
    "name": "web \"tier\" </script>"
  },
  "findings": [
    {
      "code": "license-fee",
      "severity": "info",
      "path": "/launches/0"
    }
  ],
  "operations": [
    {
      "id": "launch-0",
      "api": "RunInstances",
      "params": {
        "Amount": 1
      }
    }
  ]
}"#;
    assert_eq!(text, expected);
    let back: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(
        parse_plan(&back["plan"].to_string()).expect("the plan reads back"),
        plan
    );
}

#[test]
fn launch_plan_without_findings_has_empty_lists() {
    let plan = parse_plan(r#"{"version": 1}"#).expect("valid");
    let text = launch_plan_json(&plan, &Map::new(), "0.1.0", "2026-11-28");
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["findings"], json!([]));
    assert_eq!(value["operations"], json!([]));
}
