//! Any text into `link::decode`, both as it is and as the payload of a `p1.` fragment after
//! base64: it must return, never panic, and a plan it accepts must encode and decode the same.
#![no_main]

use base64::Engine;
use ecs_image_planner::core::link;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = link::decode(text);
    }
    let fragment = format!(
        "p1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data)
    );
    if let Ok(plan) = link::decode(&fragment) {
        assert_eq!(link::decode(&link::encode(&plan)), Ok(plan));
    }
});
