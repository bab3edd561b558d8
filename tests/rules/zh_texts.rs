//! The texts outside the rules in Simplified Chinese: the guide (image types, needs, operating
//! systems, snapshots, import steps, Image Builder) and the errors a refused file, link or
//! pasted JSON shows. Each zh-CN text must hold Chinese and no English sentence, by the same
//! definition as the rules' messages ([`english_run`]); each English text must stay English.

use super::zh::{english_run, has_chinese};
use ecs_image_planner::core::guide::{self, builder, Need, Topic, Trust};
use ecs_image_planner::core::i18n::{Lang, Term};

/// Checks one text in both languages: the Chinese reads as Chinese, the English as English.
fn check_term(what: &str, term: Term) {
    assert!(has_chinese(term.zh), "{what}: no Chinese in {:?}", term.zh);
    assert_eq!(
        english_run(term.zh),
        None,
        "{what}: English in {:?}",
        term.zh
    );
    assert!(!has_chinese(term.en), "{what}: Chinese in {:?}", term.en);
}

/// A text of the given languages, checked like a [`Term`].
fn check_pair(what: &str, en: &str, zh: &str) {
    assert!(has_chinese(zh), "{what}: no Chinese in {zh:?}");
    assert_eq!(english_run(zh), None, "{what}: English in {zh:?}");
    assert!(!has_chinese(en), "{what}: Chinese in {en:?}");
}

#[test]
fn every_guide_text_reads_in_chinese() {
    let mut terms: Vec<(String, Term)> = Vec::new();
    for g in guide::IMAGE_TYPES {
        for (field, term) in [
            ("title", g.title),
            ("origin", g.origin),
            ("support", g.support),
            ("availability", g.availability),
        ] {
            terms.push((format!("{:?} {field}", g.kind), term));
        }
    }
    for need in Need::ALL {
        let rec = guide::recommend(need);
        terms.push((format!("{need:?} label"), rec.label));
        terms.push((format!("{need:?} why"), rec.why));
    }
    for os in &guide::OS_GUIDES {
        terms.push((os.family.to_string(), os.best_for));
    }
    for (n, step) in guide::IMPORT_STEPS.iter().enumerate() {
        terms.push((format!("import step {n} title"), step.title));
        terms.push((format!("import step {n} detail"), step.detail));
    }
    for c in &guide::IMAGES_VS_SNAPSHOTS {
        terms.push((format!("{} aspect", c.aspect.en), c.aspect));
        terms.push((format!("{} image", c.aspect.en), c.image));
        terms.push((format!("{} snapshot", c.aspect.en), c.snapshot));
    }
    terms.push(("snapshot launch help".into(), guide::SNAPSHOT_LAUNCH_HELP));
    for (n, link) in guide::IMAGE_SNAPSHOT_LINKS.iter().enumerate() {
        terms.push((format!("image and snapshot {n}"), *link));
    }
    terms.push(("Image Builder".into(), builder::WHAT));
    for (n, line) in builder::BILLING.iter().enumerate() {
        terms.push((format!("billing {n}"), *line));
    }
    for (title, why) in builder::WHEN {
        terms.push((title.en.to_string(), title));
        terms.push((format!("{} why", title.en), why));
    }
    for topic in [
        Topic::ImageTypes,
        Topic::Snapshots,
        Topic::Importing,
        Topic::ImageBuilder,
    ] {
        terms.push((format!("{topic:?}"), topic.term()));
        assert_eq!(topic.label(Lang::ZhCn), topic.term().zh);
    }
    assert!(terms.len() > 50, "only {} guide texts", terms.len());
    for (what, term) in terms {
        check_term(&what, term);
    }
    for trust in [
        Trust::Lowest,
        Trust::Medium,
        Trust::MediumHigh,
        Trust::High,
        Trust::Highest,
    ] {
        check_pair(
            &format!("{trust:?}"),
            trust.label(Lang::En),
            trust.label(Lang::ZhCn),
        );
    }
}

#[test]
fn the_guide_links_the_chinese_pages_where_they_exist() {
    assert!(guide::doc(guide::IMAGE_OVERVIEW_URL, Lang::ZhCn)
        .starts_with("https://help.aliyun.com/zh/"));
    assert!(
        guide::doc(guide::IMPORT_IMAGE_URL, Lang::ZhCn).starts_with("https://help.aliyun.com/zh/")
    );
    assert_eq!(
        guide::doc(guide::IMAGE_OVERVIEW_URL, Lang::En),
        guide::IMAGE_OVERVIEW_URL
    );
}
