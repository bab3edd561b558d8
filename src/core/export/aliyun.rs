//! The plan's API calls as a bash script of `aliyun ecs <Api> --Param=value` commands.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::text::{comment_text, identifier};
use crate::core::i18n::Lang;
use crate::core::param::{Param, Params};
use crate::core::report::Operation;

mod pipeline;

/// The script's opening comment in Chinese.
const HEADER_ZH: &str = "\
#!/usr/bin/env bash
# ECS Image Planner 计划的阿里云 CLI 命令，每个 API 调用一条命令，按顺序执行。
# 需要 aliyun CLI（请先运行 `aliyun configure`）和 jq。字面值均用单引号括起。
# 前一个调用返回的值（复制或创建的镜像 ID）保存在 shell 变量中，脚本会等该镜像变为 Available 后再使用。
# 运行前请先查看计划的检查结果：这些调用会创建、共享和删除资源。
set -euo pipefail
";

const HEADER: &str = "\
#!/usr/bin/env bash
# Alibaba Cloud CLI commands for an ECS Image Planner plan, one command per API call, in order.
# Needs the aliyun CLI (run `aliyun configure` first) and jq. Literal values are single-quoted.
# A value that an earlier call returns (the ID of a copied or created image) is captured into a
# shell variable, and the script waits until that image is Available before it is used.
# Review the plan's findings before running: these calls create, share and delete resources.
set -euo pipefail
";

/// The waiting helper's comments in Chinese, in the order of [`WAIT`]'s.
const WAIT_ZH: [(&str, &str); 2] = [
    (
        "# Minutes to wait for each created or copied image to become Available. Copy time depends on
# \"the image size, network transmission speed, and the number of concurrent tasks in the queue\"
# (CopyImage API reference): a large image takes hours. Set IMAGE_WAIT_MINUTES to change it.",
        "# 等待每个创建或复制的镜像变为 Available 的分钟数。复制耗时取决于镜像大小、网络传输速度和
# 队列中的并发任务数（CopyImage API 参考）：大镜像需要数小时。可设置 IMAGE_WAIT_MINUTES 修改。",
    ),
    (
        "# wait_for_image REGION IMAGE_ID: polls until the image is Available; fails when the image
# failed, or when IMAGE_WAIT_MINUTES have passed. Each `--waiter` call lasts at most 600 s,
# the aliyun CLI's limit.",
        "# wait_for_image REGION IMAGE_ID：轮询直到镜像变为 Available；镜像创建失败或超过
# IMAGE_WAIT_MINUTES 时失败退出。每次 `--waiter` 调用最长 600 秒（aliyun CLI 的上限）。",
    ),
];

/// A text of the script in `lang`: the English one, or its comments replaced by Chinese.
fn localized(english: &str, zh: &[(&str, &str)], lang: Lang) -> String {
    match lang {
        Lang::En => english.to_string(),
        Lang::ZhCn => zh
            .iter()
            .fold(english.to_string(), |text, (en, zh)| text.replace(en, zh)),
    }
}

/// The waiting helper: the aliyun CLI's `--waiter` gives up after at most 600 s, and a copy of
/// a large image takes far longer, so the wait repeats it within an overall budget.
const WAIT: &str = "
# Minutes to wait for each created, imported or copied image to become Available. Copy time depends on
# \"the image size, network transmission speed, and the number of concurrent tasks in the queue\"
# (CopyImage API reference): a large image takes hours. Set IMAGE_WAIT_MINUTES to change it.
IMAGE_WAIT_MINUTES=${IMAGE_WAIT_MINUTES:-360}

# wait_for_image REGION IMAGE_ID: polls until the image is Available; fails when the image
# failed, or when IMAGE_WAIT_MINUTES have passed. Each `--waiter` call lasts at most 600 s,
# the aliyun CLI's limit.
wait_for_image() {
  local rounds=$(( (IMAGE_WAIT_MINUTES * 60 + 599) / 600 )) round status
  for (( round = 0; round < rounds; round++ )); do
    if aliyun ecs DescribeImages --RegionId=\"$1\" --ImageId=\"$2\" \\
      --Status='Creating,Waiting,Available,UnAvailable,CreateFailed' \\
      --waiter expr='Images.Image[0].Status' to=Available timeout=600 interval=10 > /dev/null 2>&1; then
      return 0
    fi
    status=$(aliyun ecs DescribeImages --RegionId=\"$1\" --ImageId=\"$2\" \\
      --Status='Creating,Waiting,Available,UnAvailable,CreateFailed' \\
      | jq -r '.Images.Image[0].Status // \"not found\"')
    case $status in
      Creating|Waiting) ;;
      *) echo \"image $2 in $1 is $status, not Available: stopping\" >&2; return 1 ;;
    esac
  done
  echo \"image $2 in $1 is not Available after $IMAGE_WAIT_MINUTES minutes: stopping\" >&2
  return 1
}
";

