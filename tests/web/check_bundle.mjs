// The built portal's first load: the scripts index.html loads (and what they import
// statically) at most 300 KB gzip-compressed, no inline script (the CSP forbids it), and
// ECharts only in a chunk loaded by import() (the dashboard's).
//
//   node tests/web/check_bundle.mjs WEB_ROOT        exit 77 when the portal is not built
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const kBudget = 300 * 1024;
const root = process.argv[2];
const indexPath = path.join(root ?? '', 'index.html');
if (!root || !fs.existsSync(indexPath)) {
  console.log(
      `SKIPPED: the portal is not built (${indexPath} missing: the build needs node_modules)`);
  process.exit(77);
}
const html = fs.readFileSync(indexPath, 'utf8');
assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline script in index.html');
assert.doesNotMatch(html, /\sstyle=|<style/, 'inline style in index.html');
const entries = [...html.matchAll(/<script[^>]*\bsrc="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
assert.ok(entries.length > 0, 'index.html loads no script');

// The entry scripts and, transitively, their static imports (`from"./chunk-….js"`).
const firstLoad = new Set();
const pending = [...entries];
while (pending.length > 0) {
  const file = pending.pop();
  if (firstLoad.has(file)) continue;
  firstLoad.add(file);
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
    pending.push(path.posix.join(path.posix.dirname(file), m[1]));
  }
}
let compressed = 0;
for (const file of firstLoad) {
  const bytes = fs.readFileSync(path.join(root, file));
  const size = zlib.gzipSync(bytes, {level: 9}).length;
  compressed += size;
  console.log(`${file}: ${bytes.length} bytes, ${size} gzip`);
  assert.doesNotMatch(
      bytes.toString('utf8'), /echarts|ECharts|zrender/i, `${file} (first load) holds ECharts`);
}
console.log(`first load: ${compressed} bytes of compressed JavaScript (budget ${kBudget})`);
assert.ok(compressed <= kBudget, `first load ${compressed} > ${kBudget} bytes compressed`);
// The charts are there, only lazily: a dynamic import() target that is not loaded first.
const lazy = fs.readdirSync(path.join(root, 'assets'))
                 .filter((f) => f.endsWith('.js'))
                 .map((f) => `assets/${f}`)
                 .filter((f) => !firstLoad.has(f));
assert.ok(
    lazy.some((f) => fs.statSync(path.join(root, f)).size > 100000),
    'no lazily loaded chart chunk');
console.log('PASSED');
