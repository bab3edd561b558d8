//! Plan rows for copies, shares, exports and deletes.

use leptos::prelude::*;

use super::controls::{bind_account_list, options_in, Check, Input, Select};
use super::labels::Badge;
use super::plan::{count as row_count, fold, remove_label, row_class, text, Choices};
use super::state::{item_dom_id, AppState};
use crate::core::accounts::AccountList;
use crate::core::i18n::{count, join, Lang};
use crate::core::item::Item;
use crate::core::model::{optional, Copy, Delete, Export, Plan, Share};
use crate::tr;

/// A row's heading: title, severity badge and a remove button. Removing moves focus to the
/// row that takes its place (or the list's add button).
pub(super) fn row_head(
    item: Item,
    key: String,
    (list, i, add_id): (&'static str, usize, &'static str),
    remove: impl Fn(&mut Plan) + std::marker::Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::get();
    view! {
        <div class="eip-item-head">
            <strong>{move || item.title(state.lang.get())}</strong>
            <Badge key=key/>
            <button class="eip-icon-button" aria-label=move || remove_label(state, item)
                on:click=move |_| state.remove_item(list, i, add_id, remove)>"×"</button>
        </div>
    }
}

/// The first own image and first target region, as defaults for a new row.
pub(super) fn defaults(state: AppState, choices: Choices) -> (String, String) {
    let image = choices
        .own_images
        .with_untracked(|l| l.first().map(|(id, _)| id.clone()))
        .unwrap_or_default();
    let region = state
        .regions()
        .into_iter()
        .next()
        .unwrap_or_else(|| "cn-hangzhou".into());
    (image, region)
}

/// Planned CopyImage calls.
#[component]
pub fn Copies(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let len = row_count(|p| p.copies.len());
    let (shown, more) = fold("copies", len);
    view! {
        <section class="eip-section" aria-labelledby="copies-h">
            <h3 id="copies-h">{state.t("Copies ", "复制镜像 ")} <span class="eip-muted">{state.t("(CopyImage, to another region)", "（CopyImage，复制到其他地域）")}</span></h3>
            <For each=move || 0..shown.get() key=|i| *i let:i>
                {
                    let key = format!("/copies/{i}");
                    let set = move |f: fn(&mut Copy, String)| Callback::new(move |v: String| state.edit(|p| if let Some(c) = p.copies.get_mut(i) { f(c, v) }));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {row_head(Item::Copy(i), key.clone(), ("copies", i, "add-copy"), move |p| if i < p.copies.len() { p.copies.remove(i); })}
                            <div class="eip-grid">
                                <Select id=format!("copy-{i}-image") pointer=format!("/copies/{i}/image") label=state.t("Image", "镜像") options=choices.own_images list="choices-own-images"
                                    value=text(move |p| p.copies.get(i).map(|c| c.image.clone().unwrap_or_default())) on_change=set(|c, v| c.image = optional(v))/>
                                <Select id=format!("copy-{i}-region") pointer=format!("/copies/{i}/to_region") label=state.t("To region", "目标地域") options=choices.regions
                                    value=text(move |p| p.copies.get(i).map(|c| c.to_region.clone().unwrap_or_default())) on_change=set(|c, v| c.to_region = optional(v))/>
                                <Input id=format!("copy-{i}-name") label=state.t("Name of the copy", "副本名称") placeholder=state.t("optional", "可选")
                                    value=text(move |p| p.copies.get(i).and_then(|c| c.name.clone()))
                                    on_change=Callback::new(move |v: String| state.edit_typing(&format!("copy-{i}-name"), |p| if let Some(c) = p.copies.get_mut(i) {
                                        c.name = (!v.trim().is_empty()).then(|| v.trim().to_string())
                                    }))/>
                                <Check id=format!("copy-{i}-encrypted") label=state.t("Encrypted", "加密")
                                    checked=Signal::derive(move || state.plan.with(|p| p.copies.get(i).and_then(|c| c.encrypted).unwrap_or(false)))
                                    on_change=Callback::new(move |on: bool| state.edit(|p| if let Some(c) = p.copies.get_mut(i) { c.encrypted = on.then_some(true) }))/>
                            </div>
                        </div>
                    }
                }
            </For>
            {more}
            <button id="add-copy" on:click=move |_| {
                let (image, region) = defaults(state, choices);
                state.edit(|p| p.copies.push(Copy { image: optional(image), to_region: optional(region), ..Copy::default() }));
            }>{state.t("Add copy", "添加复制镜像")}</button>
        </section>
    }
}

