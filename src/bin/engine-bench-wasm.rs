//! The engine benchmark compiled to wasm32: the same workloads as `benches/engine.rs`
//! ([`ecs_image_planner::core::workload`]), timed inside a WebAssembly engine with
//! `performance.now()`. `scripts/bench.sh` builds it with the web app's release profile and
//! wasm-opt level, runs it in node through `bench/run.mjs`, and compares it with the native run.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use ecs_image_planner::core::catalog::Catalog;
    use ecs_image_planner::core::workload::{self, median_p95};
    use ecs_image_planner::core::{link, parse_plan, Date};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `performance.now()`: milliseconds, at microsecond precision in node.
        #[wasm_bindgen(js_namespace = performance)]
        fn now() -> f64;
    }

    /// Median and 95th percentile of `runs` timed calls after one warm-up, in microseconds.
    fn time(runs: u32, mut f: impl FnMut()) -> (f64, f64) {
        f();
        let mut samples: Vec<f64> = (0..runs)
            .map(|_| {
                let start = now();
                f();
                (now() - start) * 1e3
            })
            .collect();
        median_p95(&mut samples).unwrap_or((f64::NAN, f64::NAN))
    }

    /// Times both workloads `runs` times each and returns the numbers as JSON, in the shape of
    /// the native bench's `BENCH_JSON` line.
    #[wasm_bindgen]
    pub fn run(runs: u32) -> String {
        let catalog = Catalog::builtin();
        let today: Date = workload::TODAY.parse().expect("TODAY is a date");
        let plan = workload::big_plan(catalog);
        let check = time(runs, || workload::check(&plan, catalog, today));
        let (images, types, regions) = workload::matrix_shape(catalog);
        let full = time(runs, || workload::full_matrix(catalog, today));
        format!(
            r#"{{"runs":{runs},"launches":{},"check_us":{{"median":{},"p95":{}}},"matrix_cells":{},"matrix_us":{{"median":{},"p95":{}}}}}"#,
            plan.launches.len(),
            check.0,
            check.1,
            images * types * regions,
            full.0,
            full.1
        )
    }

    /// The workload's plan with `launches` launches ([`workload::plan_of`]; 200 is
    /// [`workload::big_plan`]) as a plan document, for the benchmark's open time and edit
    /// latency in the page on large plans.
    #[wasm_bindgen]
    pub fn big_plan_json(launches: usize) -> String {
        let plan = workload::plan_of(Catalog::builtin(), launches);
        serde_json::to_string(&plan).expect("a plan serializes")
    }

    /// The plan at the image limits ([`workload::limit_plan`]: 1000 images, 1000 copies, one
    /// launch) as a plan document.
    #[wasm_bindgen]
    pub fn limit_plan_json() -> String {
        let plan = workload::limit_plan(1000);
        serde_json::to_string(&plan).expect("a plan serializes")
    }

    /// The share link of a plan document (`core::link::link`), or why the document is not a plan.
    #[wasm_bindgen]
    pub fn share_link(plan_json: &str, base: &str) -> Result<String, String> {
        let plan = parse_plan(plan_json).map_err(|e| e.to_string())?;
        link::link(&plan, base).map_err(|e| e.to_string())
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("engine-bench-wasm runs only as wasm32: use `bash scripts/bench.sh` (native timings: `cargo bench --bench engine`).");
    std::process::exit(2);
}
