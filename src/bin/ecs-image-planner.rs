//! The `ecs-image-planner` command line: checks a plan document (contract §3), lists the
//! rules, and makes share links. Same engine as the web app.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{Parser, Subcommand, ValueEnum};

use ecs_image_planner::catalog_build::{self, page, Snapshots};
use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::item::Item;
use ecs_image_planner::core::rules;
use ecs_image_planner::core::{export, link, planner};
use ecs_image_planner::core::{parse_plan, Date, Plan, Report};

/// Plan which Alibaba Cloud ECS image to launch where, before anything runs.
#[derive(Parser)]
#[command(name = "ecs-image-planner", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a plan: findings, then the API calls it implies. Exit 0: launchable; 1: errors;
    /// 2: not a valid plan.
    Check {
        /// The plan document (JSON, version 1), or `-` for standard input.
        plan: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List every rule code with its severity and what it checks.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print a link that opens the plan in the web app.
    Link {
        /// The plan document (JSON, version 1), or `-` for standard input.
        plan: String,
        /// The web app's address (where `scripts/serve.sh` serves it by default).
        #[arg(long, default_value = "http://127.0.0.1:8080/")]
        base: String,
    },
    /// Export the plan as a launch plan JSON document, an aliyun CLI script or Terraform HCL.
    /// Exit codes as for `check`: the export is written even when the plan has errors.
    Export {
        /// The plan document (JSON, version 1), or `-` for standard input.
        plan: String,
        /// What to write.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
    /// Build the built-in catalog from saved API output, or write the page that describes it.
    Catalog {
        #[command(subcommand)]
        action: CatalogAction,
    },
}

#[derive(Subcommand)]
enum CatalogAction {
    /// Turn saved API output (what scripts/refresh-catalog.sh writes) plus the hand-kept overlay
    /// into the catalog file the binary embeds (src/core/catalog.json). Exit 2 on any input it
    /// cannot vouch for, naming the file and the record.
    Build {
        /// The snapshot directory: DescribeRegions.json, DescribeInstanceTypes.json,
        /// DescribeImages/<region>.json, DescribeAvailableResource/<region>.json, snapshot.json.
        #[arg(long)]
        from: PathBuf,
        /// The hand-kept overlay of documented facts the API does not return.
        #[arg(long, default_value = "catalog/overlay.json")]
        overlay: PathBuf,
        /// Where to write the catalog; standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the page of what the built-in catalog holds and how sure it is of each part
    /// (public/catalog.html).
    Page {
        /// Where to write the page; standard output when absent.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// The plan, its findings and its operations, stamped with app and catalog versions.
    Json,
    /// A bash script of `aliyun ecs ...` commands.
    Aliyun,
    /// Terraform HCL for the alicloud provider.
    Terraform,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For a person.
    Text,
    /// For a program.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { plan, format } => match load(&plan) {
            Ok(parsed) => check(&parsed, format),
            Err(message) => fail(&message),
        },
        Command::Rules { format } => {
            print_rules(format);
            ExitCode::SUCCESS
        }
        Command::Link { plan, base } => match load(&plan) {
            Ok(parsed) => {
                println!("{}", link::link(&parsed, &base));
                ExitCode::SUCCESS
            }
            Err(message) => fail(&message),
        },
        Command::Export { plan, format } => match load(&plan) {
            Ok(parsed) => export(&parsed, format),
            Err(message) => fail(&message),
        },
        Command::Catalog { action } => match catalog(action) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => fail(&format!("error: {message}")),
        },
    }
}

fn export(plan: &Plan, format: ExportFormat) -> ExitCode {
    let report = planner::check_builtin(plan, today());
    let format = match format {
        ExportFormat::Json => export::Format::LaunchPlan,
        ExportFormat::Aliyun => export::Format::Aliyun,
        ExportFormat::Terraform => export::Format::Terraform,
    };
    let text = format.render(plan, &report);
    println!("{}", text.trim_end());
    if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `catalog build` and `catalog page`.
fn catalog(action: CatalogAction) -> Result<(), String> {
    let (text, out) = match action {
        CatalogAction::Build { from, overlay, out } => {
            let snapshots = Snapshots::read_dir(&from)?;
            let overlay = std::fs::read_to_string(&overlay)
                .map_err(|e| format!("cannot read {}: {e}", overlay.display()))?;
            let text = catalog_build::build(&snapshots, &overlay)?.to_text();
            // What the binary would embed must load.
            Catalog::from_json(&text)
                .map_err(|e| format!("the built catalog does not load: {e}"))?;
            (text, out)
        }
        CatalogAction::Page { out } => (page::render(Catalog::builtin()), out),
    };
    match out {
        Some(path) => {
            std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(2)
}

/// Reads and parses a plan from a file or `-` (stdin); the error names the place.
fn load(source: &str) -> Result<Plan, String> {
    let text = if source == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("error: cannot read the plan from standard input: {e}"))?;
        text
    } else {
        std::fs::read_to_string(source).map_err(|e| format!("error: cannot read {source}: {e}"))?
    };
    let name = if source == "-" { "<stdin>" } else { source };
    parse_plan(&text).map_err(|e| format!("error: {name} is not a valid plan: {e}"))
}

fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

fn check(plan: &Plan, format: Format) -> ExitCode {
    let report = planner::check_builtin(plan, today());
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("a report serializes")
        ),
        Format::Text => print!("{}", render_text(plan, &report)),
    }
    if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn render_text(plan: &Plan, report: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (item, findings) in report.by_item() {
        let _ = writeln!(
            out,
            "== {} ==",
            if item == Item::Plan {
                "/".to_string()
            } else {
                item.to_string()
            }
        );
        for f in findings {
            let _ = writeln!(out, "{}[{}]: {}", f.severity.as_str(), f.code, f.message);
            let _ = writeln!(out, "  --> {}", f.path);
            let _ = writeln!(out, "  = help: {}", f.help);
            if let Some(fix) = &f.fix {
                let _ = writeln!(out, "  = fix: {}", fix.label());
            }
            let _ = writeln!(out, "  = doc: {}", f.doc);
            for evidence in &f.evidence {
                let _ = writeln!(out, "  = evidence: {evidence}");
            }
        }
        out.push('\n');
    }
    if report.findings.is_empty() {
        out.push_str("No findings.\n\n");
    }
    if !report.operations.is_empty() {
        let heading = if report.ok {
            "Operations"
        } else {
            "Operations (not runnable until the errors above are fixed)"
        };
        let _ = writeln!(out, "{heading}:");
        for (n, op) in report.operations.iter().enumerate() {
            let params: Vec<String> = op
                .params
                .iter()
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => format!("{k}={s}"),
                    other => format!("{k}={other}"),
                })
                .collect();
            let _ = writeln!(
                out,
                "  {:>2}. {:<12} {} {}",
                n + 1,
                op.id,
                op.api,
                params.join(" ")
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", planner::summary(plan, report));
    out
}

fn print_rules(format: Format) {
    let all: Vec<&rules::Rule> = rules::all().collect();
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&all).expect("rules serialize")
        ),
        Format::Text => {
            for rule in all {
                println!(
                    "{:<8} {:<31} {}",
                    rule.severity.as_str(),
                    rule.code,
                    rule.summary
                );
            }
        }
    }
}
