// Builds the portal into OUT_DIR (default ../build/share/techmatch/web): content-hashed
// bundles under assets/ (cached a year by the server) and an index.html that loads them with
// no inline script (the server's CSP allows none). Runs offline: esbuild from node_modules.
//
//   node web/build.mjs [OUT_DIR]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out =
    path.resolve(process.argv[2] ?? path.join(here, '..', 'build', 'share', 'techmatch', 'web'));
const assets = path.join(out, 'assets');
fs.rmSync(assets, {recursive: true, force: true});

const result = await esbuild.build({
  entryPoints: [path.join(here, 'src', 'main.tsx')],
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2022'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  outdir: assets,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: {'process.env.NODE_ENV': '"production"'},
  logLevel: 'warning',
});

// The entry's script and its stylesheet, by the names esbuild gave them (the lazily loaded
// modules are entry points in the metafile too: pick main.tsx's).
let script = '';
let style = '';
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  if (meta.entryPoint?.endsWith('src/main.tsx') && file.endsWith('.js')) {
    script = path.basename(file);
    if (meta.cssBundle) style = path.basename(meta.cssBundle);
  }
}
if (!script) throw new Error('esbuild produced no entry script');
const html = `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>techmatch</title>
${
    style ? `<link rel="stylesheet" href="/assets/${style}">\n` :
            ''}<script type="module" src="/assets/${script}"></script>
</head>
<body>
<div id="app"></div>
<noscript>techmatch needs JavaScript.</noscript>
</body>
</html>
`;
fs.writeFileSync(path.join(out, 'index.html'), html);
const sizes = Object.entries(result.metafile.outputs)
                  .map(([file, meta]) => `${path.basename(file)} ${meta.bytes}`)
                  .join(', ');
console.log(`web: built ${out} (${sizes})`);
