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

/// The core's texts the page shows beside the findings (item headings, the quota ledger's
/// breakdown, a pipeline image's name in a gauge, the build-content counter) read as Chinese in
/// zh-CN, and change with the language.
#[test]
fn the_page_texts_the_core_builds_read_in_chinese() {
    use ecs_image_planner::core::item::Item;
    use ecs_image_planner::core::pipeline::ContentSize;

    let zh_only = |en: String, zh: String| {
        assert!(
            has_chinese(&zh) && english_run(&zh).is_none(),
            "not Chinese: {zh}"
        );
        assert_ne!(en, zh);
    };
    let items = [
        Item::InstanceType(0),
        Item::Image(1),
        Item::Create(2),
        Item::Import(3),
        Item::Pipeline(4),
        Item::Update(5),
        Item::Copy(6),
        Item::Modify(7),
        Item::Share(8),
        Item::Export(9),
        Item::Launch(10),
        Item::Delete(11),
        Item::Quotas,
        Item::CustomImageUsage,
        Item::Plan,
    ];
    for item in items {
        zh_only(item.title(Lang::En), item.title(Lang::ZhCn));
    }
    let size = ContentSize::of("RUN yum install -y nginx\n");
    zh_only(size.label(Lang::En), size.label(Lang::ZhCn));

    // Every kind of image a region can count, and a share of a pipeline's image.
    let mut body: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("examples/copy-and-share.json").unwrap())
            .unwrap();
    let pipeline: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("examples/pipeline.json").unwrap()).unwrap();
    let imports: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("examples/import-modify-launch.json").unwrap(),
    )
    .unwrap();
    body["pipelines"] = pipeline["pipelines"].clone();
    body["imports"] = imports["imports"].clone();
    body["updates"] =
        serde_json::json!([{"image": "m-bp1golden2025x0001", "region": "cn-hangzhou"}]);
    let body: ecs_image_planner::core::model::Plan = serde_json::from_value(body).unwrap();
    let report = planner::check_in(&body, &catalog(), today(), Lang::ZhCn);
    let hangzhou = &report.ledger.regions["cn-hangzhou"];
    assert!(
        hangzhou.created > 0 && hangzhou.imported > 0 && hangzhou.built > 0 && hangzhou.updated > 0,
        "{hangzhou:?}"
    );
    for usage in report.ledger.regions.values() {
        zh_only(usage.breakdown(Lang::En), usage.breakdown(Lang::ZhCn));
    }
    let built = report
        .ledger
        .shares
        .iter()
        .find(|usage| usage.built.is_some())
        .expect("the pipeline shares its image");
    zh_only(built.label_in(Lang::En), built.label_in(Lang::ZhCn));
}

/// Every reason the compatibility matrix gives, for every catalog image on every catalog type
/// in a mainland and an overseas region, reads as Chinese in zh-CN (the matrix shows the rules'
/// messages, with the catalog facts a warning rests on written out).
#[test]
fn every_matrix_reason_reads_in_chinese() {
    use ecs_image_planner::core::catalog::Catalog;
    use ecs_image_planner::core::matrix::matrix;

    let catalog = Catalog::builtin();
    let images: Vec<_> = catalog.images.iter().collect();
    let types: Vec<_> = catalog.instance_types.iter().collect();
    let mut seen = 0;
    for region in ["cn-hangzhou", "ap-southeast-1"] {
        let m = matrix(catalog, region, &images, &types, today());
        for r in 0..images.len() {
            for c in 0..types.len() {
                for (code, message) in m.issues_in(r, c, Lang::ZhCn) {
                    assert!(
                        has_chinese(&message) && english_run(&message).is_none(),
                        "{code} in {region}: {message}"
                    );
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 1000, "only {seen} reasons");
}
