//! The values of an operation's request parameters (contract §3, §4.7).
//!
//! A value is literal text, a number or a boolean taken from the plan, or one of two typed
//! values that no text in a plan can become:
//!
//! - an **output**: what an earlier call returns (`ImageId` of `copy-0`), written in JSON as
//!   `{"ref": "copy-0", "field": "ImageId"}`;
//! - an **input**: a value the person running the export supplies (the vSwitch of a launch, the
//!   OSS bucket of an export), written `{"input": "a vSwitch in cn-hangzhou-k"}`;
//! - a **JSON document** that holds an output (the `Parameters` of an OOS execution whose source
//!   image is a planned copy), written `{"json": {"sourceImageId": {"ref": ...}, ...}}`: the
//!   exporters write it as JSON text once the output is known. A document of literals only is
//!   plain JSON text.
//!
//! Plan text is only ever a JSON string, so a string like `${copy-0.ImageId}` in a plan is
//! literal text wherever it goes: exporters quote it, never resolve it.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::i18n::Lang;

/// One request parameter value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Param {
    /// A value an earlier operation returns.
    Output(Output),
    /// A value the person running the export supplies.
    Input(Input),
    /// A JSON object, sent as its text, whose values may be outputs.
    Json(Json),
    /// Literal text, exactly as the plan gives it.
    Text(String),
    /// A literal whole number.
    Number(u64),
    /// A literal boolean.
    Bool(bool),
}

/// The `field` of the response of the earlier operation `operation`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// The operation's id (`copy-0`).
    #[serde(rename = "ref")]
    pub operation: String,
    /// The response field (`ImageId`).
    pub field: String,
}

/// A value no plan holds, asked of the person who runs the export. Two inputs are equal when
/// they ask for the same thing in the text the JSON carries (`input`), whatever their Chinese.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// What to supply, for a person (`a vSwitch in cn-hangzhou-k`): the operations' JSON
    /// carries this English text in every language (CONTRACT §4.8).
    pub input: String,
    /// The same in Simplified Chinese, for the page and the CLI's text in zh-CN; not part of
    /// the JSON (an input read back from JSON shows its English text).
    #[serde(skip)]
    pub zh: Option<String>,
}

impl PartialEq for Input {
    fn eq(&self, other: &Input) -> bool {
        self.input == other.input
    }
}

impl Eq for Input {}

/// A JSON object parameter (sent as JSON text) whose values may be typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Json {
    /// The object's members, in order.
    pub json: Params,
}

impl Param {
    /// The JSON text of `members` when all are literals, else the typed [`Param::Json`].
    pub fn json(members: Params) -> Param {
        if members.iter().all(|(_, v)| v.literal().is_some()) {
            let object: serde_json::Map<String, serde_json::Value> = members
                .iter()
                .map(|(k, v)| (k.to_string(), serde_json::to_value(v).unwrap_or_default()))
                .collect();
            Param::Text(serde_json::Value::Object(object).to_string())
        } else {
            Param::Json(Json { json: members })
        }
    }

    /// The output `field` of operation `operation`.
    pub fn output(operation: impl Into<String>, field: &str) -> Param {
        Param::Output(Output {
            operation: operation.into(),
            field: field.to_string(),
        })
    }

    /// A value to be supplied, described for a person in English and in Chinese.
    pub fn input(english: impl Into<String>, chinese: impl Into<String>) -> Param {
        Param::Input(Input {
            input: english.into(),
            zh: Some(chinese.into()),
        })
    }

    /// The value for a person in `lang`: literals as they are, an output as
    /// `‹ImageId of copy-0›` (`‹copy-0 返回的 ImageId›`), an input as `‹you supply: …›`
    /// (`‹需由您提供：…›`). [`Display`](fmt::Display) is this in English.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            Param::Output(o) => tr!(
                lang,
                format!("‹{} of {}›", o.field, o.operation),
                format!("‹{} 返回的 {}›", o.operation, o.field)
            )
            .into_string(),
            Param::Input(i) => {
                let zh = i.zh.as_deref().unwrap_or(&i.input);
                tr!(
                    lang,
                    format!("‹you supply: {}›", i.input),
                    format!("‹需由您提供：{zh}›")
                )
                .into_string()
            }
            Param::Json(j) => {
                let members: Vec<String> = j
                    .json
                    .iter()
                    .map(|(k, v)| format!("{k:?}: {}", v.text_in(lang)))
                    .collect();
                format!("{{{}}}", members.join(", "))
            }
            other => other.literal().unwrap_or_default(),
        }
    }

    /// The literal text, if this is text.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Param::Text(text) => Some(text),
            _ => None,
        }
    }

    /// A literal as the text an API request carries (`40`, `true`); `None` for an output or an
    /// input.
    pub fn literal(&self) -> Option<String> {
        match self {
            Param::Text(text) => Some(text.clone()),
            Param::Number(n) => Some(n.to_string()),
            Param::Bool(b) => Some(b.to_string()),
            Param::Output(_) | Param::Input(_) | Param::Json(_) => None,
        }
    }
}

