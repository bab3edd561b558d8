//! `terraform fmt`'s layout rules, ported from hclwrite's `format.go` (hashicorp/hcl, commit
//! 2efc2662361a9f5fd39f5d0cd46970ce4c3f7be2), so that a test can tell whether a configuration is
//! already canonical without Terraform installed.
//!
//! `terraform fmt` lexes the file, then changes only the spaces before tokens, line by line:
//! indentation (two spaces per net open bracket of the lines above), one space or none between
//! the tokens of a line (`spaceAfterToken`), and the `=` of consecutive one-line attributes
//! aligned one column after the longest name (`formatCells`; any other line ends the run), and
//! likewise trailing comments. [`format`] does the same over its own lexer and returns the
//! canonical text. Besides layout, `terraform fmt` rewrites two expression forms, which
//! [`format`] reports as errors instead: a string that is one interpolation (`"${var.a}"`) and a
//! quoted variable type (`type = "string"`).
//!
//! Covered: everything the exporter can write (blocks, attributes, strings with escapes and
//! interpolations, numbers, booleans, references, function calls and type expressions, lists,
//! objects, `#` and `//` comments). Not covered: heredocs, `/* */` comments and template strip
//! markers (`~`): they are refused with an error, never passed as canonical. Widths count
//! `char`s where hclwrite counts grapheme clusters; they differ only for combining characters
//! in the part of a line before `=`, which holds identifiers only.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Ident,
    Number,
    OQuote,
    QuotedLit,
    CQuote,
    TemplateInterp,
    TemplateControl,
    TemplateSeqEnd,
    OBrace,
    CBrace,
    OBrack,
    CBrack,
    OParen,
    CParen,
    Equal,
    Comma,
    Dot,
    Colon,
    DoubleColon,
    Question,
    Ellipsis,
    FatArrow,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Bang,
    And,
    Or,
    Comparison,
    Comment,
    Newline,
    /// No token (the start of a cell).
    Nil,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    text: String,
    spaces_before: usize,
}

impl Token {
    fn columns(&self) -> usize {
        self.spaces_before + self.text.trim_end_matches('\n').chars().count()
    }
}

const NIL: Token = Token {
    kind: Kind::Nil,
    text: String::new(),
    spaces_before: 0,
};

/// What the lexer is inside of.
enum Mode {
    /// Expressions and structure; `braces` counts `{` opened in this mode (an interpolation
    /// ends at a `}` with none open).
    Code { braces: usize },
    /// A quoted template.
    Quoted,
}

