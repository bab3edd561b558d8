//! The planner's wasm split (`scripts/wasm-split.mjs`, run by `scripts/env.sh build_app`, which
//! sets `ECS_PLANNER_WASM_SPLIT=1`): links the planner's wasm (`ecs-image-planner-web`) with its
//! relocations kept (`--emit-relocs`), which the splitter needs, and turns on the split points
//! of `src/main.rs` (`cfg(eip_wasm_split)`). Without the variable (a bare `trunk build` or
//! `trunk serve`) the planner is one wasm that needs no step after trunk. Only for wasm32, so
//! that no native build and no dependency changes.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=ECS_PLANNER_WASM_SPLIT");
    println!("cargo::rustc-check-cfg=cfg(eip_wasm_split)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var("ECS_PLANNER_WASM_SPLIT").as_deref() == Ok("1") {
        println!("cargo::rustc-cfg=eip_wasm_split");
        println!("cargo::rustc-link-arg-bin=ecs-image-planner-web=--emit-relocs");
    }
}
