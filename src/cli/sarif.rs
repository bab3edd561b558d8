//! `check --format sarif`: the findings of one or more plan files as a SARIF 2.1.0 log, the
//! format code review reads (GitHub code scanning, GitLab, Azure DevOps). One run; every rule of
//! the registry is a `tool.driver.rules` entry (summary, help, documentation link, default
//! level); every finding a result with its rule code as `ruleId`, at the line and column of its
//! JSON pointer in the file as written. A file that is not a valid plan is a tool execution
//! notification at the place of the error, and the invocation is then not successful.

use serde_json::{json, Map, Value};

use super::files::{Failure, PlanFile};
use crate::core::position::{span_of, Position, Span};
use crate::core::report::Severity;
use crate::core::rules::{self, Rule};
use crate::core::Finding;

/// The schema every SARIF 2.1.0 log names (OASIS, errata 01).
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base ID relative artifact URIs are resolved against: the directory `check` ran in,
/// which in CI is the repository's root.
pub const SRCROOT: &str = "%SRCROOT%";

/// The notification for a file that is not a valid plan document.
const PLAN_INVALID: &str = "plan-invalid";
/// The notification for a file that cannot be read, or a glob that matches none.
const PLAN_UNREADABLE: &str = "plan-unreadable";

/// The SARIF level of a severity: error, warning, note.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF log of a `check` of these files. `root` is the absolute directory relative names
/// are relative to (the working directory), given as `%SRCROOT%` when known.
pub fn log(files: &[PlanFile], root: Option<&std::path::Path>) -> Value {
    let rules: Vec<&Rule> = rules::all().collect();
    let mut artifacts = Vec::new();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for file in files {
        let artifact = file.text.as_ref().and_then(|text| {
            let location = artifact_location(file)?;
            artifacts.push(json!({
                "location": location,
                "length": text.len(),
                "mimeType": "application/json",
                "encoding": "utf-8",
                "roles": ["analysisTarget"],
            }));
            Some((artifacts.len() - 1, text.as_str()))
        });
        match &file.outcome {
            Ok((_, report)) => {
                for finding in &report.findings {
                    results.push(result(finding, &rules, artifact, file));
                }
            }
            Err(failure) => notifications.push(notification(file, failure, artifact)),
        }
    }
    let mut run = json!({
        "tool": {
            "driver": {
                "name": "ecs-image-planner",
                "fullName": "ECS Image Planner",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules.iter().map(|rule| descriptor(rule)).collect::<Vec<_>>(),
                "notifications": [
                    {
                        "id": PLAN_INVALID,
                        "shortDescription": { "text": "The file is not a valid plan document v1, so it was not checked." },
                        "defaultConfiguration": { "level": "error" },
                    },
                    {
                        "id": PLAN_UNREADABLE,
                        "shortDescription": { "text": "A plan file named on the command line cannot be read, or a glob matches no file." },
                        "defaultConfiguration": { "level": "error" },
                    },
                ],
            }
        },
        "invocations": [{
            "executionSuccessful": notifications.is_empty(),
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
    });
    if let Some(root) = root.and_then(directory_uri) {
        run["originalUriBaseIds"] = json!({ SRCROOT: { "uri": root } });
    }
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    })
}

/// A rule of the registry as a SARIF reporting descriptor.
fn descriptor(rule: &Rule) -> Value {
    let summary = sentence(rule.summary);
    let advice = "Each result names the values involved and what to change in the plan.";
    let mut text = format!("{summary} {advice} Documentation: {}", rule.doc);
    let mut markdown = format!(
        "{summary}\n\n{advice}\n\n[Alibaba Cloud documentation]({})",
        rule.doc
    );
    if let Some(topic) = rule.topic {
        let guide = format!(
            "The planner's guide explains the background: {}.",
            topic.label(crate::core::i18n::Lang::En)
        );
        text.push_str(&format!(" {guide}"));
        markdown.push_str(&format!("\n\n{guide}"));
    }
    json!({
        "id": rule.code,
        "shortDescription": { "text": summary },
        "helpUri": rule.doc,
        "help": { "text": text, "markdown": markdown },
        "defaultConfiguration": { "level": level(rule.severity) },
    })
}

