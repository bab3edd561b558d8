//! `check --format sarif`: a SARIF 2.1.0 log valid against the official schema
//! (`tests/fixtures/sarif-schema-2.1.0.json`), with the registry's rules, each finding at the
//! line and column of its JSON pointer in the file as written, and invalid plans reported.

mod common;

use std::process::{Command, Output};

use ecs_image_planner::core::rules;
use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecs-image-planner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn sarif(args: &[&str]) -> (Option<i32>, Value, String) {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let out = run(&all);
    let log = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    (
        out.status.code(),
        log,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Validates a log against the official SARIF 2.1.0 schema (draft 4), formats included
/// (`uri`, `uri-reference`), listing every error.
fn assert_valid_sarif(log: &Value) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sarif-schema-2.1.0.json"
    ))
    .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-04/schema#");
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_official_schema_rejects_a_broken_log() {
    // The validator is not vacuous: a log without `runs` or with a bad level fails it.
    let (_, mut log, _) = sarif(&["examples/broken.json"]);
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sarif-schema-2.1.0.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    assert!(!validator.is_valid(&log));
    assert!(!validator.is_valid(&serde_json::json!({"version": "2.1.0"})));
}

#[test]
fn findings_are_results_at_their_place_in_the_file() {
    let (code, log, _) = sarif(&["examples/broken.json"]);
    assert_eq!(code, Some(1));
    assert_valid_sarif(&log);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "ecs-image-planner");
    // Every rule of the registry, with its summary, help and doc link.
    let descriptors = driver["rules"].as_array().unwrap();
    assert_eq!(descriptors.len(), rules::all().count());
    for (descriptor, rule) in descriptors.iter().zip(rules::all()) {
        assert_eq!(descriptor["id"], rule.code);
        assert_eq!(descriptor["helpUri"], rule.doc);
        let short = descriptor["shortDescription"]["text"].as_str().unwrap();
        assert!(short
            .to_lowercase()
            .starts_with(&rule.summary.to_lowercase()[..1]));
        assert!(short.contains(&rule.summary[1..]), "{short}");
        assert!(descriptor["help"]["text"]
            .as_str()
            .unwrap()
            .contains(rule.doc));
        let level = match rule.severity.as_str() {
            "info" => "note",
            other => other,
        };
        assert_eq!(descriptor["defaultConfiguration"]["level"], level);
    }
    let file = std::fs::read_to_string("examples/broken.json").unwrap();
    let plan: Value = serde_json::from_str(&file).unwrap();
    let report: Value = serde_json::from_slice(&run_json("examples/broken.json").stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(findings) {
        assert_eq!(result["ruleId"], finding["code"]);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(descriptors[index]["id"], finding["code"]);
        let level = match finding["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(result["level"], level);
        let message = result["message"]["text"].as_str().unwrap();
        assert!(message.starts_with(finding["message"].as_str().unwrap()));
        assert!(message.contains(finding["help"].as_str().unwrap()));
        let location = &result["locations"][0];
        let physical = &location["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "examples/broken.json");
        assert_eq!(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let pointer = finding["path"].as_str().unwrap();
        assert_eq!(
            location["logicalLocations"][0]["fullyQualifiedName"],
            pointer
        );
        // The region starts where the pointed-at member or element is written.
        let region = &physical["region"];
        let line = region["startLine"].as_u64().unwrap() as usize;
        let column = region["startColumn"].as_u64().unwrap() as usize;
        let rest: String = file
            .lines()
            .nth(line - 1)
            .unwrap()
            .chars()
            .skip(column - 1)
            .collect();
        let last = pointer.rsplit('/').next().unwrap();
        match plan.pointer(pointer) {
            Some(_) if last.parse::<usize>().is_err() => {
                assert!(
                    rest.starts_with(&format!("\"{last}\"")),
                    "{pointer}: {rest}"
                )
            }
            Some(_) => assert!(rest.starts_with(['{', '[', '"']), "{pointer}: {rest}"),
            // A field left out: its parent object.
            None => assert!(rest.starts_with('{'), "{pointer}: {rest}"),
        }
    }
    // Two findings checked by hand: the arm64 image on an x86 type is about launch 0 (line 17,
    // column 5); the public image copied is about the image field of copy 0 (line 10).
    let region_of = |code: &str| {
        let result = results.iter().find(|r| r["ruleId"] == code).unwrap();
        let region = &result["locations"][0]["physicalLocation"]["region"];
        (region["startLine"].clone(), region["startColumn"].clone())
    };
    assert_eq!(region_of("arch-mismatch"), (17.into(), 5.into()));
    assert_eq!(region_of("copy-not-custom"), (10.into(), 6.into()));
}

fn run_json(plan: &str) -> Output {
    run(&["check", plan, "--format", "json"])
}

#[test]
fn value_missing_points_at_the_object_that_lacks_the_field() {
    let dir = std::env::temp_dir().join(format!("eip-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("half written.json");
    let text = "{\n  \"version\": 1,\n  \"name\": \"ünïcode first\", \"launches\": [\n    {\"region\": \"cn-hangzhou\"}\n  ]\n}\n";
    std::fs::write(&path, text).unwrap();
    let (code, log, _) = sarif(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let missing: Vec<&Value> = results
        .iter()
        .filter(|r| r["ruleId"] == "value-missing")
        .collect();
    assert_eq!(missing.len(), 2, "{results:#?}");
    for result in missing {
        let physical = &result["locations"][0]["physicalLocation"];
        // An absolute path is a file URI, percent-encoded.
        let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("file:///") && uri.ends_with("/half%20written.json"),
            "{uri}"
        );
        assert_eq!(physical["region"]["startLine"], 4);
        assert_eq!(physical["region"]["startColumn"], 5);
        assert_eq!(physical["region"]["endColumn"], 30);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn several_files_and_invalid_ones_in_one_log() {
    let dir = std::env::temp_dir().join(format!("eip-sarif-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"version\": 1,\n  \"launches\": [}\n").unwrap();
    let (code, log, stderr) = sarif(&["examples/*.json", bad.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("bad.json is not a valid plan"), "{stderr}");
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    let uris: Vec<&str> = run["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["location"]["uri"].as_str().unwrap())
        .collect();
    // Every example, in glob order, then the invalid file.
    let examples = common::example_plans();
    assert_eq!(&uris[..examples.len()], examples);
    assert!(uris[examples.len()].ends_with("/bad.json"));
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["descriptor"]["id"], "plan-invalid");
    assert_eq!(notification["level"], "error");
    let region = &notification["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 2);
    // Results of the valid files all point into them.
    for result in run["results"].as_array().unwrap() {
        let index = result["locations"][0]["physicalLocation"]["artifactLocation"]["index"]
            .as_u64()
            .unwrap() as usize;
        assert!(index < examples.len());
    }
    std::fs::remove_dir_all(&dir).unwrap();
    // A launchable plan: no results, a successful run, exit 0.
    let (code, log, _) = sarif(&["examples/launchable.json"]);
    assert_eq!(code, Some(0));
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}
