//! Any bytes into `parse_plan`: it must return, never panic, overflow or hang. A plan it accepts
//! must read back the same after serializing.
#![no_main]

use ecs_image_planner::core::parse_plan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(plan) = parse_plan(text) {
        let again = serde_json::to_string(&plan).expect("an accepted plan serializes");
        assert_eq!(parse_plan(&again), Ok(plan));
    }
});