fn lex(src: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut tokens = Vec::new();
    let mut modes = vec![Mode::Code { braces: 0 }];
    let mut at = 0;
    let push = |tokens: &mut Vec<Token>, kind, text: String| {
        tokens.push(Token {
            kind,
            text,
            spaces_before: 0,
        })
    };
    while at < chars.len() {
        let c = chars[at];
        let next = chars.get(at + 1).copied();
        let line = || 1 + chars[..at].iter().filter(|&&c| c == '\n').count();
        if let Some(Mode::Quoted) = modes.last() {
            match (c, next) {
                ('"', _) => {
                    push(&mut tokens, Kind::CQuote, "\"".into());
                    modes.pop();
                    at += 1;
                }
                ('$' | '%', Some('{')) => {
                    let kind = if c == '$' {
                        Kind::TemplateInterp
                    } else {
                        Kind::TemplateControl
                    };
                    if chars.get(at + 2) == Some(&'~') {
                        return Err(format!("line {}: strip markers are not covered", line()));
                    }
                    push(&mut tokens, kind, format!("{c}{{"));
                    modes.push(Mode::Code { braces: 0 });
                    at += 2;
                }
                ('\n', _) => return Err(format!("line {}: newline inside a string", line())),
                _ => {
                    let mut text = String::new();
                    while at < chars.len() {
                        let (c, next) = (chars[at], chars.get(at + 1).copied());
                        match (c, next) {
                            ('"' | '\n', _) => break,
                            ('$' | '%', Some('{')) => break,
                            ('$', Some('$')) | ('%', Some('%'))
                                if chars.get(at + 2) == Some(&'{') =>
                            {
                                text.extend([c, c, '{']);
                                at += 3;
                            }
                            ('\\', Some(escaped)) => {
                                text.extend([c, escaped]);
                                at += 2;
                            }
                            _ => {
                                text.push(c);
                                at += 1;
                            }
                        }
                    }
                    push(&mut tokens, Kind::QuotedLit, text);
                }
            }
            continue;
        }
        match c {
            ' ' | '\t' | '\r' => at += 1,
            '\n' => {
                push(&mut tokens, Kind::Newline, "\n".into());
                at += 1;
            }
            '#' => {
                let end = chars[at..]
                    .iter()
                    .position(|&c| c == '\n')
                    .map_or(chars.len(), |n| at + n + 1);
                push(&mut tokens, Kind::Comment, chars[at..end].iter().collect());
                at = end;
            }
            '/' if next == Some('/') => {
                let end = chars[at..]
                    .iter()
                    .position(|&c| c == '\n')
                    .map_or(chars.len(), |n| at + n + 1);
                push(&mut tokens, Kind::Comment, chars[at..end].iter().collect());
                at = end;
            }
            '/' if next == Some('*') => {
                return Err(format!("line {}: /* */ comments are not covered", line()))
            }
            '<' if next == Some('<') => {
                return Err(format!("line {}: heredocs are not covered", line()))
            }
            '"' => {
                push(&mut tokens, Kind::OQuote, "\"".into());
                modes.push(Mode::Quoted);
                at += 1;
            }
            '{' => {
                if let Some(Mode::Code { braces }) = modes.last_mut() {
                    *braces += 1;
                }
                push(&mut tokens, Kind::OBrace, "{".into());
                at += 1;
            }
            '}' => {
                let ends_template =
                    matches!(modes.last(), Some(Mode::Code { braces: 0 })) && modes.len() > 1;
                if ends_template {
                    modes.pop();
                    push(&mut tokens, Kind::TemplateSeqEnd, "}".into());
                } else {
                    if let Some(Mode::Code { braces }) = modes.last_mut() {
                        *braces = braces.saturating_sub(1);
                    }
                    push(&mut tokens, Kind::CBrace, "}".into());
                }
                at += 1;
            }
            c if c.is_ascii_digit() => {
                let start = at;
                let digits = |at: &mut usize| {
                    while chars.get(*at).is_some_and(char::is_ascii_digit) {
                        *at += 1;
                    }
                };
                digits(&mut at);
                if chars.get(at) == Some(&'.')
                    && chars.get(at + 1).is_some_and(char::is_ascii_digit)
                {
                    at += 1;
                    digits(&mut at);
                }
                if matches!(chars.get(at), Some('e' | 'E')) {
                    at += 1;
                    if matches!(chars.get(at), Some('+' | '-')) {
                        at += 1;
                    }
                    digits(&mut at);
                }
                push(&mut tokens, Kind::Number, chars[start..at].iter().collect());
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = at;
                while at < chars.len()
                    && (chars[at].is_alphanumeric() || chars[at] == '_' || chars[at] == '-')
                {
                    at += 1;
                }
                push(&mut tokens, Kind::Ident, chars[start..at].iter().collect());
            }
            _ => {
                let two: String = chars[at..(at + 2).min(chars.len())].iter().collect();
                let three: String = chars[at..(at + 3).min(chars.len())].iter().collect();
                let (kind, len) = match (three.as_str(), two.as_str(), c) {
                    ("...", _, _) => (Kind::Ellipsis, 3),
                    (_, "==" | "!=" | "<=" | ">=", _) => (Kind::Comparison, 2),
                    (_, "&&", _) => (Kind::And, 2),
                    (_, "||", _) => (Kind::Or, 2),
                    (_, "=>", _) => (Kind::FatArrow, 2),
                    (_, "::", _) => (Kind::DoubleColon, 2),
                    (_, _, '<' | '>') => (Kind::Comparison, 1),
                    (_, _, '=') => (Kind::Equal, 1),
                    (_, _, ',') => (Kind::Comma, 1),
                    (_, _, '.') => (Kind::Dot, 1),
                    (_, _, ':') => (Kind::Colon, 1),
                    (_, _, '?') => (Kind::Question, 1),
                    (_, _, '+') => (Kind::Plus, 1),
                    (_, _, '-') => (Kind::Minus, 1),
                    (_, _, '*') => (Kind::Star, 1),
                    (_, _, '/') => (Kind::Slash, 1),
                    (_, _, '%') => (Kind::Percent, 1),
                    (_, _, '!') => (Kind::Bang, 1),
                    (_, _, '[') => (Kind::OBrack, 1),
                    (_, _, ']') => (Kind::CBrack, 1),
                    (_, _, '(') => (Kind::OParen, 1),
                    (_, _, ')') => (Kind::CParen, 1),
                    _ => return Err(format!("line {}: unexpected character {c:?}", line())),
                };
                push(&mut tokens, kind, chars[at..at + len].iter().collect());
                at += len;
            }
        }
    }
    if modes.len() != 1 {
        return Err("unterminated string or interpolation at the end".into());
    }
    Ok(tokens)
}

