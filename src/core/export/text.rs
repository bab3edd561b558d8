//! Text helpers the exporters share: `${<operation id>.<Field>}` references in parameter
//! values, safe identifiers, and one-line comment text.

/// A piece of a parameter value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Segment<'a> {
    /// Literal text.
    Text(&'a str),
    /// The `field` returned by the earlier operation `op`.
    Ref {
        /// Operation id (`copy-0`).
        op: &'a str,
        /// Response field (`ImageId`).
        field: &'a str,
    },
}

/// Splits `value` into text and references. Only references to operations in `earlier` count;
/// anything else that looks like one stays literal text.
pub(super) fn segments<'a>(value: &'a str, earlier: &[&str]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut search = 0;
    while let Some(found) = value[search..].find("${") {
        let open = search + found;
        let reference = value[open + 2..].find('}').and_then(|len| {
            let inner = &value[open + 2..open + 2 + len];
            let (op, field) = inner.split_once('.')?;
            let op_ok = !op.is_empty()
                && op
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            let field_ok = !field.is_empty()
                && field
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
            (op_ok && field_ok && earlier.contains(&op)).then_some((op, field, len))
        });
        match reference {
            Some((op, field, len)) => {
                if open > text_start {
                    out.push(Segment::Text(&value[text_start..open]));
                }
                out.push(Segment::Ref { op, field });
                text_start = open + 2 + len + 1;
                search = text_start;
            }
            None => search = open + 2,
        }
    }
    if text_start < value.len() || out.is_empty() {
        out.push(Segment::Text(&value[text_start..]));
    }
    out
}

/// Letters, digits and `_` only, in upper case: a name usable as a shell variable or, in
/// lower case, as a Terraform identifier. A leading digit gets a `_` in front.
pub(super) fn identifier(raw: &str) -> String {
    let mut name: String = raw
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    name
}

/// Text for a `#` comment: one line, control characters escaped.
pub(super) fn comment_text(text: &str) -> String {
    text.chars().flat_map(char::escape_debug).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_known_references_only() {
        let earlier = ["copy-0"];
        assert_eq!(
            segments("${copy-0.ImageId}", &earlier),
            vec![Segment::Ref {
                op: "copy-0",
                field: "ImageId"
            }]
        );
        assert_eq!(
            segments("a-${copy-0.ImageId}-b", &earlier),
            vec![
                Segment::Text("a-"),
                Segment::Ref {
                    op: "copy-0",
                    field: "ImageId"
                },
                Segment::Text("-b")
            ]
        );
        assert_eq!(
            segments("${copy-1.ImageId}", &earlier),
            vec![Segment::Text("${copy-1.ImageId}")]
        );
        assert_eq!(
            segments("${$(id).x} ${copy-0", &earlier),
            vec![Segment::Text("${$(id).x} ${copy-0")]
        );
        assert_eq!(segments("", &earlier), vec![Segment::Text("")]);
    }

    #[test]
    fn identifiers_are_safe() {
        assert_eq!(identifier("copy-0"), "copy_0");
        assert_eq!(identifier("0x"), "_0x");
        assert_eq!(identifier(""), "_");
        assert_eq!(identifier("a$(b)"), "a__b_");
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(comment_text("a\nb\r\u{0}"), "a\\nb\\r\\0");
    }
}
