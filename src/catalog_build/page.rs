//! `public/catalog.html`: what the built-in catalog holds and how sure it is of each part,
//! generated from the catalog (`ecs-image-planner catalog page`), never written by hand. The
//! web app's footer links to it from "catalog as of".

use std::fmt::Write;

use serde::Serialize;
use serde_json::Value;

use crate::core::catalog::{Catalog, Provenance};

/// The fields counted per area: what a verdict can rest on. A field an entry leaves out (a
/// region that never closed) is not counted.
const REGION_FIELDS: [&str; 4] = ["id", "name", "closed", "chinese_mainland"];
const TYPE_FIELDS: [&str; 7] = [
    "id",
    "vcpus",
    "memory_gib",
    "arch",
    "boot_modes",
    "nvme",
    "regions",
];
const IMAGE_FIELDS: [&str; 11] = [
    "id",
    "name",
    "os",
    "platform",
    "arch",
    "boot_mode",
    "nvme",
    "size_gib",
    "license_fee",
    "eol",
    "status",
];
/// Fields whose default the catalog states by leaving them out: still a value a rule reads.
const DEFAULTED: [&str; 6] = [
    "arch",
    "nvme",
    "platform",
    "boot_mode",
    "license_fee",
    "status",
];

/// Confirmed and unconfirmed values of one area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Entries.
    pub entries: usize,
    /// Values a source confirms.
    pub confirmed: usize,
    /// Values no source confirms.
    pub unconfirmed: usize,
}

fn tally<T: Serialize>(
    entries: &[T],
    id: impl Fn(&T) -> &str,
    provenance: &crate::core::catalog::IdMap<Provenance>,
    fields: &[&str],
) -> Tally {
    let mut out = Tally::default();
    for entry in entries {
        out.entries += 1;
        let value = serde_json::to_value(entry).unwrap_or(Value::Null);
        let unconfirmed = provenance.get(id(entry)).map(|p| p.unconfirmed.as_slice());
        for field in fields {
            if value.get(field).is_none() && !DEFAULTED.contains(field) {
                continue;
            }
            if unconfirmed.is_some_and(|u| u.iter().any(|f| f == field)) {
                out.unconfirmed += 1;
            } else {
                out.confirmed += 1;
            }
        }
    }
    out
}

