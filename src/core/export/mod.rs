//! Turning a checked plan into something that runs elsewhere: an `aliyun` CLI script, a
//! Terraform configuration, or a launch-plan JSON document.
//!
//! All exporters work on the ordered [`Operation`](crate::core::report::Operation)s of a
//! report. A parameter value is a typed [`Param`](crate::core::param::Param): literal text goes
//! out as exactly that text, an output of an earlier operation becomes the exporter's own kind
//! of reference (a shell variable, a resource attribute), and an input becomes a value the
//! person running the export supplies (an environment variable, a Terraform variable). No
//! exporter looks for references inside text.

mod aliyun;
mod launch_plan;
mod terraform;
mod text;

pub use aliyun::aliyun_cli;
pub use launch_plan::launch_plan_json;
pub use terraform::terraform;

use super::catalog::Catalog;
use super::model::Plan;
use super::report::Report;

/// A format a checked plan exports to; the web app and the command line offer the same ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The plan, its findings and its operations, stamped with app and catalog versions.
    LaunchPlan,
    /// A bash script of `aliyun ecs ...` commands.
    Aliyun,
    /// Terraform HCL for the alicloud provider.
    Terraform,
}

impl Format {
    /// Every format, in the order the page lists them.
    pub const ALL: [Format; 3] = [Format::LaunchPlan, Format::Aliyun, Format::Terraform];

    /// Short name: the command line's `--format` value and the page's element IDs.
    pub fn id(self) -> &'static str {
        match self {
            Format::LaunchPlan => "json",
            Format::Aliyun => "aliyun",
            Format::Terraform => "terraform",
        }
    }

    /// What the page calls it.
    pub fn title(self) -> &'static str {
        match self {
            Format::LaunchPlan => "Launch plan (JSON)",
            Format::Aliyun => "aliyun CLI script",
            Format::Terraform => "Terraform (alicloud)",
        }
    }

    /// File name and MIME type of a download.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::LaunchPlan => ("ecs-launch-plan.json", "application/json"),
            Format::Aliyun => ("ecs-launch-plan.sh", "text/x-shellscript"),
            Format::Terraform => ("ecs-launch-plan.tf", "text/plain"),
        }
    }

    /// The export of `plan`, given its `report` (from the planner).
    pub fn render(self, plan: &Plan, report: &Report) -> String {
        match self {
            Format::LaunchPlan => launch_plan_json(
                plan,
                report,
                env!("CARGO_PKG_VERSION"),
                &Catalog::builtin().as_of_text(),
            ),
            Format::Aliyun => aliyun_cli(&report.operations),
            Format::Terraform => terraform(&report.operations),
        }
    }
}