/// Planned shares (ModifyImageSharePermission).
#[component]
pub fn Shares(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let len = row_count(|p| p.shares.len());
    let (shown, more) = fold("shares", len);
    view! {
        <section class="eip-section" aria-labelledby="shares-h">
            <h3 id="shares-h">{state.t("Shares ", "共享镜像 ")} <span class="eip-muted">{state.t("(with other accounts)", "（共享给其他账号）")}</span></h3>
            <For each=move || 0..shown.get() key=|i| *i let:i>
                {
                    let key = format!("/shares/{i}");
                    let set = move |f: fn(&mut Share, String)| Callback::new(move |v: String| state.edit(|p| if let Some(s) = p.shares.get_mut(i) { f(s, v) }));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {row_head(Item::Share(i), key.clone(), ("shares", i, "add-share"), move |p| if i < p.shares.len() { p.shares.remove(i); })}
                            <div class="eip-grid">
                                <Select id=format!("share-{i}-image") pointer=format!("/shares/{i}/image") label=state.t("Image", "镜像") options=choices.own_images list="choices-own-images"
                                    value=text(move |p| p.shares.get(i).map(|s| s.image.clone().unwrap_or_default())) on_change=set(|s, v| s.image = optional(v))/>
                                <Select id=format!("share-{i}-region") pointer=format!("/shares/{i}/region") label=state.t("Region", "地域") options=choices.regions
                                    value=text(move |p| p.shares.get(i).map(|s| s.region.clone().unwrap_or_default())) on_change=set(|s, v| s.region = optional(v))/>
                            </div>
                            <AccountsBox i/>
                        </div>
                    }
                }
            </For>
            {more}
            <button id="add-share" on:click=move |_| {
                let (image, region) = defaults(state, choices);
                state.edit(|p| p.shares.push(Share { image: optional(image), region: optional(region), accounts: Vec::new() }));
            }>{state.t("Add share", "添加共享镜像")}</button>
        </section>
    }
}

/// Planned exports to OSS.
#[component]
pub fn Exports(choices: Choices) -> impl IntoView {
    let state = AppState::get();
    let len = row_count(|p| p.exports.len());
    let (shown, more) = fold("exports", len);
    let formats = options_in(&[
        ("", "default (RAW)", "默认（RAW）"),
        ("raw", "RAW", "RAW"),
        ("vhd", "VHD", "VHD"),
        ("qcow2", "QCOW2", "QCOW2"),
        ("vmdk", "VMDK", "VMDK"),
        ("vdi", "VDI", "VDI"),
    ]);
    view! {
        <section class="eip-section" aria-labelledby="exports-h">
            <h3 id="exports-h">{state.t("Exports ", "导出镜像 ")} <span class="eip-muted">{state.t("(to an OSS bucket)", "（导出到 OSS Bucket）")}</span></h3>
            <For each=move || 0..shown.get() key=|i| *i let:i>
                {
                    let key = format!("/exports/{i}");
                    let set = move |f: fn(&mut Export, String)| Callback::new(move |v: String| state.edit(|p| if let Some(e) = p.exports.get_mut(i) { f(e, v) }));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {row_head(Item::Export(i), key.clone(), ("exports", i, "add-export"), move |p| if i < p.exports.len() { p.exports.remove(i); })}
                            <div class="eip-grid">
                                <Select id=format!("export-{i}-image") pointer=format!("/exports/{i}/image") label=state.t("Image", "镜像") options=choices.own_images list="choices-own-images"
                                    value=text(move |p| p.exports.get(i).map(|e| e.image.clone().unwrap_or_default())) on_change=set(|e, v| e.image = optional(v))/>
                                <Select id=format!("export-{i}-region") pointer=format!("/exports/{i}/bucket_region") label=state.t("Bucket region", "Bucket 所在地域") options=choices.regions
                                    value=text(move |p| p.exports.get(i).map(|e| e.bucket_region.clone().unwrap_or_default())) on_change=set(|e, v| e.bucket_region = optional(v))/>
                                <Select id=format!("export-{i}-format") label=state.t("Format", "格式") options=formats
                                    value=text(move |p| p.exports.get(i).and_then(|e| e.format.clone())) on_change=set(|e, v| e.format = (!v.is_empty()).then_some(v))/>
                            </div>
                        </div>
                    }
                }
            </For>
            {more}
            <button id="add-export" on:click=move |_| {
                let (image, region) = defaults(state, choices);
                state.edit(|p| p.exports.push(Export { image: optional(image), bucket_region: optional(region), format: None }));
            }>{state.t("Add export", "添加导出镜像")}</button>
        </section>
    }
}

