//! Where the value a JSON Pointer names sits in a JSON text, as lines and columns: the inverse
//! of [`super::pointer::pointer_at`], for reports that point into the plan file as written
//! (SARIF locations, `file:line:column` in the command line).

/// A place in a text: 1-based line, and 1-based column counted in characters (Unicode code
/// points), as SARIF's `unicodeCodePoints` column kind and editors count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// The text a pointer names: from the member's key (or an element's first character) to the
/// end of its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Where it starts.
    pub start: Position,
    /// Just past its last character.
    pub end: Position,
}

/// The span of the value at `pointer` in `text`, a JSON document. An object member's span
/// starts at its key. Where the pointer goes on past what the text holds (a field left out,
/// as `value-missing` reports it, or an index past the end), the span is that of the deepest
/// value that exists on its way: the object that lacks the field. `None` only when `text` holds
/// no JSON value at all.
pub fn span_of(text: &str, pointer: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, 0);
    if at >= bytes.len() {
        return None;
    }
    let mut start = at;
    let segments = pointer
        .strip_prefix('/')
        .map(|rest| rest.split('/').map(unescape).collect::<Vec<_>>())
        .unwrap_or_default();
    for segment in &segments {
        match child(bytes, at, segment) {
            Some((member, value)) => {
                start = member;
                at = value;
            }
            None => break,
        }
    }
    let end = skip_value(bytes, at);
    Some(Span {
        start: position(text, start),
        end: position(text, end),
    })
}

/// `~1` is `/` and `~0` is `~` in a pointer segment (RFC 6901).
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The line and column of a byte offset.
fn position(text: &str, offset: usize) -> Position {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// In the container whose value starts at `at`, the member or element `segment`: the offset
/// where it starts (its key, for a member) and where its value starts.
fn child(bytes: &[u8], at: usize, segment: &str) -> Option<(usize, usize)> {
    match bytes.get(at)? {
        b'{' => {
            let mut cursor = skip_space(bytes, at + 1);
            while bytes.get(cursor) == Some(&b'"') {
                let key_start = cursor;
                let key_end = skip_string(bytes, cursor);
                let key: String =
                    serde_json::from_slice(&bytes[key_start..key_end]).unwrap_or_default();
                cursor = skip_space(bytes, key_end);
                if bytes.get(cursor) != Some(&b':') {
                    return None;
                }
                let value = skip_space(bytes, cursor + 1);
                if key == segment {
                    return Some((key_start, value));
                }
                cursor = skip_space(bytes, skip_value(bytes, value));
                if bytes.get(cursor) != Some(&b',') {
                    return None;
                }
                cursor = skip_space(bytes, cursor + 1);
            }
            None
        }
        b'[' => {
            let index: usize = segment.parse().ok()?;
            let mut cursor = skip_space(bytes, at + 1);
            if bytes.get(cursor) == Some(&b']') {
                return None;
            }
            for _ in 0..index {
                cursor = skip_space(bytes, skip_value(bytes, cursor));
                if bytes.get(cursor) != Some(&b',') {
                    return None;
                }
                cursor = skip_space(bytes, cursor + 1);
            }
            Some((cursor, cursor))
        }
        _ => None,
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// Just past the string whose opening quote is at `at`.
fn skip_string(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Just past the value that starts at `at` (no recursion: nesting is counted).
fn skip_value(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => {
                at = skip_string(bytes, at);
                if depth == 0 {
                    return at;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return at;
                }
                depth -= 1;
                if depth == 0 {
                    return at + 1;
                }
            }
            b',' | b':' if depth == 0 => return at,
            byte if depth == 0 && byte.is_ascii_whitespace() => return at,
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    const PLAN: &str = r#"{
  "version": 1,
  "name": "ünï \"quoted\" [x]",
  "launches": [
    {"region": "cn-hangzhou", "amount": 2},
    {
      "region": "cn-beijing",
      "system_disk": {"size_gib": 20}
    }
  ],
  "a/b~c": true
}"#;

    #[test]
    fn members_start_at_their_key_and_end_after_their_value() {
        let span = span_of(PLAN, "/version").unwrap();
        assert_eq!((span.start, span.end), (at(2, 3), at(2, 15)));
        let span = span_of(PLAN, "/launches/0/amount").unwrap();
        assert_eq!((span.start, span.end), (at(5, 31), at(5, 42)));
        let span = span_of(PLAN, "/launches/1/system_disk/size_gib").unwrap();
        assert_eq!(span.start, at(8, 23));
    }

    #[test]
    fn elements_span_their_value() {
        let span = span_of(PLAN, "/launches/1").unwrap();
        assert_eq!((span.start, span.end), (at(6, 5), at(9, 6)));
        let span = span_of(PLAN, "/launches").unwrap();
        assert_eq!((span.start, span.end), (at(4, 3), at(10, 4)));
    }

    #[test]
    fn columns_count_characters_after_multibyte_text_and_escapes() {
        let text = "{\"name\": \"ünï\", \"as_of\": \"2026-01-01\"}";
        assert_eq!(span_of(text, "/as_of").unwrap().start, at(1, 17));
        assert_eq!(span_of(PLAN, "/a~1b~0c").unwrap().start, at(11, 3));
    }

    #[test]
    fn absent_fields_and_indexes_give_the_deepest_existing_value() {
        let parent = span_of(PLAN, "/launches/0").unwrap();
        assert_eq!(span_of(PLAN, "/launches/0/image").unwrap(), parent);
        assert_eq!(
            span_of(PLAN, "/launches/0/system_disk/size_gib").unwrap(),
            parent
        );
        let list = span_of(PLAN, "/launches").unwrap();
        assert_eq!(span_of(PLAN, "/launches/7").unwrap(), list);
        assert_eq!(span_of(PLAN, "/launches/x").unwrap(), list);
        let whole = span_of(PLAN, "").unwrap();
        assert_eq!((whole.start, whole.end), (at(1, 1), at(12, 2)));
        assert_eq!(span_of(PLAN, "/nothing").unwrap(), whole);
        assert_eq!(span_of("[]", "/0").unwrap().start, at(1, 1));
    }

    #[test]
    fn no_value_no_span() {
        assert_eq!(span_of("", ""), None);
        assert_eq!(span_of(" \n ", "/a"), None);
    }
}
