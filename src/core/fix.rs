//! Mechanical fixes: plan edits that resolve a finding, offered as buttons in the web app.

use serde::Serialize;

/// A change to the plan that resolves one finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Fix {}
