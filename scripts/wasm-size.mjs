// What the kilobytes of a wasm are: measures every function body of the code section and every
// data segment of a module that has a `name` section, groups them by what they belong to, and
// prints one Markdown table (or JSON with --json). scripts/size.sh feeds it the planner and the
// embed built with names kept (the shipped code, run through `wasm-opt -Oz -g`); the README's
// "What the remaining kilobytes are" section is its output.
//
// Usage: node scripts/wasm-size.mjs NAMES.wasm [--shipped SHIPPED.wasm] [--max-code-diff PCT]
//                                   [--embedded LABEL=FILE]... [--min-share PCT] [--title TEXT]
//                                   [--top N] [--json]
//   --shipped        the wasm as shipped (no names): its code section is compared with the one
//                    measured, and the run fails when they differ by more than --max-code-diff
//                    percent (default 5), since then the names-kept build is not the shipped code.
//   --embedded       a file the code embeds (include_str!): its bytes, found verbatim in the data
//                    segments, get a row of their own, split out of read-only data; a file not
//                    found is said so under the table.
//   --min-share PCT  folds the view modules under PCT percent of the whole into one row, and the
//                    engine modules and other crates likewise (default 0: a row each).
//   --top N          also lists the N largest functions with their group.
//
// Which group a function is in (its name as wasm-bindgen leaves it, demangled by rustc-demangle;
// the `::h<hash>` suffix, v0 crate disambiguators `[<hex>]` and LLVM's `.<n>` suffixes ignored):
//  1. A name without a path (no `::`): wasm-bindgen's glue (`__wbindgen_*`, `__wbg_*`,
//     `__externref_*`, `… shim`, `Closure(…)`, the exports of wasm-streams) is "browser bindings";
//     anything else (`memcpy`, `memcmp`, `__multi3`, `main`) is compiler builtins, in Rust std.
//  2. `<Self as Trait>::f` or `<impl Trait for Self>::f`: the crate of Self's type decides, where
//     the name shows one. A std wrapper is looked through to the first crate it holds that is not
//     std (`<alloc::vec::Vec<ecs_image_planner::core::model::Launch> as Clone>::clone` is the
//     engine's model). When Self shows no crate but std (a generic `T`, `&F`, a primitive, a
//     tuple), the trait's crate decides if it is not std (`<(A, B) as tachys::view::Render>` is
//     Leptos); otherwise it is Rust std.
//  3. A path `krate::a::b<…>::f`: `krate` decides; when it is std, the first crate that is not std
//     named anywhere in the name (generic arguments, an `impl … for` type) decides
//     (`core::ptr::drop_in_place<ecs_image_planner::app::state::State>` is the app's views); a
//     std function whose name shows no other crate stays Rust std (closure shims such as
//     `FnOnce::call_once{{vtable.shim}}` show none, though many are the app's closures).
//  4. The crate then maps to a group: `ecs_image_planner::app::<module>` is a row of the app's
//     views, and so is each binary's `main` (where Leptos inlines views), `ecs_image_planner::web`
//     the app's browser layer, `ecs_image_planner::core::<module>` one row per engine module, and
//     the crate sets below; any other crate gets a row of its own.
//  5. Functions without a name are the shared bodies that wasm-opt's merge-similar-functions
//     made out of similar functions; they have a row of their own. Data segments are one row,
//     read-only data (less the --embedded files found in it), and everything else of the module
//     (types, imports, exports, the function table, globals, section and size headers, the
//     producers section) is "module structure".
// A name says where code ended up, not where it was written: LLVM inlines a function called once
// into its caller, so its bytes count in the caller's row (the binaries' `main` holds views; a
// Leptos memo closure can hold the engine code it runs). --top shows the largest such functions.
//
// Raw bytes of the rows add up to the module without its `name` section (and without any DWARF
// `.debug_*` section), which is the shipped module when the code is the same. "gzip -9 alone" is
// each group's bytes concatenated in file order and compressed alone by GNU gzip -9 (the tool the
// bench's transfer rows use; node's zlib at level 9 makes files about 1% larger). Parts compress
// apart differently than together (similar code side by side compresses better, a part alone
// loses the rest's context), so they do not sum exactly to the gzip of the whole, printed too.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Crates of the Rust standard library (and what it links in). */
const STD = new Set(['std', 'core', 'alloc', '__rustc', 'compiler_builtins', 'dlmalloc', 'std_detect', 'rustc_demangle', 'panic_abort']);

