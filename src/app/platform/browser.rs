//! The few browser services the app needs beyond rendering: random ids,
//! the clock, and saving a text as a downloaded file.

use wasm_bindgen::{JsCast, JsValue};

use crate::domain::Id;

/// 64 random bits from `crypto.getRandomValues`, falling back to
/// `Math.random` on the rare browser that refuses.
pub fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window().and_then(|w| w.crypto().ok()).is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if filled {
        u64::from_le_bytes(bytes)
    } else {
        (js_sys::Math::random() * u64::MAX as f64) as u64
    }
}

pub fn new_id(prefix: &str) -> Id {
    Id::from_random(prefix, random_u64())
}

/// The current time as ISO 8601 in UTC, e.g. "2026-11-21T10:40:00.000Z".
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

/// Today as "2026-11-21", for file names.
pub fn today() -> String {
    now_iso().chars().take(10).collect()
}

/// A `blob:` URL holding `text`; the caller revokes it.
pub fn object_url(text: &str, mime: &str) -> Result<String, JsValue> {
    blob_url(&JsValue::from_str(text), mime)
}

/// A `blob:` URL holding one part: text or bytes.
fn blob_url(part: &JsValue, mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Offers `text` as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    download(filename, &JsValue::from_str(text), mime)
}

/// Offers `bytes` as a file download named `filename`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    download(filename, &js_sys::Uint8Array::from(bytes).into(), mime)
}

fn download(filename: &str, part: &JsValue, mime: &str) -> Result<(), JsValue> {
    let url = blob_url(part, mime)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Draws an SVG document onto a canvas at twice its size and offers the
/// result as a PNG download.
pub fn download_svg_as_png(svg: &str, filename: &str) {
    let Ok(url) = object_url(svg, "image/svg+xml") else { return };
    let Ok(image) = web_sys::HtmlImageElement::new() else { return };
    let filename = filename.to_owned();
    let source = url.clone();
    let drawn = image.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&source);
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(canvas) = document.create_element("canvas").and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().map_err(Into::into))
        else {
            return;
        };
        let (w, h) = (drawn.natural_width().max(1), drawn.natural_height().max(1));
        canvas.set_width(w * 2);
        canvas.set_height(h * 2);
        let Some(context) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.scale(2.0, 2.0);
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, w as f64, h as f64);
        let _ = context.draw_image_with_html_image_element(&drawn, 0.0, 0.0);
        if let (Ok(data), Ok(anchor)) = (canvas.to_data_url_with_type("image/png"), document.create_element("a")) {
            if let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() {
                anchor.set_href(&data);
                anchor.set_download(&filename);
                anchor.click();
            }
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}

/// A file of this site as text (`None` when it is missing or unreadable).
pub async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// A chosen file's text: refused without reading when larger than `max`
/// bytes, and when the browser cannot read it. One path for every file
/// the app reads (import, evaluation, backup).
pub async fn file_text(file: &web_sys::File, max: usize) -> Result<String, crate::i18n::Message> {
    refuse_larger(file, max)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
    text.ok_or_else(|| crate::i18n::Message::new(key!("data.unreadable_file")))
}

fn refuse_larger(file: &web_sys::File, max: usize) -> Result<(), crate::i18n::Message> {
    let bytes = file.size() as usize;
    if bytes > max {
        return Err(crate::domain::data::format::FileError::TooLarge { bytes }.message());
    }
    Ok(())
}

/// A file's bytes, unless it is larger than `max`.
pub async fn file_bytes(file: &web_sys::File, max: usize) -> Result<js_sys::Uint8Array, crate::i18n::Message> {
    refuse_larger(file, max)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
    buffer.map(|b| js_sys::Uint8Array::new(&b)).map_err(|_| crate::i18n::Message::new(key!("data.unreadable_file")))
}

/// A table another program wrote: UTF-8 where it is, else Windows-1252, as
/// German Excel saves "CSV (Trennzeichen-getrennt)" (the browser's decoder;
/// no tables of our own).
pub async fn table_text(file: &web_sys::File, max: usize) -> Result<String, crate::i18n::Message> {
    let bytes = file_bytes(file, max).await?;
    let unreadable = || crate::i18n::Message::new(key!("data.unreadable_file"));
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let strict = web_sys::TextDecoder::new_with_label_and_options("utf-8", &options).map_err(|_| unreadable())?;
    match strict.decode_with_js_u8_array(&bytes) {
        Ok(text) => Ok(text),
        Err(_) => {
            web_sys::TextDecoder::new_with_label("windows-1252").and_then(|d| d.decode_with_js_u8_array(&bytes)).map_err(|_| unreadable())
        }
    }
}

/// Moves keyboard focus to the first element matching `selector` once the
/// next frame is rendered (the element may be created by the current update).
pub fn focus_later(selector: impl Into<String>) {
    let selector = selector.into();
    leptos::prelude::request_animation_frame(move || {
        let found = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
        if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// The `name` of a thrown DOMException ("QuotaExceededError", "SecurityError").
pub fn error_name(error: &JsValue) -> String {
    if let Some(name) = error.as_string() {
        return name;
    }
    js_sys::Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).unwrap_or_else(|| "Error".into())
}

/// An ISO timestamp as a local date and time in the UI's language:
/// "21.11.2026, 10:40".
pub fn format_timestamp(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    crate::domain::rules::dates::timestamp(
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
    )
}