/// For people, in English ([`Param::text_in`]): literals as they are, an output as
/// `‹ImageId of copy-0›`, an input as `‹you supply: …›`.
impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl From<&str> for Param {
    fn from(text: &str) -> Param {
        Param::Text(text.to_string())
    }
}

impl From<String> for Param {
    fn from(text: String) -> Param {
        Param::Text(text)
    }
}

impl From<&String> for Param {
    fn from(text: &String) -> Param {
        Param::Text(text.clone())
    }
}

impl From<u32> for Param {
    fn from(n: u32) -> Param {
        Param::Number(n.into())
    }
}

impl From<u64> for Param {
    fn from(n: u64) -> Param {
        Param::Number(n)
    }
}

impl From<bool> for Param {
    fn from(b: bool) -> Param {
        Param::Bool(b)
    }
}

impl PartialEq<str> for Param {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Param {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<bool> for Param {
    fn eq(&self, other: &bool) -> bool {
        *self == Param::Bool(*other)
    }
}

/// An operation's parameters with their API names, in the order they are sent. Serialized as a
/// JSON object in that order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(Vec<(String, Param)>);

impl Params {
    /// No parameters.
    pub fn new() -> Params {
        Params(Vec::new())
    }

    /// Sets `key` (replacing an earlier value of it in place).
    pub fn set(mut self, key: &str, value: impl Into<Param>) -> Params {
        self.insert(key, value.into());
        self
    }

    /// Sets `key` when there is a value.
    pub fn maybe(self, key: &str, value: Option<impl Into<Param>>) -> Params {
        match value {
            Some(value) => self.set(key, value),
            None => self,
        }
    }

    /// Sets `key` (replacing an earlier value of it in place).
    pub fn insert(&mut self, key: &str, value: Param) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, old)) => *old = value,
            None => self.0.push((key.to_string(), value)),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` is set.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Parameter names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Names and values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Param)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many parameters.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No parameter at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Index<&str> for Params {
    type Output = Param;

    fn index(&self, key: &str) -> &Param {
        self.get(key)
            .unwrap_or_else(|| panic!("no parameter {key}"))
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Params, D::Error> {
        struct ParamsVisitor;

        impl<'de> Visitor<'de> for ParamsVisitor {
            type Value = Params;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of request parameters")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Params, A::Error> {
                let mut params = Params::new();
                while let Some((key, value)) = map.next_entry::<String, Param>()? {
                    if params.contains_key(&key) {
                        return Err(de::Error::custom(format!("parameter {key} given twice")));
                    }
                    params.insert(&key, value);
                }
                Ok(params)
            }
        }

        deserializer.deserialize_map(ParamsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_values_have_one_json_form_each() {
        let params = Params::new()
            .set("ImageId", Param::output("copy-0", "ImageId"))
            .set(
                "VSwitchId",
                Param::input("a vSwitch in cn-hangzhou-k", "cn-hangzhou-k 中的交换机"),
            )
            .set("ImageName", "${copy-0.ImageId}")
            .set("Amount", 2u32)
            .set("Encrypted", true);
        let json = serde_json::to_value(&params).unwrap();
        assert_eq!(
            json,
            json!({"ImageId": {"ref": "copy-0", "field": "ImageId"},
                   "VSwitchId": {"input": "a vSwitch in cn-hangzhou-k"},
                   "ImageName": "${copy-0.ImageId}", "Amount": 2, "Encrypted": true})
        );
        let back: Params = serde_json::from_value(json).unwrap();
        assert_eq!(back, params);
        let keys: Vec<&str> = back.keys().collect();
        assert_eq!(
            keys,
            ["ImageId", "VSwitchId", "ImageName", "Amount", "Encrypted"]
        );
    }

    #[test]
    fn text_that_looks_like_a_reference_stays_text() {
        let param: Param = serde_json::from_value(json!("${copy-0.ImageId}")).unwrap();
        assert_eq!(param, Param::Text("${copy-0.ImageId}".into()));
        assert!(serde_json::from_value::<Param>(json!({"ref": "copy-0"})).is_err());
        assert!(
            serde_json::from_value::<Param>(json!({"ref": "a", "field": "b", "x": 1})).is_err()
        );
    }

    #[test]
    fn people_see_what_a_typed_value_means() {
        assert_eq!(
            Param::output("copy-0", "ImageId").to_string(),
            "‹ImageId of copy-0›"
        );
        assert_eq!(Param::from(40u32).to_string(), "40");
    }
}
