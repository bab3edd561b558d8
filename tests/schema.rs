//! The plan document's JSON Schema (`ecs-image-planner schema`, `schema/plan-v1.schema.json`):
//! committed as generated, accepting every example and golden plan, and rejecting what the
//! parser rejects, checked with a JSON Schema validator (draft 7, formats asserted).
//! `UPDATE_SCHEMA=1 cargo test --test schema` rewrites the committed file after the model
//! changes.

use std::path::{Path, PathBuf};
use std::process::Command;

use ecs_image_planner::core::parse_plan;
use ecs_image_planner::core::schema::{plan_schema, plan_schema_text, SCHEMA_PATH};
use ecs_image_planner::core::validate::{MAX_ITEMS, MAX_STRING_CHARS};
use serde_json::{json, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let schema = serde_json::to_value(plan_schema()).unwrap();
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the plan schema is a valid draft 7 schema")
}

/// Every plan document the repository ships: examples/ and the golden plans of tests/golden.
fn shipped_plans() -> Vec<PathBuf> {
    let mut plans = Vec::new();
    for dir in ["examples", "tests/golden", "tests/golden/links"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "json") {
                plans.push(path);
            }
        }
    }
    plans.sort();
    plans
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = root().join(SCHEMA_PATH);
    let mut committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != plan_schema_text() && std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, plan_schema_text()).expect("the schema file is writable");
        committed = plan_schema_text();
    }
    assert!(
        committed == plan_schema_text(),
        "{SCHEMA_PATH} is not what the model generates; regenerate it with\n  \
         UPDATE_SCHEMA=1 cargo test --test schema"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_ecs-image-planner"))
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
}

#[test]
fn the_schema_is_draft_7_with_descriptions_enums_and_limits() {
    let schema = serde_json::to_value(plan_schema()).unwrap();
    assert!(jsonschema::meta::is_valid(&schema));
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["required"], json!(["version"]));
    assert_eq!(schema["properties"]["version"]["const"], 1);
    let definitions = &schema["definitions"];
    // Doc comments, written for users.
    let launch = &definitions["Launch"];
    assert_eq!(launch["description"], "A RunInstances call.");
    assert_eq!(
        launch["properties"]["amount"]["description"],
        "Number of instances; 1 when absent."
    );
    let text = serde_json::to_string(&schema).unwrap();
    assert!(
        !text.contains("[`"),
        "a rustdoc link is left in a description"
    );
    assert!(!text.contains("`None`"));
    // Enums: the serde names, each with its doc comment.
    let modes: Vec<&str> = definitions["ImageBootMode"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|variant| {
            assert!(variant["description"].is_string());
            variant["const"].as_str().unwrap()
        })
        .collect();
    assert_eq!(modes, ["BIOS", "UEFI", "UEFI-Preferred"]);
    // Limits of src/core/validate.rs, and the ECS defaults.
    assert_eq!(schema["properties"]["name"]["maxLength"], MAX_STRING_CHARS);
    assert_eq!(schema["properties"]["launches"]["maxItems"], MAX_ITEMS);
    assert_eq!(
        definitions["Share"]["properties"]["accounts"]["items"]["maxLength"],
        MAX_STRING_CHARS
    );
    assert_eq!(
        schema["properties"]["custom_image_usage"]["maxProperties"],
        MAX_ITEMS
    );
    assert_eq!(
        definitions["Quotas"]["properties"]["custom_images_per_region"]["default"],
        100
    );
    // The editor hint of every plan file.
    assert!(schema["properties"]["$schema"]["description"]
        .as_str()
        .unwrap()
        .contains("editors"));
}

