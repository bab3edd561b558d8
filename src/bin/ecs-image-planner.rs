//! The `ecs-image-planner` command line.

fn main() {
    eprintln!("not built yet");
    std::process::exit(2);
}
