//! Engine timings without a harness: a 200-launch plan checked against the built-in catalog,
//! and the full compatibility matrix (every image x every type x every region).
//! Run with `cargo bench --bench engine`; prints median and p95 in microseconds.

use std::hint::black_box;
use std::time::Instant;

use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::matrix::matrix;
use ecs_image_planner::core::model::{Copy, Launch, Plan, Share, SystemDisk};
use ecs_image_planner::core::planner;
use ecs_image_planner::core::Date;

const RUNS: usize = 200;

/// Median and 95th percentile of `RUNS` timed calls, in microseconds.
fn time(mut f: impl FnMut()) -> (f64, f64) {
    f();
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[RUNS / 2], samples[RUNS * 95 / 100])
}

/// 200 launches cycling through the catalog's regions, types and images, plus a few copies
/// and a share, so resolution and every rule family run.
fn big_plan(catalog: &Catalog) -> Plan {
    let mut plan = Plan {
        version: 1,
        account_id: Some("100000000000001".into()),
        ..Plan::default()
    };
    let custom = ecs_image_planner::core::model::Image {
        id: "m-bench0000000000001".into(),
        name: Some("bench".into()),
        regions: Some(vec![catalog.regions[0].id.clone()]),
        size_gib: Some(40),
        ..Default::default()
    };
    plan.images.push(custom.clone());
    for region in catalog.regions.iter().skip(1).take(5) {
        plan.copies.push(Copy {
            image: custom.id.clone(),
            to_region: region.id.clone(),
            ..Copy::default()
        });
    }
    plan.shares.push(Share {
        image: custom.id.clone(),
        region: catalog.regions[0].id.clone(),
        accounts: (0..25).map(|n| format!("2000000000{n:05}")).collect(),
    });
    for n in 0..200 {
        let image = if n % 10 == 0 {
            custom.id.clone()
        } else {
            catalog.images[n % catalog.images.len()].id.clone()
        };
        plan.launches.push(Launch {
            region: catalog.regions[n % catalog.regions.len()].id.clone(),
            zone: None,
            instance_type: catalog.instance_types[n % catalog.instance_types.len()]
                .id
                .clone(),
            image,
            amount: Some((n % 7) as u32 + 1),
            system_disk: Some(SystemDisk {
                category: Some("cloud_essd".into()),
                size_gib: Some(20 + (n % 5) as u32 * 10),
            }),
        });
    }
    plan
}

fn main() {
    let catalog = Catalog::builtin();
    let today: Date = "2026-11-28".parse().unwrap();
    let plan = big_plan(catalog);
    let report = planner::check(&plan, catalog, today);
    println!(
        "200-launch plan: {} findings, {} operations",
        report.findings.len(),
        report.operations.len()
    );
    let (median, p95) = time(|| {
        black_box(planner::check(black_box(&plan), catalog, today));
    });
    println!("check 200 launches: median {median:.0} us, p95 {p95:.0} us");

    let images: Vec<_> = catalog.images.iter().collect();
    let types: Vec<_> = catalog.instance_types.iter().collect();
    let cells = images.len() * types.len() * catalog.regions.len();
    let (median, p95) = time(|| {
        for region in &catalog.regions {
            black_box(matrix(&region.id, &images, &types, today));
        }
    });
    println!(
        "full matrix ({} images x {} types x {} regions = {cells} cells): median {median:.0} us, p95 {p95:.0} us",
        images.len(),
        types.len(),
        catalog.regions.len()
    );
}
