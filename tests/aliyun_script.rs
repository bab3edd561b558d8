//! The exported aliyun script, run for real by bash against a fake `aliyun`
//! (`tests/fake-aliyun/aliyun`, no network) that reads arguments as the real CLI does, refuses
//! unknown and missing parameters as the ECS API does (names and required ones from the official
//! SDK), returns IDs for what it creates, and keeps the CLI waiter's timeout on a virtual clock.
//! The calls it records must be the plan's operations, exactly: same APIs in the same order,
//! same parameters, literals byte for byte, outputs resolved to the IDs earlier calls returned,
//! inputs to the values the person running the script set.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ecs_image_planner::core::export::aliyun_cli;
use ecs_image_planner::core::param::Param;
use ecs_image_planner::core::{parse_plan, planner, Date, Operation, Report};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn report_of(plan_json: &str) -> Report {
    let plan = parse_plan(plan_json).expect("a valid plan");
    planner::check_builtin(&plan, Date::new(2026, 11, 29).expect("a date"))
}

/// The environment variable the script reads an input from: `LAUNCH_0_VSWITCHID`.
fn input_variable(op: &str, param: &str) -> String {
    format!("{op}_{param}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn inputs(ops: &[Operation]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for op in ops {
        for (name, value) in op.params.iter() {
            if let Param::Input(_) = value {
                let var = input_variable(&op.id, name);
                let value = format!("given-{}", var.to_lowercase());
                out.push((var, value));
            }
        }
    }
    out
}

struct Run {
    output: Output,
    calls: Vec<Value>,
}

