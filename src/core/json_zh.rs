//! serde_json's messages in Simplified Chinese, for the errors a refused plan file, link or
//! pasted output shows ([`crate::core::PlanError`]): "missing field `version`" reads
//! "缺少字段 `version`". Field names, values and JSON syntax stay as they are.

/// `message`, a serde_json error message without its position, in Chinese. A message this
/// module does not know is framed in Chinese and kept as serde wrote it.
pub fn message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("缺少字段 {rest}");
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("字段重复：{rest}");
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return match one_of(rest) {
            (name, Some(list)) => format!("未知字段 {name}，可用的字段：{list}"),
            (name, None) => format!("未知字段 {name}，此处不能有字段"),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return match one_of(rest) {
            (name, Some(list)) => format!("未知取值 {name}，可选的值：{list}"),
            (name, None) => format!("未知取值 {name}"),
        };
    }
    for (prefix, zh) in [
        ("invalid type: ", "类型错误"),
        ("invalid value: ", "取值无效"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            return match rest.split_once(", expected ") {
                Some((found, expected)) => format!(
                    "{zh}：此处是{}，应为{}",
                    found_zh(found),
                    expected_zh(expected)
                ),
                None => format!("{zh}：{}", found_zh(rest)),
            };
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        if let Some((len, expected)) = rest.split_once(", expected ") {
            return format!("长度 {len} 无效，应为{}", expected_zh(expected));
        }
    }
    if let Some(rest) = message.strip_prefix("EOF while parsing ") {
        return format!("JSON 文本在{}中途结束", expected_zh(rest));
    }
    if let Some(date) =
        message.strip_suffix(" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-28")
    {
        return format!("{date} 不是日期；请写成 YYYY-MM-DD 格式，例如 2026-11-28");
    }
    let fixed = match message {
        "expected value" => "此处应为一个 JSON 值",
        "expected ident" => "此处应为 true、false 或 null",
        "expected `,` or `}`" => "此处应为 `,` 或 `}`",
        "expected `,` or `]`" => "此处应为 `,` 或 `]`",
        "expected `:`" => "此处应为 `:`",
        "expected `\"`" => "此处应为 `\"`",
        "trailing characters" => "JSON 之后还有多余的字符",
        "trailing comma" => "最后一项之后多了逗号",
        "key must be a string" => "对象的键必须是字符串",
        "invalid escape" => "无效的转义序列",
        "invalid number" => "无效的数字",
        "number out of range" => "数字超出范围",
        "invalid unicode code point" => "无效的 Unicode 码位",
        "recursion limit exceeded" => "嵌套层数过多",
        "lone leading surrogate in hex escape" => "\\u 转义中有单独的代理项",
        "unexpected end of hex escape" => "\\u 转义不完整",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "字符串中有控制字符（\\u0000-\\u001F）"
        }
        _ => return format!("JSON 内容无效（{message}）"),
    };
    fixed.to_string()
}

/// "`x`, expected one of `a`, `b`" → ("`x`", Some("`a`, `b`")).
fn one_of(rest: &str) -> (&str, Option<&str>) {
    for sep in [", expected one of ", ", expected "] {
        if let Some((name, list)) = rest.split_once(sep) {
            return (name, Some(list));
        }
    }
    match rest.split_once(", there are no ") {
        Some((name, _)) => (name, None),
        None => (rest, None),
    }
}

/// What serde found: `string "x"`, ``integer `5` ``, `map`...
fn found_zh(found: &str) -> String {
    for (en, zh) in [
        ("string ", "字符串 "),
        ("integer ", "整数 "),
        ("floating point ", "浮点数 "),
        ("boolean ", "布尔值 "),
        ("character ", "字符 "),
    ] {
        if let Some(value) = found.strip_prefix(en) {
            return format!("{zh}{}", value.trim_matches('`'));
        }
    }
    match found {
        "map" => "对象".into(),
        "sequence" => "数组".into(),
        "null" | "unit value" => "null".into(),
        other => other.into(),
    }
}

/// What serde expected: `a string`, `u32`, `struct Plan`...
fn expected_zh(expected: &str) -> String {
    match expected {
        "a string" | "string" => "字符串".into(),
        "a sequence" | "a list" | "sequence" => "数组".into(),
        "a boolean" | "bool" => "布尔值（true 或 false）".into(),
        "a value" => "值".into(),
        "an object" | "a map" | "map" => "对象".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => format!("非负整数（{expected}）"),
        "i8" | "i16" | "i32" | "i64" | "isize" => format!("整数（{expected}）"),
        "f32" | "f64" => "数字".into(),
        "an object of request parameters" => "请求参数对象".into(),
        other if other.starts_with("struct ") => format!("对象（{}）", &other[7..]),
        other => other
            .strip_prefix("an array of length ")
            .or_else(|| other.strip_prefix("a tuple of size "))
            .map(|n| format!("长度为 {n} 的数组"))
            .unwrap_or_else(|| other.into()),
    }
}