/// Confirmed and unconfirmed values of regions, instance types and images.
pub fn tallies(catalog: &Catalog) -> [(&'static str, Tally); 3] {
    [
        (
            "Regions",
            tally(
                &catalog.regions,
                |r| &r.id,
                &catalog.region_provenance,
                &REGION_FIELDS,
            ),
        ),
        (
            "Instance types",
            tally(
                &catalog.instance_types,
                |t| &t.id,
                &catalog.type_provenance,
                &TYPE_FIELDS,
            ),
        ),
        (
            "Images",
            tally(
                &catalog.images,
                |i| &i.id,
                &catalog.image_provenance,
                &IMAGE_FIELDS,
            ),
        ),
    ]
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Links to the sources an entry cites, each once.
fn source_cell(provenance: Option<&Provenance>) -> String {
    let Some(provenance) = provenance else {
        return String::new();
    };
    let mut ids: Vec<&str> = Vec::new();
    for id in provenance.from.values() {
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    ids.iter()
        .map(|id| format!("<a href=\"#src-{0}\">{0}</a>", esc(id)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unconfirmed_cell(provenance: Option<&Provenance>) -> String {
    provenance
        .map(|p| p.unconfirmed.join(", "))
        .unwrap_or_default()
}

/// The whole page.
pub fn render(catalog: &Catalog) -> String {
    let as_of = catalog.as_of_text();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
<meta name=\"color-scheme\" content=\"light dark\" />\n\
<!-- No script runs here; script-src is there for scripts/csp-hash.mjs, which hashes inline scripts into every CSP. -->\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'\" />\n\
<title>ECS Image Planner catalog as of {as_of}</title>\n\
<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\" />\n\
<link rel=\"stylesheet\" href=\"catalog.css\" />\n</head>\n<body>\n<main>\n\
<p><a href=\"./\">Back to the planner</a></p>\n\
<h1>What the catalog holds, as of {as_of}</h1>\n\
<p>Generated from the built-in catalog by <code>ecs-image-planner catalog page</code>. Every value \
comes from a source below, with the date its content is as of. A value no source confirms is \
<em>unconfirmed</em>: the planner never lets it turn a launch green on its own, and says so \
with a <code>catalog-unconfirmed</code> warning.</p>\n"
    );
    out.push_str(
        "<h2>How sure it is</h2>\n<table id=\"tallies\">\n<thead><tr><th scope=\"col\">Area</th>\
<th scope=\"col\">Entries</th><th scope=\"col\">Confirmed values</th>\
<th scope=\"col\">Unconfirmed values</th></tr></thead>\n<tbody>\n",
    );
    for (area, t) in tallies(catalog) {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{area}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            t.entries, t.confirmed, t.unconfirmed
        );
    }
    out.push_str("</tbody>\n</table>\n");

    out.push_str(
        "<h2 id=\"sources\">Sources</h2>\n<table>\n<thead><tr><th scope=\"col\">ID</th>\
<th scope=\"col\">Source</th><th scope=\"col\">Seen</th></tr></thead>\n<tbody>\n",
    );
    for s in &catalog.sources {
        let title = match &s.url {
            Some(url) => format!(
                "<a href=\"{}\" rel=\"noopener\">{}</a>",
                esc(url),
                esc(&s.title)
            ),
            None => esc(&s.title),
        };
        let _ = writeln!(
            out,
            "<tr id=\"src-{0}\"><td>{0}</td><td>{title}</td><td>{1}</td></tr>",
            esc(&s.id),
            s.seen
        );
    }
    out.push_str("</tbody>\n</table>\n");

    out.push_str(
        "<h2>Regions</h2>\n<table>\n<thead><tr><th scope=\"col\">ID</th><th scope=\"col\">Name</th>\
<th scope=\"col\">Chinese name</th><th scope=\"col\">Closed</th><th scope=\"col\">Sources</th><th scope=\"col\">Unconfirmed</th>\
</tr></thead>\n<tbody>\n",
    );
    for r in &catalog.regions {
        let p = catalog.region_provenance.get(&r.id);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td lang=\"zh-CN\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&r.id),
            esc(&r.name),
            esc(r.name_zh.as_deref().unwrap_or_default()),
            r.closed.map(|d| d.to_string()).unwrap_or_default(),
            source_cell(p),
            esc(&unconfirmed_cell(p))
        );
    }
    out.push_str("</tbody>\n</table>\n");

    out.push_str(
        "<h2>Instance types</h2>\n<table>\n<thead><tr><th scope=\"col\">ID</th>\
<th scope=\"col\">vCPU</th><th scope=\"col\">GiB</th><th scope=\"col\">Arch</th>\
<th scope=\"col\">Boot modes</th><th scope=\"col\">NVMe</th><th scope=\"col\">Sources</th>\
<th scope=\"col\">Unconfirmed</th></tr></thead>\n<tbody>\n",
    );
    for t in &catalog.instance_types {
        let p = catalog.type_provenance.get(&t.id);
        let value = serde_json::to_value(t).unwrap_or(Value::Null);
        let word = |key: &str, default: &str| {
            value
                .get(key)
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    Value::Array(list) => list
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", "),
                    other => other.to_string(),
                })
                .unwrap_or_else(|| default.to_string())
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&t.id),
            t.vcpus.map(|v| v.to_string()).unwrap_or_default(),
            t.memory_gib.map(|m| m.to_string()).unwrap_or_default(),
            esc(&word("arch", "x86_64")),
            esc(&word("boot_modes", "BIOS, UEFI")),
            esc(&word("nvme", "unsupported")),
            source_cell(p),
            esc(&unconfirmed_cell(p))
        );
    }
    out.push_str("</tbody>\n</table>\n");

    out.push_str(
        "<h2>Images</h2>\n<table>\n<thead><tr><th scope=\"col\">ID</th><th scope=\"col\">OS</th>\
<th scope=\"col\">Arch</th><th scope=\"col\">Boot mode</th><th scope=\"col\">NVMe</th>\
<th scope=\"col\">End of life</th><th scope=\"col\">Sources</th>\
<th scope=\"col\">Unconfirmed</th></tr></thead>\n<tbody>\n",
    );
    for i in &catalog.images {
        let p = catalog.image_provenance.get(&i.id);
        let value = serde_json::to_value(i).unwrap_or(Value::Null);
        let word = |key: &str, default: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or(default)
                .to_string()
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&i.id),
            esc(i.os.as_deref().unwrap_or_default()),
            esc(&word("arch", "x86_64")),
            esc(&word("boot_mode", "BIOS")),
            esc(&word("nvme", "unsupported")),
            i.eol.map(|d| d.to_string()).unwrap_or_default(),
            source_cell(p),
            esc(&unconfirmed_cell(p))
        );
    }
    out.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
    out
}
