//! Any text into the DescribeImages / DescribeInstanceTypes importers: they must return, never
//! panic, and what they import must be a valid plan.
#![no_main]

use ecs_image_planner::core::import::{detect_and_import, Imported};
use ecs_image_planner::core::parse_plan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let plan = match detect_and_import(text, "cn-hangzhou") {
        Ok(Imported::Images(images)) => serde_json::json!({"version": 1, "images": images}),
        Ok(Imported::InstanceTypes(types)) => {
            serde_json::json!({"version": 1, "instance_types": types})
        }
        Err(_) => return,
    };
    if let Err(err) = parse_plan(&plan.to_string()) {
        panic!("imported items are not a valid plan: {err}");
    }
});
