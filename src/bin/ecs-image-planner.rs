//! The `ecs-image-planner` command line: checks plan documents (contract §3), lists the
//! rules, makes share links and prints the plan's JSON Schema. Same engine as the web app.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{Parser, Subcommand, ValueEnum};

use ecs_image_planner::catalog_build::{self, page, Snapshots};
use ecs_image_planner::cli::files;
use ecs_image_planner::cli::{output, sarif};
use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::i18n::{Lang, UnknownLang};
use ecs_image_planner::core::visible::visible;
use ecs_image_planner::core::{export, link, planner};
use ecs_image_planner::core::{rules, schema};
use ecs_image_planner::core::{Date, Plan, Report};
use ecs_image_planner::tr;

/// Plan which Alibaba Cloud ECS image to launch where, before anything runs.
#[derive(Parser)]
#[command(name = "ecs-image-planner", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check plans: findings, then the API calls each implies. With several files or globs,
    /// the findings of each (at file:line:column) and one summary line per file. Exit 0: every
    /// plan launchable; 1: errors in any; 2: any input not a valid plan (or not readable).
    Check {
        /// Plan documents (JSON, version 1): files, globs such as `plans/**/*.json` (quoted, so
        /// that the planner expands them), or `-` for standard input.
        #[arg(required = true, value_name = "PLAN")]
        plans: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Language of messages, help and the text output: `en` or `zh-CN` (codes, paths and
        /// operations are the same in both).
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
    },
    /// List every rule code with its severity and what it checks.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print a link that opens the plan in the web app. Exit 1, with the reason, when the plan
    /// is too large for a link the app opens (share the JSON file instead); 2: not a valid plan.
    Link {
        /// The plan document (JSON, version 1), or `-` for standard input.
        plan: String,
        /// The web app's address (where `scripts/serve.sh` serves it by default).
        #[arg(long, default_value = "http://127.0.0.1:8080/")]
        base: String,
        /// Language of the error when no link can carry the plan: `en` or `zh-CN`. The link is
        /// the same in both: it opens in its reader's language.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Print the JSON Schema of the plan document v1 (`schema/plan-v1.schema.json`), for
    /// editors and validators.
    Schema,
    /// Export the plan as a launch plan JSON document, an aliyun CLI script or Terraform HCL.
    /// Exit codes as for `check`: the export is written even when the plan has errors.
    Export {
        /// The plan document (JSON, version 1), or `-` for standard input.
        plan: String,
        /// What to write.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Language of the findings and the comments: `en` or `zh-CN`. API names, parameters
        /// and values are the same in both.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
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

/// `--lang`: `en` or `zh-CN`.
fn parse_lang(tag: &str) -> Result<Lang, String> {
    tag.parse().map_err(|e: UnknownLang| e.to_string())
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
enum CheckFormat {
    /// For a person.
    Text,
    /// For a program: the report of contract §3 (an array of them, each with its `file`, for
    /// several files).
    Json,
    /// SARIF 2.1.0, for code review (GitHub code scanning, GitLab, Azure DevOps).
    Sarif,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For a person.
    Text,
    /// For a program.
    Json,
}

/// A closed pipe ends the program quietly, as it ends `cat` or `grep`: Rust ignores SIGPIPE,
/// so without this the first print after `| head` has read enough panicked with "failed
/// printing to stdout: Broken pipe".
#[cfg(unix)]
fn end_quietly_on_a_closed_pipe() {
    // SAFETY: restores the default action of one signal before any thread starts; no Rust
    // code relies on SIGPIPE being ignored here.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    #[cfg(unix)]
    end_quietly_on_a_closed_pipe();
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            plans,
            format,
            lang,
        } => check(&plans, format, lang),
        Command::Schema => {
            print!("{}", schema::plan_schema_text());
            ExitCode::SUCCESS
        }
        Command::Rules { format } => {
            print_rules(format);
            ExitCode::SUCCESS
        }
        Command::Link { plan, base, lang } => match files::load(&plan, lang) {
            Ok(parsed) => {
                match link::link(&parsed, &base) {
                    Ok(url) => println!("{url}"),
                    // A valid plan that no link can carry: the page would refuse to open it.
                    Err(err) => {
                        let reason = err.text(lang);
                        eprintln!(
                            "{}",
                            visible(&match lang {
                                Lang::En => format!("error: {reason}"),
                                Lang::ZhCn => format!("错误：{reason}"),
                            })
                        );
                        return ExitCode::from(1);
                    }
                }
                ExitCode::SUCCESS
            }
            Err(message) => fail(&message),
        },
        Command::Export { plan, format, lang } => match files::load(&plan, lang) {
            Ok(parsed) => export(&parsed, format, lang),
            Err(message) => fail(&message),
        },
        Command::Catalog { action } => match catalog(action) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => fail(&format!("error: {message}")),
        },
    }
}

fn export(plan: &Plan, format: ExportFormat, lang: Lang) -> ExitCode {
    let report = planner::check_in(plan, Catalog::builtin(), today(), lang);
    let format = match format {
        ExportFormat::Json => export::Format::LaunchPlan,
        ExportFormat::Aliyun => export::Format::Aliyun,
        ExportFormat::Terraform => export::Format::Terraform,
    };
    let text = format.render_in(plan, &report, lang);
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
    eprintln!("{}", visible(message));
    ExitCode::from(2)
}

fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

fn check(args: &[String], format: CheckFormat, lang: Lang) -> ExitCode {
    let checked = files::check_all(args, today(), lang);
    let single = args.len() == 1 && !files::is_pattern(&args[0]) && checked.len() == 1;
    match format {
        CheckFormat::Sarif => {
            let root = std::env::current_dir().ok();
            let log = sarif::log(&checked, root.as_deref());
            println!(
                "{}",
                serde_json::to_string_pretty(&log).expect("a SARIF log serializes")
            );
            for error in checked.iter().filter_map(|file| file.error(lang)) {
                eprintln!("{}", visible(&error.to_string()));
            }
        }
        // One plan named: the output of contract §3, the error alone on stderr.
        _ if single => match &checked[0].outcome {
            Ok((_, report)) if format == CheckFormat::Json => println!(
                "{}",
                serde_json::to_string_pretty(report).expect("a report serializes")
            ),
            Ok((plan, report)) => print!("{}", render_text(plan, report, lang)),
            Err(_) => eprintln!("{}", visible(&checked[0].error(lang).unwrap_or_default())),
        },
        CheckFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&output::several_json(&checked))
                .expect("reports serialize")
        ),
        CheckFormat::Text => print!("{}", output::several_text(&checked, lang)),
    }
    ExitCode::from(files::exit_code(&checked))
}

