//! The quota gauges and the quota findings tell one story: both read the core's ledger, and on
//! every example and golden plan (as written, and with its quotas squeezed so that they
//! overflow) a gauge is over its quota exactly when a quota finding stands on one of the items it
//! counts.

use ecs_image_planner::core::item::Item;
use ecs_image_planner::core::model::Quotas;
use ecs_image_planner::core::{parse_plan, planner, Date, Plan, Report};

fn plans() -> Vec<(String, Plan)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut plans = Vec::new();
    for dir in ["examples", "tests/golden"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let plan = parse_plan(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            plans.push((path.display().to_string(), plan));
        }
    }
    assert!(plans.len() >= 5, "examples and golden plans are found");
    plans
}

fn squeezed(plan: &Plan) -> Plan {
    let mut plan = plan.clone();
    plan.quotas = Some(Quotas {
        custom_images_per_region: Some(1),
        share_accounts_per_image: Some(1),
    });
    plan
}

fn on_items(report: &Report, code: &str, items: &[Item]) -> bool {
    report
        .findings
        .iter()
        .any(|f| f.code == code && items.contains(&Item::of_path(&f.path)))
}

fn assert_agree(name: &str, report: &Report) -> usize {
    let ledger = &report.ledger;
    let mut over = 0;
    for (region, usage) in &ledger.regions {
        let gauge_over = usage.over(ledger.custom_image_quota);
        over += usize::from(gauge_over);
        assert_eq!(
            gauge_over,
            on_items(report, "custom-image-quota", &usage.items),
            "{name}: region {region} gauge {usage:?} against the findings"
        );
        assert_eq!(
            usage.planned(),
            usage.items.len() as u32,
            "{name}: {region}"
        );
    }
    let quota_findings = report
        .findings
        .iter()
        .filter(|f| f.code == "custom-image-quota")
        .count();
    let counted = ledger.regions.values().flat_map(|u| &u.items).count();
    assert!(
        quota_findings <= counted,
        "{name}: a quota finding on an item no gauge counts"
    );
    for usage in &ledger.shares {
        let gauge_over = usage.over(ledger.share_quota);
        over += usize::from(gauge_over);
        assert_eq!(
            gauge_over,
            on_items(report, "share-quota-exceeded", &usage.items),
            "{name}: share of {} in {} against the findings",
            usage.image,
            usage.region
        );
    }
    over
}

#[test]
fn gauges_and_findings_agree_on_every_example_and_golden_plan() {
    let today: Date = "2026-11-29".parse().unwrap();
    let mut overflowing = 0;
    for (name, plan) in plans() {
        assert_agree(&name, &planner::check_builtin(&plan, today));
        overflowing += assert_agree(&name, &planner::check_builtin(&squeezed(&plan), today));
    }
    assert!(overflowing >= 2, "the squeezed plans overflow some gauges");
}
