//! Every rule in Simplified Chinese (CONTRACT §4.8): each failing case of the table in
//! `tests/rules.rs` is checked again with `--lang zh-CN`; every finding's message and help must
//! read as Chinese, and nothing but message, help and doc may change with the language.
//!
//! What counts as an English sentence: three or more words in a row, separated by single
//! spaces, each made of lowercase ASCII letters and apostrophes, possibly ending in `,;:.`
//! ("the image's copy"). IDs (`m-1`, `cn-hangzhou`,
//! `ecs.g7.large`), codes, API and parameter names (`ModifyImageAttribute`, `BootMode`),
//! values (`cloud_essd`, `Deprecated`) and product names (`Windows Server`) never form such a
//! run, while an untranslated English text almost always does: the test also checks that the
//! English rendering of every case is caught by the same definition.

use super::common::{catalog, plan, today};
use super::{cases, Case};
use ecs_image_planner::core::i18n::Lang;
use ecs_image_planner::core::planner;
use ecs_image_planner::core::report::Report;

/// The first run of three or more lowercase ASCII words in `text`, if any.
pub fn english_run(text: &str) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    let mut longest: Vec<&str> = Vec::new();
    for word in text.split(' ') {
        let word = word.trim_end_matches([',', ';', ':', '.']);
        if word.len() > 1 && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
            run.push(word);
            if run.len() > longest.len() {
                longest = run.clone();
            }
        } else {
            run.clear();
        }
    }
    (longest.len() >= 3).then(|| longest.join(" "))
}

/// Whether `text` holds a Chinese character.
pub fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn check_in(case: &Case, lang: Lang) -> Report {
    planner::check_in(&plan(&case.body), &catalog(), today(), lang)
}

#[test]
fn every_failing_case_reads_in_chinese() {
    let mut seen = 0;
    for case in cases().iter().filter(|case| case.fires) {
        let report = check_in(case, Lang::ZhCn);
        assert!(
            report.findings.iter().any(|f| f.code == case.code),
            "{} not raised in zh-CN: {}",
            case.code,
            case.body
        );
        for finding in &report.findings {
            for (what, text) in [("message", &finding.message), ("help", &finding.help)] {
                assert!(
                    has_chinese(text),
                    "{} {what} has no Chinese: {text}",
                    finding.code
                );
                assert_eq!(
                    english_run(text),
                    None,
                    "{} {what} has English: {text}",
                    finding.code
                );
            }
            seen += 1;
        }
    }
    assert!(seen > 50, "only {seen} findings checked");
}

#[test]
fn the_english_of_every_failing_case_is_caught_by_the_definition() {
    for case in cases().iter().filter(|case| case.fires) {
        let report = check_in(case, Lang::En);
        let finding = report
            .findings
            .iter()
            .find(|f| f.code == case.code)
            .unwrap();
        let text = format!("{} {}", finding.message, finding.help);
        assert!(
            english_run(&text).is_some() && !has_chinese(&text),
            "{}: {text}",
            case.code
        );
    }
}

#[test]
fn the_language_changes_message_help_and_doc_only() {
    for case in cases() {
        let (en, zh) = (check_in(&case, Lang::En), check_in(&case, Lang::ZhCn));
        assert_eq!(en.ok, zh.ok, "{}", case.body);
        assert_eq!(en.operations, zh.operations, "{}", case.body);
        assert_eq!(en.findings.len(), zh.findings.len(), "{}", case.body);
        for (a, b) in en.findings.iter().zip(&zh.findings) {
            assert_eq!(
                (a.code, a.severity, &a.path, &a.fix),
                (b.code, b.severity, &b.path, &b.fix),
                "{}",
                case.body
            );
            assert!(
                b.doc == a.doc || b.doc.starts_with("https://help.aliyun.com/zh/"),
                "{}: {}",
                b.code,
                b.doc
            );
            assert_ne!(a.message, b.message, "{}: {}", a.code, a.message);
            assert_ne!(a.help, b.help, "{}: {}", a.code, a.help);
        }
    }
}