fn bracket_change(kind: Kind) -> i32 {
    match kind {
        Kind::OBrace
        | Kind::OBrack
        | Kind::OParen
        | Kind::TemplateControl
        | Kind::TemplateInterp => 1,
        Kind::CBrace | Kind::CBrack | Kind::CParen | Kind::TemplateSeqEnd => -1,
        _ => 0,
    }
}

/// `spaceAfterToken` of format.go.
fn space_after(subject: &Token, before: &Token, after: &Token) -> bool {
    use Kind::*;
    let (s, a) = (subject.kind, after.kind);
    match () {
        _ if a == Newline || a == Nil => false,
        _ if s == Ident && a == OParen => false,
        _ if (s == Ident && a == DoubleColon) || (s == DoubleColon && a == Ident) => false,
        _ if s == Dot || a == Dot => false,
        _ if a == Comma || a == Ellipsis => false,
        _ if s == Comma => true,
        _ if s == QuotedLit || s == OQuote || a == QuotedLit || a == CQuote => false,
        _ if s == Ident && subject.text == "in" && before.kind == Ident => true,
        _ if a == OBrack && (s == Ident || s == Number || bracket_change(s) < 0) => false,
        _ if s == Bang => false,
        _ if s == Minus => !matches!(
            before.kind,
            Nil | OParen
                | OBrace
                | OBrack
                | Equal
                | Colon
                | Comma
                | Question
                | Plus
                | Star
                | Slash
                | Percent
                | Minus
                | Comparison
                | And
                | Or
                | Bang
        ),
        _ if s == OBrace || a == CBrace => !(s == OBrace && a == CBrace),
        _ if (s == TemplateInterp || s == TemplateControl) && a == OBrace => true,
        _ if s == CBrace && a == TemplateSeqEnd => true,
        _ if s == TemplateSeqEnd && (a == TemplateInterp || a == TemplateControl) => false,
        _ if bracket_change(s) > 0 => false,
        _ if bracket_change(a) < 0 => false,
        _ => true,
    }
}

/// One line in the three cells of format.go: before `=`, from `=`, a trailing comment.
#[derive(Default)]
struct Line {
    lead: Vec<Token>,
    assign: Vec<Token>,
    comment: Vec<Token>,
}

fn cell_columns(cell: &[Token]) -> usize {
    cell.iter().map(Token::columns).sum()
}

fn space_cell(cell: &mut [Token], assign: bool) {
    if assign {
        if let Some(first) = cell.first_mut() {
            first.spaces_before = 1;
        }
    }
    for i in 0..cell.len().saturating_sub(1) {
        let before = if i > 0 { cell[i - 1].clone() } else { NIL };
        let space = space_after(&cell[i], &before, &cell[i + 1]);
        cell[i + 1].spaces_before = usize::from(space);
    }
}

/// Aligns the first token of a cell across each run of consecutive lines that have one:
/// `width` gives the columns before the cell (None: the line has no such cell), `cell` the cell.
fn align(
    lines: &mut [Line],
    width: fn(&Line) -> Option<usize>,
    cell: fn(&mut Line) -> &mut [Token],
) {
    let mut start = 0;
    while start < lines.len() {
        let len = lines[start..]
            .iter()
            .take_while(|line| width(line).is_some())
            .count();
        if len == 0 {
            start += 1;
            continue;
        }
        let run = &mut lines[start..start + len];
        let widest = run.iter().filter_map(width).max().unwrap_or(0);
        for line in run {
            let before = width(line).unwrap_or(0);
            cell(line)[0].spaces_before = widest - before + 1;
        }
        start += len;
    }
}

