//! Text made safe to print on a terminal: characters that a terminal would act on instead of
//! showing (control characters such as ESC, CR and newline, bidirectional overrides and
//! isolates, invisible format characters) become visible escapes like `\u{1b}`, so a plan
//! cannot erase a line, move the cursor, or reorder what is printed after it.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether a terminal or a bidirectional text renderer acts on `c` rather than showing it.
pub fn is_active(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// `text` with every [`is_active`] character written as `\u{XX}`, and `\` as `\\` so an
/// escape in the output always means an escaped character.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_active(c) || c == '\\') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\\' {
            out.push_str("\\\\");
        } else if is_active(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` changes the direction of the text around it: the explicit embeddings,
/// overrides and isolates, and the directional marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` with its [`is_bidi_control`] characters written as `\u{XX}`, for a page that shows
/// plan text inside its own sentences: a right-to-left override in a name then cannot reverse
/// the rest of the sentence. Everything else is left as it is.
pub fn without_bidi_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_bidi_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_bidi_control(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_become_visible() {
        assert_eq!(
            visible("a\u{1b}[2K\rok\n\u{202e}x\u{2066}\u{9b}\\"),
            "a\\u{1b}[2K\\u{d}ok\\u{a}\\u{202e}x\\u{2066}\\u{9b}\\\\"
        );
        assert!(matches!(visible("plain 漢字 🚀"), Cow::Borrowed(_)));
    }

    #[test]
    fn bidi_controls_are_shown_and_right_to_left_text_is_kept() {
        assert_eq!(
            without_bidi_controls("image \"a\u{202e}b\" is x"),
            "image \"a\\u{202e}b\" is x"
        );
        assert_eq!(without_bidi_controls("صورة עברית"), "صورة עברית");
    }
}
