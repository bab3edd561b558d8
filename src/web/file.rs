//! Files the user opens: from a file picker or dropped on the page, read as text.

use wasm_bindgen::JsCast;

/// The file picked in the `<input type="file">` an event comes from; the input is cleared so
/// that picking the same file again fires again.
pub fn picked(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The first file of a drop.
pub fn dropped(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()
        .and_then(|dt| dt.files())
        .and_then(|files| files.get(0))
}

/// A file's name and size in bytes.
pub fn describe(file: &web_sys::File) -> (String, f64) {
    (file.name(), file.size())
}

/// The file's text, or why it could not be read.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let blob = gloo_file::Blob::from(file);
    gloo_file::futures::read_as_text(&blob)
        .await
        .map_err(|err| err.to_string())
}
