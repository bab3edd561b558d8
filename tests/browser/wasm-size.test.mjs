// scripts/wasm-size.mjs, the measure behind the README's "What the remaining kilobytes are": run
// on a tiny module assembled here byte by byte (an import, four function bodies, three of them
// named, one data segment, a name section), so every byte count is known exactly. The shipped
// dist/ has no names, so it cannot serve here; no browser is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { groupOf, measure, parseWasm, textBytes } from '../../scripts/wasm-size.mjs';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/wasm-size.mjs');

const uleb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const str = (s) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, payload) => [id, ...uleb(payload.length), ...payload];
const vec = (items) => [...uleb(items.length), ...items.flat()];

// Function bodies: no locals, N nops, end. Distinct sizes so that a body in the wrong row shows.
const body = (nops) => [0x00, ...Array(nops).fill(0x01), 0x0b];
const BODIES = [body(40), body(20), body(10), body(5)]; // 42, 22, 12 and 7 bytes
const RULES = 'ecs_image_planner::core::rules::launch::closest_type::h0123456789abcdef';
const RENDER = '<alloc::vec::Vec<T> as tachys::view::Render>::build::{{closure}}::h0123456789abcdef';
const DROP = 'core::ptr::drop_in_place<alloc::vec::Vec<ecs_image_planner::app::plan::Row>>::h0123456789abcdef';
const DATA = Buffer.from('rule texts here; {"catalog":true}; more texts');
const CATALOG = Buffer.from('{"catalog":true}');

