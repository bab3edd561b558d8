//! Checks a parsed plan for shapes JSON types alone cannot express, and for size limits.

use super::model::Plan;
use super::parse::PlanError;

/// Items allowed in any one list of a plan.
pub const MAX_ITEMS: usize = 1000;
/// Characters allowed in any one string of a plan.
pub const MAX_STRING_CHARS: usize = 1024;

fn error(pointer: String, message: String) -> PlanError {
    PlanError {
        pointer,
        line: 0,
        column: 0,
        message,
    }
}

/// Validates what serde cannot: one-of fields and limits.
pub fn validate(plan: &Plan) -> Result<(), PlanError> {
    let lists = [
        ("instance_types", plan.instance_types.len()),
        ("images", plan.images.len()),
        ("creates", plan.creates.len()),
        ("copies", plan.copies.len()),
        ("shares", plan.shares.len()),
        ("exports", plan.exports.len()),
        ("launches", plan.launches.len()),
        ("deletes", plan.deletes.len()),
        ("custom_image_usage", plan.custom_image_usage.len()),
    ];
    for (name, len) in lists {
        if len > MAX_ITEMS {
            return Err(error(
                format!("/{name}"),
                format!("{len} items; a plan holds at most {MAX_ITEMS} {name}"),
            ));
        }
    }
    for (index, share) in plan.shares.iter().enumerate() {
        if share.accounts.len() > MAX_ITEMS {
            return Err(error(
                format!("/shares/{index}/accounts"),
                format!(
                    "{} accounts; a share lists at most {MAX_ITEMS}",
                    share.accounts.len()
                ),
            ));
        }
    }
    for (index, delete) in plan.deletes.iter().enumerate() {
        match (&delete.image, &delete.snapshot) {
            (Some(_), None) => {}
            (None, Some(_)) if delete.keep_snapshots.is_none() => {}
            (None, Some(_)) => {
                return Err(error(
                    format!("/deletes/{index}/keep_snapshots"),
                    "keep_snapshots goes with an image delete, not a snapshot delete".into(),
                ))
            }
            _ => {
                return Err(error(
                    format!("/deletes/{index}"),
                    "a delete names exactly one of \"image\" or \"snapshot\"".into(),
                ))
            }
        }
    }
    let value = serde_json::to_value(plan).map_err(|e| error(String::new(), e.to_string()))?;
    check_strings(&value, &mut String::new())
}

fn check_strings(value: &serde_json::Value, pointer: &mut String) -> Result<(), PlanError> {
    match value {
        serde_json::Value::String(text) if text.chars().count() > MAX_STRING_CHARS => Err(error(
            pointer.clone(),
            format!(
                "a text of {} characters; texts are limited to {MAX_STRING_CHARS}",
                text.chars().count()
            ),
        )),
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{index}"));
                check_strings(item, pointer)?;
                pointer.truncate(len);
            }
            Ok(())
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                if key.chars().count() > MAX_STRING_CHARS {
                    return Err(error(
                        pointer.clone(),
                        format!(
                            "a key of {} characters; keys are limited to {MAX_STRING_CHARS}",
                            key.chars().count()
                        ),
                    ));
                }
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                check_strings(item, pointer)?;
                pointer.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
