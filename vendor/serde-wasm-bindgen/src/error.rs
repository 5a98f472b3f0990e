use wasm_bindgen::prelude::*;

/// A newtype that represents Serde errors as JavaScript exceptions.
///
/// messaging-quota patch: with the place in the value where it happened (`path`).
#[derive(Debug)]
pub struct Error(JsValue, String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        #[wasm_bindgen]
        extern "C" {
            #[wasm_bindgen(js_name = String)]
            pub fn to_string(value: &JsValue) -> String;
        }

        to_string(&self.0).fmt(f)
    }
}

impl std::error::Error for Error {}

impl Error {
    /// Creates a JavaScript `Error` with a given message.
    pub fn new<T: std::fmt::Display>(msg: T) -> Self {
        Error(JsError::new(&msg.to_string()).into(), String::new())
    }

    /// messaging-quota patch: where in the value the error happened, as
    /// `serde_path_to_error` writes it (`tiers[1].price_cents`; empty at the top). Each
    /// object and array the error passes on its way out puts its field or index in front,
    /// so a read that succeeds pays for no path at all.
    pub fn path(&self) -> &str {
        &self.1
    }

    #[cold]
    pub(crate) fn in_field(mut self, name: &str) -> Self {
        let inner = std::mem::take(&mut self.1);
        self.1 = if inner.is_empty() || inner.starts_with('[') {
            format!("{name}{inner}")
        } else {
            format!("{name}.{inner}")
        };
        self
    }

    #[cold]
    pub(crate) fn at_index(mut self, index: u32) -> Self {
        let inner = std::mem::take(&mut self.1);
        self.1 = if inner.is_empty() || inner.starts_with('[') {
            format!("[{index}]{inner}")
        } else {
            format!("[{index}].{inner}")
        };
        self
    }
}

impl serde::ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::new(msg)
    }
}

impl serde::de::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::new(msg)
    }

    // messaging-quota patch: serde's own wording of a value that does not fit writes a
    // float with Rust's float formatting (`Unexpected`'s `Display`), 10 KB gzip of the
    // widget's first module that nothing else reaches. The same phrases, each value
    // written by JavaScript's `String` instead.
    fn invalid_type(unexpected: serde::de::Unexpected, expected: &dyn serde::de::Expected) -> Self {
        Error::new(format_args!("invalid type: {}, expected {}", Unexpected(unexpected), expected))
    }

    fn invalid_value(unexpected: serde::de::Unexpected, expected: &dyn serde::de::Expected) -> Self {
        Error::new(format_args!("invalid value: {}, expected {}", Unexpected(unexpected), expected))
    }
}

/// serde's `Unexpected`, written as serde writes it, with JavaScript writing the numbers.
struct Unexpected<'a>(serde::de::Unexpected<'a>);

impl std::fmt::Display for Unexpected<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        use serde::de::Unexpected::*;
        #[wasm_bindgen]
        extern "C" {
            #[wasm_bindgen(js_name = String)]
            fn number_to_string(value: f64) -> String;
        }
        match self.0 {
            Bool(b) => write!(f, "boolean `{}`", b),
            Unsigned(i) => write!(f, "integer `{}`", i),
            Signed(i) => write!(f, "integer `{}`", i),
            Float(n) => write!(f, "floating point `{}`", number_to_string(n)),
            Char(c) => write!(f, "character `{}`", c),
            Str(s) => write!(f, "string \"{}\"", s),
            Bytes(_) => f.write_str("byte array"),
            Unit => f.write_str("unit value"),
            Option => f.write_str("Option value"),
            NewtypeStruct => f.write_str("newtype struct"),
            Seq => f.write_str("sequence"),
            Map => f.write_str("map"),
            Enum => f.write_str("enum"),
            UnitVariant => f.write_str("unit variant"),
            NewtypeVariant => f.write_str("newtype variant"),
            TupleVariant => f.write_str("tuple variant"),
            StructVariant => f.write_str("struct variant"),
            Other(other) => f.write_str(other),
        }
    }
}

/// This conversion is needed for `?` to just work when using wasm-bindgen
/// imports that return JavaScript exceptions as `Result<T, JsValue>`.
impl From<JsValue> for Error {
    fn from(error: JsValue) -> Error {
        Error(error, String::new())
    }
}

// This conversion is needed for `?` to just work in wasm-bindgen exports
// that return `Result<T, JsValue>` to throw JavaScript exceptions.
impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        error.0
    }
}
