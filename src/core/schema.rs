//! The JSON Schema of the plan document v1 (`ecs-image-planner schema`, committed as
//! `schema/plan-v1.schema.json`), derived from the model types so that it follows them: the
//! descriptions are their doc comments, the enums their serde names, unknown fields are refused
//! as the parser refuses them, and the limits are those of [`super::validate`].
//!
//! Draft 7, which VS Code, JetBrains IDEs and SchemaStore all read. Native only: the model
//! derives `JsonSchema` only outside wasm32, so the web app does not carry it.

use schemars::generate::SchemaSettings;
use schemars::transform::{transform_subschemas, Transform};
use schemars::{json_schema, Schema};
use serde_json::{json, Value};

use super::model::Plan;
use super::validate::{MAX_ITEMS, MAX_STRING_CHARS};

/// Where the schema is kept in the repository, relative to its root.
pub const SCHEMA_PATH: &str = "schema/plan-v1.schema.json";

/// The schema of the plan document v1.
pub fn plan_schema() -> Schema {
    let mut schema = SchemaSettings::draft07()
        .with_transform(Limits)
        .with_transform(UserDocs)
        .into_generator()
        .into_root_schema_for::<Plan>();
    schema.insert(
        "title".into(),
        "ECS Image Planner plan document, version 1".into(),
    );
    let delete = schema
        .get_mut("definitions")
        .and_then(|definitions| definitions.get_mut("Delete"))
        .and_then(Value::as_object_mut)
        .expect("the model has a Delete");
    // What `validate` checks beyond types: one of image and snapshot, and keep_snapshots
    // only with an image. A null counts as absent, as it does for the parser.
    let given = |fields: &[(&str, &str)]| {
        json!({
            "required": fields.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
            "properties": fields
                .iter()
                .map(|(name, kind)| (name.to_string(), json!({ "type": kind })))
                .collect::<serde_json::Map<_, _>>(),
        })
    };
    delete.insert(
        "allOf".into(),
        json!([
            { "not": given(&[("image", "string"), ("snapshot", "string")]) },
            { "not": given(&[("snapshot", "string"), ("keep_snapshots", "boolean")]) },
        ]),
    );
    schema
}

/// [`plan_schema`] as the committed file holds it: pretty JSON and a final newline.
pub fn plan_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema()).expect("a schema serializes");
    text.push('\n');
    text
}

/// The limits of [`super::validate`] on every text, list and map of the document, and the
/// range of `u32` on every count (serde refuses what does not fit).
#[derive(Clone)]
struct Limits;

impl Transform for Limits {
    fn transform(&mut self, schema: &mut Schema) {
        let types: Vec<String> = match schema.get("type") {
            Some(Value::String(kind)) => vec![kind.clone()],
            Some(Value::Array(kinds)) => kinds
                .iter()
                .filter_map(|kind| kind.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        let has = |kind: &str| types.iter().any(|t| t == kind);
        if has("string") && schema.get("const").is_none() && schema.get("enum").is_none() {
            schema.insert("maxLength".into(), MAX_STRING_CHARS.into());
        }
        if has("array") {
            schema.insert("maxItems".into(), MAX_ITEMS.into());
        }
        // A map (`custom_image_usage`): its keys are texts too.
        if has("object")
            && schema
                .get("additionalProperties")
                .is_some_and(Value::is_object)
        {
            schema.insert("maxProperties".into(), MAX_ITEMS.into());
            schema.insert(
                "propertyNames".into(),
                json_schema!({ "maxLength": MAX_STRING_CHARS }).into(),
            );
        }
        if schema.get("format").and_then(Value::as_str) == Some("uint32") {
            schema.insert("maximum".into(), u32::MAX.into());
        }
        transform_subschemas(self, schema);
    }
}

/// Doc comments read as text for users in an editor's hover: rustdoc links (`` [`Date`] ``,
/// `` [`crate::core::parse`] ``) become their last path segment in code quotes, or the schema's
/// default where they name a `DEFAULT_` constant; lines of one paragraph join; Rust's `None`
/// reads "absent". Object defaults (serde's `Default` of a nested item) are not offered.
#[derive(Clone)]
struct UserDocs;

impl Transform for UserDocs {
    fn transform(&mut self, schema: &mut Schema) {
        if schema.get("default").is_some_and(Value::is_object) {
            schema.remove("default");
        }
        let default = schema.get("default").cloned();
        if let Some(Value::String(text)) = schema.get_mut("description") {
            *text = for_users(text, default.as_ref());
        }
        transform_subschemas(self, schema);
    }
}

/// See [`UserDocs`].
fn for_users(text: &str, default: Option<&Value>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let Some(end) = rest[start..].find("`]").map(|at| start + at) else {
            break;
        };
        out.push_str(&rest[..start]);
        let path = &rest[start + 2..end];
        let name = path.rsplit("::").next().unwrap_or(path);
        match default {
            Some(value) if name.starts_with("DEFAULT_") => out.push_str(&value.to_string()),
            _ => {
                out.push('`');
                out.push_str(name);
                out.push('`');
            }
        }
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    let paragraphs: Vec<String> = out
        .split("\n\n")
        .map(|paragraph| paragraph.split('\n').collect::<Vec<_>>().join(" "))
        .collect();
    paragraphs.join("\n\n").replace("`None`", "absent")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_comments_read_as_user_text() {
        assert_eq!(
            for_users("Checked by [`crate::core::parse`];\nsee [`Date`].", None),
            "Checked by `parse`; see `Date`."
        );
        assert_eq!(
            for_users(
                "Per region; default [`Quotas::DEFAULT_X`].",
                Some(&json!(100))
            ),
            "Per region; default 100."
        );
        assert_eq!(for_users("`None` means all", None), "absent means all");
        assert_eq!(for_users("a\n\nb [here]", None), "a\n\nb [here]");
        assert_eq!(for_users("open [`end", None), "open [`end");
    }
}