/** Groups of known crates: key, label, crates. */
const CRATE_GROUPS = [
  {
    key: 'leptos',
    label: 'Leptos runtime (leptos, leptos_dom, tachys, reactive_graph, any_spawner, …; and futures, its async support)',
    crates: [
      'leptos', 'leptos_dom', 'leptos_config', 'leptos_macro', 'leptos_server', 'leptos_hot_reload', 'tachys',
      'reactive_graph', 'reactive_stores', 'any_spawner', 'hydration_context', 'server_fn', 'or_poisoned',
      'throw_error', 'oco_ref', 'next_tuple', 'either_of', 'slotmap', 'send_wrapper', 'guardian',
      'futures', 'futures_util', 'futures_channel', 'futures_executor', 'futures_core', 'futures_task',
      'futures_sink', 'futures_io', 'async_lock', 'event_listener', 'event_listener_strategy',
    ],
  },
  {
    key: 'serde',
    label: 'serde and serde_json (with itoa, ryu, zmij: its number formatting)',
    crates: ['serde', 'serde_core', 'serde_json', 'itoa', 'ryu', 'zmij'],
  },
  {
    key: 'bindings',
    label: 'browser bindings (wasm_bindgen, js_sys, web_sys, wasm_bindgen_futures, gloo, wasm-streams; and the glue wasm-bindgen generates)',
    crates: [
      'wasm_bindgen', 'js_sys', 'web_sys', 'wasm_bindgen_futures', 'gloo_utils', 'gloo_events', 'gloo_file',
      'gloo_net', 'wasm_streams', 'console_error_panic_hook',
    ],
  },
  {
    key: 'compression',
    label: 'link compression (miniz_oxide, adler2, base64)',
    crates: ['miniz_oxide', 'adler2', 'adler', 'base64'],
  },
];

const CRATE_GROUP = new Map(CRATE_GROUPS.flatMap((g) => g.crates.map((c) => [c, g])));

/** The app's crate as its paths name it, and its binaries (whose `main` holds inlined views). */
const APP = 'ecs_image_planner';
const APP_BINS = new Set(['ecs_image_planner_web', 'ecs_image_planner_embed']);

const STD_LABEL =
  'Rust std, core, alloc and generic code whose name shows no other crate (formatting, collections, iterators, closure shims, allocator)';

/** Row order of the groups; within one (view and engine modules, other crates) by size. */
const ORDER = ['std', 'leptos', 'serde', 'views', 'web', 'engine', 'app-other', 'bindings', 'compression', 'crate', 'merged', 'data', 'structure'];

// ---------------------------------------------------------------------------------------------
// Reading the module

/** A reader of a wasm byte buffer. */
class Reader {
  constructor(bytes, pos = 0) {
    this.b = bytes;
    this.p = pos;
  }
  byte() {
    if (this.p >= this.b.length) throw new Error(`unexpected end of the module at byte ${this.p}`);
    return this.b[this.p++];
  }
  /** An unsigned LEB128 (up to 2^53). */
  u() {
    let result = 0;
    let scale = 1;
    for (;;) {
      const x = this.byte();
      result += (x & 0x7f) * scale;
      if (!(x & 0x80)) return result;
      scale *= 128;
    }
  }
  /** Skips a signed LEB128. */
  skipS() {
    while (this.byte() & 0x80);
  }
  str() {
    const n = this.u();
    const s = this.b.toString('utf8', this.p, this.p + n);
    this.p += n;
    return s;
  }
  /** Skips a value type (one byte, or a reference type with a heap type). */
  valtype() {
    const t = this.byte();
    if (t === 0x63 || t === 0x64) this.skipS();
  }
  limits() {
    const flags = this.u();
    this.u();
    if (flags & 1) this.u();
  }
  /** Skips a constant expression up to its `end`. */
  constExpr() {
    for (;;) {
      const op = this.byte();
      if (op === 0x0b) return;
      if (op === 0x41 || op === 0x42) this.skipS(); // i32.const, i64.const
      else if (op === 0x23) this.u(); // global.get
      else if (op === 0x44) this.p += 8; // f64.const
      else if (op === 0x43) this.p += 4; // f32.const
      else if (op === 0xd0) this.skipS(); // ref.null heaptype
      else if (op === 0xd2) this.u(); // ref.func
      else if (op >= 0x6a && op <= 0x6c) continue; // i32.add/sub/mul (extended constants)
      else if (op >= 0x7c && op <= 0x7e) continue; // i64.add/sub/mul
      else throw new Error(`unsupported opcode 0x${op.toString(16)} in a constant expression at byte ${this.p - 1}`);
    }
  }
}

