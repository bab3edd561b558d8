//! Entry point of the web app (wasm32, built by trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    ecs_image_planner::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app is built for wasm32 by trunk: run scripts/serve.sh. The command line is `ecs-image-planner`.");
    std::process::exit(2);
}
