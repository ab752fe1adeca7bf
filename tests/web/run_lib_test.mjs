// Bundles lib_test.ts (and the portal modules it tests) with esbuild and runs it in node.
// Exit 77 (skipped) without node_modules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let esbuild;
try {
  esbuild = await import('esbuild');
} catch (e) {
  console.log(
      `SKIPPED: esbuild is not installed in node_modules (${e.code}); run scripts/install-deps`);
  process.exit(77);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techmatch-web-lib-'));
const out = path.join(dir, 'lib_test.mjs');
try {
  await esbuild.build({
    entryPoints: [path.join(here, 'lib_test.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning'
  });
  await import(pathToFileURL(out).href);
} finally {
  fs.rmSync(dir, {recursive: true, force: true});
}
