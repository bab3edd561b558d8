//! Share links: the whole plan travels in the URL fragment, so opening a link needs no server
//! and the plan never leaves the browser.
//!
//! # Format (version 1)
//!
//! ```text
//! https://host/path/#p1.<payload>
//! payload = base64url-no-pad( raw-deflate( compact plan JSON ) )
//! ```
//!
//! - The fragment is a list of `&`-separated parts. The plan is the part that starts with
//!   `p<version>.`; other parts (for example a selected tab) are left to the web app and are
//!   ignored here, so `#p1.<payload>&tab=ops` and `#tab=ops&p1.<payload>` both open the plan.
//! - `p1` means: the payload is the plan document v1 (CONTRACT.md §1), serialized as compact
//!   JSON, compressed with raw DEFLATE (RFC 1951, no zlib or gzip header) and encoded with the
//!   URL-safe base64 alphabet (`A-Z a-z 0-9 - _`) without `=` padding (RFC 4648 §5).
//! - A later format gets a new prefix (`p2.`); this version refuses prefixes it does not know
//!   with a message that the link was made by a newer version.
//! - Limits: a fragment over [`MAX_FRAGMENT_BYTES`] (64 KiB) is refused before any decoding,
//!   and decompression stops at [`MAX_PLAN_BYTES`] (1 MiB), so a deflate bomb cannot allocate
//!   without bound. The decoded JSON goes through [`parse_plan`], with all its checks.
//!
//! Links made by this version are kept as golden files in `tests/golden/links/`, and a test
//! decodes each of them, so that every later version still opens them.

use std::fmt;

use super::i18n::Lang;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::TINFLStatus;

use super::model::Plan;
use super::parse::{parse_plan, PlanError, MAX_PLAN_BYTES};

/// The prefix of a version 1 plan part in the fragment.
pub const PREFIX_V1: &str = "p1.";
/// The longest fragment accepted, in bytes, checked before anything is decoded.
pub const MAX_FRAGMENT_BYTES: usize = 64 * 1024;
/// DEFLATE level used when encoding (level 10, miniz_oxide's "uber", gave no shorter links).
const DEFLATE_LEVEL: u8 = 9;

/// Why a fragment does not open as a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment has no `p<version>.` part.
    NoPlan,
    /// The plan part has a version prefix this version does not read (`p9.`).
    UnknownVersion {
        /// The prefix found, without the dot (`p9`).
        prefix: String,
    },
    /// The fragment is longer than [`MAX_FRAGMENT_BYTES`].
    TooLarge {
        /// Its length in bytes.
        bytes: usize,
    },
    /// The payload is not URL-safe base64.
    NotBase64 {
        /// What the decoder found.
        detail: String,
    },
    /// The decoded bytes are not raw DEFLATE data.
    NotDeflate {
        /// What the decompressor found.
        detail: String,
    },
    /// The payload inflates to more than [`MAX_PLAN_BYTES`].
    InflatesTooLarge,
    /// The inflated bytes are not UTF-8 text.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The inflated text is not a valid plan.
    Plan(PlanError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NoPlan => write!(
                f,
                "the link holds no plan: its fragment (after '#') has no part starting with \
                 \"{PREFIX_V1}\"; copy the whole link again, including everything after '#'"
            ),
            LinkError::UnknownVersion { prefix } => write!(
                f,
                "the link's plan is in format \"{prefix}\", which this version does not read \
                 (it reads \"p1\"); it was made by a newer version of ECS Image Planner: \
                 open it there, or export the plan as JSON and import that"
            ),
            LinkError::TooLarge { bytes } => write!(
                f,
                "the link's fragment is {bytes} bytes; links are limited to {MAX_FRAGMENT_BYTES} \
                 bytes (64 KiB): share the plan as a JSON file instead"
            ),
            LinkError::NotBase64 { detail } => write!(
                f,
                "the link's plan is not valid URL-safe base64 ({detail}); the link was probably \
                 cut off or altered: copy it again in full"
            ),
            LinkError::NotDeflate { detail } => write!(
                f,
                "the link's plan does not decompress ({detail}); the link was probably cut off \
                 or altered: copy it again in full"
            ),
            LinkError::InflatesTooLarge => write!(
                f,
                "the link's plan decompresses to more than {MAX_PLAN_BYTES} bytes (1 MiB), the \
                 limit for a plan; it was not made by ECS Image Planner"
            ),
            LinkError::NotUtf8 { offset } => write!(
                f,
                "the link's plan is not UTF-8 text (invalid byte at offset {offset}); it was not \
                 made by ECS Image Planner"
            ),
            LinkError::Plan(err) => write!(f, "the link's plan is not a valid plan: {err}"),
        }
    }
}

