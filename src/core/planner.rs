//! Checking a plan: every finding (contract §2) plus the API calls it implies (§3).

use std::collections::BTreeSet;

use super::catalog::Catalog;
use super::date::Date;
use super::i18n::{self, Lang, Text};
use super::ledger::Ledger;
use super::model::Plan;
use super::ops;
use super::report::{Report, Severity};
use super::resolve::Resolver;
use super::rules::{self, Context};

/// Checks `plan` against `catalog` (merged with the plan's own images and types). Lifecycle
/// rules use the plan's `as_of`, else `today`. Operations are listed even when findings hold
/// errors, so the user sees what would be called.
pub fn check(plan: &Plan, catalog: &Catalog, today: Date) -> Report {
    check_in(plan, catalog, today, Lang::En)
}

/// [`check`] with every finding's message and help in `lang` (CONTRACT §4.8); codes, paths and
/// operations are the same in every language.
pub fn check_in(plan: &Plan, catalog: &Catalog, today: Date, lang: Lang) -> Report {
    let merged = catalog.with_plan(plan);
    let resolver = Resolver::new(plan, &merged);
    let ledger = Ledger::new(plan, &merged, &resolver);
    let ctx = Context {
        plan,
        catalog: &merged,
        resolver: &resolver,
        ledger: &ledger,
        as_of: plan.as_of.unwrap_or(today),
        lang,
    };
    let mut findings = Vec::new();
    rules::check_all(&ctx, &mut findings);
    for finding in &mut findings {
        finding.doc = rules::docs::localized(finding.doc, lang);
    }
    let operations = ops::operations(plan, &resolver, ctx.as_of);
    Report {
        ok: !findings.iter().any(|f| f.severity == Severity::Error),
        findings,
        operations,
        ledger,
    }
}

/// [`check`] against the built-in catalog.
pub fn check_builtin(plan: &Plan, today: Date) -> Report {
    check(plan, Catalog::builtin(), today)
}

/// One line for a person: what the plan launches when it is launchable, else how many errors
/// and warnings stand in the way ("2 errors, 1 warning").
pub fn summary(plan: &Plan, report: &Report) -> String {
    summary_in(plan, report, Lang::En)
}

/// [`summary`] in `lang`: "2 errors, 1 warning", "2 个错误，1 个警告".
pub fn summary_in(plan: &Plan, report: &Report, lang: Lang) -> String {
    let (errors, warnings) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
    let warnings_text = i18n::count(lang, warnings, "warning", "warnings", "个警告");
    if errors > 0 {
        let errors = i18n::count(lang, errors, "error", "errors", "个错误");
        return tr!(
            lang,
            format!("{errors}, {warnings_text}"),
            format!("{errors}，{warnings_text}")
        )
        .into_string();
    }
    let with_warnings = |line: Text| {
        let line = line.into_string();
        match (warnings, lang) {
            (0, _) => line,
            (_, Lang::En) => format!("{line} ({warnings_text})"),
            (_, Lang::ZhCn) => format!("{line}（{warnings_text}）"),
        }
    };
    if plan.launches.is_empty() {
        return with_warnings(match report.operations.len() {
            0 => tr!(
                lang,
                "Nothing planned yet: add a launch, copy or share",
                "尚未规划任何操作：请添加启动实例、复制镜像或共享镜像"
            ),
            n => tr!(
                lang,
                format!(
                    "This plan can run: {} and launches no instance",
                    i18n::count_en(n, "API call", "API calls")
                ),
                format!("此计划可以执行：{n} 次 API 调用，不启动实例")
            ),
        });
    }
    let instances: u32 = plan.launches.iter().map(|l| l.amount.unwrap_or(1)).sum();
    let regions = plan
        .launches
        .iter()
        .filter_map(|l| l.region.as_deref())
        .collect::<BTreeSet<&str>>()
        .len();
    with_warnings(tr!(
        lang,
        format!(
            "This plan can launch: {} in {}",
            i18n::count_en(instances as usize, "instance", "instances"),
            i18n::count_en(regions, "region", "regions")
        ),
        format!("此计划可以启动：{regions} 个地域共 {instances} 台实例")
    ))
}
