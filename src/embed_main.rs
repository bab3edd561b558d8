//! Entry point of `embed.html` (wasm32, built by trunk): only the embedded planner, so that a
//! documentation page loads a much smaller wasm than the full planner's.

#[cfg(target_arch = "wasm32")]
fn main() {
    ecs_image_planner::app::start_embed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The embed is built for wasm32 by trunk (embed.html): run scripts/serve.sh.");
    std::process::exit(2);
}
