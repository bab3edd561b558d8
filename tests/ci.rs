//! The GitHub Action (`action.yml`) and the pre-commit hooks (`.pre-commit-hooks.yaml`): the
//! YAML parses, every input and expression they use exists, and the commands they run are run
//! here, as the runner runs them (`bash --noprofile --norc -eo pipefail`), against examples/
//! with the CLI just built. Only the install step is not run (it builds the CLI again); its
//! flags are checked against Cargo.toml.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;
use yaml_rust2::{Yaml, YamlLoader};

const BIN: &str = env!("CARGO_BIN_EXE_ecs-image-planner");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(file: &str) -> Yaml {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let mut docs = YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(docs.len(), 1, "{file} holds one document");
    docs.remove(0)
}

fn text<'a>(yaml: &'a Yaml, what: &str) -> &'a str {
    yaml.as_str()
        .unwrap_or_else(|| panic!("{what} is not text: {yaml:?}"))
}

/// A directory of its own under the system's temp directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("eip-ci-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `PATH` with the CLI just built first, as the install step leaves it.
fn path_with_cli() -> String {
    let dir = Path::new(BIN).parent().unwrap();
    format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Replaces each `${{ name }}` by its value in `context`; an expression the test does not know
/// fails it, so the Action uses nothing the test has not modelled.
fn expand(value: &str, context: &BTreeMap<String, String>) -> String {
    let expression = Regex::new(r"\$\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}").unwrap();
    expression
        .replace_all(value, |caps: &regex::Captures| {
            context
                .get(&caps[1])
                .unwrap_or_else(|| panic!("action.yml uses ${{{{ {} }}}}", &caps[1]))
                .clone()
        })
        .into_owned()
}

/// Runs one composite step's `run` script as the runner does, with the step's `env`.
fn run_step(step: &Yaml, context: &BTreeMap<String, String>, dir: &Path) -> (i32, String) {
    let script = text(&step["run"], "run");
    assert!(
        !script.contains("${{"),
        "expressions go through env, never into the script: {script}"
    );
    assert_eq!(step["shell"].as_str(), Some("bash"));
    let mut command = Command::new("bash");
    command
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(root())
        .env("PATH", path_with_cli())
        .env("GITHUB_OUTPUT", dir.join("output"))
        .env("GITHUB_PATH", dir.join("path"))
        .env("GITHUB_STEP_SUMMARY", dir.join("summary.md"))
        .env("RUNNER_TEMP", dir);
    if let Some(env) = step["env"].as_hash() {
        for (name, value) in env {
            command.env(text(name, "env name"), expand(text(value, "env"), context));
        }
    }
    let out = command.output().unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), log)
}

/// What the steps wrote to `$GITHUB_OUTPUT`, as `steps.<id>.outputs.<name>`.
fn outputs(dir: &Path, step: &str) -> BTreeMap<String, String> {
    std::fs::read_to_string(dir.join("output"))
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (format!("steps.{step}.outputs.{k}"), v.to_string()))
        .collect()
}

fn step<'a>(action: &'a Yaml, name: &str) -> &'a Yaml {
    action["runs"]["steps"]
        .as_vec()
        .unwrap()
        .iter()
        .find(|s| s["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no step {name}"))
}

/// The Action's check and its verdict, for these `plans`: the exit code of the check step,
/// its outputs and log, and the exit code of the final step.
fn run_action(plans: &str, dir: &Path) -> (BTreeMap<String, String>, String, i32) {
    let action = load("action.yml");
    let mut context = BTreeMap::new();
    for (name, input) in action["inputs"].as_hash().unwrap() {
        let name = text(name, "input");
        if let Some(default) = input["default"].as_str() {
            context.insert(format!("inputs.{name}"), default.to_string());
        }
    }
    context.insert("inputs.plans".into(), plans.into());
    let sarif = dir.join("out.sarif");
    context.insert("inputs.sarif-file".into(), sarif.display().to_string());
    let (code, log) = run_step(step(&action, "Check plans"), &context, dir);
    assert_eq!(code, 0, "the check step itself never fails: {log}");
    context.extend(outputs(dir, "check"));
    let (verdict, _) = run_step(step(&action, "Fail on errors"), &context, dir);
    (context, log, verdict)
}