/// Planned deletions of images and snapshots.
#[component]
pub fn Deletes() -> impl IntoView {
    let state = AppState::get();
    let len = row_count(|p| p.deletes.len());
    let (shown, more) = fold("deletes", len);
    let kinds = options_in(&[("image", "Image", "镜像"), ("snapshot", "Snapshot", "快照")]);
    view! {
        <section class="eip-section" aria-labelledby="deletes-h">
            <h3 id="deletes-h">{state.t("Deletes", "删除镜像和快照")}</h3>
            <For each=move || 0..shown.get() key=|i| *i let:i>
                {
                    let key = format!("/deletes/{i}");
                    let is_image = Memo::new(move |_| state.plan.with(|p| p.deletes.get(i).is_none_or(|d| d.snapshot.is_none())));
                    let id_text = text(move |p| p.deletes.get(i).and_then(|d| d.image.clone().or_else(|| d.snapshot.clone())));
                    let set_id = Callback::new(move |v: String| state.edit_typing(&format!("delete-{i}-id"), |p| if let Some(d) = p.deletes.get_mut(i) {
                        let v = v.trim().to_string();
                        if d.snapshot.is_some() { d.snapshot = Some(v) } else { d.image = Some(v) }
                    }));
                    let set_kind = Callback::new(move |v: String| state.edit(|p| if let Some(d) = p.deletes.get_mut(i) {
                        let id = d.image.take().or(d.snapshot.take()).unwrap_or_default();
                        *d = if v == "snapshot" { Delete { snapshot: Some(id), ..Delete::default() } } else { Delete { image: Some(id), ..Delete::default() } };
                    }));
                    view! {
                        <div class=row_class(key.clone()) id=item_dom_id(&key) tabindex="-1">
                            {row_head(Item::Delete(i), key.clone(), ("deletes", i, "add-delete"), move |p| if i < p.deletes.len() { p.deletes.remove(i); })}
                            <div class="eip-grid">
                                <Select id=format!("delete-{i}-kind") label=state.t("What", "删除对象") options=kinds
                                    value=Signal::derive(move || if is_image.get() { "image".to_string() } else { "snapshot".to_string() })
                                    on_change=set_kind/>
                                <Input id=format!("delete-{i}-id") label="ID" value=id_text on_change=set_id placeholder=state.t("m-… or s-…", "m-… 或 s-…")/>
                                <Show when=move || is_image.get()>
                                    <Check id=format!("delete-{i}-keep") label=state.t("Keep its snapshots", "保留其快照")
                                        checked=Signal::derive(move || state.plan.with(|p| p.deletes.get(i).is_none_or(Delete::keeps_snapshots)))
                                        on_change=Callback::new(move |keep: bool| state.edit(|p| if let Some(d) = p.deletes.get_mut(i) { d.keep_snapshots = (!keep).then_some(false) }))/>
                                </Show>
                            </div>
                        </div>
                    }
                }
            </For>
            {more}
            <button id="add-delete" on:click=move |_| state.edit(|p| p.deletes.push(Delete { image: Some(String::new()), ..Delete::default() }))>{state.t("Add delete", "添加删除操作")}</button>
        </section>
    }
}

