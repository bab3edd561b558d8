//! The launch plan document: the plan, its findings and its API calls, with who made it.

use serde::Serialize;
use serde_json::Value;

use crate::core::model::Plan;

/// Which build of the planner wrote a launch plan.
#[derive(Serialize)]
struct Generator<'a> {
    app: &'static str,
    version: &'a str,
    catalog_as_of: &'a str,
}

/// The document, fields in the order they are written.
#[derive(Serialize)]
struct LaunchPlan<'a> {
    generator: Generator<'a>,
    plan: &'a Plan,
    findings: Value,
    operations: Value,
}

/// A pretty-printed JSON launch plan:
/// `{"generator": {"app", "version", "catalog_as_of"}, "plan", "findings", "operations"}`.
///
/// `report` is anything that serializes to an object with `findings` and `operations` (the
/// planner's `Report`); a missing field is written as an empty list.
pub fn launch_plan_json(
    plan: &Plan,
    report: &impl Serialize,
    app_version: &str,
    catalog_as_of: &str,
) -> String {
    let mut report = serde_json::to_value(report).unwrap_or(Value::Null);
    let mut take = |field: &str| {
        report
            .get_mut(field)
            .map(Value::take)
            .unwrap_or_else(|| Value::Array(Vec::new()))
    };
    let document = LaunchPlan {
        generator: Generator {
            app: "ecs-image-planner",
            version: app_version,
            catalog_as_of,
        },
        plan,
        findings: take("findings"),
        operations: take("operations"),
    };
    serde_json::to_string_pretty(&document).expect("a launch plan has only string keys")
}
