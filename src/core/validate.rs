//! Checks a parsed plan for shapes JSON types alone cannot express, and for size limits.
//!
//! These are the one set of limits of a plan: the loader ([`parse_plan`](super::parse_plan))
//! applies them to every document and link it reads, and the editor, the autosave and the link
//! maker apply them through [`check_storable`] to every plan they would keep or hand out, so
//! nothing the page accepts is refused when it is opened again.

use super::model::Plan;
use super::parse::{PlanError, MAX_PLAN_BYTES};

/// Items allowed in any one list of a plan, at any depth.
pub const MAX_ITEMS: usize = 1000;
/// Characters allowed in any one string of a plan, but scripts.
pub const MAX_STRING_CHARS: usize = 1024;
/// Characters allowed in a script (a pipeline's `build_content`, an update's `commands`): more
/// than the 16 KB BuildContent takes, so that an over-long script is a `pipeline-limit`
/// finding the user can act on, not an unreadable plan.
pub const MAX_SCRIPT_CHARS: usize = 64 * 1024;

/// The character limit of the string at `pointer`.
fn string_limit(pointer: &str) -> usize {
    let parts: Vec<&str> = pointer.split('/').collect();
    match parts.as_slice() {
        ["", "pipelines", _, "build_content"] | ["", "updates", _, "commands"] => MAX_SCRIPT_CHARS,
        _ => MAX_STRING_CHARS,
    }
}

/// An error at `pointer`, in English and Simplified Chinese.
fn error(pointer: String, message: String, zh: String) -> PlanError {
    PlanError {
        pointer,
        line: 0,
        column: 0,
        message,
        zh,
    }
}

/// A plan that serde_json could not serialize, about the whole plan.
fn serialization_error(e: serde_json::Error) -> PlanError {
    let message = e.to_string();
    let zh = super::json_zh::message(&message);
    error(String::new(), message, zh)
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
                format!("{len} 项；一个计划最多 {MAX_ITEMS} 项 {name}"),
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
                format!(
                    "{} 个账号；一次共享镜像最多列出 {MAX_ITEMS} 个账号",
                    share.accounts.len()
                ),
            ));
        }
    }
    for (index, delete) in plan.deletes.iter().enumerate() {
        // Neither given is a valid document with a `value-missing` finding (CONTRACT §4.1).
        match (&delete.image, &delete.snapshot) {
            (_, None) => {}
            (None, Some(_)) if delete.keep_snapshots.is_none() => {}
            (None, Some(_)) => {
                return Err(error(
                    format!("/deletes/{index}/keep_snapshots"),
                    "keep_snapshots goes with an image delete, not a snapshot delete".into(),
                    "keep_snapshots 只用于删除镜像，不用于删除快照".into(),
                ))
            }
            _ => {
                return Err(error(
                    format!("/deletes/{index}"),
                    "a delete names an image or a snapshot, not both: write two deletes".into(),
                    "一次删除只能指定镜像或快照之一，不能同时指定：请写成两次删除".into(),
                ))
            }
        }
    }
    let value = serde_json::to_value(plan).map_err(serialization_error)?;
    check_values(&value, &mut String::new())
}

/// Whether the loader would read `plan` back: [`validate`], and its JSON text (as the autosave
/// and the share link write it) within [`MAX_PLAN_BYTES`]. The error names the place and the
/// limit.
pub fn check_storable(plan: &Plan) -> Result<(), PlanError> {
    validate(plan)?;
    let bytes = serde_json::to_vec(plan).map_err(serialization_error)?.len();
    if bytes > MAX_PLAN_BYTES {
        return Err(error(
            String::new(),
            format!(
                "the plan would be {bytes} bytes; plans are limited to {MAX_PLAN_BYTES} bytes \
                 (1 MiB)"
            ),
            format!("计划将有 {bytes} 字节；计划最多 {MAX_PLAN_BYTES} 字节（1 MiB）"),
        ));
    }
    Ok(())
}