/// A bash script that makes the operations' API calls with the `aliyun` CLI.
///
/// Every argument is `--Name=value` (the CLI would read a separate value that starts with `-`
/// as a flag), with literal values single-quoted (an embedded `'` becomes `'\''`), so every
/// literal reaches the API exactly and none can run a command. An [`Param::Output`] becomes a
/// shell variable captured from the earlier command's JSON output with `jq -er`; an
/// [`Param::Input`] becomes an environment variable that the script checks, before any call,
/// is set.
pub fn aliyun_cli(ops: &[Operation]) -> String {
    aliyun_cli_in(ops, Lang::En)
}

/// The environment variable that runs a script whose plan has errors anyway.
pub const RUN_WITH_ERRORS: &str = "ECS_PLANNER_RUN_WITH_ERRORS";

/// `script` (from [`aliyun_cli_in`]) made to stop before its first call when the plan it was
/// exported from has `errors` error findings: those calls would fail at Alibaba Cloud or do
/// what the plan did not mean. Setting [`RUN_WITH_ERRORS`] to 1 runs it anyway.
pub fn stop_on_plan_errors(script: String, errors: usize, lang: Lang) -> String {
    if errors == 0 {
        return script;
    }
    let (comment, message) = match lang {
        Lang::En => (
            format!(
                "# The planner found {} in this plan: fix the plan and export again, or set\n\
                 # {RUN_WITH_ERRORS}=1 to run these calls anyway.",
                crate::core::i18n::count_en(errors, "error", "errors")
            ),
            format!(
                "ecs-image-planner: this plan has {}: fix it and export again (or set {RUN_WITH_ERRORS}=1 to run it anyway)",
                crate::core::i18n::count_en(errors, "error", "errors")
            ),
        ),
        Lang::ZhCn => (
            format!(
                "# 规划器在此计划中发现 {errors} 个错误：请修正计划后重新导出，或设置\n\
                 # {RUN_WITH_ERRORS}=1 以仍然执行这些调用。"
            ),
            format!(
                "ecs-image-planner：此计划有 {errors} 个错误：请修正后重新导出（或设置 {RUN_WITH_ERRORS}=1 仍然执行）"
            ),
        ),
    };
    let guard = format!(
        "{comment}\nif [ \"${{{RUN_WITH_ERRORS}:-}}\" != 1 ]; then\n  echo {} >&2\n  exit 1\nfi\n",
        shell_word(&message)
    );
    let at = script
        .find("set -euo pipefail\n")
        .map_or(0, |at| at + "set -euo pipefail\n".len());
    let mut script = script;
    script.insert_str(at, &guard);
    script
}

/// [`aliyun_cli`] with its comments in `lang`; commands, API names and values are the same.
pub fn aliyun_cli_in(ops: &[Operation], lang: Lang) -> String {
    let wanted = referenced_fields(ops);
    let mut script = String::from(match lang {
        Lang::En => HEADER,
        Lang::ZhCn => HEADER_ZH,
    });
    script.push_str(&inputs(ops, lang));
    if ops.iter().any(|op| waits(op, &wanted)) {
        script.push_str(&localized(WAIT, &WAIT_ZH, lang));
    }
    for op in ops {
        let _ = writeln!(
            script,
            "\n# {}: {}",
            comment_text(&op.id),
            comment_text(op.api)
        );
        let product = op.product.unwrap_or("ecs");
        let mut command = format!("aliyun {} {}", shell_word(product), shell_word(op.api));
        for (name, value) in op.params.iter() {
            let _ = write!(command, " \\\n  {}", argument(&op.id, name, value));
        }
        let fields = wanted.get(op.id.as_str());
        if op.api == "StartImagePipelineExecution" && fields.is_some_and(|f| !f.is_empty()) {
            script.push_str(&pipeline::run_and_wait(
                op,
                &command,
                fields.into_iter().flatten(),
            ));
            continue;
        }
        match fields.map(|f| f.iter().collect::<Vec<_>>()).as_deref() {
            None | Some([]) => {
                script.push_str(&command);
                script.push('\n');
            }
            Some([field]) => {
                let _ = writeln!(
                    script,
                    "{}=$({command} | jq -er {})",
                    variable(&op.id, field),
                    shell_word(&format!(".{field}"))
                );
            }
            Some(fields) => {
                let whole = variable(&op.id, "");
                let _ = writeln!(script, "{whole}=$({command})");
                for field in fields {
                    let _ = writeln!(
                        script,
                        "{}=$(printf '%s' \"${whole}\" | jq -er {})",
                        variable(&op.id, field),
                        shell_word(&format!(".{field}"))
                    );
                }
            }
        }
        if waits(op, &wanted) {
            if let Some(region) = image_region(op) {
                let _ = writeln!(
                    script,
                    "wait_for_image {} \"${}\"",
                    argument_value(&op.id, "", region),
                    variable(&op.id, "ImageId")
                );
            }
        }
    }
    script
}