fn render_text(plan: &Plan, report: &Report, lang: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (item, findings) in report.by_item() {
        let _ = writeln!(out, "== {} ==", visible(&output::item_label(item)));
        for f in findings {
            output::write_finding(&mut out, f, &f.path, lang);
        }
        out.push('\n');
    }
    if report.findings.is_empty() {
        out.push_str(tr!(lang, "No findings.\n\n", "没有发现问题。\n\n").as_str());
    }
    if !report.operations.is_empty() {
        let heading = if report.ok {
            tr!(lang, "Operations:", "操作：")
        } else {
            tr!(
                lang,
                "Operations (not runnable until the errors above are fixed):",
                "操作（修正上面的错误之前不能执行）："
            )
        };
        let _ = writeln!(out, "{heading}");
        for (n, op) in report.operations.iter().enumerate() {
            let params: Vec<String> = op
                .params
                .iter()
                .map(|(k, v)| format!("{k}={}", visible(&v.to_string())))
                .collect();
            let _ = writeln!(
                out,
                "  {:>2}. {:<12} {} {}",
                n + 1,
                visible(&op.id),
                op.product
                    .map_or_else(|| op.api.to_string(), |p| format!("{p} {}", op.api)),
                params.join(" ")
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", visible(&planner::summary_in(plan, report, lang)));
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
