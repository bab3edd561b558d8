//! The matrix agrees with the planner on the plan as it is (issue 16): for every launch of the
//! example plans, the cell of its image and type in its region breaks the same rules as the
//! launch, planned copies included.

mod common;

use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::item::Item;
use ecs_image_planner::core::matrix::{plan_images, plan_matrix, plan_types};
use ecs_image_planner::core::model::given;
use ecs_image_planner::core::{parse_plan, planner};

#[test]
fn every_launch_of_the_examples_gets_the_verdict_of_its_matrix_cell() {
    let today = common::today();
    for (name, text) in [
        ("first-visit", include_str!("../examples/first-visit.json")),
        ("launchable", include_str!("../examples/launchable.json")),
        (
            "copy-and-share",
            include_str!("../examples/copy-and-share.json"),
        ),
        ("broken", include_str!("../examples/broken.json")),
    ] {
        let mut plan = parse_plan(text).expect(name);
        // The matrix checks a pair with RunInstances' defaults; so does the launch here.
        for launch in &mut plan.launches {
            launch.amount = None;
            launch.system_disk = None;
        }
        let report = planner::check_builtin(&plan, today);
        let catalog = Catalog::builtin().with_plan(&plan);
        let images = plan_images(&plan, &catalog);
        let types = plan_types(&plan, &catalog);
        let mut compared = 0;
        for (n, launch) in plan.launches.iter().enumerate() {
            let (Some(region), Some(image), Some(itype)) = (
                given(&launch.region),
                given(&launch.image),
                given(&launch.instance_type),
            ) else {
                continue;
            };
            let (Some(row), Some(col)) = (
                images.iter().position(|i| i.id == image),
                types.iter().position(|t| t.id == itype),
            ) else {
                continue;
            };
            let m = plan_matrix(&plan, &catalog, region, &images, &types, today);
            let from_matrix: Vec<&str> = m.issues(row, col).iter().map(|(code, _)| *code).collect();
            let from_planner: Vec<&str> = report
                .findings
                .iter()
                .filter(|f| Item::of_path(&f.path) == Item::Launch(n))
                .map(|f| f.code)
                .collect();
            assert_eq!(from_matrix, from_planner, "{name}: launch #{n}");
            compared += 1;
        }
        assert!(compared > 0 || plan.launches.is_empty(), "{name}");
    }
}