/**
 * Parses what the measure needs: every section (id, custom name, byte range including its
 * header), every function body (index, name, byte range of the body without its size prefix)
 * and every data segment (index, name, byte range of its bytes).
 */
export function parseWasm(bytes) {
  const buf = Buffer.from(bytes.buffer ?? bytes, bytes.byteOffset ?? 0, bytes.byteLength ?? bytes.length);
  if (buf.length < 8 || buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module (no \\0asm magic)');
  if (buf.readUInt32LE(4) !== 1) throw new Error(`unsupported wasm version ${buf.readUInt32LE(4)}`);
  const r = new Reader(buf, 8);
  const sections = [];
  const bodies = [];
  const segments = [];
  const funcNames = new Map();
  const dataNames = new Map();
  let importedFuncs = 0;
  let hasNames = false;
  while (r.p < buf.length) {
    const start = r.p;
    const id = r.byte();
    const size = r.u();
    const payload = r.p;
    const end = payload + size;
    if (end > buf.length) throw new Error(`section ${id} at byte ${start} runs past the end of the module`);
    const s = new Reader(buf, payload);
    let name = null;
    if (id === 0) {
      name = s.str();
      if (name === 'name') {
        hasNames = true;
        while (s.p < end) {
          const sub = s.byte();
          const subEnd = s.u() + s.p;
          const into = sub === 1 ? funcNames : sub === 9 ? dataNames : null;
          if (into) {
            for (let n = s.u(); n > 0; n--) {
              const index = s.u();
              into.set(index, s.str());
            }
          }
          s.p = subEnd;
        }
      }
    } else if (id === 2) {
      for (let n = s.u(); n > 0; n--) {
        s.str();
        s.str();
        const kind = s.byte();
        if (kind === 0) {
          s.u();
          importedFuncs++;
        } else if (kind === 1) {
          s.valtype();
          s.limits();
        } else if (kind === 2) s.limits();
        else if (kind === 3) {
          s.valtype();
          s.byte();
        } else if (kind === 4) {
          s.byte();
          s.u();
        } else throw new Error(`unknown import kind ${kind} at byte ${s.p - 1}`);
      }
    } else if (id === 10) {
      for (let n = s.u(), i = 0; i < n; i++) {
        const len = s.u();
        bodies.push({ index: i, start: s.p, end: s.p + len });
        s.p += len;
      }
    } else if (id === 11) {
      for (let n = s.u(), i = 0; i < n; i++) {
        const flags = s.u();
        if (flags === 2) s.u();
        if (flags !== 1) s.constExpr();
        const len = s.u();
        segments.push({ index: i, start: s.p, end: s.p + len });
        s.p += len;
      }
    }
    sections.push({ id, name, start, end });
    r.p = end;
  }
  for (const body of bodies) body.name = funcNames.get(importedFuncs + body.index) ?? null;
  for (const seg of segments) seg.name = dataNames.get(seg.index) ?? null;
  return { bytes: buf, sections, bodies, segments, importedFuncs, hasNames };
}

/** Bytes of the code section's payload, the figure compared between two builds. */
export function codeSectionSize(parsed) {
  return parsed.sections.filter((s) => s.id === 10).reduce((sum, s) => sum + (s.end - s.start), 0);
}

// ---------------------------------------------------------------------------------------------
// Attributing a name

/** The name without what says nothing of its owner: hash suffix, crate disambiguators, `.N`. */
export function simplify(name) {
  return name
    .replace(/::h[0-9a-f]{16}$/, '')
    .replace(/\[[0-9a-f]{8,}\]/g, '')
    .replace(/\.\d+$/, '');
}

/** Index of the `>` closing the `<` at `open` (a `->` arrow is not a bracket). */
function closing(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '<') depth++;
    else if (s[i] === '>' && s[i - 1] !== '-') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of `word` in `s` outside any <…>, or -1. */
function topLevel(s, word) {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') depth++;
    else if (s[i] === '>' && s[i - 1] !== '-') depth--;
    else if (depth === 0 && s.startsWith(word, i)) return i;
  }
  return -1;
}