#[test]
fn the_action_is_a_composite_action_with_documented_inputs() {
    let action = load("action.yml");
    assert!(action["name"].as_str().is_some());
    assert!(action["description"].as_str().is_some());
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    for (name, input) in action["inputs"].as_hash().unwrap() {
        assert!(
            input["description"].as_str().is_some(),
            "input {name:?} has no description"
        );
    }
    assert_eq!(action["inputs"]["plans"]["required"].as_bool(), Some(true));
    // The install step builds this repository's CLI, locked, under the name of a real binary.
    let install = text(&step(&action, "Install ecs-image-planner")["run"], "run");
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let flags = Regex::new(r#"cargo install --locked --path "\$SOURCE" --bin ([a-z-]+)"#).unwrap();
    let bin = &flags.captures(install).expect(install)[1];
    assert!(
        manifest.contains(&format!("[[bin]]\nname = \"{bin}\"")),
        "{bin}"
    );
    assert_eq!(bin, Path::new(BIN).file_name().unwrap().to_str().unwrap());
    assert_eq!(
        step(&action, "Install ecs-image-planner")["env"]["SOURCE"].as_str(),
        Some("${{ github.action_path }}")
    );
    // The upload takes the check's SARIF, only when asked for.
    let upload = step(&action, "Upload findings to code scanning");
    assert_eq!(
        upload["uses"].as_str(),
        Some("github/codeql-action/upload-sarif@v4")
    );
    assert_eq!(
        upload["with"]["sarif_file"].as_str(),
        Some("${{ steps.check.outputs.sarif-file }}")
    );
    assert_eq!(upload["if"].as_str(), Some("${{ inputs.sarif == 'true' }}"));
    assert_eq!(action["inputs"]["sarif"]["default"].as_str(), Some("true"));
}

#[test]
fn the_action_fails_on_errors_and_writes_sarif_for_the_upload() {
    let dir = TempDir::new("errors");
    // A glob as a workflow writes it, and a file named twice.
    let (outputs, log, verdict) = run_action("examples/*.json\n  examples/launchable.json", &dir.0);
    assert_eq!(outputs["steps.check.outputs.exit-code"], "1", "{log}");
    assert_eq!(verdict, 1);
    // The log shows the findings and one summary line per file.
    assert!(log.contains("error[arch-mismatch]"), "{log}");
    assert!(
        log.contains("examples/broken.json: 13 errors, 1 warning"),
        "{log}"
    );
    // Every example but broken.json can launch.
    let examples = common::example_plans().len();
    assert!(
        log.contains(&format!(
            "{examples} plans: {} can launch, 1 with errors, 0 not valid",
            examples - 1
        )),
        "{log}"
    );
    // The job summary has the same report, in a code block.
    let summary = std::fs::read_to_string(dir.0.join("summary.md")).unwrap();
    assert!(
        summary.starts_with("### ECS Image Planner\n```text\n"),
        "{summary}"
    );
    assert!(summary.contains("\nexamples/broken.json: 13 errors, 1 warning\n"));
    assert!(summary.ends_with(" 0 not valid\n```\n"), "{summary}");
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&outputs["steps.check.outputs.sarif-file"]).unwrap(),
    )
    .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "arch-mismatch"));
    assert_eq!(
        sarif["runs"][0]["artifacts"].as_array().unwrap().len(),
        examples
    );
}

#[test]
fn the_action_passes_launchable_plans_and_stops_on_invalid_ones() {
    let dir = TempDir::new("ok");
    let (outputs, log, verdict) = run_action(
        "examples/launchable.json examples/copy-and-share.json",
        &dir.0,
    );
    assert_eq!(outputs["steps.check.outputs.exit-code"], "0", "{log}");
    assert_eq!(verdict, 0);
    let bad = dir.0.join("bad.plan.json");
    std::fs::write(&bad, "{\"version\": 2}").unwrap();
    let (outputs, log, verdict) = run_action(&bad.display().to_string(), &dir.0);
    assert_eq!(outputs["steps.check.outputs.exit-code"], "2", "{log}");
    assert_eq!(verdict, 2);
    assert!(log.contains("version 2 is not supported"), "{log}");
}

#[test]
fn the_pre_commit_hooks_run_the_cli_on_the_files_they_match() {
    let hooks = load(".pre-commit-hooks.yaml");
    let hooks = hooks.as_vec().unwrap();
    let ids: Vec<&str> = hooks.iter().map(|h| text(&h["id"], "id")).collect();
    assert_eq!(ids, ["ecs-image-planner", "ecs-image-planner-system"]);
    for hook in hooks {
        let id = text(&hook["id"], "id");
        assert!(hook["name"].as_str().is_some(), "{id}");
        assert!(
            matches!(hook["language"].as_str(), Some("rust" | "system")),
            "{id}"
        );
        // pre-commit reads `files` as a Python regex; this one means the same in Rust's.
        let files = Regex::new(text(&hook["files"], "files")).unwrap();
        assert!(files.is_match("deploy/web-tier.plan.json"), "{id}");
        assert!(!files.is_match("package.json") && !files.is_match("a.plan.json.bak"));
        assert_eq!(hook["types"][0].as_str(), Some("json"), "{id}");
        // The entry, with pre-commit's file arguments after it, is a real command line.
        let entry: Vec<&str> = text(&hook["entry"], "entry").split_whitespace().collect();
        assert_eq!(entry[0], "ecs-image-planner", "{id}");
        let hook_run = |files: &[&str]| {
            Command::new(BIN)
                .args(&entry[1..])
                .args(files)
                .current_dir(root())
                .output()
                .unwrap()
        };
        let ok = hook_run(&["examples/launchable.json", "examples/copy-and-share.json"]);
        assert_eq!(ok.status.code(), Some(0), "{id}");
        let stdout = String::from_utf8_lossy(&ok.stdout);
        assert!(stdout.contains("examples/copy-and-share.json: This plan can launch"));
        // What pre-commit would pass from examples/: the plan written for CI.
        let matched: Vec<String> = std::fs::read_dir(root().join("examples"))
            .unwrap()
            .map(|e| format!("examples/{}", e.unwrap().file_name().to_string_lossy()))
            .filter(|path| files.is_match(path))
            .collect();
        assert!(
            matched
                .iter()
                .any(|path| path == "examples/web-tier.plan.json"),
            "{id}: {matched:?}"
        );
        let matched: Vec<&str> = matched.iter().map(String::as_str).collect();
        assert_eq!(hook_run(&matched).status.code(), Some(0), "{id}");
        let single = hook_run(&["examples/broken.json"]);
        assert_eq!(single.status.code(), Some(1), "{id}");
        assert!(String::from_utf8_lossy(&single.stdout).contains("error[arch-mismatch]"));
    }
}
