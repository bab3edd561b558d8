//! The engine benchmark's workloads, shared by the native bench (`benches/engine.rs`) and the
//! wasm one (`src/bin/engine-bench-wasm.rs`) so that both time exactly the same work.

use std::hint::black_box;

use super::catalog::Catalog;
use super::matrix::matrix;
use super::model::{Copy, Image, Launch, Plan, Share, SystemDisk};
use super::planner;
use super::Date;

/// The date every workload is checked on.
pub const TODAY: &str = "2026-11-28";

/// Number of launches in [`big_plan`].
pub const LAUNCHES: usize = 200;

/// The most launches a plan holds (`core::validate`): the benchmark's largest plan.
pub const MOST_LAUNCHES: usize = 1000;

/// A [`LAUNCHES`]-launch plan cycling through the catalog's regions, types and images, plus a
/// custom image with copies to five regions and a share with 25 accounts, so that resolution
/// and every rule family run.
pub fn big_plan(catalog: &Catalog) -> Plan {
    plan_of(catalog, LAUNCHES)
}

/// [`big_plan`] with `launches` launches.
pub fn plan_of(catalog: &Catalog, launches: usize) -> Plan {
    let mut plan = Plan {
        version: 1,
        account_id: Some("1000000000000001".into()),
        ..Plan::default()
    };
    let custom = Image {
        id: "m-bench0000000000001".into(),
        name: Some("bench".into()),
        regions: Some(vec![catalog.regions[0].id.clone()]),
        size_gib: Some(40),
        ..Default::default()
    };
    plan.images.push(custom.clone());
    for region in catalog.regions.iter().skip(1).take(5) {
        plan.copies.push(Copy {
            image: Some(custom.id.clone()),
            to_region: Some(region.id.clone()),
            ..Copy::default()
        });
    }
    plan.shares.push(Share {
        image: Some(custom.id.clone()),
        region: Some(catalog.regions[0].id.clone()),
        accounts: (0..25).map(|n| format!("2000000000{n:05}")).collect(),
    });
    for n in 0..launches {
        let image = if n % 10 == 0 {
            custom.id.clone()
        } else {
            catalog.images[n % catalog.images.len()].id.clone()
        };
        plan.launches.push(Launch {
            region: Some(catalog.regions[n % catalog.regions.len()].id.clone()),
            zone: None,
            instance_type: Some(
                catalog.instance_types[n % catalog.instance_types.len()]
                    .id
                    .clone(),
            ),
            image: Some(image),
            amount: Some((n % 7) as u32 + 1),
            system_disk: Some(SystemDisk {
                category: Some("cloud_essd".into()),
                size_gib: Some(20 + (n % 5) as u32 * 10),
            }),
            ..Launch::default()
        });
    }
    plan
}

/// A plan at the image limits: `n` custom images in cn-hangzhou, each copied to cn-beijing,
/// and one launch (the plan of reliability's "1000 images and 1000 copies" link).
pub fn limit_plan(n: usize) -> Plan {
    let images: Vec<Image> = (0..n)
        .map(|i| Image {
            id: format!("m-bp1limit{i:07}"),
            regions: Some(vec!["cn-hangzhou".into()]),
            ..Default::default()
        })
        .collect();
    let copies = images
        .iter()
        .enumerate()
        .map(|(i, image)| Copy {
            image: Some(image.id.clone()),
            to_region: Some("cn-beijing".into()),
            name: Some(format!("copy-{i}")),
            ..Copy::default()
        })
        .collect();
    Plan {
        version: 1,
        name: Some(format!("limit {n}")),
        images,
        copies,
        launches: vec![Launch {
            region: Some("cn-hangzhou".into()),
            instance_type: Some("ecs.g7.large".into()),
            image: Some("aliyun_3_x64_20G_alibase_20240819.vhd".into()),
            ..Launch::default()
        }],
        ..Plan::default()
    }
}

/// Checks `plan` once (the "check a 200-launch plan" workload).
pub fn check(plan: &Plan, catalog: &Catalog, today: Date) {
    black_box(planner::check(black_box(plan), catalog, today));
}

/// The size of the full matrix: (images, instance types, regions).
pub fn matrix_shape(catalog: &Catalog) -> (usize, usize, usize) {
    (
        catalog.images.len(),
        catalog.instance_types.len(),
        catalog.regions.len(),
    )
}

/// Evaluates the full matrix once: every catalog image x every instance type x every region.
pub fn full_matrix(catalog: &Catalog, today: Date) {
    let images: Vec<_> = catalog.images.iter().collect();
    let types: Vec<_> = catalog.instance_types.iter().collect();
    for region in &catalog.regions {
        black_box(matrix(catalog, &region.id, &images, &types, today));
    }
}

/// Median and 95th percentile (nearest rank) of `samples`; `None` when there are none.
pub fn median_p95(samples: &mut [f64]) -> Option<(f64, f64)> {
    if samples.is_empty() {
        return None;
    }
    samples.sort_by(f64::total_cmp);
    let rank = |q: f64| {
        let n = samples.len();
        samples[((q * n as f64).ceil() as usize).clamp(1, n) - 1]
    };
    Some((rank(0.5), rank(0.95)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_plan_has_the_advertised_size_and_implies_operations() {
        let catalog = Catalog::builtin();
        let plan = big_plan(catalog);
        assert_eq!(plan.launches.len(), LAUNCHES);
        assert_eq!(plan.copies.len(), 5);
        assert_eq!(plan.shares[0].accounts.len(), 25);
        let report = planner::check(&plan, catalog, TODAY.parse().unwrap());
        assert!(!report.operations.is_empty(), "the plan implies operations");
    }

    #[test]
    fn the_largest_plans_are_plans_the_loader_accepts() {
        let catalog = Catalog::builtin();
        for plan in [plan_of(catalog, MOST_LAUNCHES), limit_plan(1000)] {
            crate::core::validate::check_storable(&plan).expect("within every plan limit");
        }
        assert_eq!(limit_plan(1000).copies.len(), 1000);
    }

    #[test]
    fn median_and_p95_use_nearest_rank() {
        let mut samples: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        assert_eq!(median_p95(&mut samples), Some((50.0, 95.0)));
        assert_eq!(median_p95(&mut [7.0]), Some((7.0, 7.0)));
        assert_eq!(median_p95(&mut []), None);
    }
}