/// Checks, before any call, that every value the person running the script supplies is set.
fn inputs(ops: &[Operation], lang: Lang) -> String {
    let mut out = String::new();
    for op in ops {
        for (name, value) in op.params.iter() {
            let Param::Input(input) = value else { continue };
            if out.is_empty() {
                out.push_str(&localized(REQUIRE, &REQUIRE_ZH, lang));
            }
            let _ = writeln!(
                out,
                "require {} {}",
                variable(&op.id, name),
                single_quote(&format!("{} (for {} {name})", input.input, op.id))
            );
        }
    }
    out
}

/// [`REQUIRE`]'s comment in Chinese.
const REQUIRE_ZH: [(&str, &str); 1] = [(
    "# Values only you know: set these environment variables first. Nothing runs until all are set.",
    "# 只有您知道的值：请先设置这些环境变量。全部设置之前不会执行任何调用。",
)];

/// The check of the values the person running the script supplies.
const REQUIRE: &str = "
# Values only you know: set these environment variables first. Nothing runs until all are set.
require() {
  if [ -z \"${!1:-}\" ]; then
    printf 'set %s to %s\\n' \"$1\" \"$2\" >&2
    exit 2
  fi
}
";

/// For each operation id, the response fields later operations refer to.
fn referenced_fields(ops: &[Operation]) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut wanted: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    fn visit<'a>(params: &'a Params, wanted: &mut BTreeMap<&'a str, BTreeSet<&'a str>>) {
        for (_, value) in params.iter() {
            match value {
                Param::Output(output) => {
                    wanted
                        .entry(output.operation.as_str())
                        .or_default()
                        .insert(output.field.as_str());
                }
                Param::Json(json) => visit(&json.json, wanted),
                _ => {}
            }
        }
    }
    for op in ops {
        visit(&op.params, &mut wanted);
    }
    wanted
}

/// Whether the script waits after `op` for the image it makes: a later call uses that image.
fn waits(op: &Operation, wanted: &BTreeMap<&str, BTreeSet<&str>>) -> bool {
    image_region(op).is_some()
        && wanted
            .get(op.id.as_str())
            .is_some_and(|fields| fields.contains("ImageId"))
}

/// The region where CreateImage, ImportImage or CopyImage makes its image.
fn image_region(op: &Operation) -> Option<&Param> {
    match op.api {
        "CopyImage" => op.params.get("DestinationRegionId"),
        "CreateImage" | "ImportImage" => op.params.get("RegionId"),
        _ => None,
    }
}

/// `COPY_0_IMAGEID` for (`copy-0`, `ImageId`); `COPY_0` for the whole output.
fn variable(op: &str, field: &str) -> String {
    let raw = if field.is_empty() {
        op.to_string()
    } else {
        format!("{op}_{field}")
    };
    identifier(&raw).to_uppercase()
}

/// `--Name=value` as one shell word. An empty literal is `--Name ''`: the CLI reads
/// `--Name=` as a flag still waiting for its value.
fn argument(op: &str, name: &str, value: &Param) -> String {
    if value.literal().is_some_and(|text| text.is_empty()) {
        return format!("{} ''", shell_word(&format!("--{name}")));
    }
    format!(
        "{}{}",
        shell_word(&format!("--{name}=")),
        argument_value(op, name, value)
    )
}

/// A parameter value as (part of) one shell word: a literal single-quoted, an output or an
/// input as its variable in double quotes, a JSON document made by `jq` from its members.
fn argument_value(op: &str, name: &str, value: &Param) -> String {
    match value {
        Param::Output(output) => format!("\"${}\"", variable(&output.operation, &output.field)),
        Param::Input(_) => format!("\"${}\"", variable(op, name)),
        Param::Json(json) => json_document(op, name, &json.json),
        literal => single_quote(&literal.literal().unwrap_or_default()),
    }
}

/// `"$(jq -cn --arg v0 ... '{"key": $v0, ...}')"`: every member value is a `jq --arg` (so a
/// string, exactly as given), never spliced into the program text.
fn json_document(op: &str, name: &str, members: &Params) -> String {
    let mut args = String::new();
    let mut fields = Vec::new();
    for (n, (key, value)) in members.iter().enumerate() {
        let _ = write!(args, " --arg v{n} {}", argument_value(op, name, value));
        fields.push(format!("{}: $v{n}", serde_json::Value::from(key)));
    }
    let program = format!("{{{}}}", fields.join(", "));
    format!("\"$(jq -cn{args} {})\"", single_quote(&program))
}

/// A word left bare when it is plainly safe (`CopyImage`, `--SystemDisk.Size=`), else quoted.
fn shell_word(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'='));
    if safe {
        word.to_string()
    } else {
        single_quote(word)
    }
}

/// POSIX single quoting: nothing inside is special except `'`, written `'\''`.
fn single_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}