/// A registry summary ("a region ID not in the catalog") as a sentence.
fn sentence(summary: &str) -> String {
    let mut chars = summary.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// One finding as a SARIF result.
fn result(
    finding: &Finding,
    rules: &[&Rule],
    artifact: Option<(usize, &str)>,
    file: &PlanFile,
) -> Value {
    let mut result = Map::new();
    result.insert("ruleId".into(), finding.code.into());
    if let Some(index) = rules.iter().position(|rule| rule.code == finding.code) {
        result.insert("ruleIndex".into(), index.into());
    }
    result.insert("level".into(), level(finding.severity).into());
    result.insert(
        "message".into(),
        json!({ "text": format!("{}\nhelp: {}", finding.message, finding.help) }),
    );
    let span = artifact.and_then(|(_, text)| span_of(text, &finding.path));
    result.insert(
        "locations".into(),
        json!([location(file, artifact, span, Some(&finding.path))]),
    );
    let mut properties =
        json!({ "pointer": finding.path, "help": finding.help, "doc": finding.doc });
    if let Some(fix) = &finding.fix {
        properties["fix"] = serde_json::to_value(fix).expect("a fix serializes");
    }
    result.insert("properties".into(), properties);
    Value::Object(result)
}

/// A file that has no report, as a tool execution notification at the place of the error.
fn notification(file: &PlanFile, failure: &Failure, artifact: Option<(usize, &str)>) -> Value {
    let message = file
        .error(crate::core::i18n::Lang::En)
        .map(|line| line.trim_start_matches("error: ").to_string())
        .unwrap_or_default();
    let (id, span, pointer) = match failure {
        Failure::Invalid(error) => {
            let span = artifact.and_then(|(_, text)| {
                if error.line > 0 {
                    let start = char_position(text, error.line, error.column);
                    Some(Span { start, end: start })
                } else {
                    span_of(text, &error.pointer)
                }
            });
            (PLAN_INVALID, span, Some(error.pointer.as_str()))
        }
        Failure::NoMatch | Failure::Unreadable(_) => (PLAN_UNREADABLE, None, None),
    };
    let mut notification = json!({
        "descriptor": { "id": id },
        "level": "error",
        "message": { "text": message },
    });
    if artifact.is_some() || pointer.is_some() {
        notification["locations"] = json!([location(file, artifact, span, pointer)]);
    }
    notification
}

/// Where in which file: the artifact and region, and the JSON pointer as a logical location.
fn location(
    file: &PlanFile,
    artifact: Option<(usize, &str)>,
    span: Option<Span>,
    pointer: Option<&str>,
) -> Value {
    let mut location = Map::new();
    if let (Some((index, _)), Some(mut artifact_location)) = (artifact, artifact_location(file)) {
        artifact_location["index"] = index.into();
        let mut physical = json!({ "artifactLocation": artifact_location });
        if let Some(span) = span {
            physical["region"] = region(span);
        }
        location.insert("physicalLocation".into(), physical);
    }
    if let Some(pointer) = pointer {
        location.insert(
            "logicalLocations".into(),
            json!([{ "fullyQualifiedName": if pointer.is_empty() { "/" } else { pointer } }]),
        );
    }
    Value::Object(location)
}

fn region(span: Span) -> Value {
    let mut region = json!({ "startLine": span.start.line, "startColumn": span.start.column });
    if span.end > span.start {
        region["endLine"] = span.end.line.into();
        region["endColumn"] = span.end.column.into();
    }
    region
}

/// serde_json's error position (1-based line, column counted in bytes) in characters.
fn char_position(text: &str, line: usize, byte_column: usize) -> Position {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut end = byte_column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    Position {
        line,
        column: line_text[..end].chars().count() + 1,
    }
}

/// The artifact location of a file read from disk: a relative name as a URI relative to
/// `%SRCROOT%`, an absolute one as a `file` URI. Standard input has none.
fn artifact_location(file: &PlanFile) -> Option<Value> {
    if file.stdin {
        return None;
    }
    Some(match absolute_uri(&file.name) {
        Some(uri) => json!({ "uri": uri }),
        None => {
            let name = file.name.replace('\\', "/");
            json!({ "uri": encode_path(name.trim_start_matches("./")), "uriBaseId": SRCROOT })
        }
    })
}

/// An absolute path (`/home/ci/a.json`, `C:\\plans\\a.json`) as a `file` URI; `None` for a
/// relative one.
fn absolute_uri(path: &str) -> Option<String> {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    if path.starts_with('/') {
        Some(format!("file://{}", encode_path(&path)))
    } else if bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":/" {
        Some(format!(
            "file:///{}:{}",
            &path[..1],
            encode_path(&path[2..])
        ))
    } else {
        None
    }
}

/// A directory as an absolute `file` URI ending in `/`, as `originalUriBaseIds` needs it.
fn directory_uri(dir: &std::path::Path) -> Option<String> {
    let mut uri = absolute_uri(dir.to_str()?)?;
    if !uri.ends_with('/') {
        uri.push('/');
    }
    Some(uri)
}

/// Percent-encodes a path for a URI, keeping `/` and RFC 3986's unreserved characters.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            encode_path("plans/web tier/ü.json"),
            "plans/web%20tier/%C3%BC.json"
        );
        assert_eq!(encode_path("a:b#c?.json"), "a%3Ab%23c%3F.json");
        assert_eq!(
            directory_uri(std::path::Path::new("/home/ci/repo")).as_deref(),
            Some("file:///home/ci/repo/")
        );
        assert_eq!(
            absolute_uri("C:\\work\\my plans\\a.json").as_deref(),
            Some("file:///C:/work/my%20plans/a.json")
        );
        assert_eq!(absolute_uri("plans/a.json"), None);
        assert_eq!(absolute_uri("c:"), None);
    }

    #[test]
    fn error_columns_count_characters() {
        let text = "{\n  \"name\": \"ünï\", x\n}";
        // The `x` is at byte 20 of line 2, after two 2-byte characters.
        assert_eq!(
            char_position(text, 2, 20),
            Position {
                line: 2,
                column: 18
            }
        );
        assert_eq!(char_position(text, 9, 9), Position { line: 9, column: 1 });
    }

    #[test]
    fn summaries_read_as_sentences() {
        assert_eq!(
            sentence("a region ID not in the catalog"),
            "A region ID not in the catalog."
        );
        assert_eq!(sentence("done."), "Done.");
    }

    #[test]
    fn severities_map_to_sarif_levels() {
        assert_eq!(level(Severity::Error), "error");
        assert_eq!(level(Severity::Warning), "warning");
        assert_eq!(level(Severity::Info), "note");
    }
}
