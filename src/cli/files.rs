//! The plan files one `check` names: paths, globs (`plans/**/*.json`, expanded here so that
//! every shell and CI runner sees the same files) and `-` for standard input; each read,
//! parsed and checked on its own, so one bad file does not hide the verdicts of the others.

use std::io::Read;
use std::path::Path;

use crate::core::{parse_plan, planner, Date, Plan, PlanError, Report};

/// The name that stands for standard input on the command line.
pub const STDIN: &str = "-";

/// One plan file and what checking it gave.
pub struct PlanFile {
    /// The file as the command line named it (a glob's match as the glob found it), or
    /// `<stdin>`.
    pub name: String,
    /// Whether it was read from standard input.
    pub stdin: bool,
    /// Its text, when it could be read.
    pub text: Option<String>,
    /// The plan and its report, or why there is none.
    pub outcome: Result<(Plan, Report), Failure>,
}

/// Why a file named on the command line has no report (exit code 2).
#[derive(Debug)]
pub enum Failure {
    /// A glob that matches no file.
    NoMatch,
    /// The file cannot be read (or the glob is malformed); the reason.
    Unreadable(String),
    /// The text is not a valid plan document v1.
    Invalid(PlanError),
}

impl PlanFile {
    /// The one-line error the command line prints for a failed file (`None` when it was
    /// checked), naming the file and the place.
    pub fn error(&self) -> Option<String> {
        let failure = self.outcome.as_ref().err()?;
        Some(failure.message(&self.name, self.stdin))
    }
}

impl Failure {
    /// The error line for the file `name`, naming the place and the fix.
    pub fn message(&self, name: &str, stdin: bool) -> String {
        match self {
            Failure::Unreadable(reason) if stdin => {
                format!("error: cannot read the plan from standard input: {reason}")
            }
            Failure::Unreadable(reason) => format!("error: cannot read {name}: {reason}"),
            Failure::Invalid(error) => format!("error: {name} is not a valid plan: {error}"),
            Failure::NoMatch => format!("error: {name}: {}", self.reason()),
        }
    }

    /// What is wrong with the file, for a line that names it first.
    pub fn reason(&self) -> String {
        match self {
            Failure::NoMatch => {
                "no file matches this pattern: name plan files, or a glob such as plans/**/*.json"
                    .into()
            }
            Failure::Unreadable(reason) => format!("cannot be read: {reason}"),
            Failure::Invalid(error) => format!("not a valid plan: {error}"),
        }
    }
}

/// Reads and parses one plan, a file or `-`; the error names the place.
pub fn load(arg: &str) -> Result<Plan, String> {
    let stdin = arg == STDIN;
    let name = if stdin { "<stdin>" } else { arg };
    read_plan(name, stdin)
        .1
        .map_err(|failure| failure.message(name, stdin))
}

/// The text of a plan file or of standard input, when it can be read, and the plan in it.
fn read_plan(name: &str, stdin: bool) -> (Option<String>, Result<Plan, Failure>) {
    let text = if stdin {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(name)
    };
    match text {
        Err(error) => (None, Err(Failure::Unreadable(error.to_string()))),
        Ok(text) => {
            let plan = parse_plan(&text).map_err(Failure::Invalid);
            (Some(text), plan)
        }
    }
}

/// Whether an argument is a pattern rather than a file name: it holds a glob character and
/// names no existing file as written.
pub fn is_pattern(arg: &str) -> bool {
    arg.contains(['*', '?', '[']) && !Path::new(arg).exists()
}

/// Reads and checks every plan the arguments name, in the order named (a glob's matches in
/// its sorted order), each file once. Lifecycle rules use each plan's `as_of`, else `today`.
pub fn check_all(args: &[String], today: Date) -> Vec<PlanFile> {
    let mut files: Vec<PlanFile> = Vec::new();
    let named = |files: &mut Vec<PlanFile>, name: String, stdin: bool| {
        if !files
            .iter()
            .any(|file| file.name == name && file.stdin == stdin)
        {
            files.push(check_one(name, stdin, today));
        }
    };
    for arg in args {
        if arg == STDIN {
            named(&mut files, "<stdin>".into(), true);
        } else if is_pattern(arg) {
            match glob::glob(arg) {
                Err(error) => files.push(failed(arg, Failure::Unreadable(error.to_string()))),
                Ok(paths) => {
                    let mut matched = false;
                    for path in paths {
                        match path {
                            Ok(path) if path.is_dir() => {}
                            Ok(path) => {
                                matched = true;
                                named(&mut files, path.display().to_string(), false);
                            }
                            Err(error) => {
                                matched = true;
                                files.push(failed(
                                    &error.path().display().to_string(),
                                    Failure::Unreadable(error.error().to_string()),
                                ));
                            }
                        }
                    }
                    if !matched {
                        files.push(failed(arg, Failure::NoMatch));
                    }
                }
            }
        } else {
            named(&mut files, arg.clone(), false);
        }
    }
    files
}

fn failed(name: &str, failure: Failure) -> PlanFile {
    PlanFile {
        name: name.to_string(),
        stdin: false,
        text: None,
        outcome: Err(failure),
    }
}

fn check_one(name: String, stdin: bool, today: Date) -> PlanFile {
    let (text, plan) = read_plan(&name, stdin);
    PlanFile {
        name,
        stdin,
        text,
        outcome: plan.map(|plan| {
            let report = planner::check_builtin(&plan, today);
            (plan, report)
        }),
    }
}

/// The exit code of a `check` of these files (contract §3, for each file): 2 when any is not a
/// valid plan (or cannot be read, or a glob matches nothing), else 1 when any has an error
/// finding, else 0.
pub fn exit_code(files: &[PlanFile]) -> u8 {
    if files.iter().any(|file| file.outcome.is_err()) {
        2
    } else if files
        .iter()
        .any(|file| matches!(&file.outcome, Ok((_, report)) if !report.ok))
    {
        1
    } else {
        0
    }
}
