//! What checking a plan produces: findings (contract §2) and the API calls it implies (§3).

use serde::Serialize;

use super::catalog::Evidence;
use super::fix::Fix;
use super::item::Item;
use super::ledger::Ledger;

/// How bad a finding is. A plan with no `Error` can launch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks the plan: the API call would fail.
    Error,
    /// Works, but probably not what the user wants.
    Warning,
    /// Worth knowing (fees, support).
    Info,
}

impl Severity {
    /// The lowercase word the contract uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One verdict about one plan item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Rule code from the contract (`arch-mismatch`).
    pub code: &'static str,
    /// Severity of the rule.
    pub severity: Severity,
    /// JSON Pointer to the plan item or field (`/launches/0`).
    pub path: String,
    /// What is wrong, with the actual values.
    pub message: String,
    /// What to do.
    pub help: String,
    /// Official Alibaba Cloud documentation.
    pub doc: &'static str,
    /// A mechanical change to the plan that resolves the finding, where one exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// The catalog facts the verdict rests on, each with its source and the date seen
    /// ("ecs.u1-c1m1.large boots BIOS only: Alibaba Cloud boot-mode table, seen 2023-12-05").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Finding {
    /// The finding with the catalog facts it rests on.
    pub fn with_evidence(self, evidence: Vec<Evidence>) -> Finding {
        Finding { evidence, ..self }
    }
}

/// One Alibaba Cloud API call the plan implies, in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Operation {
    /// Stable name of the call within the plan (`copy-0`), for references from later calls.
    pub id: String,
    /// API name (`CopyImage`).
    pub api: &'static str,
    /// The product whose API it is, when not ECS (`oos` for StartExecution), CONTRACT §4.6.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<&'static str>,
    /// Request parameters with their API names, in order; a value an earlier call returns is
    /// a typed [`Param::Output`](super::param::Param::Output), never text.
    pub params: super::param::Params,
}

/// The result of checking a plan: the CLI's `--format json` output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// No error finding.
    pub ok: bool,
    /// Every finding, in plan order.
    pub findings: Vec<Finding>,
    /// The ordered API calls.
    pub operations: Vec<Operation>,
    /// Quota usage as the plan goes, which the quota rules read (not part of the JSON output).
    #[serde(skip)]
    pub ledger: Ledger,
}

impl Report {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The findings grouped by the plan item they are about, items in the order their first
    /// finding comes, findings in plan order within each.
    pub fn by_item(&self) -> Vec<(Item, Vec<&Finding>)> {
        let mut groups: Vec<(Item, Vec<&Finding>)> = Vec::new();
        // Where each item's group is: a plan at the limits has a thousand of them.
        let mut index: std::collections::HashMap<Item, usize> = std::collections::HashMap::new();
        for finding in &self.findings {
            let item = Item::of_path(&finding.path);
            let at = *index.entry(item).or_insert_with(|| {
                groups.push((item, Vec::new()));
                groups.len() - 1
            });
            groups[at].1.push(finding);
        }
        groups
    }
}