/// A share's accounts: a pasted list, read as it is typed. Duplicates are left out (and named),
/// the findings about the accounts show under the box, and the accounts the image is already
/// shared with are counted.
#[component]
fn AccountsBox(i: usize) -> impl IntoView {
    let state = AppState::get();
    let id = format!("share-{i}-accounts");
    let accounts = Memo::new(move |_| {
        state.plan.with(|p| {
            p.shares
                .get(i)
                .map(|s| s.accounts.clone())
                .unwrap_or_default()
        })
    });
    let duplicates = RwSignal::new(Vec::<String>::new());
    let node = NodeRef::<leptos::html::Textarea>::new();
    bind_account_list(node, accounts);
    // The image and the accounts it is already shared with, as the core's ledger counts them.
    let already = Memo::new(move |_| {
        state.report.with(|r| {
            r.ledger
                .shares
                .iter()
                .find(|usage| usage.items.contains(&Item::Share(i)))
                .map(|usage| (usage.image.clone(), usage.existing.len()))
                .unwrap_or_default()
        })
    });
    let account_findings = Memo::new(move |_| {
        let at = format!("/shares/{i}/accounts");
        state.report.with(|r| {
            r.findings
                .iter()
                .filter(|f| f.path.starts_with(&at))
                .map(|f| format!("{}: {}", f.code, f.message))
                .collect::<Vec<_>>()
        })
    });
    let group = id.clone();
    view! {
        <label class="eip-field">
            <span>{state.t(
                "Accounts to add (16-digit Alibaba Cloud account IDs; paste a list: commas, spaces or new lines) · ",
                "要添加的账号（16 位阿里云账号 ID；可粘贴列表，以逗号、空格或换行分隔）· ",
            )}
                <span class="eip-count" id=format!("{id}-count")>{move || {
                    let lang = state.lang.get();
                    let n = accounts.with(Vec::len);
                    let (image, shared) = already.get();
                    let mut line = count(lang, n, "account", "accounts", "个账号");
                    if shared > 0 {
                        line.push_str(tr!(
                            lang,
                            format!("; {image} is already shared with {shared} more"),
                            format!("；{image} 已共享给另外 {shared} 个账号")
                        ).as_str());
                    }
                    line
                }}</span>
            </span>
            <textarea id=id.clone() rows="2" node_ref=node
                aria-describedby=format!("{id}-notes")
                on:input:target=move |ev| {
                    let list = AccountList::parse(&ev.target().value());
                    duplicates.set(list.duplicates);
                    state.edit_typing(&group, |p| if let Some(s) = p.shares.get_mut(i) { s.accounts = list.accounts });
                }
                on:blur=move |_| duplicates.set(Vec::new())
            ></textarea>
        </label>
        <div class="eip-field-notes" id=format!("{id}-notes") aria-live="polite">
            {move || duplicates.with(|d| (!d.is_empty()).then(|| view! {
                <p class="eip-note">{tr!(
                    state.lang.get(),
                    format!("Listed twice, counted and shared once: {}.", d.join(", ")),
                    format!("重复列出，只计数和共享一次：{}。", join(Lang::ZhCn, d))
                ).into_string()}</p>
            }))}
            {move || account_findings.get().into_iter().map(|line| view! {
                <p class="eip-field-error">{line}</p>
            }).collect_view()}
        </div>
    }
}