/** Every crate-rooted path in `s`, in order (`a::b::C` where `a` is not itself after `::`). */
function paths(s) {
  return [...s.matchAll(/(?<![A-Za-z0-9_:'])[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+/g)].map((m) => m[0]);
}

const crateOf = (path) => path.split('::')[0];

/** The first path of `s` whose crate is not std, or null. */
function firstNonStd(s) {
  return paths(s).find((p) => !STD.has(crateOf(p))) ?? null;
}

/** The path that owns a simplified name (rules 2 and 3 of the header), or 'std'. */
export function ownerPath(clean) {
  if (clean.startsWith('<')) {
    const close = closing(clean, 0);
    const inner = close > 0 ? clean.slice(1, close) : clean.slice(1);
    let self = inner;
    let trait = null;
    if (inner.startsWith('impl ')) {
      const at = topLevel(inner, ' for ');
      if (at > 0) {
        trait = inner.slice(5, at);
        self = inner.slice(at + 5);
      }
    } else {
      const at = topLevel(inner, ' as ');
      if (at > 0) {
        self = inner.slice(0, at);
        trait = inner.slice(at + 4);
      }
    }
    const owner = firstNonStd(self);
    if (owner) return owner;
    const traitPath = trait ? paths(trait)[0] : null;
    if (traitPath && !STD.has(crateOf(traitPath))) return traitPath;
    return 'std';
  }
  const head = paths(clean)[0];
  if (!head || !clean.startsWith(head)) return 'std';
  if (!STD.has(crateOf(head))) return head;
  return firstNonStd(clean) ?? 'std';
}

/** The group of a function name: { key, sub, label }. `sub` splits engine modules and crates. */
export function groupOf(name) {
  if (!name) return { key: 'merged', sub: '', label: 'unnamed: bodies wasm-opt shares between similar functions (merge-similar-functions)' };
  const clean = simplify(name);
  if (!clean.includes('::')) {
    if (/^(__wbindgen|__wbg_|__externref|Closure\(|intounderlying)|shim$/.test(clean)) return crateGroup('wasm_bindgen');
    return crateGroup('std');
  }
  const owner = ownerPath(clean);
  if (owner === 'std') return crateGroup('std');
  const parts = owner.split('::');
  if (APP_BINS.has(parts[0])) return views(`main of ${parts[0]} (views Leptos inlined into it)`);
  if (parts[0] !== APP) return crateGroup(parts[0]);
  // `krate::app::x` alone is an item of app/mod.rs; `krate::app::x::y` is in module x.
  const module = parts.length > 3 && parts[2] !== '_' ? parts[2] : '(mod.rs)';
  if (parts[1] === 'app') return views(`app::${module}`);
  if (parts[1] === 'web') return { key: 'web', sub: '', label: "the app's browser layer (ecs_image_planner::web)" };
  if (parts[1] === 'core') {
    return { key: 'engine', sub: module, label: `engine: core::${module}` };
  }
  return { key: 'app-other', sub: parts[1] ?? '', label: `ecs_image_planner::${parts[1] ?? ''}` };
}

function views(sub) {
  return { key: 'views', sub, label: `views: ${sub}` };
}

function crateGroup(crate) {
  if (STD.has(crate)) return { key: 'std', sub: '', label: STD_LABEL };
  const group = CRATE_GROUP.get(crate);
  if (group) return { key: group.key, sub: '', label: group.label };
  return { key: 'crate', sub: crate, label: `crate ${crate}` };
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** Bytes of `gzip -9` (GNU gzip, as scripts/env.sh's print_sizes and bench/run.mjs measure). */
export function gzipSize(chunks) {
  return execFileSync('gzip', ['-9', '-n', '-c'], { input: Buffer.concat(chunks), maxBuffer: 1 << 28 }).length;
}

/**
 * Measures a module with a name section; `embedded` is [{ label, bytes }] of files to find in
 * its data; engine modules and other crates under `minShare` percent fold into one row each.
 * Returns { raw, gzip, gzip_sum_of_parts, code_section, functions, unnamed, serde_derives,
 * leptos_closures, data_rest, embedded_missing, rows: [{ key, sub, label, raw, share, gzip, functions }], top }.
 */
export function measure(bytes, { top = 0, embedded = [], minShare = 0 } = {}) {
  const parsed = parseWasm(bytes);
  if (!parsed.hasNames) {
    throw new Error(
      'the module has no name section: measure a build with names kept ' +
        '(cargo release without strip = "symbols", wasm-bindgen without --remove-name-section, wasm-opt with -g); ' +
        'scripts/size.sh makes one',
    );
  }
  const { bytes: buf } = parsed;
  const rows = new Map();
  const row = (g) => {
    const id = `${g.key}\u0000${g.sub}`;
    if (!rows.has(id)) rows.set(id, { key: g.key, sub: g.sub, label: g.label, raw: 0, functions: 0, chunks: [] });
    return rows.get(id);
  };
  for (const body of parsed.bodies) {
    const r = row(groupOf(body.name));
    r.raw += body.end - body.start;
    r.functions++;
    r.chunks.push(buf.subarray(body.start, body.end));
  }
  const found = [];
  const missing = [];
  let ranges = parsed.segments.map((seg) => ({ start: seg.start, end: seg.end }));
  for (const file of embedded) {
    const at = ranges.findIndex((r) => buf.subarray(r.start, r.end).indexOf(file.bytes) >= 0);
    if (file.bytes.length === 0 || at < 0) {
      missing.push(file.label);
      continue;
    }
    const r = ranges[at];
    const start = r.start + buf.subarray(r.start, r.end).indexOf(file.bytes);
    const end = start + file.bytes.length;
    found.push({ label: file.label, start, end });
    ranges.splice(at, 1, { start: r.start, end: start }, { start: end, end: r.end });
    ranges = ranges.filter((x) => x.end > x.start);
  }
  for (const f of found) {
    const r = row({ key: 'data', sub: f.label, label: `read-only data: ${f.label}` });
    r.raw += f.end - f.start;
    r.chunks.push(buf.subarray(f.start, f.end));
  }
  const rest = found.length ? 'read-only data: the rest (texts of rules, guide and page in both languages, tables)' : 'read-only data (texts, tables, embedded files)';
  const data = row({ key: 'data', sub: '~', label: `${rest}; ${parsed.segments.length} data segment${parsed.segments.length === 1 ? '' : 's'} in all` });
  for (const r of ranges.sort((a, b) => a.start - b.start)) {
    data.raw += r.end - r.start;
    data.chunks.push(buf.subarray(r.start, r.end));
  }
  const dataText = data.chunks.reduce((sum, chunk) => sum + textBytes(chunk), 0);
  // The module as shipped: every section but the names and DWARF.
  const kept = parsed.sections.filter((s) => !(s.id === 0 && (s.name === 'name' || s.name.startsWith('.debug'))));
  const whole = Buffer.concat([buf.subarray(0, 8), ...kept.map((s) => buf.subarray(s.start, s.end))]);
  // Module structure: the kept sections minus the bodies and segments measured above.
  const covered = [...parsed.bodies, ...parsed.segments].sort((a, b) => a.start - b.start);
  const structure = row({ key: 'structure', sub: '', label: 'module structure (types, imports, exports, function table, globals, section and size headers, producers)' });
  structure.chunks.push(buf.subarray(0, 8));
  structure.raw += 8;
  let c = 0;
  for (const s of kept) {
    let from = s.start;
    while (c < covered.length && covered[c].start < s.end) {
      if (covered[c].start >= s.start) {
        structure.chunks.push(buf.subarray(from, covered[c].start));
        structure.raw += covered[c].start - from;
        from = covered[c].end;
      }
      c++;
    }
    structure.chunks.push(buf.subarray(from, s.end));
    structure.raw += s.end - from;
  }
  const raw = whole.length;
  // View and engine modules and other crates under minShare percent of the whole fold into one
  // row each.
  for (const key of ['views', 'engine', 'crate']) {
    const small = [...rows.entries()].filter(([, r]) => r.key === key && (100 * r.raw) / raw < minShare);
    if (small.length < 2) continue;
    const names = small.map(([, r]) => r).sort((a, b) => b.raw - a.raw).map((r) => r.sub).join(', ');
    const what = { views: 'views: the', engine: 'engine: the', crate: 'the' }[key] + ` ${small.length} other ${key === 'crate' ? 'crates' : 'modules'}`;
    const folded = { key, sub: '~', label: `${what}, each under ${minShare}% (${names})`, raw: 0, functions: 0, chunks: [] };
    for (const [id, r] of small) {
      folded.raw += r.raw;
      folded.functions += r.functions;
      folded.chunks.push(...r.chunks);
      rows.delete(id);
    }
    folded.chunks.sort((a, b) => a.byteOffset - b.byteOffset);
    rows.set(`${key}\u0000~`, folded);
  }
  const out = [...rows.values()].map((r) => ({
    key: r.key,
    sub: r.sub,
    label: r.label,
    raw: r.raw,
    share: r.raw / raw,
    gzip: gzipSize(r.chunks),
    functions: r.functions,
  }));
  const rank = (r) => (r.sub === '~' ? 1 : 0);
  out.sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key) || rank(a) - rank(b) || b.raw - a.raw || a.sub.localeCompare(b.sub));
  const sum = out.reduce((s, r) => s + r.raw, 0);
  if (sum !== raw) throw new Error(`internal: the rows add up to ${sum} B, the module is ${raw} B`);
  const largest = [...parsed.bodies]
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .slice(0, top)
    .map((b) => ({ name: b.name, raw: b.end - b.start, group: groupOf(b.name).label }));
  return {
    raw,
    gzip: gzipSize([whole]),
    gzip_sum_of_parts: out.reduce((s, r) => s + r.gzip, 0),
    code_section: codeSectionSize(parsed),
    functions: parsed.bodies.length,
    unnamed: parsed.bodies.filter((b) => !b.name).length,
    serde_derives: serdeDerives(parsed.bodies),
    leptos_closures: leptosClosures(parsed.bodies),
    data_rest: { raw: data.raw, text: dataText },
    embedded_missing: missing,
    rows: out,
    top: largest,
  };
}

/** Closures of generic Leptos code (For, memos, effects): where LLVM inlines the app's closures. */
function leptosClosures(bodies) {
  const closures = bodies.filter((b) => b.name && b.name.includes('{{closure}}') && groupOf(b.name).key === 'leptos');
  return { raw: closures.reduce((s, b) => s + b.end - b.start, 0), functions: closures.length };
}

/** Bytes of `chunk` in runs of 8 or more printable ASCII, newline or UTF-8 bytes: its texts. */
export function textBytes(chunk) {
  let total = 0;
  let run = 0;
  for (const byte of chunk) {
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte >= 0x80) run++;
    else {
      if (run >= 8) total += run;
      run = 0;
    }
  }
  return run >= 8 ? total + run : total;
}

/** What serde's derives generated into the app's own types (counted in their module's rows). */
function serdeDerives(bodies) {
  const derived = bodies.filter((b) => b.name && /impl serde(_core)?::(de|ser)::/.test(b.name) && ['engine', 'views', 'web', 'app-other'].includes(groupOf(b.name).key));
  return { raw: derived.reduce((s, b) => s + b.end - b.start, 0), functions: derived.length };
}

// ---------------------------------------------------------------------------------------------
// Printing

const n = (x) => x.toLocaleString('en-US');
const pct = (x) => `${(100 * x).toFixed(1)}%`;

/** The Markdown table of a measure (and the comparison with the shipped build, if any). */
export function toMarkdown(m, { title, shipped } = {}) {
  const lines = [];
  if (title) lines.push(`${title}`, '');
  lines.push('| part | raw B | share | gzip -9 alone | functions |', '|---|---:|---:|---:|---:|');
  for (const r of m.rows) lines.push(`| ${r.label} | ${n(r.raw)} | ${pct(r.share)} | ${n(r.gzip)} | ${r.key === 'data' || r.key === 'structure' ? '' : n(r.functions)} |`);
  lines.push(`| total (the module without its name section) | ${n(m.raw)} | 100% | ${n(m.gzip)} | ${n(m.functions)} |`);
  // Notes as a list, so that Markdown keeps them apart.
  lines.push('');
  lines.push(
    `- gzip -9 alone compresses each part's bytes concatenated, apart from the rest: the parts sum to ${n(m.gzip_sum_of_parts)} B, ` +
      `the whole module to ${n(m.gzip)} B (parts compressed apart do not sum exactly to the whole).`,
  );
  lines.push(
    `- Of the app's rows, ${n(m.serde_derives.raw)} B in ${n(m.serde_derives.functions)} functions are serde's derived ` +
      '(de)serializers of its own types (`impl serde::… for ecs_image_planner::…`).',
  );
  lines.push(
    `- Of the Leptos row, ${n(m.leptos_closures.raw)} B in ${n(m.leptos_closures.functions)} functions are closures of its ` +
      "generic code (`<For>`, memos, effects, renderers: `…::{{closure}}`), instantiated with the app's closures, which LLVM " +
      'often inlines into them: part of those bytes is view and engine code.',
  );
  lines.push(
    `- Of the rest of the read-only data, ${n(m.data_rest.text)} B are text (runs of 8 or more printable or UTF-8 bytes) ` +
      `and ${n(m.data_rest.raw - m.data_rest.text)} B binary (vtables, string and slice tables, Unicode and float tables, padding).`,
  );
  for (const label of m.embedded_missing) lines.push(`- Not found in this module's data: ${label}.`);
  if (shipped) {
    lines.push(
      `- Code section: ${n(m.code_section)} B with names kept, ${n(shipped.code_section)} B shipped ` +
        `(${shipped.diff >= 0 ? '+' : ''}${n(shipped.diff)} B, ${shipped.diff >= 0 ? '+' : ''}${(100 * shipped.diff_share).toFixed(2)}%); ` +
        `shipped wasm ${n(shipped.raw)} B raw, ${n(shipped.gzip)} B gzip -9.`,
    );
  }
  if (m.top.length) {
    lines.push('', '| largest functions | raw B | group |', '|---|---:|---|');
    for (const t of m.top) lines.push(`| \`${(t.name ?? '(unnamed)').replaceAll('|', '\\|')}\` | ${n(t.raw)} | ${t.group} |`);
  }
  return lines.join('\n');
}

/** Compares the measured module's code section with the shipped wasm's. */
export function compareShipped(m, shippedBytes) {
  const parsed = parseWasm(shippedBytes);
  const code = codeSectionSize(parsed);
  const diff = m.code_section - code;
  return { raw: parsed.bytes.length, gzip: gzipSize([parsed.bytes]), code_section: code, diff, diff_share: diff / code };
}

function main(argv) {
  const args = { json: false, top: 0, maxCodeDiff: 5, minShare: 0, embedded: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--json') args.json = true;
    else if (a === '--shipped') args.shipped = value();
    else if (a === '--title') args.title = value();
    else if (a === '--embedded') {
      const [label, file] = value().split(/=(?=[^=]*$)/);
      if (!label || !file) throw new Error('--embedded takes LABEL=FILE');
      args.embedded.push({ label, bytes: readFileSync(file) });
    }
    else if (a === '--top') args.top = Number(value());
    else if (a === '--max-code-diff') args.maxCodeDiff = Number(value());
    else if (a === '--min-share') args.minShare = Number(value());
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (args.file) throw new Error(`one wasm file at a time (got ${args.file} and ${a})`);
    else args.file = a;
  }
  if (!args.file) throw new Error('usage: node scripts/wasm-size.mjs NAMES.wasm [--shipped SHIPPED.wasm] [--title TEXT] [--top N] [--json]');
  if (!Number.isInteger(args.top) || args.top < 0) throw new Error('--top takes a whole number');
  if (!(args.minShare >= 0) || !(args.maxCodeDiff >= 0)) throw new Error('--min-share and --max-code-diff take a number of percent');
  const m = measure(readFileSync(args.file), { top: args.top, embedded: args.embedded, minShare: args.minShare });
  const shipped = args.shipped ? compareShipped(m, readFileSync(args.shipped)) : null;
  if (args.json) console.log(JSON.stringify({ file: args.file, title: args.title ?? null, ...m, shipped }, null, 2));
  else console.log(toMarkdown(m, { title: args.title, shipped }));
  if (shipped && Math.abs(shipped.diff_share) * 100 > args.maxCodeDiff) {
    throw new Error(
      `the code section with names kept (${m.code_section} B) differs from the shipped one (${shipped.code_section} B) ` +
        `by ${(100 * shipped.diff_share).toFixed(2)}%, more than ${args.maxCodeDiff}%: it is not the shipped code ` +
        '(was the names-kept build made from the same cargo output, with the same wasm-opt flags?)',
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`wasm-size: ${e.message}`);
    process.exit(1);
  }
}
