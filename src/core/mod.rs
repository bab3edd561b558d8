//! The pure planning engine. Nothing in here touches the browser or the file system.

// First, so that every module after it can write `tr!`.
#[macro_use]
pub mod i18n;
pub mod accounts;
pub mod answer;
pub mod catalog;
pub mod date;
pub mod embed;
pub mod enum_text;
pub mod evidence;
pub mod export;
pub mod fix;
pub mod guide;
pub mod history;
pub mod import;
pub mod item;
pub mod json_zh;
pub mod ledger;
pub mod lifecycle;
pub mod link;
pub mod matrix;
pub mod model;
pub mod ops;
pub mod param;
pub mod parse;
pub mod pipeline;
pub mod planner;
pub mod pointer;
pub mod position;
pub mod report;
pub mod resolve;
pub mod rules;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod validate;
pub mod visible;
pub mod workload;

pub use date::Date;
pub use model::Plan;
pub use parse::{parse_plan, PlanError};
pub use report::{Finding, Operation, Report, Severity};