impl LinkError {
    /// The reason in `lang` (English is the [`fmt::Display`] text), with a plan's own parse
    /// error inside [`LinkError::Plan`] in `lang` too.
    pub fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            LinkError::NoPlan => format!(
                "链接中没有计划：其片段（“#”之后的部分）中没有以“{PREFIX_V1}”开头的部分；请重新复制完整链接，包括“#”之后的全部内容"
            ),
            LinkError::UnknownVersion { prefix } => format!(
                "链接中的计划格式为“{prefix}”，此版本无法读取（只能读取“p1”）；它由更新版本的 ECS Image Planner 生成：请在那里打开，或将计划导出为 JSON 再导入"
            ),
            LinkError::TooLarge { bytes } => format!(
                "链接片段为 {bytes} 字节；链接最多 {MAX_FRAGMENT_BYTES} 字节（64 KiB）：请改为以 JSON 文件分享计划"
            ),
            LinkError::NotBase64 { detail } => format!(
                "链接中的计划不是有效的 URL 安全 base64（{detail}）；链接可能被截断或改动：请重新完整复制"
            ),
            LinkError::NotDeflate { detail } => format!(
                "链接中的计划无法解压（{detail}）；链接可能被截断或改动：请重新完整复制"
            ),
            LinkError::InflatesTooLarge => format!(
                "链接中的计划解压后超过 {MAX_PLAN_BYTES} 字节（1 MiB，计划的上限）；它不是由 ECS Image Planner 生成的"
            ),
            LinkError::NotUtf8 { offset } => format!(
                "链接中的计划不是 UTF-8 文本（偏移 {offset} 处有无效字节）；它不是由 ECS Image Planner 生成的"
            ),
            LinkError::Plan(err) => format!("链接中的计划无效：{}", err.text(lang)),
        }
    }
}

impl std::error::Error for LinkError {}

/// Encodes a plan as a fragment payload, `p1.<base64url>`, without the leading `#`.
pub fn encode(plan: &Plan) -> String {
    let json = serde_json::to_vec(plan).expect("a plan has only string keys, so it serializes");
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, DEFLATE_LEVEL);
    format!("{PREFIX_V1}{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// A full share link: `base` followed by `#` and the [`encode`]d plan (any fragment already on
/// `base` is replaced), or why the plan cannot travel in a link that [`decode`] opens: it breaks
/// a plan limit ([`LinkError::Plan`]), or its fragment would be over [`MAX_FRAGMENT_BYTES`]
/// ([`LinkError::TooLarge`], whose message says to share the plan as a file instead).
pub fn link(plan: &Plan, base: &str) -> Result<String, LinkError> {
    super::validate::check_storable(plan).map_err(LinkError::Plan)?;
    let fragment = format!("#{}", encode(plan));
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(LinkError::TooLarge {
            bytes: fragment.len(),
        });
    }
    let base = base.split('#').next().unwrap_or(base);
    Ok(format!("{base}{fragment}"))
}

/// Decodes a fragment (with or without its leading `#`, or a whole link) into a checked plan.
/// The limit applies to the fragment, `#` included: a whole link is measured from its `#`.
pub fn decode(fragment: &str) -> Result<Plan, LinkError> {
    let fragment = match fragment.find('#') {
        Some(at) => &fragment[at..],
        None => fragment,
    };
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(LinkError::TooLarge {
            bytes: fragment.len(),
        });
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let part = fragment
        .split('&')
        .map(str::trim)
        .find(|part| version_prefix(part).is_some())
        .ok_or(LinkError::NoPlan)?;
    let payload = match part.strip_prefix(PREFIX_V1) {
        Some(payload) => payload,
        None => {
            return Err(LinkError::UnknownVersion {
                prefix: version_prefix(part).unwrap_or_default().to_string(),
            })
        }
    };
    let deflated = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|err| LinkError::NotBase64 {
            detail: err.to_string(),
        })?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_PLAN_BYTES)
        .map_err(|err| match err.status {
            TINFLStatus::HasMoreOutput => LinkError::InflatesTooLarge,
            status => LinkError::NotDeflate {
                detail: format!("{status:?}"),
            },
        })?;
    let text = std::str::from_utf8(&json).map_err(|err| LinkError::NotUtf8 {
        offset: err.valid_up_to(),
    })?;
    parse_plan(text).map_err(LinkError::Plan)
}

/// The `p<digits>` prefix of a fragment part that carries a plan, if it is one.
fn version_prefix(part: &str) -> Option<&str> {
    let (prefix, _) = part.split_once('.')?;
    let digits = prefix.strip_prefix('p')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(prefix)
}
