//! Text helpers the exporters share: safe identifiers and one-line comment text.

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
