//! The texts outside the rules in Simplified Chinese: the guide (image types, needs, operating
//! systems, snapshots, import steps, Image Builder) and the errors a refused file, link or
//! pasted JSON shows. Each zh-CN text must hold Chinese and no English sentence, by the same
//! definition as the rules' messages ([`english_run`]); each English text must stay English.

use super::zh::{english_run, has_chinese};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::embed::EmbedOptions;
use ecs_image_planner::core::guide::{self, builder, Need, Topic, Trust};
use ecs_image_planner::core::i18n::{Lang, Term};
use ecs_image_planner::core::{import, link, parse_plan, planner};

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

/// Checks an error in both languages: the zh-CN text reads as Chinese and names the same place.
fn check_error(input: &str, en: String, zh: String, place: &str) {
    assert!(has_chinese(&zh), "{input}: no Chinese in {zh:?}");
    assert_eq!(english_run(&zh), None, "{input}: English in {zh:?}");
    assert!(!has_chinese(&en), "{input}: Chinese in {en:?}");
    assert!(zh.contains(place), "{input}: {zh:?} does not name {place}");
}

#[test]
fn a_refused_plan_file_says_why_in_chinese() {
    let long = format!(r#"{{"version": 1, "name": "{}"}}"#, "n".repeat(1100));
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "/"),
        ("{".into(), "/"),
        ("[".into(), "/"),
        (r#"{"version": 1,}"#.into(), "/"),
        (r#"{"version": 1} x"#.into(), "/"),
        (r#"{"version": 1 "name": "x"}"#.into(), "/"),
        (r#"{"version": tru}"#.into(), "/"),
        (r#"{"version": 1, "name": "\x"}"#.into(), "/"),
        ("{\"version\": 1, \"name\": \"a\u{1}b\"}".into(), "/"),
        (r#"{"version": 2}"#.into(), "/version"),
        (r#"{"version": "1"}"#.into(), "/version"),
        ("{}".into(), "/"),
        (r#"{"version": 1, "nope": 1}"#.into(), "/"),
        (
            r#"{"version": 1, "launches": [{"amount": -1}]}"#.into(),
            "/launches/0/amount",
        ),
        (
            r#"{"version": 1, "images": [{"id": "m-1", "type": "weird"}]}"#.into(),
            "/images/0/type",
        ),
        (
            r#"{"version": 1, "images": [{"id": "m-1", "created": "yesterday"}]}"#.into(),
            "/images/0",
        ),
        (r#"{"version": 1, "images": "m-1"}"#.into(), "/images"),
        (
            r#"{"version": 1, "deletes": [{"image": "m-1", "snapshot": "s-1"}]}"#.into(),
            "/deletes/0",
        ),
        (
            r#"{"version": 1, "deletes": [{"snapshot": "s-1", "keep_snapshots": true}]}"#.into(),
            "/deletes/0/keep_snapshots",
        ),
        (long, "/name"),
        (
            format!(
                r#"{{"version": 1, "name": "{}"}}"#,
                "x".repeat(2 * 1024 * 1024)
            ),
            "/",
        ),
    ];
    for (input, place) in cases {
        let err = parse_plan(&input).expect_err(&input);
        let short: String = input.chars().take(80).collect();
        check_error(&short, err.text(Lang::En), err.text(Lang::ZhCn), place);
        assert_eq!(
            err.text(Lang::En),
            err.to_string(),
            "English stays as it was"
        );
    }
}

#[test]
fn a_refused_link_says_why_in_chinese() {
    let plan = fragment(r#"{"version": 2}"#);
    let deflated = URL_SAFE_NO_PAD.encode([0xff, 0xff, 0xff]);
    for input in [
        "#tab=ops".to_string(),
        "#p9.abc".to_string(),
        "#p1.!!!".to_string(),
        format!("#p1.{deflated}"),
        format!("#p1.{}", "A".repeat(70 * 1024)),
        plan,
    ] {
        let err = link::decode(&input).expect_err(&input);
        let short: String = input.chars().take(80).collect();
        check_error(&short, err.text(Lang::En), err.text(Lang::ZhCn), "");
    }
}

/// A `p1.` fragment holding `json` as it is, valid plan or not.
fn fragment(json: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!("#p1.{}", URL_SAFE_NO_PAD.encode(deflated))
}

#[test]
fn refused_pasted_output_says_why_in_chinese() {
    let image = |fields: &str| {
        format!(r#"{{"RegionId": "cn-hangzhou", "Images": {{"Image": [{{{fields}}}]}}}}"#)
    };
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "/"),
        ("[]".into(), "/"),
        ("{}".into(), "/"),
        (r#"{"RequestId": "x", "TotalCount": 0}"#.into(), "/"),
        (r#"{"Images": []}"#.into(), "/Images"),
        (image(r#""ImageId": 5"#), "/Images/Image/0/ImageId"),
        (image(r#""ImageId": "m-1""#), "/Images/Image/0/ImageOwnerAlias"),
        (image(r#""ImageId": "m-1", "ImageOwnerAlias": "them""#), "/Images/Image/0/ImageOwnerAlias"),
        (image(r#""ImageId": "m-1", "ImageOwnerAlias": "self", "OSType": "plan9""#), "/Images/Image/0/OSType"),
        (image(r#""ImageId": "m-1", "ImageOwnerAlias": "self", "Size": -5"#), "/Images/Image/0/Size"),
        (image(r#""ImageId": "m-1", "ImageOwnerAlias": "self", "Size": 2.5"#), "/Images/Image/0/Size"),
        (image(r#""ImageId": "m-1", "ImageOwnerAlias": "self", "Features": 1"#), "/Images/Image/0/Features"),
        (image(r#""ImageId": "m-1", "ImageOwnerAlias": "self", "CreationTime": "soon""#), "/Images/Image/0/CreationTime"),
        (image(r#""ImageId": "m-1", "ImageOwnerAlias": "self", "DiskDeviceMappings": {"DiskDeviceMapping": [{"Type": "data"}]}"#), "/Images/Image/0/DiskDeviceMappings/DiskDeviceMapping/0/Size"),
        (image(r#""ImageId": "m-1", "ImageOwnerAlias": "self", "DiskDeviceMappings": {"DiskDeviceMapping": [1]}"#), "/Images/Image/0/DiskDeviceMappings/DiskDeviceMapping/0"),
        (r#"{"RegionId": "cn-beijing", "Images": {"Image": []}}"#.into(), "/RegionId"),
        (r#"{"InstanceTypes": {"InstanceType": [{"InstanceTypeId": "ecs.x"}]}}"#.into(), "/InstanceTypes/InstanceType/0/CpuCoreCount"),
        (r#"{"InstanceTypes": {"InstanceType": [{"InstanceTypeId": "ecs.x", "CpuCoreCount": 2}]}}"#.into(), "/InstanceTypes/InstanceType/0/MemorySize"),
        (r#"{"InstanceTypes": {"InstanceType": [{"InstanceTypeId": "ecs.x", "CpuCoreCount": 2, "MemorySize": 8, "SupportedBootModes": {"SupportedBootMode": ["LEGACY"]}}]}}"#.into(), "/InstanceTypes/InstanceType/0/SupportedBootModes/SupportedBootMode/0"),
        (r#"{"InstanceTypes": {"InstanceType": [{"CpuCoreCount": 2}]}}"#.into(), "/InstanceTypes/InstanceType/0/InstanceTypeId"),
        (r#"{"ImageId": "", "InstanceTypes": {"InstanceType": []}}"#.into(), "/ImageId"),
    ];
    for (input, place) in cases {
        let err = import::detect_and_import(&input, "cn-hangzhou").expect_err(&input);
        check_error(&input, err.text(Lang::En), err.text(Lang::ZhCn), place);
    }
    let public_elsewhere =
        r#"{"Images": {"Image": [{"ImageId": "m-1", "ImageOwnerAlias": "self"}]}}"#;
    let err = import::detect_and_import(public_elsewhere, "").expect_err("no region");
    check_error(
        public_elsewhere,
        err.text(Lang::En),
        err.text(Lang::ZhCn),
        "/RegionId",
    );
}

#[test]
fn import_summaries_read_in_chinese() {
    let outputs = [
        r#"{"RegionId": "cn-hangzhou", "Images": {"Image": [{"ImageId": "m-1", "ImageOwnerAlias": "self"}]}}"#,
        r#"{"InstanceTypes": {"InstanceType": [{"InstanceTypeId": "ecs.x", "CpuCoreCount": 2, "MemorySize": 8}]}}"#,
        r#"{"ImageId": "m-nowhere", "InstanceTypes": {"InstanceType": [{"InstanceTypeId": "ecs.g7.large"}]}}"#,
        r#"{"ImageId": "m-1", "InstanceTypes": {"InstanceType": [{"InstanceTypeId": "ecs.g7.large"}]}}"#,
    ];
    let mut plan = parse_plan(r#"{"version": 1}"#).unwrap();
    for output in outputs {
        let imported = import::detect_and_import(output, "cn-hangzhou").unwrap();
        let (mut en_plan, mut zh_plan) = (plan.clone(), plan.clone());
        let en = imported.clone().merge_into(&mut en_plan, Lang::En);
        let zh = imported.merge_into(&mut zh_plan, Lang::ZhCn);
        assert_eq!(en_plan, zh_plan, "the language changes only the summary");
        check_error(output, en, zh, "");
        plan = zh_plan;
    }
}

#[test]
fn bad_embed_parameters_say_why_in_chinese() {
    let long = "x".repeat(300);
    for (key, value) in [
        ("mode", "full"),
        ("platform", "bsd"),
        ("theme", "pink"),
        ("region", long.as_str()),
    ] {
        let pairs = [("embed", "1"), (key, value)];
        let en = EmbedOptions::from_query(pairs, Lang::En).unwrap_err();
        let zh = EmbedOptions::from_query(pairs, Lang::ZhCn).unwrap_err();
        check_error(key, en, zh, key);
    }
}

#[test]
fn the_command_line_says_why_a_plan_is_refused_in_its_language() {
    let dir = std::env::temp_dir().join(format!("eip-zh-texts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"version": 1, "launches": [{"amount": -1}]}"#).unwrap();
    let run = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ecs-image-planner"))
            .args(["check", "--lang", lang])
            .arg(&bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{lang}");
        String::from_utf8(out.stderr).unwrap()
    };
    let (en, zh) = (run("en"), run("zh-CN"));
    assert!(
        en.starts_with("error: ") && en.contains("is not a valid plan"),
        "{en}"
    );
    check_error("check --lang zh-CN", en, zh, "/launches/0/amount");
    std::fs::remove_dir_all(&dir).ok();
}

/// The all-lowercase words of `text` ("has", "the"): IDs, values and names never are one.
fn lowercase_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || "_.-/".contains(c)))
        .filter(|w| w.len() > 1 && w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect()
}

#[test]
fn the_catalog_facts_a_finding_rests_on_read_in_chinese() {
    let catalog = Catalog::builtin();
    let types = [
        "ecs.g8y.large",
        "ecs.g7.large",
        "ecs.u1-c1m1.large",
        "ecs.g8i.large",
    ];
    let launches: Vec<String> = ["cn-hangzhou", "cn-hongkong"]
        .iter()
        .flat_map(|region| {
            types.iter().flat_map(move |itype| {
                catalog.images.iter().map(move |image| {
                    format!(
                        r#"{{"region": "{region}", "instance_type": "{itype}", "image": "{}"}}"#,
                        image.id
                    )
                })
            })
        })
        .take(1000)
        .collect();
    let plan = parse_plan(&format!(
        r#"{{"version": 1, "launches": [{}]}}"#,
        launches.join(",")
    ))
    .unwrap();
    let today = "2026-11-29".parse().unwrap();
    let (en, zh) = (
        planner::check_in(&plan, catalog, today, Lang::En),
        planner::check_in(&plan, catalog, today, Lang::ZhCn),
    );
    let mut facts = 0;
    for (a, b) in en.findings.iter().zip(&zh.findings) {
        assert_eq!(a.evidence.len(), b.evidence.len(), "{}", a.code);
        for (fact_en, fact_zh) in a.evidence.iter().zip(&b.evidence) {
            assert!(has_chinese(&fact_zh.fact), "{}: {}", b.code, fact_zh.fact);
            assert_eq!(
                lowercase_words(&fact_zh.fact),
                Vec::<&str>::new(),
                "{}: {}",
                b.code,
                fact_zh.fact
            );
            assert!(!has_chinese(&fact_en.fact), "{}: {}", a.code, fact_en.fact);
            assert_eq!(
                (&fact_en.source, fact_en.seen),
                (&fact_zh.source, fact_zh.seen)
            );
            facts += 1;
        }
        if b.code == "catalog-unconfirmed" {
            let listed = b
                .message
                .split_once('：')
                .map(|(_, l)| l)
                .unwrap_or_default();
            assert_eq!(lowercase_words(listed), Vec::<&str>::new(), "{}", b.message);
        }
    }
    assert!(facts > 10, "only {facts} facts checked");
}

/// The API calls of every example plan as the page shows them in zh-CN: what an earlier call
/// returns and what the person running the export supplies are described in Chinese, while the
/// operations themselves (names, literals, the JSON's English `input`) stay as they are.
#[test]
fn operation_values_read_in_chinese_and_the_operations_stay_the_same() {
    use ecs_image_planner::core::param::Param;
    let mut described = 0;
    for path in super::common::example_plans() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + &path)
                .expect("the example reads");
        let plan = ecs_image_planner::core::parse_plan(&text).expect("the example is a plan");
        let today = super::common::today();
        let en = planner::check_in(&plan, Catalog::builtin(), today, Lang::En);
        let zh = planner::check_in(&plan, Catalog::builtin(), today, Lang::ZhCn);
        assert_eq!(
            serde_json::to_value(&en.operations).unwrap(),
            serde_json::to_value(&zh.operations).unwrap(),
            "{path}: the operations are the same in both languages"
        );
        for op in &zh.operations {
            for (name, value) in op.params.iter() {
                if matches!(value, Param::Output(_) | Param::Input(_)) {
                    let shown = value.text_in(Lang::ZhCn);
                    assert!(has_chinese(&shown), "{path} {} {name}: {shown}", op.id);
                    assert_eq!(
                        english_run(&shown),
                        None,
                        "{path} {} {name}: {shown}",
                        op.id
                    );
                    assert_ne!(shown, value.text_in(Lang::En));
                    described += 1;
                }
            }
        }
    }
    assert!(described > 10, "{described} described values");
}
