//! Reading a plan document: JSON text in, a [`Plan`] or an error that names the place out.

use std::fmt;

use super::i18n::Lang;
use super::model::Plan;
use super::pointer::pointer_at;

/// The largest plan document accepted, in bytes.
pub const MAX_PLAN_BYTES: usize = 1024 * 1024;

/// Why a text is not a valid plan, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanError {
    /// JSON Pointer to the offending value (`/launches/0/amount`), empty for the whole document.
    pub pointer: String,
    /// 1-based line of the offending text, 0 when unknown.
    pub line: usize,
    /// 1-based column of the offending text, 0 when unknown.
    pub column: usize,
    /// What is wrong and what was expected.
    pub message: String,
    /// The same in Simplified Chinese (field names, values and codes as they are).
    pub zh: String,
}

impl PlanError {
    /// Where the error is, as its messages name it: the pointer, or `/` for the whole plan.
    fn place(&self) -> &str {
        if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        }
    }

    /// The error in `lang`, with its place: the [`fmt::Display`] text in English.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::ZhCn => {
                let place = self.place();
                if self.line > 0 {
                    format!(
                        "位于 {place}（第 {} 行，第 {} 列）：{}",
                        self.line, self.column, self.zh
                    )
                } else {
                    format!("位于 {place}：{}", self.zh)
                }
            }
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.place();
        if self.line > 0 {
            write!(
                f,
                "at {place} (line {}, column {}): {}",
                self.line, self.column, self.message
            )
        } else {
            write!(f, "at {place}: {}", self.message)
        }
    }
}

impl std::error::Error for PlanError {}

/// Parses and validates a plan document v1.
pub fn parse_plan(text: &str) -> Result<Plan, PlanError> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(PlanError {
            pointer: String::new(),
            line: 0,
            column: 0,
            message: format!(
                "the plan is {} bytes; plans are limited to {} bytes (1 MiB)",
                text.len(),
                MAX_PLAN_BYTES
            ),
            zh: format!(
                "计划有 {} 字节；计划最多 {} 字节（1 MiB）",
                text.len(),
                MAX_PLAN_BYTES
            ),
        });
    }
    let plan: Plan = serde_json::from_str(text).map_err(|err| {
        let message = strip_position(&err.to_string());
        PlanError {
            pointer: pointer_at(
                text,
                err.line(),
                err.column(),
                message.starts_with("missing field"),
            ),
            line: err.line(),
            column: err.column(),
            zh: super::json_zh::message(&message),
            message,
        }
    })?;
    if plan.version != 1 {
        return Err(PlanError {
            pointer: "/version".into(),
            line: 0,
            column: 0,
            message: format!(
                "version {} is not supported; this planner reads plan documents of version 1",
                plan.version
            ),
            zh: format!("不支持版本 {}；此规划器读取版本 1 的计划文档", plan.version),
        });
    }
    super::validate::validate(&plan)?;
    Ok(plan)
}

/// serde_json appends " at line L column C"; the error carries those separately.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}
