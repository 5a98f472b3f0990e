//! Raw DEFLATE through the browser's own `CompressionStream` and `DecompressionStream`, for
//! the edited rules a link carries (src/host/link_rules.rs): no compression code in the wasm.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CompressionFormat, CompressionStream, DecompressionStream, ReadableStream,
    ReadableStreamDefaultReader, ReadableStreamReadResult, ReadableWritablePair,
};

/// Why unpacking failed.
#[derive(Debug, PartialEq, Eq)]
pub enum Inflate {
    /// Not DEFLATE data (cut short or changed).
    Damaged,
    /// More than the limit; reading stopped there.
    TooLarge,
}

/// `bytes` as a stream, through a transform (a compression or decompression stream).
fn through(bytes: &[u8], transform: &JsValue) -> Result<ReadableStream, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts)?;
    Ok(blob
        .stream()
        .pipe_through(transform.unchecked_ref::<ReadableWritablePair>()))
}

/// Reads a stream of byte chunks, up to `limit` bytes (`None` past it).
async fn read_all(stream: ReadableStream, limit: usize) -> Result<Option<Vec<u8>>, JsValue> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk: ReadableStreamReadResult = JsFuture::from(reader.read()).await?.unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            return Ok(Some(out));
        }
        let bytes = Uint8Array::new(&chunk.get_value());
        if out.len() + bytes.length() as usize > limit {
            let _ = reader.cancel();
            return Ok(None);
        }
        out.extend(bytes.to_vec());
    }
}

/// `bytes`, compressed.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let compression = CompressionStream::new(CompressionFormat::DeflateRaw)?;
    let stream = through(bytes, &compression.into())?;
    read_all(stream, usize::MAX)
        .await
        .map(Option::unwrap_or_default)
}

/// `bytes` unpacked, at most `limit` bytes of them.
pub async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, Inflate> {
    let stream = DecompressionStream::new(CompressionFormat::DeflateRaw)
        .and_then(|d| through(bytes, &d.into()))
        .map_err(|_| Inflate::Damaged)?;
    match read_all(stream, limit).await {
        Ok(Some(out)) => Ok(out),
        Ok(None) => Err(Inflate::TooLarge),
        Err(_) => Err(Inflate::Damaged),
    }
}
