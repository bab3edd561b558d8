//! Links the planner's wasm (`ecs-image-planner-web`) with its relocations kept
//! (`--emit-relocs`): `scripts/wasm-split.mjs` needs them to move the Leptos `#[lazy]` panels
//! into chunks of their own. Only that binary and only for wasm32, so that no other build and
//! no dependency changes.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=ecs-image-planner-web=--emit-relocs");
    }
}