/// Checks every text and every list, at any depth, against the limits.
fn check_values(value: &serde_json::Value, pointer: &mut String) -> Result<(), PlanError> {
    match value {
        serde_json::Value::String(text) if text.chars().count() > string_limit(pointer) => {
            Err(error(
                pointer.clone(),
                format!(
                    "a text of {} characters; texts are limited to {}",
                    text.chars().count(),
                    string_limit(pointer)
                ),
                format!(
                    "文本有 {} 个字符；文本最多 {} 个字符",
                    text.chars().count(),
                    string_limit(pointer)
                ),
            ))
        }
        serde_json::Value::Array(items) if items.len() > MAX_ITEMS => Err(error(
            pointer.clone(),
            format!(
                "{} items; lists in a plan hold at most {MAX_ITEMS}",
                items.len()
            ),
            format!("{} 项；计划中的列表最多 {MAX_ITEMS} 项", items.len()),
        )),
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{index}"));
                check_values(item, pointer)?;
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
                        format!(
                            "键有 {} 个字符；键最多 {MAX_STRING_CHARS} 个字符",
                            key.chars().count()
                        ),
                    ));
                }
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                check_values(item, pointer)?;
                pointer.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::core::parse::{parse_plan, MAX_PLAN_BYTES};

    #[test]
    fn what_the_editor_may_keep_is_what_the_loader_reads() {
        use super::check_storable;
        use crate::core::model::Plan;
        let mut plan: Plan = parse_plan(r#"{"version": 1}"#).unwrap();
        assert!(check_storable(&plan).is_ok());
        plan.name = Some("n".repeat(1100));
        let err = check_storable(&plan).unwrap_err();
        assert_eq!(err.pointer, "/name");
        assert!(err.message.contains("limited to 1024"), "{err}");
        plan.name = Some("n".repeat(1024));
        let text = serde_json::to_string(&plan).unwrap();
        assert!(check_storable(&plan).is_ok() && parse_plan(&text).is_ok());
    }

    #[test]
    fn nested_lists_are_limited() {
        let regions: Vec<String> = (0..1001).map(|i| format!("\"r{i}\"")).collect();
        let text = format!(
            r#"{{"version": 1, "images": [{{"id": "m-1", "regions": [{}]}}]}}"#,
            regions.join(",")
        );
        let err = parse_plan(&text).unwrap_err();
        assert_eq!(err.pointer, "/images/0/regions");
        assert!(err.message.contains("1001 items"), "{err}");
    }

    #[test]
    fn long_texts_are_limited() {
        let text = format!(r#"{{"version": 1, "name": "{}"}}"#, "é".repeat(1025));
        let err = parse_plan(&text).unwrap_err();
        assert_eq!(err.pointer, "/name");
        assert!(err.message.contains("1025 characters"), "{err}");
    }

    #[test]
    fn a_ten_megabyte_plan_is_refused_naming_the_limit() {
        let text = format!(
            r#"{{"version": 1, "name": "{}"}}"#,
            "x".repeat(10 * 1024 * 1024)
        );
        let err = parse_plan(&text).unwrap_err();
        assert!(err.message.contains(&MAX_PLAN_BYTES.to_string()), "{err}");
        assert!(err.message.contains("1 MiB"), "{err}");
    }

    #[test]
    fn deep_nesting_errors_without_stack_overflow() {
        for text in [
            "[".repeat(100_000),
            "{\"a\":".repeat(100_000),
            format!(r#"{{"version": 1, "name": {}"#, "[".repeat(100_000)),
            format!(r#"{{"version": 1, "images": {}"#, "[".repeat(100_000)),
            format!(
                r#"{{"version": 1, "custom_image_usage": {}"#,
                "{\"a\":".repeat(100_000)
            ),
        ] {
            assert!(parse_plan(&text).is_err());
        }
    }
}
