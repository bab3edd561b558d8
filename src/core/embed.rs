//! Embed mode: the options a documentation page passes in the iframe URL, and the messages the
//! host page may send. Parsing is strict: anything not in the documented shape is ignored or
//! refused with a message, never acted on.

use super::i18n::{Lang, Term};
use super::model::Platform;

/// How an embedded planner behaves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EmbedMode {
    /// A read-only answer to one question (which images fit this type, where can this image launch).
    #[default]
    Compact,
    /// The same answer, with controls to change region, type or image.
    Interactive,
}

/// The colour theme an embed follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme` of the frame.
    #[default]
    Auto,
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
}

impl Theme {
    /// Parses `light`, `dark` or `auto`.
    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }
}

/// Options of an embedded planner, from the query string (`?embed=1&region=cn-hangzhou&...`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Compact (read-only) or interactive.
    pub mode: EmbedMode,
    /// Preselected region ID.
    pub region: Option<String>,
    /// Preselected instance type ID.
    pub instance_type: Option<String>,
    /// Preselected image ID.
    pub image: Option<String>,
    /// Preselected image family: its newest Available image in the region (RunInstances
    /// `ImageFamily`), when no image is given.
    pub family: Option<String>,
    /// Only images of this platform.
    pub platform: Option<Platform>,
    /// Colour theme.
    pub theme: Theme,
}

/// The query parameters [`EmbedOptions::from_query`] reads; every other one is ignored.
pub const PARAMETERS: [&str; 10] = [
    "embed",
    "mode",
    "region",
    "type",
    "instance_type",
    "image",
    "family",
    "image_family",
    "platform",
    "theme",
];

/// Longest value accepted for one embed parameter.
const MAX_PARAM_CHARS: usize = 200;

impl EmbedOptions {
    /// Reads embed options from decoded query pairs. Returns `Ok(None)` when `embed` is not
    /// `1` (the page is not embedded), and an error in `lang` naming the parameter for a bad
    /// value.
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        lang: Lang,
    ) -> Result<Option<EmbedOptions>, String> {
        let bad = |key: &str, value: &str, expected: Term| bad(key, value, expected, lang);
        let mut embedded = false;
        let mut options = EmbedOptions::default();
        for (key, value) in pairs {
            if value.chars().count() > MAX_PARAM_CHARS {
                return Err(tr!(
                    lang,
                    format!(
                        "embed parameter \"{key}\" is longer than {MAX_PARAM_CHARS} characters"
                    ),
                    format!("嵌入参数“{key}”超过 {MAX_PARAM_CHARS} 个字符")
                )
                .into_string());
            }
            let id = || (!value.is_empty()).then(|| value.to_string());
            match key {
                "embed" => embedded = value == "1",
                "mode" => {
                    options.mode = match value {
                        "compact" => EmbedMode::Compact,
                        "interactive" => EmbedMode::Interactive,
                        _ => {
                            return Err(bad(
                                key,
                                value,
                                Term::new("compact or interactive", "compact 或 interactive"),
                            ))
                        }
                    }
                }
                "region" => options.region = id(),
                "type" | "instance_type" => options.instance_type = id(),
                "image" => options.image = id(),
                "family" | "image_family" => options.family = id(),
                "platform" => {
                    options.platform = match value {
                        "linux" => Some(Platform::Linux),
                        "windows" => Some(Platform::Windows),
                        _ => {
                            return Err(bad(
                                key,
                                value,
                                Term::new("linux or windows", "linux 或 windows"),
                            ))
                        }
                    }
                }
                "theme" => {
                    options.theme = Theme::parse(value).ok_or_else(|| {
                        bad(
                            key,
                            value,
                            Term::new("light, dark or auto", "light、dark 或 auto"),
                        )
                    })?
                }
                _ => {}
            }
        }
        Ok(embedded.then_some(options))
    }
}

fn bad(key: &str, value: &str, expected: Term, lang: Lang) -> String {
    tr!(
        lang,
        format!(
            "embed parameter \"{key}\" is \"{value}\"; expected {}",
            expected.en
        ),
        format!("嵌入参数“{key}”的值为“{value}”；应为 {}", expected.zh)
    )
    .into_string()
}

/// A message from the host page. The only documented shape is
/// `{"type": "ecs-image-planner:theme", "theme": "light" | "dark" | "auto"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// Follow the host's colour theme.
    SetTheme(Theme),
}

/// The `type` of the theme message from the host.
pub const THEME_MESSAGE: &str = "ecs-image-planner:theme";
/// The `type` of the height message the embed posts to its host.
pub const HEIGHT_MESSAGE: &str = "ecs-image-planner:height";

impl HostMessage {
    /// Reads a host message from its JSON value; anything else is `None` and ignored.
    pub fn parse(value: &serde_json::Value) -> Option<HostMessage> {
        let fields = value.as_object()?;
        if fields.len() != 2 || fields.get("type")?.as_str()? != THEME_MESSAGE {
            return None;
        }
        Theme::parse(fields.get("theme")?.as_str()?).map(HostMessage::SetTheme)
    }
}

