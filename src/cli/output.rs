//! The text and JSON the command line prints for several plans at once, and the lines it
//! writes for every finding (one plan or several).

use crate::core::visible::visible;
use std::fmt::Write;

use serde_json::{Map, Value};

use super::files::PlanFile;
use crate::core::i18n::{count_en, Lang};
use crate::core::item::Item;
use crate::core::position::span_of;
use crate::core::{planner, Finding};
use crate::tr;

/// One finding, rustc style, at `place`.
pub fn write_finding(out: &mut String, f: &Finding, place: &str, lang: Lang) {
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        f.severity.as_str(),
        f.code,
        visible(&f.message)
    );
    let _ = writeln!(out, "  --> {}", visible(place));
    let _ = writeln!(out, "  = help: {}", visible(&f.help));
    if let Some(fix) = &f.fix {
        let _ = writeln!(out, "  = fix: {}", visible(&fix.label_in(lang)));
    }
    let _ = writeln!(out, "  = doc: {}", f.doc);
    for evidence in &f.evidence {
        let _ = writeln!(out, "  = evidence: {evidence}");
    }
}

/// Several plans for a person: each file's findings grouped by item, at `file:line:column`
/// (pointer), then one summary line per file and a total.
pub fn several_text(checked: &[PlanFile], lang: Lang) -> String {
    let mut out = String::new();
    for file in checked {
        let (Some(text), Ok((_, report))) = (&file.text, &file.outcome) else {
            continue;
        };
        for (item, findings) in report.by_item() {
            let _ = writeln!(
                out,
                "== {} {} ==",
                visible(&file.name),
                visible(&item_label(item))
            );
            for f in findings {
                let line = span_of(text, &f.path).map_or(String::new(), |span| {
                    format!(":{}:{}", span.start.line, span.start.column)
                });
                write_finding(
                    &mut out,
                    f,
                    &format!("{}{line} ({})", file.name, f.path),
                    lang,
                );
            }
            out.push('\n');
        }
    }
    let (mut launchable, mut with_errors, mut invalid) = (0, 0, 0);
    for file in checked {
        match &file.outcome {
            Ok((plan, report)) => {
                if report.ok {
                    launchable += 1;
                } else {
                    with_errors += 1;
                }
                let _ = writeln!(
                    out,
                    "{}: {}",
                    visible(&file.name),
                    visible(&planner::summary_in(plan, report, lang))
                );
            }
            Err(failure) => {
                invalid += 1;
                let _ = writeln!(
                    out,
                    "{}: {}",
                    visible(&file.name),
                    visible(&failure.reason(lang))
                );
            }
        }
    }
    let total = checked.len();
    let _ = writeln!(
        out,
        "\n{}",
        tr!(
            lang,
            format!(
                "{}: {launchable} can launch, {with_errors} with errors, {invalid} not valid",
                count_en(total, "plan", "plans")
            ),
            format!(
                "{total} 个计划：{launchable} 个可以启动，{with_errors} 个有错误，{invalid} 个无效"
            )
        )
    );
    out
}

/// An item as a heading names it: `/` for the document itself.
pub fn item_label(item: Item) -> String {
    if item == Item::Plan {
        "/".to_string()
    } else {
        item.to_string()
    }
}

/// Several plans as JSON: one object per file, in order: `file` and the report of contract §3,
/// or `file` and the `error` that makes it no valid plan.
pub fn several_json(checked: &[PlanFile]) -> Value {
    let files = checked.iter().map(|file| {
        let mut object = Map::new();
        object.insert("file".into(), file.name.clone().into());
        match &file.outcome {
            Ok((_, report)) => {
                if let Value::Object(fields) =
                    serde_json::to_value(report).expect("a report serializes")
                {
                    object.extend(fields);
                }
            }
            Err(failure) => {
                object.insert("error".into(), failure.reason(Lang::En).into());
            }
        }
        Value::Object(object)
    });
    Value::Array(files.collect())
}
