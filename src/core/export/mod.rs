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

pub use aliyun::{aliyun_cli, aliyun_cli_in, RUN_WITH_ERRORS};
pub use launch_plan::launch_plan_json;
pub use terraform::{terraform, terraform_in};

use super::catalog::Catalog;
use super::i18n::{Lang, Term};
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

    /// What the page calls it, in each language.
    pub fn title(self) -> Term {
        match self {
            Format::LaunchPlan => Term::new("Launch plan (JSON)", "启动计划（JSON）"),
            Format::Aliyun => Term::new("aliyun CLI script", "aliyun CLI 脚本"),
            Format::Terraform => Term::new("Terraform (alicloud)", "Terraform（alicloud）"),
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
        self.render_in(plan, report, Lang::En)
    }

    /// [`Format::render`] with comments in `lang` (the report's findings are in the language
    /// it was checked in); API names, parameters and values never change with the language.
    pub fn render_in(self, plan: &Plan, report: &Report, lang: Lang) -> String {
        match self {
            Format::LaunchPlan => launch_plan_json(
                plan,
                report,
                env!("CARGO_PKG_VERSION"),
                &Catalog::builtin().as_of_text(),
            ),
            Format::Aliyun => {
                let errors = report.count(crate::core::Severity::Error);
                aliyun::stop_on_plan_errors(aliyun_cli_in(&report.operations, lang), errors, lang)
            }
            Format::Terraform => terraform_in(&report.operations, lang),
        }
    }
}
