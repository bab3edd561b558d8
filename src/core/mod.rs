//! The pure planning engine. Nothing in here touches the browser or the file system.

pub mod catalog;
pub mod date;
pub mod export;
pub mod fix;
pub mod import;
pub mod link;
pub mod model;
pub mod parse;
pub mod report;
pub mod validate;

pub use date::Date;
pub use model::Plan;
pub use parse::{parse_plan, PlanError};
pub use report::{Finding, Operation, Report, Severity};
