// Browser test of the fonts (docs/fonts.md): names in any script draw with
// their own glyphs, not "?" or boxes. On a cold load the sign-in screen
// fetches only the fonts' manifest, the base slice and the icons (every
// icon the app names in the atlas by the first frame), and the whole first
// load stays under 600 KB on the wire; the administrator's list of the demo
// school (Cyrillic, Arabic, Han, kana, Hangul, accented Latin names) makes
// the slices holding those characters load, each once, only after that text
// arrived, and a slice that fails to load is tried again later, not in a
// loop; the atlas is rebuilt at a new pixel ratio with the same characters;
// text typed into a field, emoji included, reaches the server and draws.
// Screenshots of the list go under the artifacts folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  apiCall, apiLogin, appState, createRunner, launchBrowser, saveScreenshot, startDatabase, startServer, stopAll,
  waitForFirstFrame, waitForState,
} from './harness.mjs';

const PASSWORD = 'learnloop-demo-2026';
const BUDGET = 600 * 1000;   // bytes on the wire for the first load
// Names of the demo school (server/cli/demo_people.cpp), one per script.
const NAMES = ['Дмитро Ткаченко', 'Наталія Ткаченко', 'Łucja Wójcik', 'Nguyễn Văn Hùng', 'ليلى حداد', '王芳', '黄美玲',
  '佐藤 陽菜', '高橋 さくら', '김민준'];
const TYPED = 'Дмитрий 王芳 café 😀';
const { check, fail, finish } = createRunner();

