//! Engine timings without a harness: a 200-launch plan checked against the built-in catalog,
//! and the full compatibility matrix (every image x every type x every region), with the
//! workloads of [`ecs_image_planner::core::workload`] (the wasm bench times the same ones).
//! Run with `cargo bench --bench engine`; prints median and p95 in microseconds, then one line
//! `BENCH_JSON {...}` with the same numbers for `bench/run.mjs`.

use std::time::Instant;

use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::workload::{self, median_p95};
use ecs_image_planner::core::{planner, Date};

const RUNS: usize = 200;

/// Median and 95th percentile of `RUNS` timed calls after one warm-up, in microseconds.
fn time(mut f: impl FnMut()) -> (f64, f64) {
    f();
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    median_p95(&mut samples).expect("RUNS > 0")
}

fn main() {
    let catalog = Catalog::builtin();
    let today: Date = workload::TODAY.parse().expect("TODAY is a date");
    let plan = workload::big_plan(catalog);
    let report = planner::check(&plan, catalog, today);
    println!(
        "{}-launch plan: {} findings, {} operations",
        plan.launches.len(),
        report.findings.len(),
        report.operations.len()
    );
    let check = time(|| workload::check(&plan, catalog, today));
    println!(
        "check {} launches: median {:.0} us, p95 {:.0} us",
        plan.launches.len(),
        check.0,
        check.1
    );

    let (images, types, regions) = workload::matrix_shape(catalog);
    let cells = images * types * regions;
    let full = time(|| workload::full_matrix(catalog, today));
    println!(
        "full matrix ({images} images x {types} types x {regions} regions = {cells} cells): median {:.0} us, p95 {:.0} us",
        full.0, full.1
    );
    let json = serde_json::json!({
        "runs": RUNS,
        "launches": plan.launches.len(),
        "check_us": { "median": check.0, "p95": check.1 },
        "matrix_cells": cells,
        "matrix_us": { "median": full.0, "p95": full.1 },
    });
    println!("BENCH_JSON {json}");
}
