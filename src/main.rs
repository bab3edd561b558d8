//! Entry point of the web app (wasm32, built by trunk), and its wasm split points: what the
//! first screen does not need (the matrix, the guide, the exports' renderer) goes into wasm
//! chunks of their own (`scripts/wasm-split.mjs`), fetched the first time it is used (see
//! `app::lazy`). The split points exist in a build for the splitter only (`cfg(eip_wasm_split)`,
//! set by build.rs when `scripts/env.sh build_app` builds); a bare `trunk build` or `trunk
//! serve` gets the same functions without a split, in one wasm that runs as trunk leaves it.

/// The result of a split point: awaited with the split (the call fetches its chunk), as it is
/// without (the function is an ordinary one, in the one wasm).
#[cfg(all(target_arch = "wasm32", eip_wasm_split))]
macro_rules! loaded {
    ($call:expr) => {
        $call.await
    };
}
#[cfg(all(target_arch = "wasm32", not(eip_wasm_split)))]
macro_rules! loaded {
    ($call:expr) => {
        $call
    };
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use ecs_image_planner::app::OnDemand;
    ecs_image_planner::app::start(OnDemand {
        matrix: || Box::pin(async { loaded!(split::matrix()).ok() }),
        guide: || Box::pin(async { loaded!(split::guide()).ok() }),
        export: |format, plan, report, lang| {
            Box::pin(async move { loaded!(split::export(format, &plan, &report, lang)).ok() })
        },
    });
}

/// The split points (Leptos's `#[lazy]`, with `fallible` so that a chunk that cannot be fetched
/// is an error the page shows rather than a panic). With the split, each becomes an async
/// function that fetches its chunk the first time it is called.
#[cfg(target_arch = "wasm32")]
mod split {
    use ecs_image_planner::app::lazy;
    use ecs_image_planner::core::export::Format;
    use ecs_image_planner::core::i18n::Lang;
    use ecs_image_planner::core::{Plan, Report};
    use leptos::prelude::AnyView;
    use leptos::wasm_split::SplitLoaderError;

    /// The compatibility matrix panel.
    #[cfg_attr(
        eip_wasm_split,
        leptos::wasm_split::wasm_split(matrix, wasm_split_path = ::leptos::wasm_split, fallible)
    )]
    pub fn matrix() -> Result<AnyView, SplitLoaderError> {
        Ok(lazy::matrix())
    }

    /// The image guide panel.
    #[cfg_attr(
        eip_wasm_split,
        leptos::wasm_split::wasm_split(guide, wasm_split_path = ::leptos::wasm_split, fallible)
    )]
    pub fn guide() -> Result<AnyView, SplitLoaderError> {
        Ok(lazy::guide())
    }

    /// The exports' renderer (aliyun CLI script, Terraform, launch plan JSON).
    #[cfg_attr(
        eip_wasm_split,
        leptos::wasm_split::wasm_split(export, wasm_split_path = ::leptos::wasm_split, fallible)
    )]
    pub fn export(
        format: Format,
        plan: &Plan,
        report: &Report,
        lang: Lang,
    ) -> Result<String, SplitLoaderError> {
        Ok(lazy::render_export(format, plan, report, lang))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app is built for wasm32 by trunk: run scripts/serve.sh. The command line is `ecs-image-planner`.");
    std::process::exit(2);
}
