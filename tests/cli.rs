//! The `ecs-image-planner` binary on the examples and on broken input (contract §3).

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ecs-image-planner");

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn launchable_example_exits_0_with_operations_and_summary() {
    let out = run(&["check", "examples/launchable.json"], None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("CopyImage"), "{stdout}");
    assert!(stdout.contains("‹ImageId of copy-0›"), "{stdout}");
    assert!(
        stdout.contains("This plan can launch: 4 instances in 3 regions"),
        "{stdout}"
    );
}

#[test]
fn launchable_example_as_json() {
    let out = run(
        &["check", "examples/launchable.json", "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    let apis: Vec<&str> = report["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|op| op["api"].as_str().unwrap())
        .collect();
    assert_eq!(
        apis,
        [
            "CreateImage",
            "CopyImage",
            "ModifyImageAttribute",
            "ModifyImageSharePermission",
            "RunInstances",
            "RunInstances",
            "RunInstances"
        ]
    );
}

#[test]
fn broken_example_exits_1_with_rustc_style_findings() {
    let out = run(&["check", "examples/broken.json"], None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error[arch-mismatch]: "), "{stdout}");
    assert!(stdout.contains("  --> /launches/0\n"), "{stdout}");
    assert!(stdout.contains("  = help: "), "{stdout}");
    assert!(
        stdout.contains("  = doc: https://www.alibabacloud.com/help/"),
        "{stdout}"
    );
    assert!(stdout.contains("warning[image-eol]"), "{stdout}");
    assert!(stdout.contains("errors, 1 warning"), "{stdout}");
    let json = run(&["check", "examples/broken.json", "--format", "json"], None);
    assert_eq!(json.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for code in [
        "copy-not-custom",
        "share-self",
        "share-account-invalid",
        "arch-32bit-memory",
        "image-region-mismatch",
        "launch-from-snapshot",
        "system-disk-too-small",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    assert!(!report["operations"].as_array().unwrap().is_empty());
}

#[test]
fn stdin_dash_reads_the_plan() {
    let plan = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/launchable.json"
    ))
    .unwrap();
    let out = run(&["check", "-", "--format", "json"], Some(&plan));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

fn invalid(input: &str) -> String {
    let out = run(&["check", "-"], Some(input));
    assert_eq!(out.status.code(), Some(2), "{input}");
    assert!(out.stdout.is_empty());
    text(&out.stderr)
}

#[test]
fn invalid_plans_exit_2_naming_the_place() {
    let malformed = invalid("{\"version\": 1,\n  \"launches\": [}\n");
    assert!(malformed.contains("line 2"), "{malformed}");
    let unknown = invalid(
        r#"{"version": 1, "launches": [{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "x", "colour": "red"}]}"#,
    );
    assert!(
        unknown.contains("/launches/0") && unknown.contains("colour"),
        "{unknown}"
    );
    let wrong_type = invalid(
        r#"{"version": 1, "launches": [{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "x", "amount": "two"}]}"#,
    );
    assert!(wrong_type.contains("/launches/0/amount"), "{wrong_type}");
    let version = invalid(r#"{"version": 2}"#);
    assert!(
        version.contains("/version") && version.contains("version 2"),
        "{version}"
    );
}

#[test]
fn missing_file_exits_2() {
    let out = run(&["check", "examples/no-such-plan.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-plan.json"));
}

#[test]
fn rules_lists_every_code() {
    let out = run(&["rules"], None);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        ecs_image_planner::core::rules::all().count()
    );
    assert!(stdout.lines().any(|l| l.contains("value-missing")));
    assert!(stdout
        .lines()
        .any(|l| l.starts_with("error") && l.contains("arch-mismatch")));
    assert!(stdout
        .lines()
        .any(|l| l.starts_with("info") && l.contains("license-fee")));
    let json = run(&["rules", "--format", "json"], None);
    let rules: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        rules.as_array().unwrap().len(),
        ecs_image_planner::core::rules::all().count()
    );
    assert_eq!(rules[0]["code"], "region-unknown");
    assert_eq!(rules[0]["severity"], "error");
}

#[test]
fn link_opens_the_same_plan() {
    let out = run(
        &[
            "link",
            "examples/launchable.json",
            "--base",
            "https://example.org/planner/",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let link = text(&out.stdout).trim().to_string();
    assert!(
        link.starts_with("https://example.org/planner/#p1."),
        "{link}"
    );
    let plan = ecs_image_planner::core::link::decode(&link).expect("the link decodes");
    let file = std::fs::read_to_string("examples/launchable.json").unwrap();
    assert_eq!(plan, ecs_image_planner::core::parse_plan(&file).unwrap());
}

#[test]
fn link_of_an_invalid_plan_exits_2_with_the_place() {
    let out = run(
        &["link", "-"],
        Some(r#"{"version":1,"launches":[{"region":1}]}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("/launches/0/region"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn export_writes_json_aliyun_and_terraform() {
    let json = run(&["export", "examples/launchable.json"], None);
    assert_eq!(json.status.code(), Some(0), "{}", text(&json.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["generator"]["app"], "ecs-image-planner");
    assert!(doc["operations"].as_array().unwrap().len() >= 4);
    let aliyun = run(
        &["export", "examples/launchable.json", "--format", "aliyun"],
        None,
    );
    assert!(text(&aliyun.stdout).contains("aliyun ecs CopyImage"));
    let tf = run(
        &[
            "export",
            "examples/launchable.json",
            "--format",
            "terraform",
        ],
        None,
    );
    assert!(text(&tf.stdout).contains("resource \"alicloud_image_copy\""));
    let broken = run(&["export", "examples/broken.json"], None);
    assert_eq!(broken.status.code(), Some(1));
}

#[test]
fn copy_and_share_example_batches_and_references_earlier_calls() {
    let out = run(
        &["check", "examples/copy-and-share.json", "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ops = report["operations"].as_array().unwrap();
    let shares: Vec<&serde_json::Value> = ops
        .iter()
        .filter(|op| op["api"] == "ModifyImageSharePermission")
        .collect();
    assert_eq!(shares.len(), 2);
    assert_eq!(shares[0]["params"]["AddAccount.10"], "2000000000000010");
    assert_eq!(shares[1]["params"]["AddAccount.2"], "2000000000000012");
    // An earlier call's output is a typed value, not text (contract §4.7).
    assert_eq!(
        shares[0]["params"]["ImageId"],
        serde_json::json!({"ref": "copy-0", "field": "ImageId"})
    );
    let copy = ops.iter().find(|op| op["api"] == "CopyImage").unwrap();
    assert_eq!(
        copy["params"]["ImageId"],
        serde_json::json!({"ref": "create-0", "field": "ImageId"})
    );
    // Parameters keep API order: RegionId first.
    let first_key = copy["params"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    assert_eq!(first_key, "RegionId");
    let last = ops.last().unwrap();
    assert_eq!(last["api"], "DeleteSnapshot");
}

/// A hostile plan cannot erase a line, move the cursor or reorder the text output: control
/// characters and bidirectional overrides in its text are printed as visible escapes.
#[test]
fn text_output_shows_control_characters_instead_of_acting_on_them() {
    let plan = r#"{"version": 1, "launches": [{"region": "cn-hangzhou",
        "instance_type": "ecs.g7.large",
        "image": "m-x\u001b[2K\r\u001b[32mThis plan can launch\u001b[0m\u202e\u2066\nfake"}]}"#;
    let out = run(&["check", "-"], Some(plan));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for active in ['\u{1b}', '\r', '\u{202e}', '\u{2066}'] {
        assert!(
            !stdout.contains(active),
            "{active:?} printed raw: {stdout:?}"
        );
    }
    assert!(
        stdout.contains("m-x\\u{1b}[2K\\u{d}\\u{1b}[32mThis plan can launch\\u{1b}[0m\\u{202e}\\u{2066}\\u{a}fake"),
        "{stdout}"
    );
    // Every line of the output is the program's own: none starts with plan text.
    assert!(stdout.lines().all(|l| !l.starts_with("fake")), "{stdout}");
    let bad = run(&["check", "-"], Some("{\"version\": 1, \"x\u{1b}[2K\": 1}"));
    let stderr = text(&bad.stderr);
    assert_eq!(bad.status.code(), Some(2));
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

/// `link` never prints a link the app would refuse to open: exit 1 with the reason instead.
#[test]
fn link_of_a_plan_too_large_for_a_link_exits_1_with_the_reason() {
    let mut state: u64 = 7;
    let mut word = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        format!("{state:016x}")
    };
    let copies: Vec<String> = (0..1000)
        .map(|_| {
            let name: String = (0..6).map(|_| word()).collect();
            format!(
                r#"{{"image": "m-{}", "to_region": "cn-beijing", "name": "c{name}"}}"#,
                word()
            )
        })
        .collect();
    let plan = format!(r#"{{"version": 1, "copies": [{}]}}"#, copies.join(","));
    let out = run(&["link", "-"], Some(&plan));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(
        stderr.contains("links are limited to 65536 bytes"),
        "{stderr}"
    );
    assert!(
        stderr.contains("share the plan as a JSON file instead"),
        "{stderr}"
    );
}

#[test]
fn several_plans_and_globs_give_one_summary_line_each() {
    let out = run(
        &[
            "check",
            "examples/launchable.json",
            "examples/*.json",
            "examples/copy-and-share.json",
        ],
        None,
    );
    let stdout = text(&out.stdout);
    // broken.json has errors: exit 1; each file once, in the order named.
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    let summaries: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("examples/") && !line.contains("=="))
        .collect();
    // The files named first, in their order; then the rest of the glob, each once.
    assert_eq!(
        summaries[..4],
        [
            "examples/launchable.json: This plan can launch: 4 instances in 3 regions",
            "examples/broken.json: 13 errors, 1 warning",
            "examples/copy-and-share.json: This plan can launch: 2 instances in 1 region",
            "examples/first-visit.json: This plan can launch: 2 instances in 1 region (1 warning)",
        ]
    );
    let examples = common::example_plans().len();
    assert_eq!(summaries.len(), examples, "{summaries:#?}");
    assert!(
        stdout.ends_with(&format!(
            "\n{examples} plans: {} can launch, 1 with errors, 0 not valid\n",
            examples - 1
        )),
        "{stdout}"
    );
    // Findings name the file, line and column, then the pointer.
    assert!(
        stdout.contains("== examples/broken.json /launches/0 ==\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("error[arch-mismatch]: ")
            && stdout.contains("  --> examples/broken.json:17:5 (/launches/0)\n"),
        "{stdout}"
    );
    // No operations: the compact view for CI logs.
    assert!(!stdout.contains("Operations"), "{stdout}");
}

#[test]
fn several_plans_exit_2_when_any_is_not_a_plan() {
    let dir = std::env::temp_dir().join(format!("eip-cli-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"version\": 1,\n  \"launches\": [}\n").unwrap();
    let bad = bad.to_str().unwrap();
    let out = run(
        &["check", "examples/launchable.json", bad, "plans/**/*.json"],
        None,
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{bad}: not a valid plan: at /launches (line 2, column 16): "
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("plans/**/*.json: no file matches this pattern"),
        "{stdout}"
    );
    assert!(stdout.contains("3 plans: 1 can launch, 0 with errors, 2 not valid"));
    let json = run(
        &["check", "examples/launchable.json", bad, "--format", "json"],
        None,
    );
    assert_eq!(json.status.code(), Some(2));
    let files: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(files[0]["file"], "examples/launchable.json");
    assert_eq!(files[0]["ok"], true);
    assert!(files[0]["operations"].as_array().unwrap().len() >= 4);
    assert_eq!(files[1]["file"], bad);
    assert!(files[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("not a valid plan: at /launches (line 2"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn several_launchable_plans_exit_0_and_stdin_joins_them() {
    let plan = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/copy-and-share.json"
    ))
    .unwrap();
    let out = run(&["check", "examples/launchable.json", "-"], Some(&plan));
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("<stdin>: This plan can launch: 2 instances in 1 region\n"));
    let none = run(&["check"], None);
    assert_eq!(
        none.status.code(),
        Some(2),
        "clap refuses a check of nothing"
    );
}

/// CONTRACT §4.8: `--lang zh-CN` changes message and help only; codes, paths, severities,
/// fixes and operations are the same as in English, and the text output reads in Chinese.
#[test]
fn lang_zh_cn_changes_message_and_help_only() {
    for example in [
        "examples/broken.json",
        "examples/launchable.json",
        "examples/copy-and-share.json",
    ] {
        let json = |lang: &str| {
            let out = run(
                &["check", example, "--format", "json", "--lang", lang],
                None,
            );
            serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
        };
        let (en, zh) = (json("en"), json("zh-CN"));
        assert_eq!(en["ok"], zh["ok"]);
        assert_eq!(en["operations"], zh["operations"], "{example}");
        let (ef, zf) = (
            en["findings"].as_array().unwrap(),
            zh["findings"].as_array().unwrap(),
        );
        assert_eq!(ef.len(), zf.len());
        for (a, b) in ef.iter().zip(zf) {
            for key in ["code", "severity", "path", "fix"] {
                assert_eq!(a[key], b[key], "{example} {key}");
            }
            assert_ne!(a["message"], b["message"]);
            assert!(b["message"]
                .as_str()
                .unwrap()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
        assert_eq!(en, json("en"), "en is the default");
    }
    let out = run(
        &["check", "examples/launchable.json", "--lang", "zh-CN"],
        None,
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.contains("此计划可以启动：3 个地域共 4 台实例"),
        "{stdout}"
    );
    let out = run(&["check", "examples/broken.json", "--lang", "fr"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("use en or zh-CN"));
}

#[test]
fn export_in_chinese_keeps_commands_and_translates_comments() {
    for format in ["aliyun", "terraform", "json"] {
        let export = |lang: &str| {
            let out = run(
                &[
                    "export",
                    "examples/copy-and-share.json",
                    "--format",
                    format,
                    "--lang",
                    lang,
                ],
                None,
            );
            text(&out.stdout)
        };
        let (en, zh) = (export("en"), export("zh-CN"));
        let code = |s: &str| -> Vec<String> {
            s.lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .filter(|l| {
                    !l.contains("\"message\"") && !l.contains("\"help\"") && !l.contains("\"doc\"")
                })
                .map(str::to_string)
                .collect()
        };
        if format != "json" {
            assert_ne!(en, zh, "{format}: comments translated");
            assert!(zh
                .lines()
                .any(|l| l.starts_with('#')
                    && l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
        }
        assert_eq!(
            code(&en),
            code(&zh),
            "{format}: everything but comments and finding texts"
        );
    }
}

/// `ecs-image-planner check ... | head`: once the reader has gone, the CLI ends as `cat` does,
/// without a panic message about a broken pipe.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let catalog = ecs_image_planner::core::catalog::Catalog::builtin();
    let plan = ecs_image_planner::core::workload::plan_of(catalog, 1000);
    let dir = std::env::temp_dir().join(format!("eip-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("plan.json");
    std::fs::write(&file, serde_json::to_string(&plan).unwrap()).unwrap();
    let mut child = Command::new(BIN)
        .args(["check", "--format", "json", file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little of an output far larger than a pipe holds, then close the pipe.
    let mut start = [0_u8; 16];
    child.stdout.take().unwrap().read_exact(&mut start).unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert_eq!(
        output.status.signal(),
        Some(libc::SIGPIPE),
        "{:?}",
        output.status
    );
    std::fs::remove_dir_all(&dir).ok();
}
