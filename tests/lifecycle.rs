//! Imports, attribute changes, image families and type pins (contract §4.2-4.4): their API
//! calls and how the exporters write them.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use ecs_image_planner::core::export::{aliyun_cli, terraform};
use ecs_image_planner::core::Operation;
use serde_json::{json, Value};

fn op(id: &str, api: &'static str, params: Value) -> Operation {
    let Value::Object(params) = params else {
        panic!("params must be an object")
    };
    Operation {
        id: id.into(),
        api,
        params,
    }
}

/// Import an arm64 NVMe image, name its family, launch by family.
fn lifecycle_ops() -> Vec<Operation> {
    vec![
        op(
            "import-0",
            "ImportImage",
            json!({
                "RegionId": "cn-hangzhou", "ImageName": "web-golden-2611", "OSType": "linux",
                "Platform": "Ubuntu", "Architecture": "x86_64", "BootMode": "UEFI",
                "Features.NvmeSupport": "supported",
                "DiskDeviceMapping.1.OSSBucket": "golden-images",
                "DiskDeviceMapping.1.OSSObject": "web/ubuntu-24.04.qcow2",
                "DiskDeviceMapping.1.Format": "QCOW2",
                "DiskDeviceMapping.1.DiskImageSize": 40
            }),
        ),
        op(
            "modify-0",
            "ModifyImageAttribute",
            json!({"RegionId": "cn-hangzhou", "ImageId": "${import-0.ImageId}", "ImageFamily": "web-golden"}),
        ),
        op(
            "launch-0",
            "RunInstances",
            json!({"RegionId": "cn-hangzhou", "ImageFamily": "web-golden",
                   "InstanceType": "ecs.g8i.large", "Amount": 2, "SystemDisk.Size": 40}),
        ),
    ]
}

#[test]
fn aliyun_script_imports_waits_modifies_and_launches_by_family() {
    let script = aliyun_cli(&lifecycle_ops());
    assert!(
        script.contains("IMPORT_0_IMAGEID=$(aliyun ecs ImportImage"),
        "{script}"
    );
    assert!(script.contains("--DiskDeviceMapping.1.OSSBucket 'golden-images'"));
    assert!(script.contains("--Features.NvmeSupport 'supported'"));
    assert!(
        script.contains("to=Available timeout=21600 interval=60"),
        "an import waits long enough: {script}"
    );
    assert!(script.contains("aliyun ecs ModifyImageAttribute"));
    assert!(script.contains("--ImageId \"$IMPORT_0_IMAGEID\""));
    assert!(script.contains("--ImageFamily 'web-golden'"));
    let launch = &script[script.find("aliyun ecs RunInstances").expect("launch")..];
    assert!(
        !launch.contains("--ImageId"),
        "a launch by family names no image: {launch}"
    );
}

#[test]
fn terraform_imports_with_disk_blocks_and_reads_the_family() {
    let hcl = terraform(&lifecycle_ops());
    assert!(
        hcl.contains("resource \"alicloud_image_import\" \"import_0\" {"),
        "{hcl}"
    );
    assert!(hcl.contains("  disk_device_mapping {\n    oss_bucket = \"golden-images\"\n    oss_object = \"web/ubuntu-24.04.qcow2\"\n    format = \"qcow2\"\n    disk_image_size = 40\n  }"), "{hcl}");
    assert!(hcl.contains("  boot_mode = \"UEFI\""));
    assert!(hcl.contains("# then set the NVMe flag"), "{hcl}");
    assert!(hcl.contains("# ModifyImageAttribute has no Terraform resource"));
    assert!(hcl.contains("data \"alicloud_images\" \"launch_0\" {"));
    assert!(
        hcl.contains("# modify-0 put the plan's own image in this family"),
        "{hcl}"
    );
    assert!(hcl.contains("  image_family = \"web-golden\"\n  status = \"Available\"\n  most_recent = true\n  depends_on = [alicloud_image_import.import_0]\n}"), "{hcl}");
    assert!(hcl.contains("  image_id = data.alicloud_images.launch_0.images[0].id"));
    assert!(
        !hcl.contains("ImageFamily = \"web-golden\" has no argument"),
        "the family is not an unmapped note: {hcl}"
    );
}

#[test]
fn terraform_says_what_the_import_resource_cannot_do() {
    let ops = vec![op(
        "import-0",
        "ImportImage",
        json!({"RegionId": "cn-hangzhou", "Architecture": "arm64", "BootMode": "UEFI",
               "DiskDeviceMapping.1.Format": "VMDK"}),
    )];
    let hcl = terraform(&ops);
    assert!(
        hcl.contains("accepts architecture x86_64 or i386 only"),
        "{hcl}"
    );
    assert!(
        hcl.contains("import the VMDK file with the aliyun CLI export"),
        "{hcl}"
    );
}

/// terraform itself accepts the syntax (where the set-up installed it).
#[test]
fn terraform_formats_the_lifecycle_output() {
    let hcl = terraform(&lifecycle_ops());
    let Ok(mut child) = Command::new("terraform")
        .args(["fmt", "-no-color", "-"])
        .env("TF_CLI_CONFIG_FILE", "/dev/null")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        panic!("terraform is not installed: run scripts/setup.sh");
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(hcl.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("terraform fmt");
    assert!(
        out.status.success(),
        "terraform fmt rejected the output: {}\n{hcl}",
        String::from_utf8_lossy(&out.stderr)
    );
}
