//! The plan files one `check` names: paths, globs (`plans/**/*.json`, expanded here so that
//! every shell and CI runner sees the same files) and `-` for standard input; each read,
//! parsed and checked on its own, so one bad file does not hide the verdicts of the others.

use std::io::Read;
use std::path::Path;

use crate::core::catalog::Catalog;
use crate::core::i18n::Lang;
use crate::core::{parse_plan, planner, Date, Plan, PlanError, Report};
use crate::tr;

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
    /// checked), naming the file and the place, in `lang`.
    pub fn error(&self, lang: Lang) -> Option<String> {
        let failure = self.outcome.as_ref().err()?;
        Some(failure.message(&self.name, self.stdin, lang))
    }
}

impl Failure {
    /// The error line for the file `name`, naming the place and the fix, in `lang` (a
    /// reason the operating system gives stays as it gave it).
    pub fn message(&self, name: &str, stdin: bool, lang: Lang) -> String {
        match self {
            Failure::Unreadable(reason) if stdin => tr!(
                lang,
                format!("error: cannot read the plan from standard input: {reason}"),
                format!("错误：无法从标准输入读取计划：{reason}")
            ),
            Failure::Unreadable(reason) => tr!(
                lang,
                format!("error: cannot read {name}: {reason}"),
                format!("错误：无法读取 {name}：{reason}")
            ),
            Failure::Invalid(error) => {
                let why = error.text(lang);
                tr!(
                    lang,
                    format!("error: {name} is not a valid plan: {why}"),
                    format!("错误：{name} 不是有效的计划：{why}")
                )
            }
            Failure::NoMatch => {
                let why = self.reason(lang);
                tr!(
                    lang,
                    format!("error: {name}: {why}"),
                    format!("错误：{name}：{why}")
                )
            }
        }
        .into_string()
    }

    /// What is wrong with the file, for a line that names it first, in `lang`.
    pub fn reason(&self, lang: Lang) -> String {
        match self {
            Failure::NoMatch => tr!(
                lang,
                "no file matches this pattern: name plan files, or a glob such as plans/**/*.json",
                "没有与此模式匹配的文件：请指定计划文件，或使用 plans/**/*.json 这样的通配符"
            ),
            Failure::Unreadable(reason) => tr!(
                lang,
                format!("cannot be read: {reason}"),
                format!("无法读取：{reason}")
            ),
            Failure::Invalid(error) => {
                let why = error.text(lang);
                tr!(
                    lang,
                    format!("not a valid plan: {why}"),
                    format!("不是有效的计划：{why}")
                )
            }
        }
        .into_string()
    }
}

/// Reads and parses one plan, a file or `-`; the error, in `lang`, names the place.
pub fn load(arg: &str, lang: Lang) -> Result<Plan, String> {
    let stdin = arg == STDIN;
    let name = if stdin { "<stdin>" } else { arg };
    read_plan(name, stdin)
        .1
        .map_err(|failure| failure.message(name, stdin, lang))
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
/// Messages and help are in `lang`.
pub fn check_all(args: &[String], today: Date, lang: Lang) -> Vec<PlanFile> {
    let mut files: Vec<PlanFile> = Vec::new();
    let named = |files: &mut Vec<PlanFile>, name: String, stdin: bool| {
        if !files
            .iter()
            .any(|file| file.name == name && file.stdin == stdin)
        {
            files.push(check_one(name, stdin, today, lang));
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

fn check_one(name: String, stdin: bool, today: Date, lang: Lang) -> PlanFile {
    let (text, plan) = read_plan(&name, stdin);
    PlanFile {
        name,
        stdin,
        text,
        outcome: plan.map(|plan| {
            let report = planner::check_in(&plan, Catalog::builtin(), today, lang);
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
