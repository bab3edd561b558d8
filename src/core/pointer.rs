//! The JSON Pointer of the value at a line and column of a JSON text, for error messages.
//!
//! serde_json reports where it stopped (line and column) but not in which field. Rather than
//! wrap every deserializer (serde_path_to_error doubles the size of the plan reader in the
//! wasm), this scanner walks the text up to that place and names the member it is in.

/// Where serde_json stopped, as a JSON Pointer (`/launches/0/amount`). `missing` is true for
/// "missing field" errors, which serde_json reports at the end of the object that lacks it:
/// the pointer is then the object's own.
pub fn pointer_at(text: &str, line: usize, column: usize, missing: bool) -> String {
    let offset = offset_of(text, line, column);
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
        frames: Vec::new(),
        opened_at: Vec::new(),
    };
    scanner.scan_until(offset);
    // An error right after an opening bracket is about the container itself (a wrong type).
    if scanner
        .opened_at
        .last()
        .is_some_and(|&start| start + 1 == offset)
    {
        scanner.frames.pop();
    }
    let depth = scanner.frames.len();
    let mut pointer = String::new();
    for (at, frame) in scanner.frames.iter().enumerate() {
        match frame {
            Frame::Array(index) => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            // A missing field is reported inside the object that lacks it.
            Frame::Object(Some(_)) if missing && at + 1 == depth => {}
            Frame::Object(Some(key)) => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Frame::Object(None) => {}
        }
    }
    pointer
}

/// Byte offset of a 1-based line and column (serde_json counts columns in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(at) => start += at + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

enum Frame {
    /// In an array, at this element.
    Array(usize),
    /// In an object, in the member with this key (once its key is read).
    Object(Option<String>),
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    frames: Vec<Frame>,
    /// Byte offset of each open frame's bracket.
    opened_at: Vec<usize>,
}

impl Scanner<'_> {
    fn scan_until(&mut self, offset: usize) {
        let mut expect_key = false;
        while self.at < offset && self.at < self.bytes.len() {
            match self.bytes[self.at] {
                b'{' => {
                    self.frames.push(Frame::Object(None));
                    self.opened_at.push(self.at);
                    expect_key = true;
                    self.at += 1;
                }
                b'[' => {
                    self.frames.push(Frame::Array(0));
                    self.opened_at.push(self.at);
                    self.at += 1;
                }
                b'}' | b']' => {
                    self.frames.pop();
                    self.opened_at.pop();
                    self.at += 1;
                }
                b',' => {
                    match self.frames.last_mut() {
                        Some(Frame::Array(index)) => *index += 1,
                        Some(Frame::Object(_)) => expect_key = true,
                        None => {}
                    }
                    self.at += 1;
                }
                b'"' => {
                    let text = self.string();
                    if expect_key {
                        if let Some(Frame::Object(key)) = self.frames.last_mut() {
                            *key = Some(text);
                        }
                        expect_key = false;
                    }
                }
                _ => self.at += 1,
            }
        }
    }

    /// Reads a string starting at its opening quote, returning its (unescaped) text.
    fn string(&mut self) -> String {
        let start = self.at;
        self.at += 1;
        while self.at < self.bytes.len() {
            match self.bytes[self.at] {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    break;
                }
                _ => self.at += 1,
            }
        }
        let end = self.at.min(self.bytes.len());
        let raw = String::from_utf8_lossy(&self.bytes[start..end]);
        serde_json::from_str(&raw).unwrap_or_else(|_| raw.trim_matches('"').to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pointer serde_json's own error position leads to, for a text read as T.
    fn pointer_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let err = serde_json::from_str::<T>(text).unwrap_err();
        let missing = err.to_string().starts_with("missing field");
        pointer_at(text, err.line(), err.column(), missing)
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        #[serde(default)]
        size: u32,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        #[serde(default)]
        items: Vec<Item>,
        #[serde(default)]
        title: String,
    }

    #[test]
    fn wrong_types_point_at_the_member() {
        let text = "{\"title\": \"t\",\n \"items\": [{\"name\": \"a\"}, {\"name\": \"b\", \"size\": \"big\"}]}";
        assert_eq!(pointer_of_error::<Doc>(text), "/items/1/size");
        assert_eq!(
            pointer_of_error::<Doc>(r#"{"items": [{"name": 5}]}"#),
            "/items/0/name"
        );
        assert_eq!(
            pointer_of_error::<Doc>(r#"{"items": [{"name": "x", "tags": ["a", 7]}]}"#),
            "/items/0/tags/1"
        );
        assert_eq!(pointer_of_error::<Doc>(r#"{"title": {"a": 1}}"#), "/title");
    }

    #[test]
    fn unknown_and_missing_fields() {
        assert_eq!(
            pointer_of_error::<Doc>(r#"{"items": [{"name": "x", "colour": 1}]}"#),
            "/items/0/colour"
        );
        assert_eq!(
            pointer_of_error::<Doc>(r#"{"items": [{"name": "x"}, {"size": 2}]}"#),
            "/items/1"
        );
        assert_eq!(
            pointer_of_error::<Doc>(r#"{"items": [], "x/~y": 1}"#),
            "/x~1~0y"
        );
    }

    #[test]
    fn escaped_keys_and_strings_do_not_confuse_the_scan() {
        let text = r#"{"items": [{"name": "a \"quoted\", [comma]", "size": -1}]}"#;
        assert_eq!(pointer_of_error::<Doc>(text), "/items/0/size");
    }

    #[test]
    fn top_level_errors_have_the_empty_pointer() {
        assert_eq!(pointer_of_error::<Doc>("true"), "");
        assert_eq!(pointer_of_error::<Doc>("{\"items\": 5}"), "/items");
        assert_eq!(pointer_at("", 1, 1, false), "");
        assert_eq!(pointer_at("{}", 99, 99, false), "");
    }
}
