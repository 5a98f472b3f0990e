//! A small JSON reader and string quoting, enough for rule sets and event details.
//!
//! Hand-written rather than `serde_json` to keep the wasm small (serde_json's parser,
//! float tables and error formatting cost about a tenth of the budget), and so numbers
//! can be judged exactly: `29.99` is reported as "not whole" without ever becoming a float.

use std::fmt;

/// A JSON number, judged without floating point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    pub negative: bool,
    /// Whether the value is a whole number (`5`, `5.0`, `1e3`).
    pub whole: bool,
    /// The magnitude when whole and within `u64`.
    pub magnitude: Option<u64>,
}

/// A parsed JSON value; objects keep their keys in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Where and why the text is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

struct Parser<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        SyntaxError {
            line,
            column,
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &[u8], value: Json) -> Result<Json, SyntaxError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_space();
        match self.peek() {
            None => Err(self.error("unexpected end of text")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.expect_word(b"true", Json::Bool(true)),
            Some(b'f') => self.expect_word(b"false", Json::Bool(false)),
            Some(b'n') => self.expect_word(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.pos += 1;
        let mut fields: Vec<(String, Json)> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(fields));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a quoted key"));
            }
            let key = self.string()?;
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(self.error("duplicate key"));
            }
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            self.pos += 1;
            let value = self.value(depth + 1)?;
            fields.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(fields));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("bad \\u escape"))?;
        let mut value = 0;
        for &d in digits {
            value = value * 16
                + (d as char)
                    .to_digit(16)
                    .ok_or_else(|| self.error("bad \\u escape"))?;
        }
        self.pos += 4;
        Ok(value)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("unterminated string"));
            };
            self.pos += 1;
            match b {
                b'"' => return String::from_utf8(out).map_err(|_| self.error("invalid UTF-8")),
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.error("unterminated string"));
                    };
                    self.pos += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&high)
                                && self.text[self.pos..].starts_with(b"\\u")
                            {
                                self.pos += 2;
                                let low = self.hex4()?;
                                0x10000
                                    + ((high - 0xd800) << 10)
                                    + (low.wrapping_sub(0xdc00) & 0x3ff)
                            } else {
                                high
                            };
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => return Err(self.error("bad escape")),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err(self.error("control character in string")),
                _ => out.push(b),
            }
        }
    }

    fn digits(&mut self) -> &[u8] {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    fn number(&mut self) -> Result<Json, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let integer = self.digits().to_vec();
        if integer.is_empty() || (integer.len() > 1 && integer[0] == b'0') {
            return Err(self.error("invalid number"));
        }
        let mut fraction = Vec::new();
        if self.peek() == Some(b'.') {
            self.pos += 1;
            fraction = self.digits().to_vec();
            if fraction.is_empty() {
                return Err(self.error("invalid number"));
            }
        }
        let mut exponent: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    -1
                }
                Some(b'+') => {
                    self.pos += 1;
                    1
                }
                _ => 1,
            };
            let digits = self.digits();
            if digits.is_empty() {
                return Err(self.error("invalid number"));
            }
            let magnitude = digits.iter().fold(0i64, |acc, d| {
                acc.saturating_mul(10).saturating_add(i64::from(d - b'0'))
            });
            exponent = sign * magnitude.min(10_000);
        }
        Ok(Json::Number(judge(&integer, &fraction, exponent, negative)))
    }
}

/// Decides wholeness and magnitude of `integer.fraction × 10^exponent` exactly.
fn judge(integer: &[u8], fraction: &[u8], exponent: i64, negative: bool) -> Number {
    let digits: Vec<u8> = integer.iter().chain(fraction).copied().collect();
    let point = integer.len() as i64 + exponent;
    let (whole_part, rest): (Vec<u8>, &[u8]) = if point <= 0 {
        (Vec::new(), &digits[..])
    } else if point as usize >= digits.len() {
        let mut w = digits.clone();
        w.resize(point as usize, b'0');
        (w, &[])
    } else {
        (digits[..point as usize].to_vec(), &digits[point as usize..])
    };
    let whole = rest.iter().all(|&d| d == b'0');
    let magnitude = whole_part.iter().try_fold(0u64, |acc, d| {
        acc.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    });
    let is_zero = digits.iter().all(|&d| d == b'0');
    Number {
        negative: negative && !is_zero,
        whole,
        magnitude: if whole { magnitude } else { None },
    }
}

/// Parses a complete JSON document.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut parser = Parser {
        text: text.as_bytes(),
        pos: 0,
    };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.pos < parser.text.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

/// A JSON string literal for `text`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Number {
        match parse(text).unwrap() {
            Json::Number(n) => n,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn numbers_are_judged_exactly() {
        let n = |negative, whole, magnitude| Number {
            negative,
            whole,
            magnitude,
        };
        assert_eq!(number("0"), n(false, true, Some(0)));
        assert_eq!(number("2999"), n(false, true, Some(2999)));
        assert_eq!(number("-5"), n(true, true, Some(5)));
        assert_eq!(number("-0"), n(false, true, Some(0)));
        assert_eq!(number("5.0"), n(false, true, Some(5)));
        assert_eq!(number("29.99"), n(false, false, None));
        assert_eq!(number("1e3"), n(false, true, Some(1000)));
        assert_eq!(number("1.5e1"), n(false, true, Some(15)));
        assert_eq!(number("15e-1"), n(false, false, None));
        assert_eq!(number("100e-2"), n(false, true, Some(1)));
        assert_eq!(
            number("18446744073709551615"),
            n(false, true, Some(u64::MAX))
        );
        assert_eq!(number("18446744073709551616"), n(false, true, None));
        assert_eq!(number("1e400"), n(false, true, None));
        assert_eq!(number("1e-400"), n(false, false, None));
    }

    #[test]
    fn parses_documents() {
        let value =
            parse(r#" { "a": [1, true, null, "x\"\u00e9\ud83d\ude00"], "b": {} } "#).unwrap();
        let Json::Object(fields) = value else {
            panic!()
        };
        assert_eq!(fields[0].0, "a");
        let Json::Array(items) = &fields[0].1 else {
            panic!()
        };
        assert_eq!(items[1], Json::Bool(true));
        assert_eq!(items[2], Json::Null);
        assert_eq!(items[3], Json::String("x\"é😀".into()));
        assert_eq!(fields[1].1, Json::Object(vec![]));
    }

    #[test]
    fn reports_where_the_syntax_breaks() {
        let err = parse("{\n  \"id\": \"x\",\n  oops\n}").unwrap_err();
        assert_eq!(
            (err.line, err.column, err.message),
            (3, 3, "expected a quoted key")
        );
        assert_eq!(err.to_string(), "expected a quoted key at line 3 column 3");
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "-",
            "\"abc",
            "[1] 2",
            "{\"a\":1,\"a\":2}",
            "tru",
            "\"\\x\"",
            "\"a\nb\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should fail");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }

    #[test]
    fn quotes_round_trip() {
        for text in [
            "plain",
            "quote \" and \\ slash",
            "line\nbreak\ttab",
            "\u{1}",
            "é😀",
        ] {
            assert_eq!(parse(&quote(text)).unwrap(), Json::String(text.into()));
        }
    }
}
