// Browser test: the sign-in screen in headless Chromium against the real
// server and database. Checks the first frame, health, instant validation and
// that the canvas is really drawn; saves screenshots under build/artifacts.
import assert from 'node:assert/strict';
import {
  appState, assertDrawn, clickWidget, createRunner, launchBrowser, pressKey, saveScreenshot, startDatabase, startServer,
  stopAll, waitForFirstFrame, waitForState,
} from './harness.mjs';

const { check, fail, finish } = createRunner();
const screenshot = saveScreenshot;

try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(String(error)));

  await check('the page loads and draws a first frame', async () => {
    await page.goto(server.base + '/');
    const ms = await waitForFirstFrame(page);
    assert.ok(ms > 0, 'first frame time is reported');
    const loadingHidden = await page.evaluate(() => document.getElementById('loading').classList.contains('done'));
    assert.ok(loadingHidden, 'the loading indicator is hidden after the first frame');
  });

  await check('the sign-in screen shows and the server reports healthy', async () => {
    const state = await waitForState(page, (s) => s.health.phase === 'done', 'the health check');
    assert.equal(state.screen, 'sign_in');
    assert.equal(state.font_loaded, true);
    assert.equal(state.health.ok, true);
    assert.match(state.health.database_version, /^PostgreSQL 15/);
    assert.equal(state.last_network.url, '/api/health');
    assert.equal(state.last_network.status, 200);
    assert.deepEqual(state.sign_in.shown_errors, [], 'no errors before the user types');
  });

  await check('the canvas is really drawn (not blank or black)', async () => {
    const png = await screenshot(page, 'signin.png');
    assert.equal(png.width, 1280);
    assertDrawn(png, 'the sign-in screen');
  });

  await check('typing an invalid email shows the validation message', async () => {
    await clickWidget(page, 'email');
    await page.keyboard.type('not-an-email', { delay: 20 });
    await clickWidget(page, 'password');   // leaving the field shows its feedback
    const state = await waitForState(page, (s) => s.sign_in.shown_errors.length > 0, 'the email message');
    assert.equal(state.sign_in.email, 'not-an-email');
    assert.deepEqual(state.sign_in.shown_errors, [{ field: 'email', message: 'Email must look like name@example.com' }]);
    const png = await screenshot(page, 'signin-invalid-email.png');
    assertDrawn(png, 'the sign-in screen with an error');
  });

  await check('fixing the email clears the message', async () => {
    await clickWidget(page, 'email');
    await pressKey(page, 'Control+A');
    await page.keyboard.type('student@demo.learnloop.test', { delay: 10 });
    await clickWidget(page, 'password');
    const state = await waitForState(page, (s) => s.sign_in.email === 'student@demo.learnloop.test', 'the typed email');
    assert.deepEqual(state.sign_in.shown_errors, []);
  });

  await check('submitting with an empty password shows the password message', async () => {
    await clickWidget(page, 'sign_in');
    const state = await waitForState(page, (s) => s.sign_in.shown_errors.length > 0, 'the password message');
    assert.deepEqual(state.sign_in.shown_errors, [{ field: 'password', message: 'Password is required' }]);
    assert.equal(state.sign_in.phase, 'idle', 'nothing is sent while the form is invalid');
  });

  await check('a visitor signs up as a student and then signs in', async () => {
    await page.reload();
    await waitForFirstFrame(page);
    await clickWidget(page, 'to_sign_up');
    await waitForState(page, (s) => s.screen === 'sign_up' && s.layout['signup.name'], 'the sign-up screen');
    await clickWidget(page, 'signup.name');
    await page.keyboard.type('Nia New', { delay: 5 });
    await clickWidget(page, 'signup.email');
    await page.keyboard.type('nia@demo.learnloop.test', { delay: 5 });
    await clickWidget(page, 'signup.password');
    await page.keyboard.type('Password1!', { delay: 5 });
    await clickWidget(page, 'signup.create');
    let state = await appState(page);
    assert.equal(state.sign_up.phase, 'idle', 'a weak password is caught before anything is sent');
    assert.deepEqual(state.sign_up.errors, [{ field: 'password', message: 'This password is one of the most common '
      + 'ones and is tried first by attackers; choose something less predictable, such as a few unrelated words' }],
      'the shared rule says why under the field, with the words the server would use');
    await clickWidget(page, 'signup.password');
    await page.keyboard.type(' but now long enough', { delay: 5 });
    await clickWidget(page, 'signup.student');
    await clickWidget(page, 'signup.create');
    state = await waitForState(page, (s) => s.screen === 'sign_in' && s.notice !== '', 'the account to be created');
    assert.equal(state.sign_in.email, 'nia@demo.learnloop.test');
    await screenshot(page, 'signup-done.png');
    await clickWidget(page, 'password');
    await page.keyboard.type('Password1! but now long enough', { delay: 5 });
    await pressKey(page, 'Enter');
    state = await waitForState(page, (s) => s.screen === 'portal', 'signing in');
    assert.equal(state.session.role, 'student');
    assert.equal(state.session.name, 'Nia New');
  });

  await check('the browser keeps its known-device token and sends it back at the next sign-in', async () => {
    const key = 'learnloop.device.nia@demo.learnloop.test';
    const first = await page.evaluate((k) => localStorage.getItem(k), key);
    assert.match(first ?? '', /^[0-9a-f]{64}$/, 'a device token is stored for the account');
    await clickWidget(page, 'sign_out');
    await waitForState(page, (s) => s.screen === 'sign_in' && s.layout.email, 'signing out');
    await clickWidget(page, 'email');
    await page.keyboard.type('nia@demo.learnloop.test', { delay: 5 });
    await clickWidget(page, 'password');
    await page.keyboard.type('Password1! but now long enough', { delay: 5 });
    await pressKey(page, 'Enter');
    await waitForState(page, (s) => s.screen === 'portal', 'signing in again');
    // The server answers a known device with its own token; an unknown one gets a new token.
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), first);
  });

  await check('the page raised no script errors', async () => {
    assert.deepEqual(consoleErrors, []);
  });

  // After the check above: a server taken away makes the page log failed requests.
  await check('the server is named only when something is wrong', async () => {
    let tree = await page.locator('#semantics').innerText();
    assert.doesNotMatch(tree, /PostgreSQL|Server OK|Learnloop \d/, 'a healthy server needs no words');
    assert.equal(await page.getByRole('alert').filter({ hasText: /reach|trouble/ }).count(), 0, 'no alert about the server');
    await server.stop();
    const alert = page.getByRole('alert').filter({ hasText: 'reach Learnloop' });
    await alert.waitFor({ timeout: 45000 });
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    tree = await page.locator('#semantics').innerText();
    assert.doesNotMatch(tree, /PostgreSQL|no connection/, 'words for people, not for developers');
    await screenshot(page, 'signin-server-down.png');
  });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
}
finish();
