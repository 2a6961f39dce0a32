// Browser test of the production shape: nginx (TLS, HTTP/2, limits, security
// headers) in front of two learnloop-server processes, started by
// scripts/production. The app must load and sign in under the strict
// Content-Security-Policy with no violation, and a server going away must
// not be seen by users.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  appState, atExit, clickWidget, config, createRunner, freePort, launchBrowser, pressKey, saveScreenshot, startDatabase,
  waitForFirstFrame, waitForState, stopAll,
} from './harness.mjs';

const { check, fail, finish } = createRunner();
const PASSWORD = 'learnloop-demo-2026';

// One HTTPS request (self-signed certificate accepted); resolves with status, headers and body.
function request(port, { method = 'GET', path: target = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, method, path: target, headers, rejectUnauthorized: false },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => { data += chunk; });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
      });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

try {
  const database = await startDatabase();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'll-frontdoor-'));
  const httpsPort = await freePort();
  const httpPort = await freePort();
  const script = path.join(config.sourceDir, 'scripts/production');
  const env = { ...process.env, DATABASE_URL: database.url, LEARNLOOP_SERVER: config.server, LEARNLOOP_WEB_ROOT: config.webRoot };
  const started = spawnSync(script, ['start', state, String(httpsPort), String(httpPort), '2'], { env, encoding: 'utf8' });
  atExit(() => {
    spawnSync(script, ['stop', state], { env });
    fs.rmSync(state, { recursive: true, force: true });
  });
  if (started.status !== 0) throw new Error(`scripts/production start failed: ${started.stderr}${started.stdout}`);
  const serverPids = fs.readdirSync(state).filter((f) => /^server-\d+\.pid$/.test(f))
    .map((f) => Number(fs.readFileSync(path.join(state, f), 'utf8')));
  const base = `https://127.0.0.1:${httpsPort}`;

  await check('the front door answers over TLS with the security headers', async () => {
    const res = await request(httpsPort, { path: '/' });
    assert.equal(res.status, 200);
    const csp = res.headers['content-security-policy'];
    assert.ok(csp, 'a Content-Security-Policy');
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/, 'no unsafe-eval or unsafe-inline');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(res.headers['strict-transport-security'], /max-age=\d{7,}/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers.server, 'nginx', 'no version in the Server header');
  });

  await check('HTTP/2 is negotiated, and plain HTTP redirects to HTTPS', async () => {
    const session = http2.connect(base, { rejectUnauthorized: false });
    const status = await new Promise((resolve, reject) => {
      const stream = session.request({ ':path': '/api/live' });
      stream.on('response', (headers) => resolve(headers[':status']));
      stream.on('error', reject);
      stream.end();
    });
    assert.equal(session.alpnProtocol, 'h2');
    assert.equal(status, 200);
    session.close();
    const redirect = await new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: httpPort, path: '/api/live' }, (res) => { res.resume(); resolve(res); })
        .on('error', reject);
    });
    assert.equal(redirect.statusCode, 301);
    assert.equal(redirect.headers.location, `https://127.0.0.1:${httpsPort}/api/live`);
  });

  await check('the front door enforces the limits and hides the metrics', async () => {
    assert.equal((await request(httpsPort, { path: '/metrics' })).status, 404);
    const big = await request(httpsPort, { path: '/api/live', headers: { 'X-Big': 'a'.repeat(10000) } });
    assert.ok(big.status === 400 || big.status === 431, `a 10 KB header is refused (got ${big.status})`);
    const body = 'x'.repeat(2 * 1024 * 1024);
    const large = await request(httpsPort, {
      method: 'POST', path: '/api/login', body, headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
    }).catch((error) => ({ status: 0, error }));
    assert.equal(large.status, 413);
    // A lesson's file may be larger (up to 8 MiB): the same body reaches the
    // server there (which asks who is sending it); 10 MiB does not.
    const upload = '/api/marketplace/studio/lessons/1/attachments?name=slides.pdf';
    const file = await request(httpsPort, {
      method: 'POST', path: upload, body, headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length },
    });
    assert.equal(file.status, 401, file.body);
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const tooLarge = await request(httpsPort, {
      method: 'POST', path: upload, body: huge, headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': huge.length },
    }).catch((error) => ({ status: 0, error }));
    assert.equal(tooLarge.status, 413);
  });

  await check('the app loads and a teacher signs in under the policy, with no violation', async () => {
    const browser = await launchBrowser({ ignoreHTTPSErrors: true });
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Refused to load: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(base + '/');
    await waitForFirstFrame(page);
    await waitForState(page, (s) => s.screen === 'sign_in' && s.layout.email && s.health.phase === 'done', 'the sign-in screen');
    await clickWidget(page, 'email');
    await page.keyboard.type('teacher@demo.learnloop.test', { delay: 5 });
    await clickWidget(page, 'password');
    await page.keyboard.type(PASSWORD, { delay: 5 });
    await pressKey(page, 'Enter');
    const signedIn = await waitForState(page, (s) => s.screen === 'portal', 'the teacher signing in');
    assert.equal(signedIn.session.role, 'teacher');
    await saveScreenshot(page, 'frontdoor-teacher.png');
    assert.deepEqual(problems, [], 'no policy violations or page errors');
  });

  await check('one server going away is not seen: the other answers every request', async () => {
    process.kill(serverPids[0], 'SIGKILL');
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await request(httpsPort, { path: '/api/health' })).status);
    assert.deepEqual([...new Set(statuses)], [200]);
  });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
}
finish();
