//! The languages of the product's texts (CONTRACT §4.8: `--lang en|zh-CN`).
//!
//! Every text a person reads is written in every language at the place that builds it, with
//! [`tr!`]: `tr!(lang, english, chinese)` is an exhaustive `match` on [`Lang`], so a text
//! without its translation does not compile. Findings take [`Text`], which only [`tr!`]
//! makes, so a rule cannot hand a bare English `String` to a finding. Adding a language is
//! one variant here, one arm in [`tr!`] and [`Term`], and the compiler then lists every text
//! still to translate.

use std::fmt;
use std::str::FromStr;

/// A language the planner speaks. Codes, paths, operations, API names and values never change
/// with it; messages, help, labels and comments do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (`en`), the default.
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`), with the terms of the Alibaba Cloud console.
    ZhCn,
}

impl Lang {
    /// Every language, in the order a switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The language's tag: `en`, `zh-CN`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, as a switch shows it.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// The first supported language among a browser's preferred tags (`navigator.languages`):
    /// any `zh` tag but the traditional ones (`zh-TW`, `zh-HK`, `zh-Hant`) is Simplified
    /// Chinese, any `en` tag English; `None` when no tag matches.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(|tag| {
            let tag = tag.trim().to_ascii_lowercase();
            let mut parts = tag.split(['-', '_']);
            match parts.next()? {
                "en" => Some(Lang::En),
                "zh" if !parts.any(|p| matches!(p, "tw" | "hk" | "mo" | "hant")) => {
                    Some(Lang::ZhCn)
                }
                _ => None,
            }
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language tag the planner does not speak.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language \"{}\": use en or zh-CN", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// `en` or `zh-CN` (case-insensitive; `zh`, `zh-Hans` and `zh_CN` too).
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        match tag.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            "zh-cn" | "zh" | "zh-hans" | "zh-hans-cn" => Ok(Lang::ZhCn),
            _ => Err(UnknownLang(tag.to_string())),
        }
    }
}

/// A text in the reader's language, made by [`tr!`] with every language given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(String);

impl Text {
    /// Wraps a text [`tr!`] chose; use [`tr!`], not this.
    #[doc(hidden)]
    pub fn chosen(text: impl Into<String>) -> Self {
        Text(text.into())
    }

    /// The text edited by `edit`, which must keep it in its language (it replaces an ID by a
    /// phrase [`tr!`] made in the same language, for example).
    pub fn map(self, edit: impl FnOnce(String) -> String) -> Self {
        Text(edit(self.0))
    }

    /// The text.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The text, borrowed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A short word or phrase in every language (a field's name in a message), for constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese.
    pub zh: &'static str,
}

impl Term {
    /// The term in both languages.
    pub const fn new(en: &'static str, zh: &'static str) -> Self {
        Term { en, zh }
    }

    /// The term in `lang`, as a [`Text`].
    pub fn text(self, lang: Lang) -> Text {
        Text(self.get(lang).to_string())
    }

    /// The term in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::ZhCn => self.zh,
        }
    }
}

/// A text in `lang`: `tr!(lang, english, chinese)`, each any expression that turns into a
/// `String` (a literal or a `format!`); only the chosen one is evaluated. The result is a
/// [`Text`].
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        $crate::core::i18n::Text::chosen(match $lang {
            $crate::core::i18n::Lang::En => $en,
            $crate::core::i18n::Lang::ZhCn => $zh,
        })
    };
}

/// "1 error", "2 errors": an English count with its noun in the right number.
pub fn count_en(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A count in `lang`: English singular or plural, Chinese number and measure word ("3 个错误").
pub fn count(lang: Lang, n: usize, one: &str, many: &str, zh: &str) -> String {
    match lang {
        Lang::En => count_en(n, one, many),
        Lang::ZhCn => format!("{n} {zh}"),
    }
}

/// A list joined for `lang`: "a, b" in English, "a、b" in Chinese.
pub fn join(lang: Lang, items: &[impl AsRef<str>]) -> String {
    let sep = match lang {
        Lang::En => ", ",
        Lang::ZhCn => "、",
    };
    items
        .iter()
        .map(|item| item.as_ref())
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_negotiate() {
        for lang in Lang::ALL {
            assert_eq!(lang.as_str().parse::<Lang>(), Ok(lang));
        }
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::negotiate(["fr-FR", "zh-CN", "en"]), Some(Lang::ZhCn));
        assert_eq!(Lang::negotiate(["zh-TW", "en-US"]), Some(Lang::En));
        assert_eq!(Lang::negotiate(["de"]), None);
        assert_eq!(tr!(Lang::ZhCn, "a", "甲").as_str(), "甲");
        assert_eq!(count(Lang::En, 1, "error", "errors", "个错误"), "1 error");
        assert_eq!(
            count(Lang::ZhCn, 2, "error", "errors", "个错误"),
            "2 个错误"
        );
    }
}