/** The module; `names` false leaves out the name section (as the shipped build does). */
function module({ names = true, bodies = BODIES } = {}) {
  const parts = [
    [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    section(1, vec([[0x60, 0x00, 0x00]])),
    // One imported function: the defined functions' indices start at 1.
    section(2, vec([[...str('env'), ...str('f'), 0x00, 0x00]])),
    section(3, vec(bodies.map(() => [0x00]))),
    section(5, vec([[0x00, 0x01]])),
    section(10, vec(bodies.map((b) => [...uleb(b.length), ...b]))),
    section(11, vec([[0x00, 0x41, 0x10, 0x0b, ...uleb(DATA.length), ...DATA]])),
  ];
  if (names) {
    // Index 4 (the fourth body) has no name: wasm-opt's merged bodies have none.
    const fnames = vec([[0, ...str('env::f')], [1, ...str(RULES)], [2, ...str(RENDER)], [3, ...str(DROP)]]);
    parts.push(section(0, [...str('name'), 1, ...uleb(fnames.length), ...fnames]));
  }
  parts.push(section(0, [...str('producers'), 0x00]));
  return Buffer.from(parts.flat());
}

const row = (m, key, sub = '') => m.rows.find((r) => r.key === key && r.sub === sub);
const gz = (...bufs) => execFileSync('gzip', ['-9', '-c'], { input: Buffer.concat(bufs.map((b) => Buffer.from(b))) }).length;

test('wasm-size: each body and the data segment land in their group with their exact bytes', () => {
  const wasm = module();
  const parsed = parseWasm(wasm);
  assert.equal(parsed.importedFuncs, 1);
  assert.deepEqual(parsed.bodies.map((b) => b.name), [RULES, RENDER, DROP, null]);
  assert.deepEqual(parsed.bodies.map((b) => b.end - b.start), [42, 22, 12, 7]);

  const m = measure(wasm, { embedded: [{ label: 'the catalog', bytes: CATALOG }] });
  assert.deepEqual(
    m.rows.map((r) => [r.key, r.sub, r.raw, r.functions]),
    [
      ['leptos', '', 22, 1],
      ['views', 'app::plan', 12, 1],
      ['engine', 'rules', 42, 1],
      ['merged', '', 7, 1],
      ['data', 'the catalog', CATALOG.length, 0],
      ['data', '~', DATA.length - CATALOG.length, 0],
      ['structure', '', m.raw - 42 - 22 - 12 - 7 - DATA.length, 0],
    ],
  );
  // The whole is the module less its name section: the shipped module, byte for byte.
  const shipped = module({ names: false });
  assert.equal(m.raw, shipped.length);
  assert.equal(m.gzip, gz(shipped));
  assert.equal(m.code_section, 1 + 1 + 1 + BODIES.reduce((s, b) => s + 1 + b.length, 0));
  // Each part's gzip is its own bytes compressed alone; the data rows split the segment.
  assert.equal(row(m, 'engine', 'rules').gzip, gz(BODIES[0]));
  assert.equal(row(m, 'data', 'the catalog').gzip, gz(CATALOG));
  assert.equal(row(m, 'data', '~').gzip, gz(DATA.subarray(0, 17), DATA.subarray(17 + CATALOG.length)));
  assert.deepEqual(m.data_rest, { raw: 29, text: 29 });
  assert.deepEqual(m.serde_derives, { raw: 0, functions: 0 });
  assert.deepEqual(m.leptos_closures, { raw: 22, functions: 1 });
  assert.equal(textBytes(Buffer.from([0, 1, ...Buffer.from('abcdefgh'), 0, ...Buffer.from('short'), 2])), 8);
  assert.equal(m.rows.reduce((s, r) => s + r.raw, 0), m.raw);
  assert.equal(m.rows.reduce((s, r) => s + r.share, 0).toFixed(6), '1.000000');
  assert.equal(m.gzip_sum_of_parts, m.rows.reduce((s, r) => s + r.gzip, 0));
});

test('wasm-size: names are attributed to the crate of the type they instantiate, as the header says', () => {
  const cases = [
    [RULES, 'engine', 'rules'],
    ['ecs_image_planner::core::model::_::<impl serde_core::ser::Serialize for ecs_image_planner::core::model::Plan>::serialize::h51fd8c00a458b746', 'engine', 'model'],
    ['<alloc::vec::Vec<ecs_image_planner::core::model::Launch> as core::clone::Clone>::clone::h46c7a17f3888d963', 'engine', 'model'],
    ['<fn(ecs_image_planner::core::report::Report) -> alloc::string::String as core::ops::function::FnOnce<A>>::call_once', 'engine', 'report'],
    ['ecs_image_planner_web::main::ha5a49ba4ba00419f', 'views', 'main of ecs_image_planner_web (views Leptos inlined into it)'],
    ['ecs_image_planner::app::io::__component_import_panel::{{closure}}::hadd4210f6fdc4a64', 'views', 'app::io'],
    ['<ecs_image_planner::app::state::State as core::clone::Clone>::clone::h0123456789abcdef', 'views', 'app::state'],
    ['ecs_image_planner::app::today::h0123456789abcdef', 'views', 'app::(mod.rs)'],
    ['ecs_image_planner::web::dom::scroll_to::h0123456789abcdef', 'web', ''],
    ['<(A,B) as tachys::view::Render>::build::h0123456789abcdef', 'leptos', ''],
    ['reactive_graph::computed::arc_memo::ArcMemo<T>::new_with_compare::{{closure}}::ha14d55e2f0493cab', 'leptos', ''],
    ['<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_seq::ha46a0a7128a84cb0', 'serde', ''],
    ['serde_core::de::impls::<impl serde_core::de::Deserialize for alloc::string::String>::deserialize::h0123456789abcdef', 'serde', ''],
    ['<f64 as core[c5930c85a12de822]::fmt::Display>::fmt', 'std', ''],
    ['<str>::to_lowercase', 'std', ''],
    ['core::ops::function::FnOnce::call_once{{vtable.shim}}::h9f60a00a64ee4f59', 'std', ''],
    ['<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<dlmalloc[e24a27700634d609]::sys::System>>::malloc', 'std', ''],
    ['alloc[3ca501edff3f0c7c]::boxed::box_new_uninit.342', 'std', ''],
    ['__rustc[4794b31dd7191200]::__rust_alloc', 'std', ''],
    ['memcmp', 'std', ''],
    ['__wbindgen_malloc', 'bindings', ''],
    ['Ref(String) -> Externref externref shim', 'bindings', ''],
    ['<web_sys::features::gen_Element::Element as core::clone::Clone>::clone::h0123456789abcdef', 'bindings', ''],
    ['miniz_oxide::deflate::core::flush_block::hec7f046690294f05', 'compression', ''],
    ['hashbrown::raw::RawTable<T,A>::reserve_rehash::h0123456789abcdef', 'crate', 'hashbrown'],
    [null, 'merged', ''],
  ];
  for (const [name, key, sub] of cases) {
    const g = groupOf(name);
    assert.deepEqual([g.key, g.sub], [key, sub], name);
  }
});

test('wasm-size: the command prints the table, compares with the shipped build, and fails without names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-size-'));
  const names = join(dir, 'names.wasm');
  const shipped = join(dir, 'shipped.wasm');
  const other = join(dir, 'other.wasm');
  writeFileSync(names, module());
  writeFileSync(shipped, module({ names: false }));
  writeFileSync(other, module({ names: false, bodies: [body(400), ...BODIES.slice(1)] }));

  const table = execFileSync('node', [SCRIPT, names, '--shipped', shipped, '--title', 'tiny'], { encoding: 'utf8' });
  assert.match(table, /^tiny\n/);
  assert.match(table, /\| engine: core::rules \| 42 \| [\d.]+% \| \d+ \| 1 \|/);
  assert.match(table, /\| read-only data \(texts, tables, embedded files\); 1 data segment in all \| 45 \|/);
  assert.match(table, /do not sum exactly to the whole/);
  assert.match(table, /\n- Code section: 90 B with names kept, 90 B shipped \(\+0 B, \+0\.00%\)/);

  const json = JSON.parse(execFileSync('node', [SCRIPT, names, '--json'], { encoding: 'utf8' }));
  assert.equal(json.rows.find((r) => r.key === 'views').raw, 12);

  // Folding: the engine's one module stays a row (a fold needs two), the rest is untouched.
  const folded = execFileSync('node', [SCRIPT, names, '--min-share', '50'], { encoding: 'utf8' });
  assert.match(folded, /\| engine: core::rules \| 42 \|/);

  const noNames = spawnSync('node', [SCRIPT, shipped], { encoding: 'utf8' });
  assert.equal(noNames.status, 1);
  assert.match(noNames.stderr, /has no name section/);

  const notShipped = spawnSync('node', [SCRIPT, names, '--shipped', other], { encoding: 'utf8' });
  assert.equal(notShipped.status, 1);
  assert.match(notShipped.stderr, /differs from the shipped one .* it is not the shipped code/);

  const notWasm = spawnSync('node', [SCRIPT, join(SCRIPT)], { encoding: 'utf8' });
  assert.equal(notWasm.status, 1);
  assert.match(notWasm.stderr, /not a wasm module/);
});