const isHan = (cp) => (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
const codePoints = (text) => [...text].map((c) => c.codePointAt(0));

// Every request the page makes, from the DevTools protocol: when it was sent,
// and the bytes that came over the wire for it (headers and compressed body).
async function recordNetwork(page) {
  const requests = new Map();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  cdp.on('Network.requestWillBeSent', (event) => {
    requests.set(event.requestId, { url: new URL(event.request.url).pathname, sent: Date.now(), bytes: 0,
      done: false, encoding: null, status: 0 });
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.status = event.response.status;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    request.encoding = headers['content-encoding'] ?? null;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    request.bytes = event.encodedDataLength;
    request.done = true;
    request.finished = Date.now();
  });
  return { all: () => [...requests.values()] };
}

// The app's own view of the atlas: code points of `text` it cannot draw.
function glyphsMissing(page, text) {
  return page.evaluate((t) => window.learnloop.glyphsMissing(t), text);
}

async function waitForGlyphs(page, text, timeout = 20000) {
  const deadline = Date.now() + timeout;
  let missing;
  while (Date.now() < deadline) {
    missing = await glyphsMissing(page, text);
    if (missing.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the atlas still lacks ${missing.map((cp) => 'U+' + cp.toString(16).toUpperCase()).join(' ')} `
    + `of "${text}"; fonts: ${JSON.stringify(await page.evaluate(() => window.learnloop.fontStatus()))}`);
}

try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  // No service worker: once one controls the page, the slices are fetched
  // by it, out of sight of page.route and of the page's network log.
  const browser = await launchBrowser({ serviceWorkers: 'block' });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const network = await recordNetwork(page);
  const fontRequests = () => network.all().filter((r) => r.url.startsWith('/fonts/'));

  await page.goto(server.base + '/');
  await waitForFirstFrame(page);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  // Let anything the sign-in screen would still ask for go out.
  await new Promise((resolve) => setTimeout(resolve, 1500));

  await check('the sign-in screen loads only the fonts\' manifest, the base slice and the icons', async () => {
    const files = [...new Set(fontRequests().map((r) => r.url))].sort();
    assert.equal(files.length, 3, files.join(' '));
    assert.deepEqual([files[0], files[2]], ['/fonts/base.otf', '/fonts/manifest.json']);
    assert.match(files[1], /^\/fonts\/icons-[0-9a-f]+\.ttf$/);
    assert.deepEqual(await glyphsMissing(page, 'Sign in to your school – “Café” £5 ✓ ✗ ▲ ● → …'), []);
    // Every icon the app names (ui/icons.hpp) is in the atlas by the first frame.
    const header = fs.readFileSync(new URL('../../client-wasm/ui/icons.hpp', import.meta.url), 'utf8');
    const icons = [...header.matchAll(/U\+(F[0-9A-F]{3})\b/g)].map((m) => String.fromCodePoint(parseInt(m[1], 16)));
    assert.ok(icons.length >= 30, `${icons.length} icons named`);
    assert.deepEqual(await glyphsMissing(page, icons.join('')), []);
  });

  await check('a cold first load is under 600 KB on the wire, compressed', async () => {
    const firstLoad = network.all().filter((r) => !r.url.startsWith('/api/') && r.done);
    const total = firstLoad.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`# first load: ${firstLoad.length} requests, ${total} bytes`);
    for (const r of firstLoad) console.log(`#   ${r.url} ${r.status} ${r.encoding ?? 'identity'} ${r.bytes}`);
    for (const file of ['/app.wasm', '/app.js', '/fonts/base.otf', '/fonts/manifest.json']) {
      const request = firstLoad.find((r) => r.url === file && r.status === 200);
      assert.ok(request, `${file} was loaded`);
      assert.match(request.encoding ?? '', /^(gzip|br)$/, `${file} came compressed, once`);
    }
    // The app itself comes in brotli, its smallest form, to a browser that takes it.
    assert.equal(firstLoad.find((r) => r.url === '/app.wasm').encoding, 'br');
    assert.ok(total < BUDGET, `the first load took ${total} bytes, more than ${BUDGET}`);
  });

  // The first request for the Cyrillic slice fails, as on a flaky network.
  let cyrillicTries = 0;
  await page.route('**/fonts/cyrillic-*', (route) => (++cyrillicTries === 1 ? route.abort('failed') : route.continue()));

  let listArrived = 0;
  await check('the administrator\'s list of the demo school draws every name with its own glyphs', async () => {
    // The moment the list's text (the only reply holding Han) arrived.
    page.on('response', async (response) => {
      if (new URL(response.url()).pathname === '/api/users' && !listArrived) listArrived = Date.now();
    });
    await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.learnloop.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForState(page, (s) => s.screen === 'portal', 'the administrator signing in');
    await page.getByRole('tab', { name: 'Users', selected: true }).waitFor();
    // The list shows 25 people a page; the search brings each name on screen.
    const search = page.getByRole('textbox', { name: 'Find a person by name, role or address' });
    const shots = { 'Дмитро Ткаченко': 'cyrillic', 'ليلى حداد': 'arabic', '王芳': 'cjk', '김민준': 'hangul' };
    for (const name of NAMES) {
      await search.fill(name);
      await page.getByRole('cell', { name, exact: true }).first().waitFor({ state: 'attached' });
      await waitForGlyphs(page, name);
      if (shots[name]) await saveScreenshot(page, `fonts-users-${shots[name]}.png`);
    }
    // Before its slice arrives a character draws as □; it never stays "?".
    assert.deepEqual(await glyphsMissing(page, NAMES.join(' ')), []);
    await search.fill('');
  });

  await check('a slice that failed to load is tried again later, once', async () => {
    const cyrillic = fontRequests().filter((r) => r.url.startsWith('/fonts/cyrillic-'));
    assert.equal(cyrillicTries, 2, 'the Cyrillic slice was asked for twice');
    assert.equal(cyrillic.length, 2);
    // The second try waited for the pause after a failure (2 s), not the next frame.
    assert.ok(cyrillic[1].sent - cyrillic[0].sent >= 1500, `tried again after ${cyrillic[1].sent - cyrillic[0].sent} ms`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(cyrillicTries, 2, 'and not again once it arrived');
  });

  await check('the Han slices were fetched after Han text arrived, each once', async () => {
    assert.ok(listArrived > 0, 'the users list arrived');
    const han = fontRequests().filter((r) => r.url.startsWith('/fonts/cjk-'));
    assert.ok(han.length > 0, 'a Han slice was fetched');
    for (const r of han) assert.ok(r.sent >= listArrived, `${r.url} was fetched before any Han text arrived`);
    const urls = fontRequests().map((r) => r.url);
    assert.deepEqual(urls.filter((url, i) => urls.indexOf(url) !== i && url !== '/fonts/base.otf'
      && !url.startsWith('/fonts/cyrillic-')), [], 'no slice was fetched twice (but the one that failed)');
    // The names need a handful of slices, not every slice of each script.
    const status = await page.evaluate(() => window.learnloop.fontStatus());
    assert.ok(status.requested.every((s) => s.state === 'loaded'), JSON.stringify(status.requested));
    // Each a small file: a slice's size is what one ideograph costs.
    for (const r of han) assert.ok(r.done && r.bytes < 16000, `${r.url} took ${r.bytes} bytes`);
    console.log(`# ${han.length} Han slices, ${han.reduce((sum, r) => sum + r.bytes, 0)} bytes on the wire`);
    console.log(`# slices: ${status.requested.map((s) => `${s.file} (${s.glyphs})`).join(', ')}; `
      + `atlas ${status.atlas.width}×${status.atlas.height}, ${status.atlas.glyphs} glyphs`);
    // The atlas holds the code points seen, not whole slices: far fewer
    // glyphs than the Han slices hold (about 250 each).
    assert.ok(status.atlas.glyphs < 250 * han.length, `${status.atlas.glyphs} glyphs in the atlas`);
    for (const cp of codePoints('王芳')) assert.ok(isHan(cp));
  });

  await check('text typed into a field, emoji included, reaches the server and draws without missing glyphs', async () => {
    const before = new Set(fontRequests().map((r) => r.url));
    await page.getByRole('textbox', { name: 'Email' }).fill('dmitry@demo.learnloop.test');
    await page.getByRole('textbox', { name: 'Full name' }).fill(TYPED);
    // The app has the name (and draws it) before focus moves on: a field
    // filled while the app is still taking the previous one's text could
    // otherwise receive it (seen once in a loaded CI run).
    await waitForGlyphs(page, TYPED);
    assert.equal(await page.getByRole('textbox', { name: 'Full name' }).inputValue(), TYPED);
    await page.getByLabel('Initial password').fill('welcome to learnloop');
    assert.equal(await page.getByRole('textbox', { name: 'Full name' }).inputValue(), TYPED);
    // The emoji's slice loaded because of the typing.
    const typedSlices = fontRequests().filter((r) => !before.has(r.url)).map((r) => r.url);
    assert.ok(typedSlices.some((url) => url.startsWith('/fonts/emoji-')), `slices after typing: ${typedSlices}`);
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('textbox', { name: 'Find a person by name, role or address' }).fill('dmitry@demo');
    await page.getByRole('cell', { name: TYPED }).waitFor({ state: 'attached' });
    const token = await apiLogin(server, 'admin@demo.learnloop.test', PASSWORD);
    const users = await apiCall(server, token, 'GET', '/api/users?limit=200');
    const added = (Array.isArray(users.body) ? users.body : []).find((u) => u.email === 'dmitry@demo.learnloop.test');
    assert.equal(added?.name, TYPED, `the server has the name byte for byte (${users.status})`);
    await waitForGlyphs(page, TYPED);
    await saveScreenshot(page, 'fonts-users-typed.png');
  });

  await check('at twice the pixel ratio the atlas is rebuilt with the same characters', async () => {
    const cdp = await page.context().newCDPSession(page);
    // (A screen larger than the window: Emscripten's GLFW asks for full
    // screen when the canvas is exactly the screen's size.)
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false,
      screenWidth: 1920, screenHeight: 1080 });
    await waitForState(page, (s) => s.ui_scale === 2, 'the app to see the new ratio');
    await page.waitForFunction(() => window.learnloop.fontStatus().atlas.scale === 2);
    assert.deepEqual(await glyphsMissing(page, [...NAMES, TYPED].join(' ')), []);
  });

  await check('the pages raised no script errors', async () => {
    assert.deepEqual(pageErrors, []);
  });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
}
finish();
