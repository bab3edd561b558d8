//! Exporters: exact output for a known set of operations, and hostile values that must reach
//! the API intact without breaking out of their quoting. Where bash, jq or terraform are
//! installed, the generated script is run against a fake `aliyun` and the HCL is parsed and
//! evaluated by terraform itself.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use base64::Engine;
use ecs_image_planner::core::export::{aliyun_cli, launch_plan_json, terraform};
use ecs_image_planner::core::{parse_plan, Operation};
use serde_json::{json, Map, Value};

/// An image name that tries every way out of shell and HCL quoting.
const HOSTILE: &str = "x'; touch pwned; echo '$(touch pwned2)`touch pwned3`${HOME}%{if true}\"\\\nline2\ttab \u{202e}漢字";

fn op(id: &str, api: &'static str, params: Value) -> Operation {
    let Value::Object(params) = params else {
        panic!("params must be an object")
    };
    Operation {
        id: id.into(),
        api,
        product: None,
        params,
    }
}

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
            json!({"RegionId": "cn-hangzhou", "ImageId": "${create-0.ImageId}",
                   "DestinationRegionId": "ap-southeast-1", "DestinationImageName": HOSTILE,
                   "Encrypted": true, "KMSKeyId": "key-1"}),
        ),
        op(
            "share-0",
            "ModifyImageSharePermission",
            json!({"RegionId": "cn-hangzhou", "ImageId": "${create-0.ImageId}",
                   "AddAccount.1": "1234567890123456", "AddAccount.2": "6543210987654321"}),
        ),
        op(
            "export-0",
            "ExportImage",
            json!({"RegionId": "cn-hangzhou", "ImageId": "${create-0.ImageId}",
                   "OSSBucket": "my-bucket", "ImageFormat": "qcow2"}),
        ),
        op(
            "launch-0",
            "RunInstances",
            json!({"RegionId": "ap-southeast-1", "ZoneId": "ap-southeast-1c",
                   "ImageId": "${copy-0.ImageId}", "InstanceType": "ecs.g7.large", "Amount": 2,
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

fn has(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
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
        "CREATE_0_IMAGEID=$(aliyun ecs CreateImage \\\n  --RegionId 'cn-hangzhou' \\\n  \
         --InstanceId 'i-bp1abc' \\\n  --ImageName 'web-base' | jq -r .ImageId)"
    ));
    assert!(script.contains("--ImageId \"$CREATE_0_IMAGEID\""));
    assert!(script.contains("--ImageId \"$COPY_0_IMAGEID\""));
    assert!(script.contains("--SystemDisk.Size '40'"));
    assert!(script.contains("--AddAccount.1 '1234567890123456'"));
    assert!(script.contains("--waiter expr='Images.Image[0].Status' to=Available"));
    // Nothing referenced the launch or the delete: no capture.
    assert!(!script.contains("LAUNCH_0"));
    assert!(script.contains("\naliyun ecs DeleteImage \\\n"));
}

#[test]
fn aliyun_hostile_values_stay_quoted() {
    let script = aliyun_cli(&sample_ops());
    let quoted = format!("'{}'", HOSTILE.replace('\'', "'\\''"));
    assert!(script.contains(&format!("--DestinationImageName {quoted}")));
}

#[test]
fn aliyun_unknown_reference_is_literal_text() {
    let ops = vec![op(
        "launch-0",
        "RunInstances",
        json!({"ImageId": "${copy-9.ImageId}"}),
    )];
    let script = aliyun_cli(&ops);
    assert!(script.contains("--ImageId '${copy-9.ImageId}'"), "{script}");
}

/// Runs the script with a fake `aliyun` that records its arguments, and checks every value
/// arrives as one argument, byte for byte, and no injected command ran.
#[test]
fn aliyun_script_runs_with_values_intact() {
    if !has("bash") || !has("jq") {
        println!("bash or jq not installed: skipped");
        return;
    }
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
        let at = call.iter().position(|a| *a == flag).expect(flag);
        call[at + 1].to_string()
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
        "resource \"alicloud_image\" \"create_0\" {\n  provider = alicloud.cn_hangzhou\n",
        "resource \"alicloud_image_copy\" \"copy_0\" {\n  provider = alicloud.ap_southeast_1\n",
        "  source_image_id = alicloud_image.create_0.id\n",
        "  source_region_id = \"cn-hangzhou\"\n",
        "  encrypted = true\n",
        "  kms_key_id = \"key-1\"\n",
        "resource \"alicloud_image_share_permission\" \"share_0_1\" {",
        "resource \"alicloud_image_share_permission\" \"share_0_2\" {",
        "  account_id = \"6543210987654321\"\n",
        "resource \"alicloud_image_export\" \"export_0\" {",
        "  oss_bucket = \"my-bucket\"\n",
        "  # ImageFormat = \"qcow2\" has no argument in alicloud_image_export\n",
        "resource \"alicloud_instance\" \"launch_0\" {",
        "  image_id = alicloud_image_copy.copy_0.id\n",
        "  count = 2\n",
        "  system_disk_size = 40\n",
        "  availability_zone = \"ap-southeast-1c\"\n",
        "  vswitch_id = var.launch_0_vswitch_id\n",
        "variable \"launch_0_security_group_ids\" {",
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
        "  image_name = \"x'; touch pwned; echo '$(touch pwned2)`touch pwned3`$${HOME}%%{if true}\\\"\\\\\\nline2\\ttab \u{202e}漢字\"\n"
    ), "{hcl}");
    // A reference inside other text becomes an interpolation; a lone `${` stays literal.
    let ops = vec![
        op(
            "copy-0",
            "CopyImage",
            json!({"DestinationRegionId": "cn-beijing"}),
        ),
        op(
            "launch-0",
            "RunInstances",
            json!({"ImageId": "pre-${copy-0.ImageId}-${nope}"}),
        ),
    ];
    let hcl = terraform(&ops);
    assert!(
        hcl.contains("  image_id = \"pre-${alicloud_image_copy.copy_0.id}-$${nope}\"\n"),
        "{hcl}"
    );
}

/// Terraform itself parses the configuration and reads the hostile string back unchanged.
#[test]
fn terraform_accepts_the_output() {
    if !has("terraform") {
        println!("terraform not installed: skipped");
        return;
    }
    let dir = temp_dir("terraform");
    let hcl = terraform(&sample_ops());
    let fmt = Command::new("terraform")
        .args(["fmt", "-no-color", "-"])
        .current_dir(&dir)
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(hcl.as_bytes())?;
            child.wait_with_output()
        })
        .expect("run terraform fmt");
    assert!(
        fmt.status.success(),
        "terraform fmt rejected the output: {}\n{hcl}",
        String::from_utf8_lossy(&fmt.stderr)
    );
    let line = hcl
        .lines()
        .find(|line| line.starts_with("  image_name = \"x'"))
        .expect("the hostile image_name line");
    let literal = line.trim_start_matches("  image_name = ");
    let console = Command::new("terraform")
        .args(["console", "-no-color"])
        .current_dir(&dir)
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            writeln!(
                child.stdin.take().expect("stdin"),
                "base64encode({literal})"
            )?;
            child.wait_with_output()
        })
        .expect("run terraform console");
    let stdout = String::from_utf8_lossy(&console.stdout);
    let encoded = stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
        .unwrap_or_else(|| {
            panic!(
                "no value from terraform console: {stdout}{}",
                String::from_utf8_lossy(&console.stderr)
            )
        });
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .expect("base64 from terraform");
    assert_eq!(String::from_utf8(decoded).expect("utf-8"), HOSTILE);
    let _ = fs::remove_dir_all(&dir);
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