#[test]
fn every_shipped_plan_validates() {
    let validator = validator();
    let plans = shipped_plans();
    assert!(plans.len() >= 8, "{plans:?}");
    for path in plans {
        let text = std::fs::read_to_string(&path).unwrap();
        parse_plan(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value: Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

/// The verdicts of the parser and of the schema on one document.
fn verdicts(validator: &jsonschema::Validator, doc: &Value) -> (bool, bool) {
    let parser = parse_plan(&doc.to_string()).is_ok();
    (parser, validator.is_valid(doc))
}

#[test]
fn the_schema_rejects_what_the_parser_rejects() {
    let validator = validator();
    let launch = json!({"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "m-1"});
    let with_launch = |field: &str, value: Value| {
        let mut launch = launch.clone();
        launch[field] = value;
        json!({"version": 1, "launches": [launch]})
    };
    let invalid = [
        ("no version", json!({"name": "x"})),
        ("version 2", json!({"version": 2})),
        ("version as text", json!({"version": "1"})),
        (
            "unknown top-level field",
            json!({"version": 1, "colour": "red"}),
        ),
        ("unknown launch field", with_launch("colour", json!("red"))),
        (
            "unknown quota",
            json!({"version": 1, "quotas": {"images": 3}}),
        ),
        (
            "unknown system disk field",
            with_launch("system_disk", json!({"size": 40})),
        ),
        ("amount as text", with_launch("amount", json!("two"))),
        ("negative amount", with_launch("amount", json!(-1))),
        (
            "amount past u32",
            with_launch("amount", json!(4_294_967_296u64)),
        ),
        ("fractional amount", with_launch("amount", json!(1.5))),
        ("region as number", with_launch("region", json!(5))),
        ("launches as object", json!({"version": 1, "launches": {}})),
        ("launches null", json!({"version": 1, "launches": null})),
        (
            "bad image type",
            json!({"version": 1, "images": [{"id": "m-1", "type": "private"}]}),
        ),
        (
            "bad boot mode",
            json!({"version": 1, "images": [{"id": "m-1", "boot_mode": "uefi"}]}),
        ),
        (
            "bad arch",
            json!({"version": 1, "instance_types": [{"id": "ecs.x", "arch": "aarch64"}]}),
        ),
        (
            "bad create source",
            json!({"version": 1, "creates": [{"from": "disk", "source": "d-1"}]}),
        ),
        ("bad date", json!({"version": 1, "as_of": "2026-13-01"})),
        (
            "impossible date",
            json!({"version": 1, "as_of": "2026-02-30"}),
        ),
        (
            "date with time",
            json!({"version": 1, "as_of": "2026-02-03T00:00:00Z"}),
        ),
        (
            "usage as text",
            json!({"version": 1, "custom_image_usage": {"cn-hangzhou": "3"}}),
        ),
        (
            "delete of both",
            json!({"version": 1, "deletes": [{"image": "m-1", "snapshot": "s-1"}]}),
        ),
        (
            "keep_snapshots on a snapshot",
            json!({"version": 1, "deletes": [{"snapshot": "s-1", "keep_snapshots": true}]}),
        ),
        (
            "text over the limit",
            json!({"version": 1, "name": "é".repeat(MAX_STRING_CHARS + 1)}),
        ),
        (
            "list over the limit",
            json!({"version": 1, "shares": [{"accounts": vec!["1"; MAX_ITEMS + 1]}]}),
        ),
        ("schema as number", json!({"version": 1, "$schema": 7})),
    ];
    for (what, doc) in invalid {
        assert_eq!(
            verdicts(&validator, &doc),
            (false, false),
            "{what}: the parser must reject it, and so must the schema"
        );
    }
    let valid = [
        ("minimal", json!({"version": 1})),
        (
            "with $schema",
            json!({"$schema": "../schema/plan-v1.schema.json", "version": 1}),
        ),
        (
            "null optional",
            json!({"version": 1, "name": null, "quotas": null}),
        ),
        (
            "half-written launch",
            json!({"version": 1, "launches": [{}]}),
        ),
        ("delete of nothing", json!({"version": 1, "deletes": [{}]})),
        (
            "delete of an image keeping snapshots",
            json!({"version": 1, "deletes": [{"image": "m-1", "keep_snapshots": false}]}),
        ),
        (
            "null next to a snapshot",
            json!({"version": 1, "deletes": [{"image": null, "snapshot": "s-1"}]}),
        ),
        (
            "text at the limit",
            json!({"version": 1, "name": "é".repeat(MAX_STRING_CHARS)}),
        ),
        ("leap day", json!({"version": 1, "as_of": "2028-02-29"})),
    ];
    for (what, doc) in valid {
        assert_eq!(
            verdicts(&validator, &doc),
            (true, true),
            "{what}: the parser accepts it, and so must the schema"
        );
    }
}

/// A changed plan, and whether the parser may accept it though the schema does not.
struct Mutation {
    doc: Value,
    /// serde reads a struct from an array of its fields in order (`[]` or `["m-1"]` for an
    /// image); the schema holds plans to objects, as the contract writes them.
    array_for_object: bool,
}

/// Every way a value can be replaced by another kind of JSON value, and an unknown member.
fn mutations(doc: &Value) -> Vec<Mutation> {
    let replacements = [
        json!("x-bogus"),
        json!(12),
        json!(-1),
        json!(0.5),
        json!(4_294_967_296u64),
        json!(true),
        json!(null),
        json!([]),
        json!({}),
        json!(["x"]),
    ];
    let mut pointers = Vec::new();
    collect_pointers(doc, String::new(), &mut pointers);
    let mut out = Vec::new();
    for pointer in &pointers {
        let original = doc.pointer(pointer).unwrap();
        for replacement in &replacements {
            let mut mutated = doc.clone();
            *mutated.pointer_mut(pointer).unwrap() = replacement.clone();
            out.push(Mutation {
                doc: mutated,
                array_for_object: original.is_object() && replacement.is_array(),
            });
        }
        if original.is_object() {
            let mut mutated = doc.clone();
            mutated.pointer_mut(pointer).unwrap()["colour"] = json!(1);
            out.push(Mutation {
                doc: mutated,
                array_for_object: false,
            });
        }
    }
    out
}

fn collect_pointers(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            for (key, child) in fields {
                let key = key.replace('~', "~0").replace('/', "~1");
                collect_pointers(child, format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                collect_pointers(child, format!("{pointer}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(pointer);
}

/// Each shipped plan with every value in turn replaced by each other kind of value, and an
/// unknown member added to each object: whatever the parser rejects, the schema rejects, and
/// the schema accepts what the parser accepts but for arrays written for objects (see
/// [`Mutation`]). JSON Schema counts `2.0` as an integer where serde reads no count from it;
/// that difference is left out of the replacements.
#[test]
fn the_schema_and_the_parser_agree_on_mutated_plans() {
    let validator = validator();
    let mut checked = 0;
    for path in shipped_plans() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for mutation in mutations(&doc) {
            let (parser, schema) = verdicts(&validator, &mutation.doc);
            let agree = parser == schema || (parser && mutation.array_for_object);
            assert!(
                agree,
                "{}: the parser says {parser}, the schema {schema}, for\n{}",
                path.display(),
                mutation.doc
            );
            checked += 1;
        }
    }
    assert!(checked > 5000, "{checked}");
}
