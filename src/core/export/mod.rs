//! Turning a checked plan into something that runs elsewhere: an `aliyun` CLI script, a
//! Terraform configuration, or a launch-plan JSON document.
//!
//! All exporters work on the ordered [`Operation`](crate::core::report::Operation)s of a report. A parameter value written
//! `${<operation id>.<Field>}` (for example `${copy-0.ImageId}`) is the `Field` returned by the
//! earlier operation `<operation id>`; each exporter turns it into its own kind of reference.

mod aliyun;
mod launch_plan;
mod terraform;
mod text;

pub use aliyun::aliyun_cli;
pub use launch_plan::launch_plan_json;
pub use terraform::terraform;