/// The canonical layout of `src` by terraform fmt's rules, or why it cannot be judged.
pub fn format(src: &str) -> Result<String, String> {
    let tokens = lex(src)?;
    check_rewrites(&tokens)?;
    let mut lines: Vec<Line> = Vec::new();
    let mut current = Vec::new();
    for token in tokens {
        let ends = token.kind == Kind::Newline
            || (token.kind == Kind::Comment && token.text.ends_with('\n'));
        current.push(token);
        if ends {
            lines.push(Line {
                lead: std::mem::take(&mut current),
                ..Line::default()
            });
        }
    }
    if !current.is_empty() {
        lines.push(Line {
            lead: current,
            ..Line::default()
        });
    }
    for line in &mut lines {
        if line.lead.len() > 1 && line.lead.last().map(|t| t.kind) == Some(Kind::Comment) {
            line.comment = line.lead.split_off(line.lead.len() - 1);
        }
        if let Some(at) = line.lead.iter().skip(1).position(|t| t.kind == Kind::Equal) {
            let at = at + 1;
            let net: i32 = line.lead[at..].iter().map(|t| bracket_change(t.kind)).sum();
            if net == 0 {
                line.assign = line.lead.split_off(at);
            }
        }
    }
    // formatIndent.
    let mut indents: Vec<i32> = Vec::new();
    for line in &mut lines {
        let Some(first) = line.lead.first() else {
            continue;
        };
        if first.kind == Kind::Newline {
            line.lead[0].spaces_before = 0;
            continue;
        }
        let net: i32 = line
            .lead
            .iter()
            .chain(&line.assign)
            .map(|t| bracket_change(t.kind))
            .sum();
        if net < 0 {
            let mut closed = -net;
            while closed > 0 {
                let Some(top) = indents.last_mut() else { break };
                if closed >= *top {
                    closed -= *top;
                    indents.pop();
                } else {
                    *top -= closed;
                    closed = 0;
                }
            }
        }
        line.lead[0].spaces_before = 2 * indents.len();
        if net > 0 {
            indents.push(net);
        }
    }
    // formatSpaces.
    for line in &mut lines {
        space_cell(&mut line.lead, false);
        space_cell(&mut line.assign, true);
    }
    // formatCells: `=` first, then trailing comments.
    align(
        &mut lines,
        |line| (!line.assign.is_empty()).then(|| cell_columns(&line.lead)),
        |line| &mut line.assign,
    );
    align(
        &mut lines,
        |line| {
            (!line.comment.is_empty())
                .then(|| cell_columns(&line.lead) + cell_columns(&line.assign))
        },
        |line| &mut line.comment,
    );
    let mut out = String::with_capacity(src.len());
    for token in lines
        .iter()
        .flat_map(|l| l.lead.iter().chain(&l.assign).chain(&l.comment))
    {
        out.extend(std::iter::repeat_n(' ', token.spaces_before));
        out.push_str(&token.text);
    }
    Ok(out)
}

/// The expression rewrites of `terraform fmt` beyond layout, refused rather than applied.
fn check_rewrites(tokens: &[Token]) -> Result<(), String> {
    for (i, window) in tokens.windows(3).enumerate() {
        if window[0].kind == Kind::OQuote && window[1].kind == Kind::TemplateInterp {
            // Find the matching end of the interpolation; a closing quote right after it means
            // the whole string is one interpolation.
            let mut depth = 0;
            for (j, token) in tokens[i + 1..].iter().enumerate() {
                depth += bracket_change(token.kind);
                if depth == 0 {
                    if tokens.get(i + j + 2).map(|t| t.kind) == Some(Kind::CQuote) {
                        return Err("a string that is one interpolation: terraform fmt unwraps \
                                    \"${x}\" to x"
                            .into());
                    }
                    break;
                }
            }
        }
    }
    for window in tokens.windows(4) {
        if window[0].kind == Kind::Ident
            && window[0].text == "type"
            && window[1].kind == Kind::Equal
            && window[2].kind == Kind::OQuote
        {
            return Err("a quoted type: terraform fmt rewrites type = \"string\" to string".into());
        }
    }
    Ok(())
}

/// The first line where `actual` differs from `expected`, for a failure message.
pub fn first_difference(actual: &str, expected: &str) -> String {
    let (mut a, mut e) = (actual.lines(), expected.lines());
    for n in 1.. {
        match (a.next(), e.next()) {
            (None, None) => return "no difference in lines (line endings differ)".into(),
            (x, y) if x == y => continue,
            (x, y) => {
                return format!("line {n}:\n  written:   {x:?}\n  canonical: {y:?}");
            }
        }
    }
    unreachable!()
}
