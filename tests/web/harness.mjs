// Shared by the browser journeys: a real techmatch-server on port 0 (temporary database, keys
// minted with `techmatch-server keys create`), plain Connect JSON calls for the setup, one
// headless Debian chromium driven by playwright-core, axe-core scans, screenshots.
//
// Every journey is `node tests/web/<journey>.mjs TECHMATCH_SERVER WEB_ROOT SCREENSHOT_DIR`.
// Exit codes: 0 pass, 1 fail, 77 skipped (no chromium, no node_modules, or no built portal).
import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const kSkip = 77;
const require = createRequire(import.meta.url);

export function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(kSkip);
}

const kChromiumCandidates =
    [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

// The journey's arguments, or a skip when something it needs is missing.
export async function prerequisites() {
  const [serverBin, webRoot, screenshotDir] = process.argv.slice(2);
  if (!serverBin || !webRoot || !screenshotDir) {
    console.error('usage: JOURNEY.mjs TECHMATCH_SERVER WEB_ROOT SCREENSHOT_DIR');
    process.exit(2);
  }
  let playwright;
  let axeSource;
  try {
    playwright = await import('playwright-core');
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch (e) {
    skip(
        `playwright-core or axe-core is not installed in node_modules (${e.code || e.message}); ` +
        'run scripts/install-deps with access to the npm registry.');
  }
  const chromium = kChromiumCandidates.find((p) => p && fs.existsSync(p));
  if (!chromium)
    skip('chromium is not installed (scripts/install-deps installs Debian\'s chromium)');
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    skip(`the portal is not built (${webRoot}/index.html missing: the build needs node_modules)`);
  }
  fs.mkdirSync(screenshotDir, {recursive: true});
  return {serverBin, webRoot, screenshotDir, playwright, axeSource, chromium};
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Starts techmatch-server with the HTTP listener. Returns {base, tokens: {admin}, call, mint,
// stop}; `mint(role, organization)` makes more keys with the host command while it runs.
export async function startServer(serverBin, webRoot, extraArgs = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'techmatch-web-'));
  const db = path.join(dir, 'techmatch.db');
  const portFile = path.join(dir, 'http_port');
  const mint = (role, organization) => {
    const args = [`--db=${db}`, 'keys', 'create', '--role', role, '--label', `web-${role}`];
    if (organization) args.push('--organization', organization);
    return childProcess.execFileSync(serverBin, args, {encoding: 'utf8'}).trim();
  };
  // Maintenance commands refuse a missing database: create it first, as an operator would.
  childProcess.execFileSync(serverBin, [`--db=${db}`, 'init'], {encoding: 'utf8'});
  const tokens = {admin: mint('ADMIN')};
  const args = [
    `--db=${db}`, '--synchronous=normal', '--listen=127.0.0.1:0', '--http_listen=127.0.0.1:0',
    `--http_port_file=${portFile}`, `--http_web_root=${webRoot}`, ...extraArgs
  ];
  const server = childProcess.spawn(serverBin, args, {stdio: ['ignore', 'ignore', 'inherit']});
  const exited = new Promise((resolve) => server.on('exit', resolve));
  // Never leave the server behind (it would hold ctest's output pipe open), however node ends.
  const killServer = () => server.kill('SIGKILL');
  process.on('exit', killServer);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => process.exit(130));
  }
  const deadline = Date.now() + 30000;
  let port = 0;
  while (Date.now() < deadline && !port) {
    if (fs.existsSync(portFile)) port = Number(fs.readFileSync(portFile, 'utf8').trim()) || 0;
    if (!port) await sleep(50);
  }
  if (!port) {
    server.kill('SIGKILL');
    throw new Error('techmatch-server wrote no HTTP port within 30 s');
  }
  const base = `http://127.0.0.1:${port}`;
  // A Connect unary call in JSON with a bearer token; throws with the error body on failure.
  const call = async (method, body, token = tokens.admin) => {
    const response = await fetch(`${base}/techmatch.v1.${method}`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Authorization: `Bearer ${token}`},
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : {};
  };
  const stop = async () => {
    process.off('exit', killServer);
    server.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, {recursive: true, force: true});
  };
  return {base, tokens, call, mint, stop, dir};
}

// One headless chromium for the whole journey.
export async function launchBrowser({playwright, chromium}) {
  return playwright.chromium.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

// A browser context signed in the way the portal is: the `techmatch_session` cookie holding a
// token (here an API key; the guard accepts either); with an empty token, not signed in. Page
// errors and CSP violations fail.
export async function signedInContext(browser, base, token, options = {}) {
  const context = await browser.newContext({locale: 'zh-CN', ...options});
  if (token) await setSessionCookie(context, base, token);
  context.problems = [];
  context.on('page', (page) => watch(page, context.problems));
  return context;
}

// Puts `token` in the context's session cookie, as POST /session would.
export async function setSessionCookie(context, base, token) {
  await context.addCookies(
      [{name: 'techmatch_session', value: token, url: base, httpOnly: true, sameSite: 'Strict'}]);
}

function watch(page, problems) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Refused calls the page handles (a 400 with field errors, a refused sign-in) are logged
    // by the browser as failed loads; anything else (a CSP violation: "Refused to …", an exception) is a problem.
    if (message.type() === 'error' &&
        !/^Failed to load resource: the server responded with a status of/.test(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
}

// axe-core over the page: no serious or critical violation. Injected through the DevTools
// protocol (page.evaluate), which the page's CSP does not govern, so the CSP stays as served.
export async function checkAccessibility(page, axeSource, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(
      async () =>
          // eslint-disable-next-line no-undef
      await axe.run(document, {resultTypes: ['violations']}));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
      bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' ')}`), [],
      `axe on ${what}`);
}

let stepCount = 0;
export async function step(name, fn) {
  stepCount += 1;
  process.stdout.write(`[${stepCount}] ${name} ... `);
  const start = Date.now();
  await fn();
  process.stdout.write(`ok (${Date.now() - start} ms)\n`);
}

// Runs `journey(env)`; stops the server and the browser whatever happens.
export async function run(journey) {
  const env = await prerequisites();
  let server;
  let browser;
  let failed = null;
  try {
    browser = await launchBrowser(env);
    env.browser = browser;
    env.startServer = async (extraArgs) => {
      server = await startServer(env.serverBin, env.webRoot, extraArgs);
      return server;
    };
    await journey(env);
  } catch (e) {
    failed = e;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
  }
  if (failed) {
    console.log('FAILED');
    console.error(failed);
    process.exit(1);
  }
  console.log('PASSED');
}