/// The HTML a documentation page pastes to embed the answer to one question (README "Embed it
/// in documentation pages"): a placeholder and the `embed.js` of the planner at `planner_url`
/// (the page URL; its query and file name are dropped).
pub fn snippet(
    planner_url: &str,
    region: &str,
    image: Option<&str>,
    instance_type: Option<&str>,
) -> String {
    let base = planner_url.split(['?', '#']).next().unwrap_or("");
    let dir = match base.rfind('/') {
        Some(at) => &base[..=at],
        None => base,
    };
    let attr = |name: &str, value: &str| {
        let escaped = value
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;");
        format!(" data-{name}=\"{escaped}\"")
    };
    let mut placeholder = String::from("<div data-ecs-image-planner");
    placeholder.push_str(&attr("region", region));
    if let Some(image) = image {
        placeholder.push_str(&attr("image", image));
    }
    if let Some(instance_type) = instance_type {
        placeholder.push_str(&attr("type", instance_type));
    }
    format!("{placeholder}></div>\n<script src=\"{dir}embed.js\" defer></script>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_listed_parameter_is_read() {
        for key in PARAMETERS {
            let value = if key == "embed" {
                "2"
            } else {
                "not-a-valid-value"
            };
            let result = EmbedOptions::from_query([("embed", "1"), (key, value)], Lang::En);
            let changed = match result {
                Err(_) => true,
                Ok(options) => options != Some(EmbedOptions::default()),
            };
            assert!(changed, "{key} is listed but not read");
        }
    }

    #[test]
    fn not_embedded_without_embed_1() {
        assert_eq!(
            EmbedOptions::from_query([("region", "cn-hangzhou")], Lang::En),
            Ok(None)
        );
        assert_eq!(
            EmbedOptions::from_query([("embed", "0")], Lang::En),
            Ok(None)
        );
    }

    #[test]
    fn reads_every_documented_parameter() {
        let options = EmbedOptions::from_query(
            [
                ("embed", "1"),
                ("mode", "interactive"),
                ("region", "ap-southeast-1"),
                ("type", "ecs.g8y.large"),
                ("image", "aliyun_3_arm64_20G_alibase_20240819.vhd"),
                ("platform", "linux"),
                ("theme", "dark"),
                ("utm_source", "ignored"),
            ],
            Lang::En,
        )
        .unwrap()
        .unwrap();
        assert_eq!(options.mode, EmbedMode::Interactive);
        assert_eq!(options.region.as_deref(), Some("ap-southeast-1"));
        assert_eq!(options.instance_type.as_deref(), Some("ecs.g8y.large"));
        assert_eq!(options.platform, Some(Platform::Linux));
        assert_eq!(options.theme, Theme::Dark);
    }

    #[test]
    fn bad_values_name_the_parameter() {
        let err =
            EmbedOptions::from_query([("embed", "1"), ("mode", "full")], Lang::En).unwrap_err();
        assert!(
            err.contains("\"mode\"") && err.contains("compact or interactive"),
            "{err}"
        );
        let long = "x".repeat(300);
        let err = EmbedOptions::from_query([("embed", "1"), ("region", long.as_str())], Lang::En)
            .unwrap_err();
        assert!(err.contains("\"region\""), "{err}");
    }

    #[test]
    fn only_the_documented_host_message_is_accepted() {
        let ok = json!({"type": THEME_MESSAGE, "theme": "dark"});
        assert_eq!(
            HostMessage::parse(&ok),
            Some(HostMessage::SetTheme(Theme::Dark))
        );
        for bad in [
            json!("ecs-image-planner:theme"),
            json!({"type": THEME_MESSAGE}),
            json!({"type": THEME_MESSAGE, "theme": "<script>"}),
            json!({"type": THEME_MESSAGE, "theme": "dark", "plan": {"version": 1}}),
            json!({"type": "other", "theme": "dark"}),
            json!([THEME_MESSAGE, "dark"]),
            json!(null),
        ] {
            assert_eq!(HostMessage::parse(&bad), None, "{bad}");
        }
    }

    #[test]
    fn a_snippet_names_the_question_and_the_planners_embed_script() {
        let html = snippet(
            "https://planner.example/tools/?x=1",
            "ap-southeast-1",
            Some("aliyun_3_x64_20G_alibase_20240819.vhd"),
            None,
        );
        assert_eq!(
            html,
            "<div data-ecs-image-planner data-region=\"ap-southeast-1\" data-image=\"aliyun_3_x64_20G_alibase_20240819.vhd\"></div>\n<script src=\"https://planner.example/tools/embed.js\" defer></script>"
        );
        let html = snippet(
            "https://p.example/index.html",
            "cn-hangzhou",
            None,
            Some("a\"<b"),
        );
        assert!(html.contains("data-type=\"a&quot;&lt;b\""), "{html}");
        assert!(html.contains("https://p.example/embed.js"), "{html}");
    }
}
