//! Checking a plan: every finding (contract §2) plus the API calls it implies (§3).

use std::collections::BTreeSet;

use super::catalog::Catalog;
use super::date::Date;
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
    let merged = catalog.with_plan(plan);
    let resolver = Resolver::new(plan, &merged);
    let ledger = Ledger::new(plan, &merged, &resolver);
    let ctx = Context {
        plan,
        catalog: &merged,
        resolver: &resolver,
        ledger: &ledger,
        as_of: plan.as_of.unwrap_or(today),
    };
    let mut findings = Vec::new();
    rules::check_all(&ctx, &mut findings);
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
    let count = |severity| {
        report
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    };
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    if errors > 0 {
        return format!(
            "{}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        );
    }
    if plan.launches.is_empty() {
        let mut line = match report.operations.len() {
            0 => "Nothing planned yet: add a launch, copy or share".to_string(),
            n => format!(
                "This plan can run: {} and launches no instance",
                plural(n, "API call")
            ),
        };
        if warnings > 0 {
            line.push_str(&format!(" ({})", plural(warnings, "warning")));
        }
        return line;
    }
    let instances: u32 = plan.launches.iter().map(|l| l.amount.unwrap_or(1)).sum();
    let regions: BTreeSet<&str> = plan
        .launches
        .iter()
        .filter_map(|l| l.region.as_deref())
        .collect();
    let mut line = format!(
        "This plan can launch: {} in {}",
        plural(instances as usize, "instance"),
        plural(regions.len(), "region")
    );
    if warnings > 0 {
        line.push_str(&format!(" ({})", plural(warnings, "warning")));
    }
    line
}
