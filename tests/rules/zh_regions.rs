//! Region names in Simplified Chinese: the built-in catalog's regions carry the official Chinese
//! names of Alibaba Cloud's Chinese region table (`oss-regions`), and a region without one is
//! named in English on a zh-CN page rather than not at all.

use super::zh::{english_run, has_chinese};
use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::i18n::Lang;

#[test]
fn every_chinese_region_name_cites_the_chinese_region_table_and_reads_as_chinese() {
    let catalog = Catalog::builtin();
    let mut named = 0;
    for region in catalog.regions.iter().filter(|r| r.name_zh.is_some()) {
        named += 1;
        let id = &region.id;
        let fact = catalog
            .region_fact(id, "name_zh")
            .unwrap_or_else(|| panic!("{id}: name_zh has no source"));
        assert_eq!(fact.source.id, "oss-regions", "{id}: name_zh source");
        assert!(fact.confirmed, "{id}: name_zh is unconfirmed");
        // Its own source, not the `*` of the English name (the API or an English page).
        let provenance = &catalog.region_provenance[id.as_str()];
        assert!(
            provenance.from.contains_key("name_zh"),
            "{id}: name_zh must cite its source itself, not through `*`"
        );
        let zh = region.name_in(Lang::ZhCn);
        assert!(has_chinese(zh), "{id}: no Chinese in {zh:?}");
        assert_eq!(english_run(zh), None, "{id}: English in {zh:?}");
        assert!(!zh.is_ascii(), "{id}: {zh:?}");
        assert_eq!(region.name_in(Lang::En), region.name, "{id}: English name");
        assert!(
            !has_chinese(&region.name),
            "{id}: Chinese in the English name"
        );
        assert_eq!(region.label_in(Lang::ZhCn), format!("{id} · {zh}"));
    }
    // Every open region of the Chinese mainland and Hong Kong is in that table.
    for region in catalog.regions.iter().filter(|r| r.closed.is_none()) {
        if region.chinese_mainland || region.id == "cn-hongkong" {
            assert!(region.name_zh.is_some(), "{}: no Chinese name", region.id);
        }
    }
    assert!(named >= 31, "only {named} regions have a Chinese name");
}

#[test]
fn chinese_names_are_the_tables_own() {
    // As the Chinese region table (help.aliyun.com/zh/oss/user-guide/regions-and-endpoints,
    // seen 2026-11-29) writes them, full-width brackets included.
    let catalog = Catalog::builtin();
    for (id, zh) in [
        ("cn-hangzhou", "华东1（杭州）"),
        ("cn-hongkong", "中国香港"),
        ("cn-wuhan-lr", "华中1（武汉-本地地域）"),
        ("ap-southeast-1", "新加坡"),
        ("eu-west-1", "英国（伦敦）"),
        ("ap-southeast-8", "马来西亚（柔佛州）"),
        ("eu-west-2", "法国（巴黎）"),
    ] {
        let region = catalog.region(id).expect(id);
        assert_eq!(region.name_in(Lang::ZhCn), zh, "{id}");
    }
}

#[test]
fn a_region_without_a_chinese_name_is_named_in_english() {
    let catalog = Catalog::builtin();
    let mut region = catalog.region("cn-hangzhou").expect("cn-hangzhou").clone();
    region.name_zh = None;
    assert_eq!(region.name_in(Lang::ZhCn), "China (Hangzhou)");
    assert_eq!(
        region.label_in(Lang::ZhCn),
        "cn-hangzhou · China (Hangzhou)"
    );
    // In the catalog: the closed regions, gone from the Chinese table before it was read, and
    // me-central-1 (a partner region the table does not list).
    for region in catalog.regions.iter().filter(|r| r.name_zh.is_none()) {
        assert_eq!(region.name_in(Lang::ZhCn), region.name, "{}", region.id);
    }
    let closed = catalog.region("ap-south-1").expect("ap-south-1");
    assert_eq!(closed.name_zh, None);
    assert_eq!(closed.name_in(Lang::ZhCn), "India (Mumbai)");
}
