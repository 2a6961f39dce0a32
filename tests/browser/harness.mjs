// Shared set-up for browser tests and the front-end benchmark: a private
// PostgreSQL cluster, the real learnloop-server, and Debian's Chromium driven
// by playwright-core. Everything started here is stopped by stopAll().
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const sourceDir = process.env.LEARNLOOP_SOURCE_DIR ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const cleanups = [];

export const config = {
  sourceDir,
  server: process.env.LEARNLOOP_SERVER ?? path.join(sourceDir, 'build/server/learnloop-server'),
  cli: process.env.LEARNLOOP_CLI ?? path.join(sourceDir, 'build/server/learnloop'),
  webRoot: process.env.LEARNLOOP_WEB_ROOT ?? path.join(sourceDir, 'build-wasm/web'),
  artifacts: process.env.LEARNLOOP_ARTIFACTS ?? path.join(sourceDir, 'build/artifacts'),
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

// Starts a private cluster with one fresh database, migrated and seeded with
// the demo school: the full school with its six weeks of history, or with
// { minimal: true } only the four logins and one class (for a test that counts
// what one student does from a clean start).
export async function startDatabase({ minimal = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-browser-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const db = path.join(sourceDir, 'scripts/db');
  run(db, ['start', path.join(dir, 'pg'), String(port)]);
  cleanups.push(() => {
    spawnSync(db, ['stop', path.join(dir, 'pg')]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  run(db, ['createdb', String(port), 'learnloop']);
  const url = `host=127.0.0.1 port=${port} dbname=learnloop user=postgres`;
  const env = { ...process.env, DATABASE_URL: url };
  run(config.cli, ['migrate'], { env });
  const seeded = run(config.cli, ['seed', 'demo', ...(minimal ? ['--minimal', 'yes'] : [])], { env });
  return { url, port, seeded };
}

// Loads a curriculum folder into the database (learnloop seed curriculum).
export function seedCurriculum(database, dir) {
  return run(config.cli, ['seed', 'curriculum', '--dir', dir], { env: { ...process.env, DATABASE_URL: database.url } });
}

// Runs SQL as the database owner (for a test that must change what the API
// cannot, e.g. the server's copy of a task); returns psql's unaligned output.
export function sql(database, text) {
  return run('psql', ['-h', '127.0.0.1', '-p', String(database.port), '-U', 'postgres', '-d', 'learnloop', '-X', '-A', '-t',
    '-v', 'ON_ERROR_STOP=1', '-c', text]).trim();
}

// fetch, once more when the connection failed before any answer: the server
// closes a kept-alive connection idle for 5 s, and on a busy machine Node can
// pick that connection just as it closes ("fetch failed").
export async function fetchOnce(url, options) {
  try {
    return await fetch(url, options);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return fetch(url, options);
  }
}

// Scrolls to a node of the accessible tree, which the semantics layer may
// replace between finding it and scrolling (then it is found again).
export async function scrollTo(locator) {
  for (let tries = 1; ; tries++) {
    try {
      await locator.scrollIntoViewIfNeeded({ timeout: 2000 });
      return;
    } catch (error) {
      if (tries >= 5) throw error;
    }
  }
}

// Signs in through the API (for setting up data a test does not drive through the UI).
export async function apiLogin(server, email, password) {
  const response = await fetchOnce(`${server.base}/api/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status}`);
  return (await response.json()).token;
}

export async function apiCall(server, token, method, path, body) {
  const response = await fetchOnce(`${server.base}${path}`, {
    method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

// Starts learnloop-server (on `port`, or a free one) and waits until
// /api/health answers. stop() ends it, so a test can take the server away
// and start it again on the same port.
export async function startServer(databaseUrl, { port: wanted } = {}) {
  const port = wanted ?? await freePort();
  const logPath = path.join(config.artifacts, `server-${port}.log`);
  fs.mkdirSync(config.artifacts, { recursive: true });
  const log = fs.openSync(logPath, 'a');
  // Buying runs through the sandbox payment provider, as in the demo.
  const child = spawn(config.server, ['--port', String(port), '--web-root', config.webRoot, '--database-url', databaseUrl],
    { stdio: ['ignore', log, log], env: { ...process.env, LEARNLOOP_PAYMENTS: 'sandbox' } });
  let exited = false;
  child.on('exit', () => { exited = true; });
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  };
  cleanups.push(stop);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (exited) throw new Error(`learnloop-server exited early; see ${logPath}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.status === 200) return { base, port, logPath, stop };
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`learnloop-server did not become healthy; see ${logPath}`);
}

// `ignoreHTTPSErrors` for the front door's self-signed certificate;
// `serviceWorkers: 'block'` for a test that intercepts the page's requests
// (page.route never sees what a service worker fetches); `device` to emulate
// a phone ({ viewport, deviceScaleFactor, isMobile, hasTouch }).
export async function launchBrowser({ ignoreHTTPSErrors = false, serviceWorkers = 'allow', device = {} } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors,
    serviceWorkers,
    viewport: { width: 1280, height: 800 },
    ...device,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
  cleanups.push(async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  });
  return context;
}

// Runs a cleanup when the test ends (with the servers and the browser).
export function atExit(cleanup) {
  cleanups.push(cleanup);
}

export async function stopAll() {
  while (cleanups.length) {
    const cleanup = cleanups.pop();
    try { await cleanup(); } catch (error) { console.error('cleanup failed:', error.message); }
  }
}

// Waits for the app's first frame; returns the page load to first frame time in ms.
export async function waitForFirstFrame(page, timeout = 60000) {
  await page.waitForFunction(() => window.learnloop && (window.learnloop.ready || window.learnloop.problem),
    null, { timeout });
  const problem = await page.evaluate(() => window.learnloop.problem);
  if (problem) throw new Error(`the app reported a problem: ${problem}`);
  return page.evaluate(() => window.learnloop.firstFrameMs);
}

export function appState(page) {
  return page.evaluate(() => window.learnloop.state());
}

// Polls the app's state until `predicate` holds.
export async function waitForState(page, predicate, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let state;
  while (Date.now() < deadline) {
    state = await appState(page);
    if (state && predicate(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(state)}`);
}

// Presses a key (with optional modifiers, e.g. 'Control+A') long enough for
// the app to see it: Dear ImGui 1.86 samples key state once per frame, so a
// press and release within one frame would be missed.
// The focused element's role and accessible name ("button:Sign in"), or null when nothing is focused.
export async function focusedName(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const role = el.getAttribute('role') || (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? 'textbox' : el.tagName.toLowerCase());
    return `${role}:${el.getAttribute('aria-label') || el.textContent}`;
  });
}

// Waits for the focus to reach `name`: the app moves it in its next frame, which
// on a busy machine can come late.
export async function expectFocused(page, name, message = undefined, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let now = await focusedName(page);
  while (now !== name && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    now = await focusedName(page);
  }
  assert.equal(now, name, message);
}

export async function pressKey(page, combo) {
  const keys = combo.split('+');
  for (const key of keys) await page.keyboard.down(key);
  await new Promise((resolve) => setTimeout(resolve, 120));
  for (const key of keys.reverse()) await page.keyboard.up(key);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

// Clicks the centre of a widget the app reported in its layout.
// A widget is in the layout once a frame has drawn it, which can be a frame
// or two after the data behind it arrived (the state shows the data at
// once): wait for it a while before giving up.
export async function clickWidget(page, name, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let state = await appState(page);
  while (!state.layout[name] && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    state = await appState(page);
  }
  const rect = state.layout[name];
  if (!rect) throw new Error(`no widget ${name} on screen ${state.screen}`);
  // Hover first, then press and release over a few frames, as a person does:
  // some Dear ImGui widgets (tabs) react only to a press on an item that was
  // already hovered in the previous frame.
  // Each step lasts at least two frames: a long screen (the full demo's 144
  // users) on a busy machine can take longer than 60 ms a frame, and a press
  // and release inside one frame is lost.
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await waitFrames(page, 2, 60);
  await page.mouse.down();
  await waitFrames(page, 2, 60);
  await page.mouse.up();
  await waitFrames(page, 1, 30);
}

// Teachers, students and parents land on their home page; most checks start
// from the tab they work in, which was the landing tab before there was one.
const WORK_TABS = { teacher: 'teacher.tab.assignments', student: 'student.tab.assignments', parent: 'parent.tab.children' };

// Opens `who`'s work tab from their home page (nothing for a role without a home page).
export async function openWorkTab(page, who) {
  const tab = WORK_TABS[who];
  if (!tab) return;
  await waitForState(page, (s) => s.screen === 'portal' && s.layout?.[tab], `${who}'s tabs`);
  await clickWidget(page, tab);
  await waitForState(page, (s) => s.route?.shown?.startsWith('#/' + tab.replace('.tab.', '/')), `${who}'s ${tab}`);
}

// Waits at least `ms` and until the app has drawn `count` more frames (at most 2 s).
async function waitFrames(page, count, ms) {
  const start = (await appState(page)).frames ?? 0;
  const began = Date.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  while (Date.now() - began < 2000 && ((await appState(page)).frames ?? start + count) < start + count)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

// [RUNNER] Named checks in order, TAP-like output, and the closing
// "N passed, N failed" line. With `stopOnFailure`, a failed check ends the
// run (later steps depend on it).
export function createRunner({ stopOnFailure = false } = {}) {
  const results = [];
  return {
    // LEARNLOOP_CHECK=<words> runs only the checks whose name holds them (while working on one).
    async check(name, body) {
      if (process.env.LEARNLOOP_CHECK && !name.includes(process.env.LEARNLOOP_CHECK)) return;
      try {
        await body();
        results.push({ name, ok: true });
        console.log(`ok - ${name}`);
      } catch (error) {
        results.push({ name, ok: false });
        console.log(`not ok - ${name}\n  ${String(error.stack ?? error).split('\n').join('\n  ')}`);
        if (stopOnFailure) throw Object.assign(error, { reported: true });
      }
    },
    // Records an error outside any check (set-up), unless a check reported it.
    fail(error) {
      if (error.reported) return;
      results.push({ name: 'set-up', ok: false });
      console.log(`not ok - set-up\n  ${error.stack ?? error}`);
    },
    // Prints the summary and exits: 0 only when something ran and nothing failed.
    finish() {
      const passed = results.filter((r) => r.ok).length;
      const failed = results.length - passed;
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed === 0 && passed > 0 ? 0 : 1);
    },
  };
}

// Saves a screenshot under the artifacts folder and checks it is really drawn.
export async function saveScreenshot(page, name) {
  const buffer = await page.screenshot();
  fs.mkdirSync(config.artifacts, { recursive: true });
  fs.writeFileSync(path.join(config.artifacts, name), buffer);
  const png = decodePng(buffer);
  assertDrawn(png, name);
  return png;
}

// [PNG] A minimal decoder for 8-bit RGB/RGBA screenshots (all five filters).
export function decodePng(buffer) {
  let offset = 8;
  let width = 0, height = 0, channels = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error('only 8-bit PNGs are supported');
      channels = { 2: 3, 6: 4 }[data[9]];
      if (!channels) throw new Error(`unsupported PNG colour type ${data[9]}`);
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

// How much of a screenshot is drawn: the number of distinct colours and the
// share of pixels that differ from the most common (background) colour. A
// blank, black or single-colour canvas has one colour and nothing drawn.
export function drawnStats(png) {
  const counts = new Map();
  const { pixels, channels } = png;
  for (let i = 0; i < pixels.length; i += channels) {
    const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = pixels.length / channels;
  let background = 0, backgroundKey = 0;
  for (const [key, count] of counts) if (count > background) { background = count; backgroundKey = key; }
  return { colours: counts.size, drawnFraction: 1 - background / total, background: backgroundKey };
}

export function assertDrawn(png, what) {
  const stats = drawnStats(png);
  if (stats.colours < 16 || stats.drawnFraction < 0.01 || stats.background === 0)
    throw new Error(`${what} looks blank: ${JSON.stringify(stats)}`);
  return stats;
}

// How many pixels of the app's keyboard focus ring (a blue outline) surround
// a rectangle of the page (routes and semantics tests).
export async function focusRingAround(page, box) {
  const png = decodePng(await page.screenshot());
  const scale = png.width / page.viewportSize().width;
  let ring = 0;
  for (let y = Math.floor((box.y - 5) * scale); y <= Math.ceil((box.y + box.height + 5) * scale); y++) {
    for (let x = Math.floor((box.x - 5) * scale); x <= Math.ceil((box.x + box.width + 5) * scale); x++) {
      if (x < 0 || y < 0 || x >= png.width || y >= png.height) continue;
      const i = (y * png.width + x) * png.channels;
      const [r, g, b] = [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
      if (b > 150 && r < 80 && g > 60 && g < 130) ring++;
    }
  }
  return ring;
}

// [SECTION] accessibility checks (axe-core) ----------------------------------------
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe-core over the whole page: the WCAG 2.2 A and AA rules, violations only.
export async function axeViolations(page) {
  if (!await page.evaluate(() => typeof window.axe === 'object')) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
}

// Fails with the list when axe-core finds any violation on `screen`.
export async function expectNoViolations(page, screen) {
  const violations = await axeViolations(page);
  if (violations.length) throw new Error(`axe found WCAG violations on ${screen}:\n  ${violations.join('\n  ')}`);
}

// Presses a control from the keyboard, as a screen reader user does: focus,
// then Enter (a control far down a screen that scrolls inside the app is
// reached by focus, not by scrolling the page).
export async function press(locator) {
  await locator.focus();
  await locator.page().keyboard.press('Enter');
}

// Signs `who` (the email's local part) in to the demo tenant with code
// `tenant` (its emails end @<tenant>.learnloop.test) on the sign-in screen.
// Argon2id takes its time, more so while other tests share the machine's cores.
export async function signInTo(page, tenant, who, { password = 'learnloop-demo-2026', timeout = 45000 } = {}) {
  await page.getByRole('textbox', { name: 'Email' }).fill(`${who}@${tenant}.learnloop.test`);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('textbox', { name: 'School or business code (optional)' }).fill(tenant);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForState(page, (s) => s.screen === 'portal', `${who} signing in`, timeout);
}

// A browser of its own (at `device` size) signed in as `who` of `tenant`,
// with the page's script errors collected.
export async function signedInTo(server, tenant, who, device = {}) {
  const context = await launchBrowser({ device });
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);
  await signInTo(page, tenant, who);
  return { page, errors };
}