fn run_script(name: &str, script: &str, env: &[(String, String)]) -> Run {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("ecs-planner-fake-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("plan.sh");
    fs::write(&path, script).expect("write the script");
    let fake = root().join("tests/fake-aliyun");
    let output = Command::new("bash")
        .arg(&path)
        .current_dir(&dir)
        .env(
            "PATH",
            format!(
                "{}:{}",
                fake.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("FAKE_ALIYUN_DIR", &dir)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .expect("bash runs (scripts/setup.sh installs bash, jq and python3)");
    let calls = fs::read_to_string(dir.join("calls.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|line| serde_json::from_str(line).expect("a call record"))
        .collect();
    let _ = fs::remove_dir_all(&dir);
    Run { output, calls }
}

fn describe(run: &Run) -> String {
    format!(
        "exit {:?}\nstderr: {}\ncalls: {:#?}",
        run.output.status.code(),
        String::from_utf8_lossy(&run.output.stderr),
        run.calls
    )
}

/// The calls that are the plan's operations (the waits are DescribeImages calls).
fn plan_calls(run: &Run) -> Vec<&Value> {
    run.calls
        .iter()
        .filter(|call| call["api"] != "DescribeImages")
        .collect()
}

/// Checks that the recorded calls are the operations, exactly.
fn assert_calls_are_operations(ops: &[Operation], run: &Run, env: &[(String, String)]) {
    let calls = plan_calls(run);
    let apis: Vec<&str> = calls.iter().filter_map(|c| c["api"].as_str()).collect();
    let expected: Vec<&str> = ops.iter().map(|op| op.api).collect();
    assert_eq!(apis, expected, "{}", describe(run));
    for (op, call) in ops.iter().zip(&calls) {
        let sent = call["params"].as_object().expect("params recorded");
        let names: Vec<&str> = sent.keys().map(String::as_str).collect();
        let expected_names: Vec<&str> = op.params.keys().collect();
        assert_eq!(names, expected_names, "{}: parameters", op.id);
        for (name, value) in op.params.iter() {
            let want = match value {
                Param::Output(output) => {
                    let at = ops
                        .iter()
                        .position(|o| o.id == output.operation)
                        .expect("an output of an earlier operation");
                    calls[at]["response"][&output.field]
                        .as_str()
                        .expect("the earlier call returned the field")
                        .to_string()
                }
                Param::Input(_) => {
                    let var = input_variable(&op.id, name);
                    env.iter()
                        .find(|(k, _)| *k == var)
                        .map(|(_, v)| v.clone())
                        .expect("an input variable")
                }
                literal => literal.literal().expect("a literal"),
            };
            assert_eq!(sent[name], want, "{} {name}", op.id);
        }
    }
    assert!(
        calls.iter().all(|c| c.get("error").is_none()),
        "{}",
        describe(run)
    );
}

fn example(name: &str) -> String {
    fs::read_to_string(root().join("examples").join(name)).expect("example")
}

/// Every launchable example (`broken.json` has error findings: its calls are not meant to run).
#[test]
fn every_example_runs_and_makes_exactly_its_operations() {
    for name in ["launchable.json", "copy-and-share.json", "first-visit.json"] {
        let report = report_of(&example(name));
        let env = inputs(&report.operations);
        let run = run_script(name, &aliyun_cli(&report.operations), &env);
        assert!(run.output.status.success(), "{name}: {}", describe(&run));
        assert_calls_are_operations(&report.operations, &run, &env);
    }
}

/// A plan whose text looks like references, shell and HCL syntax: every literal reaches the API
/// as exactly that text; a delete of an image *named* `${copy-0.ImageId}` does not delete the
/// copy the script just made.
#[test]
fn plan_text_that_looks_like_a_reference_stays_literal() {
    let plan = r#"{"version": 1,
      "images": [{"id": "m-src", "type": "custom", "regions": ["cn-hangzhou"], "size_gib": 40},
                 {"id": "${copy-0.ImageId}", "type": "custom", "regions": ["cn-hangzhou"]},
                 {"id": "abc$", "type": "custom", "regions": ["cn-hangzhou"]}],
      "copies": [{"image": "m-src", "to_region": "ap-southeast-1",
                  "name": "a${copy-0.ImageId}$'\"\\`x`$(id)%{y}\nz"}],
      "launches": [{"region": "ap-southeast-1", "instance_type": "ecs.g7.large", "image": "m-src"}],
      "deletes": [{"image": "${copy-0.ImageId}"}, {"image": "abc$"}, {"snapshot": "-s-dash"}]}"#;
    let report = report_of(plan);
    let env = inputs(&report.operations);
    let run = run_script("literal", &aliyun_cli(&report.operations), &env);
    assert_calls_are_operations(&report.operations, &run, &env);
    let calls = plan_calls(&run);
    let copied = calls[0]["response"]["ImageId"].as_str().expect("an ID");
    let deletes: Vec<&Value> = calls
        .iter()
        .filter(|c| c["api"] == "DeleteImage")
        .map(|c| &c["params"]["ImageId"])
        .collect();
    assert_eq!(deletes, ["${copy-0.ImageId}", "abc$"]);
    assert!(deletes.iter().all(|d| *d != copied));
    assert_eq!(
        calls[0]["params"]["DestinationImageName"],
        "a${copy-0.ImageId}$'\"\\`x`$(id)%{y}\nz"
    );
    assert_eq!(calls.last().unwrap()["params"]["SnapshotId"], "-s-dash");
}

/// RunInstances needs a vSwitch and a security group: the script asks for them before it makes
/// any call, so nothing is created and then abandoned.
#[test]
fn missing_network_inputs_stop_the_script_before_any_call() {
    let report = report_of(&example("launchable.json"));
    let run = run_script("no-inputs", &aliyun_cli(&report.operations), &[]);
    assert_eq!(run.output.status.code(), Some(2), "{}", describe(&run));
    assert!(run.calls.is_empty(), "{}", describe(&run));
    let stderr = String::from_utf8_lossy(&run.output.stderr);
    assert!(
        stderr.contains("set LAUNCH_0_VSWITCHID to a vSwitch in"),
        "{stderr}"
    );
}

/// A copy that takes 2 hours (virtual time) is waited for across many 600 s waiter calls; a
/// copy that fails, or outlasts IMAGE_WAIT_MINUTES, stops the script before its image is used.
#[test]
fn waits_outlast_the_waiters_limit_and_stop_on_failure() {
    let report = report_of(&example("launchable.json"));
    let script = aliyun_cli(&report.operations);
    let mut env = inputs(&report.operations);
    env.push(("FAKE_ALIYUN_COPY_SECONDS".into(), "7200".into()));
    let run = run_script("slow-copy", &script, &env);
    assert!(run.output.status.success(), "{}", describe(&run));
    assert_calls_are_operations(&report.operations, &run, &env);
    let waits = run
        .calls
        .iter()
        .filter(|c| c["api"] == "DescribeImages" && !c["waiter"].is_null())
        .count();
    assert!(
        waits >= 12,
        "a 2-hour copy takes many waiter calls: {waits}"
    );

    let mut short = env.clone();
    short.push(("IMAGE_WAIT_MINUTES".into(), "30".into()));
    let run = run_script("too-slow", &script, &short);
    assert!(!run.output.status.success(), "{}", describe(&run));
    let stderr = String::from_utf8_lossy(&run.output.stderr);
    assert!(
        stderr.contains("not Available after 30 minutes"),
        "{stderr}"
    );
    assert!(plan_calls(&run).iter().all(|c| c["api"] != "RunInstances"));

    let mut failing = env.clone();
    failing.push(("FAKE_ALIYUN_COPY_FAILS".into(), "1".into()));
    let run = run_script("copy-fails", &script, &failing);
    assert!(!run.output.status.success(), "{}", describe(&run));
    let stderr = String::from_utf8_lossy(&run.output.stderr);
    assert!(
        stderr.contains("is CreateFailed, not Available"),
        "{stderr}"
    );
}

/// The fake itself: it refuses what the API and the CLI refuse, so a script that passes it
/// would not fail for those reasons on Alibaba Cloud.
#[test]
fn the_fake_refuses_what_the_real_cli_and_api_refuse() {
    let cases = [
        // RunInstances without a vSwitch and security group (the export before this fix).
        (
            "aliyun ecs RunInstances --RegionId=cn-hangzhou --ImageId=m-1 --InstanceType=ecs.g7.large",
            "MissingParameter: RunInstances needs SecurityGroupId, VSwitchId",
        ),
        // The waiter's default timeout (180 s) is shorter than a 40-minute copy.
        (
            "ID=$(aliyun ecs CopyImage --RegionId=cn-hangzhou --ImageId=m-1 --DestinationRegionId=cn-beijing | jq -r .ImageId)\n\
             aliyun ecs DescribeImages --RegionId=cn-beijing --ImageId=\"$ID\" --waiter expr='Images.Image[0].Status' to=Available",
            "timeout(180seconds)",
        ),
        (
            "aliyun ecs DescribeImages --RegionId=cn-beijing --ImageId=m-1 --waiter expr=x to=y timeout=601",
            "must between 1-600",
        ),
        (
            "aliyun ecs CopyImage --RegionId=cn-hangzhou --ImageId=m-1 --DestinationImageNam=x",
            "has no parameter DestinationImageNam",
        ),
        // A value starting with '-' after a separate flag is read as a flag.
        (
            "aliyun ecs DeleteSnapshot --SnapshotId -s-dash",
            "not support flag form -s",
        ),
    ];
    for (n, (script, error)) in cases.iter().enumerate() {
        let run = run_script(
            &format!("refuses-{n}"),
            &format!("set -euo pipefail\n{script}\n"),
            &[],
        );
        assert!(!run.output.status.success(), "{script}: {}", describe(&run));
        let stderr = String::from_utf8_lossy(&run.output.stderr);
        assert!(stderr.contains(error), "{script}: {stderr}");
    }
}

/// The script exported from a plan with errors stops before its first call and says why;
/// ECS_PLANNER_RUN_WITH_ERRORS=1 runs it anyway.
#[test]
fn a_plan_with_errors_exports_a_script_that_stops_before_any_call() {
    use ecs_image_planner::core::export::{Format, RUN_WITH_ERRORS};
    let text = example("broken.json");
    let plan = parse_plan(&text).expect("a valid plan");
    let report = report_of(&text);
    assert!(!report.ok, "broken.json has errors");
    let script = Format::Aliyun.render(&plan, &report);
    let env = inputs(&report.operations);
    let run = run_script("broken", &script, &env);
    assert_eq!(run.output.status.code(), Some(1), "{}", describe(&run));
    assert!(run.calls.is_empty(), "{}", describe(&run));
    let stderr = String::from_utf8_lossy(&run.output.stderr);
    assert!(
        stderr.contains("this plan has") && stderr.contains(RUN_WITH_ERRORS),
        "{stderr}"
    );
    // Asked to, it runs the calls.
    let mut forced = env.clone();
    forced.push((RUN_WITH_ERRORS.to_string(), "1".to_string()));
    let run = run_script("broken-forced", &script, &forced);
    assert!(!plan_calls(&run).is_empty(), "{}", describe(&run));
    // A launchable plan's script has no such stop.
    let text = example("launchable.json");
    let plan = parse_plan(&text).expect("a valid plan");
    let report = report_of(&text);
    assert!(!Format::Aliyun
        .render(&plan, &report)
        .contains(RUN_WITH_ERRORS));
}
