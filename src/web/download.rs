//! Saving text as a file the browser downloads, and copying text to the clipboard.

use wasm_bindgen::JsCast;

use crate::core::i18n::Lang;
use crate::tr;

/// Offers `text` as a download named `filename` with the MIME type `mime`; the error, in
/// `lang`, says which step failed.
pub fn download(filename: &str, mime: &str, text: &str, lang: Lang) -> Result<(), String> {
    let fail = |what: &str| {
        tr!(
            lang,
            format!("could not start the download of {filename}: {what}"),
            format!("无法开始下载 {filename}：浏览器拒绝了此操作")
        )
        .into_string()
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let url = object_url(text, mime).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link element"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_hidden(true);
    if let Some(body) = document.body() {
        body.append_child(&anchor).ok();
        anchor.click();
        body.remove_child(&anchor).ok();
    }
    web_sys::Url::revoke_object_url(&url).ok();
    Ok(())
}

/// A `blob:` URL holding `text` as a file of type `mime`; the error says which step failed.
/// The caller revokes it, or keeps it for as long as a link uses it.
pub fn object_url(text: &str, mime: &str) -> Result<String, &'static str> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser refused to make a file")?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the browser refused a file URL")
}

/// Copies `text` to the clipboard; the error, in `lang`, says why when the browser refuses.
pub async fn copy_to_clipboard(text: &str, lang: Lang) -> Result<(), String> {
    let clipboard = web_sys::window()
        .map(|w| w.navigator().clipboard())
        .ok_or_else(|| {
            tr!(lang, "no clipboard in this browser", "此浏览器没有剪贴板").into_string()
        })?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| {
            tr!(
                lang,
                "the browser did not allow copying; select the text and copy it by hand",
                "浏览器不允许复制；请选中文本后手动复制"
            )
            .into_string()
        })
}
