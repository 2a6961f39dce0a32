// Browser test of "Today's tasks": a teacher assigns a learning target; the
// student answers tasks and gets feedback graded in the browser with no
// request sent; offline answers wait in the outbox and sync when the network
// returns; the server's mastery matches what the student saw.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  apiCall, apiLogin, appState, clickWidget, createRunner, launchBrowser, pressKey, saveScreenshot, seedCurriculum,
  sql, startDatabase, startServer, stopAll, waitForFirstFrame, waitForState,
} from './harness.mjs';

const PASSWORD = 'learnloop-demo-2026';
const { check, fail, finish } = createRunner({ stopOnFailure: true });

// A small curriculum of our own: one target, choice tasks the test can answer from the task itself.
function writeCurriculum() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-curriculum-'));
  const templates = [];
  for (let i = 1; i <= 6; i++) {
    templates.push({
      id: `en.test.plurals.00${i}`, target_id: 'en.test.plurals', kind: 'single_choice', difficulty: 1 + (i % 3),
      prompt: `Which is the plural of "{word}"? (${i})`, explanation: 'Words ending in -y after a consonant change to -ies.',
      variants: [{ word: 'city', plural: 'cities', wrong: 'citys' }, { word: 'baby', plural: 'babies', wrong: 'babys' },
        { word: 'party', plural: 'parties', wrong: 'partys' }],
      options: [{ text: '{plural}', correct: true }, { text: '{wrong}', feedback: 'After a consonant, y becomes ies.' }],
    });
  }
  fs.writeFileSync(path.join(dir, 'test.json'), JSON.stringify({
    subject: 'english', strand: 'spelling',
    targets: [{ id: 'en.test.plurals', title: 'Plurals of words ending in y' }], templates,
  }));
  return dir;
}

// What the app keeps in IndexedDB: its keys, and one value.
function storedKeys(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('learnloop', 1);
    open.onsuccess = () => {
      const request = open.result.transaction('outbox').objectStore('outbox').getAllKeys();
      request.onsuccess = () => { resolve(request.result); open.result.close(); };
    };
  }));
}

function storedValue(page, key) {
  return page.evaluate((key) => new Promise((resolve) => {
    const open = indexedDB.open('learnloop', 1);
    open.onsuccess = () => {
      const request = open.result.transaction('outbox').objectStore('outbox').get(key);
      request.onsuccess = () => { resolve(request.result ?? null); open.result.close(); };
    };
  }), key);
}

async function typeInto(page, widget, text) {
  await clickWidget(page, widget);
  await page.keyboard.type(text, { delay: 5 });
}

// Answers the current task correctly (or not) by clicking the option the task marks.
async function answerCurrent(page, correctly) {
  const state = await waitForState(page, (s) => s.portal?.practice?.task && s.layout['practice.check'], 'a task');
  const options = state.portal.practice.task.options;
  const index = options.findIndex((o) => Boolean(o.correct) === correctly);
  if (process.env.DEBUG_PRACTICE) console.log(JSON.stringify({ index: state.portal.practice.index, options }));
  await clickWidget(page, `practice.option.${index}`);
  await clickWidget(page, 'practice.check');
  return waitForState(page, (s) => s.portal.practice.checked, 'the feedback');
}

try {
  // The minimal demo: the test follows one student from no practice at all
  // (their whole history, the heatmap's only row, the parent's weekly summary).
  const database = await startDatabase({ minimal: true });
  seedCurriculum(database, writeCurriculum());
  let server = await startServer(database.url);
  const teacher = await apiLogin(server, 'teacher@demo.learnloop.test', PASSWORD);
  const assigned = await apiCall(server, teacher, 'POST', '/api/target-assignments', { target_ids: ['en.test.plurals'], class_id: 1 });
  assert.equal(assigned.status, 201, JSON.stringify(assigned.body));

  const browser = await launchBrowser();
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);

  await check('the student starts today\'s tasks', async () => {
    await typeInto(page, 'email', 'student@demo.learnloop.test');
    await typeInto(page, 'password', PASSWORD);
    await pressKey(page, 'Enter');
    await waitForState(page, (s) => s.screen === 'portal' && s.layout['student.tab.practice'], 'the student portal');
    await clickWidget(page, 'student.tab.practice');
    await waitForState(page, (s) => s.layout['practice.start'], 'the start button');
    await clickWidget(page, 'practice.start');
    const state = await waitForState(page, (s) => s.portal.practice.tasks > 0, 'the task set');
    assert.equal(state.portal.practice.tasks, 6);
    // Never practised: the target starts "not started" (its level counts attempts).
    assert.deepEqual(state.portal.practice.levels.map((l) => l.from), ['not_started']);
  });

  await check('a right answer gets feedback in the same frame, with no request sent', async () => {
    // The answer itself goes out afterwards, from the outbox; nothing else may.
    const others = () => requests.filter((url) => !url.includes('/api/task-responses') && !url.includes('/api/health'));
    const before = others().length;
    const state = await answerCurrent(page, true);
    assert.equal(state.portal.practice.verdict, 'correct');
    assert.equal(state.portal.practice.requests_during_check, 0);
    assert.deepEqual(others().slice(before), [], 'grading sent nothing');
    assert.ok(state.portal.practice.known['en.test.plurals'] > 0.2, 'mastery moved up');
    await saveScreenshot(page, 'practice-feedback.png');
  });

  await check('a wrong answer shows the option\'s feedback', async () => {
    await clickWidget(page, 'practice.next');
    const state = await answerCurrent(page, false);
    assert.equal(state.portal.practice.verdict, 'incorrect');
    assert.equal(state.portal.practice.feedback, 'After a consonant, y becomes ies.');
    await clickWidget(page, 'practice.next');
    await waitForState(page, (s) => s.portal.practice.outbox === 0 && s.portal.practice.synced === 2, 'the first answers to sync');
  });

  await check('answers made offline wait and sync when the network returns', async () => {
    // A wrong answer then a right one: the server must apply them in this
    // order to reach the estimate the student saw.
    await browser.setOffline(true);
    await answerCurrent(page, false);
    await clickWidget(page, 'practice.next');
    await answerCurrent(page, true);
    let state = await waitForState(page, (s) => s.portal.practice.outbox >= 2, 'answers queued offline');
    assert.equal(state.portal.practice.synced, 2);
    // Each queued answer carries when it was made (UTC, to the second).
    for (const entry of state.portal.practice.queued)
      assert.match(entry.answered_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await browser.setOffline(false);
    await clickWidget(page, 'practice.next');
    state = await waitForState(page, (s) => s.portal.practice.outbox === 0 && s.portal.practice.synced === 4,
      'the queued answers to sync', 20000);
    await saveScreenshot(page, 'practice-synced.png');
  });

  await check('the server\'s mastery equals the mastery the student saw', async () => {
    const student = await apiLogin(server, 'student@demo.learnloop.test', PASSWORD);
    const mastery = await apiCall(server, student, 'GET', '/api/mastery');
    assert.equal(mastery.status, 200);
    const target = mastery.body.targets.find((t) => t.target_id === 'en.test.plurals');
    assert.equal(target.attempts, 4);
    const state = await appState(page);
    assert.ok(Math.abs(target.known - state.portal.practice.known['en.test.plurals']) < 1e-9,
      `server ${target.known} vs browser ${state.portal.practice.known['en.test.plurals']}`);
    const parent = await apiLogin(server, 'parent@demo.learnloop.test', PASSWORD);
    const child = await apiCall(server, parent, 'GET', `/api/mastery?student_id=${mastery.body.student_id}`);
    assert.equal(child.body.history.length, 4);
    // Newest first; the newest holds the estimate now.
    assert.deepEqual(child.body.history.map((h) => h.verdict), ['correct', 'incorrect', 'incorrect', 'correct']);
    assert.equal(child.body.history[0].known, target.known);
    assert.ok(child.body.history[0].answered_at >= child.body.history[3].answered_at);
    const heatmap = await apiCall(server, teacher, 'GET', '/api/classes/1/mastery');
    assert.equal(heatmap.body.rows[0].cells[0].attempts, 4);
  });

  await check('the teacher\'s heatmap and the parent\'s chart show the change', async () => {
    await clickWidget(page, 'sign_out');
    await waitForState(page, (s) => s.screen === 'sign_in' && s.layout.email, 'the sign-in screen');
    await typeInto(page, 'email', 'teacher@demo.learnloop.test');
    await typeInto(page, 'password', PASSWORD);
    await pressKey(page, 'Enter');
    await waitForState(page, (s) => s.layout['teacher.tab.mastery'], 'the teacher portal');
    await clickWidget(page, 'teacher.tab.mastery');
    await waitForState(page, (s) => s.layout['teacher.mastery_class.Year 8 English'], 'the class choice');
    await clickWidget(page, 'teacher.mastery_class.Year 8 English');
    let state = await waitForState(page, (s) => s.portal.heatmap?.rows?.length === 1, 'the heatmap');
    assert.equal(state.portal.heatmap.rows[0].cells[0].attempts, 4);
    await clickWidget(page, 'teacher.drill.Sam Student');
    state = await waitForState(page, (s) => s.portal.drill?.history?.length === 4, 'the student\'s drill-down');
    assert.equal(state.portal.drill.history[0].target_id, 'en.test.plurals');
    await saveScreenshot(page, 'practice-teacher-heatmap.png');
    await clickWidget(page, 'sign_out');
    await waitForState(page, (s) => s.screen === 'sign_in' && s.layout.email, 'the sign-in screen');
    await typeInto(page, 'email', 'parent@demo.learnloop.test');
    await typeInto(page, 'password', PASSWORD);
    await pressKey(page, 'Enter');
    // The parent's home says the week's practice in the same words as the child's page.
    state = await waitForState(page, (s) => s.portal?.home?.children?.[0]?.summary, 'the parent\'s home');
    assert.match(state.portal.home.children[0].summary, /^This week Sam Student answered 4 practice tasks and got 2 right\./);
    await clickWidget(page, 'parent.tab.children');
    state = await waitForState(page, (s) => s.layout?.['parent.chart.en.test.plurals'], 'the parent\'s chart');
    assert.equal(state.portal.mastery.targets[0].attempts, 4);
    assert.match(state.portal.summary, /^This week Sam Student answered 4 practice tasks and got 2 right\./);
    // The summary's level is the one the target shows now.
    const level = state.portal.mastery.targets[0].level;
    assert.ok(state.portal.summary.includes(`(now ${level})`), `${state.portal.summary} / level ${level}`);
    // The chart is an image with a text alternative: what it shows, in a sentence.
    assert.match(state.portal.chart_alt, /^Mastery of .+ over time: 4 answers from \w{3} \d+ \w{3} to \w{3} \d+ \w{3}; (rose|fell|stayed) from \d+% to \d+% \(\w[\w ]+\)/);
    const chart = page.getByRole('img', { name: state.portal.chart_alt, includeHidden: true });
    assert.equal(await chart.count(), 1, 'the chart is in the accessible tree as an image');
    await saveScreenshot(page, 'practice-parent-chart.png');
  });

  await check('an unsent answer survives a reload (IndexedDB) and syncs afterwards', async () => {
    await clickWidget(page, 'sign_out');
    await waitForState(page, (s) => s.screen === 'sign_in' && s.layout.email, 'the sign-in screen');
    const signInStudent = async () => {
      await typeInto(page, 'email', 'student@demo.learnloop.test');
      await typeInto(page, 'password', PASSWORD);
      await pressKey(page, 'Enter');
      await waitForState(page, (s) => s.layout?.['student.tab.practice'], 'the student portal');
      await clickWidget(page, 'student.tab.practice');
    };
    // Signing out removed the unfinished set from this browser (a shared
    // computer shows the next person nothing of it); unsent answers stay.
    let keys = [];
    for (let i = 0; i < 50; i++) {
      keys = await storedKeys(page);
      if (!keys.some((key) => key.startsWith('set-'))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(!keys.some((key) => key.startsWith('set-')), 'no stored set after signing out');
    await signInStudent();
    await waitForState(page, (s) => s.layout['practice.start'], 'the start button');
    await clickWidget(page, 'practice.start');
    await waitForState(page, (s) => s.portal.practice.tasks > 0, 'a new set');
    // The server cannot be reached for answers: the answer stays in the outbox.
    await page.route('**/api/task-responses', (route) => route.abort());
    await answerCurrent(page, true);
    await clickWidget(page, 'practice.next');
    await waitForState(page, (s) => s.portal.practice.outbox === 1, 'the queued answer');
    // After a few failed sends the student is told the answers are kept.
    const trouble = await waitForState(page, (s) => s.portal.practice.sync_trouble !== '', 'the sync trouble line', 20000);
    assert.match(trouble.portal.practice.sync_trouble, /cannot be reached; they are kept on this device/);
    // The write to IndexedDB completes a moment after the answer is queued.
    let stored = [];
    for (let i = 0; i < 50; i++) {
      const outboxKey = (await storedKeys(page)).find((key) => key.startsWith('user-'));
      stored = JSON.parse((outboxKey && await storedValue(page, outboxKey)) ?? '[]');
      if (stored.length === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(stored.length, 1, 'the answer is in IndexedDB');
    await page.reload();
    await waitForFirstFrame(page);
    // The tab's session is kept: no sign-in after a reload.
    await waitForState(page, (s) => s.screen === 'portal' && s.layout?.['student.tab.practice'], 'the student portal');
    await clickWidget(page, 'student.tab.practice');
    let state = await waitForState(page, (s) => s.portal.practice.outbox_loaded && s.portal.practice.outbox === 1,
      'the stored answer back in the outbox');
    // The set resumes at the task after the one answered.
    state = await waitForState(page, (s) => s.portal.practice.resumed, 'the resumed set');
    assert.equal(state.portal.practice.index, 1);
    await page.unroute('**/api/task-responses');
    await waitForState(page, (s) => s.portal.practice.outbox === 0 && s.portal.practice.sync_trouble === '',
      'the stored answer to sync', 20000);
    const student = await apiLogin(server, 'student@demo.learnloop.test', PASSWORD);
    const mastery = await apiCall(server, student, 'GET', '/api/mastery');
    assert.equal(mastery.body.targets[0].attempts, 5);
  });

  await check('with the server unreachable a reload still opens the app, signed in, and the set goes on; answers sync when it is back',
    async () => {
      // The offline copy is kept by the service worker once it controls the page.
      for (let i = 0; i < 100; i++) {
        if (await page.evaluate(() => Boolean(navigator.serviceWorker?.controller))) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker?.controller)), 'a service worker controls the page');
      // One complete copy, of this build: app.js and app.wasm with the page's build id.
      const copy = await page.evaluate(async () => {
        const names = (await caches.keys()).filter((name) => name.startsWith('learnloop-app-'));
        const urls = names.length === 1 ? (await (await caches.open(names[0])).keys()).map((r) => r.url) : [];
        return { names, files: urls.map((url) => new URL(url).pathname + new URL(url).search) };
      });
      assert.equal(copy.names.length, 1, 'one offline copy');
      const build = copy.names[0].slice('learnloop-app-'.length);
      assert.match(build, /^[0-9a-f]{12}$/);
      for (const file of ['/', '/loader.js', `/app.js?v=${build}`, `/app.wasm?v=${build}`])
        assert.ok(copy.files.includes(file), `${file} is kept offline (kept: ${copy.files.join(', ')})`);

      await server.stop();
      await page.reload();
      await waitForFirstFrame(page);
      await waitForState(page, (s) => s.screen === 'portal' && s.layout?.['student.tab.practice'], 'the student portal, offline');
      await clickWidget(page, 'student.tab.practice');
      const resumed = await waitForState(page, (s) => s.portal.practice.resumed && s.layout['practice.check'], 'the set, offline');
      assert.equal(resumed.portal.practice.index, 1);
      const state = await answerCurrent(page, true);
      assert.equal(state.portal.practice.verdict, 'correct', 'graded in the browser with no server');
      await waitForState(page, (s) => s.portal.practice.outbox === 1, 'the answer waiting');
      await saveScreenshot(page, 'practice-offline-reload.png');

      server = await startServer(database.url, { port: server.port });
      await waitForState(page, (s) => s.portal.practice.outbox === 0, 'the answer to sync', 20000);
      const student = await apiLogin(server, 'student@demo.learnloop.test', PASSWORD);
      const mastery = await apiCall(server, student, 'GET', '/api/mastery');
      assert.equal(mastery.body.targets[0].attempts, 6);
    });

  await check('an answer the server already has from elsewhere is dropped with a notice, not counted twice', async () => {
    await clickWidget(page, 'practice.next');
    let state = await waitForState(page, (s) => s.portal.practice.index === 2 && s.layout['practice.check'], 'the next task');
    const taskId = state.portal.practice.task_id;
    assert.ok(Number.isInteger(taskId));
    await page.route('**/api/task-responses', (route) => route.abort());
    await answerCurrent(page, true);
    await waitForState(page, (s) => s.portal.practice.outbox === 1, 'the queued answer');
    // Meanwhile the same task is answered from another tab (straight to the API).
    const student = await apiLogin(server, 'student@demo.learnloop.test', PASSWORD);
    // (With the verdict that tab's browser gave: option 0 as the task marks it.)
    const otherVerdict = state.portal.practice.task.options[0].correct ? 'correct' : 'incorrect';
    const other = await apiCall(server, student, 'POST', '/api/task-responses',
      { task_id: taskId, client_id: 'other-tab-1', answer: { choice: 0 }, client_verdict: otherVerdict });
    assert.equal(other.status, 201, JSON.stringify(other.body));
    await page.unroute('**/api/task-responses');
    state = await waitForState(page, (s) => s.portal.practice.outbox === 0 && s.portal.practice.sync_notice !== '',
      'the notice', 20000);
    assert.match(state.portal.practice.sync_notice, /already been answered elsewhere/);
    const mastery = await apiCall(server, student, 'GET', '/api/mastery');
    assert.equal(mastery.body.targets[0].attempts, 7, 'one answer counted, not two');
  });

  await check('the server\'s grade wins: a task the server grades differently corrects the estimate shown, with a notice',
    async () => {
      await clickWidget(page, 'practice.next');
      let state = await waitForState(page, (s) => s.portal.practice.index === 3 && s.layout['practice.check'], 'the next task');
      const taskId = state.portal.practice.task_id;
      // The server's copy of this task marks the other option right (as if
      // the browser had an outdated grader): the answers disagree.
      // (Answers name options by position: the same texts in the same places,
      // the other one marked right.)
      sql(database, `UPDATE tasks SET template_body = jsonb_set(template_body, '{options}',
        '[{"text": "{plural}", "feedback": "The server copy differs."}, {"text": "{wrong}", "correct": true}]')
        WHERE id = ${Number(taskId)}`);
      // The answer is held on its way until the browser's own estimate is
      // read: a quick reply would otherwise correct it before it is seen.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route('**/api/task-responses', async (route) => { await held; await route.continue(); });
      state = await answerCurrent(page, true);
      assert.equal(state.portal.practice.verdict, 'correct', 'the browser\'s own grade, shown at once');
      const browserKnown = state.portal.practice.known['en.test.plurals'];
      release();
      state = await waitForState(page, (s) => s.portal.practice.outbox === 0 && /graded one of your answers differently/
        .test(s.portal.practice.sync_notice), 'the server\'s grade', 20000);
      const student = await apiLogin(server, 'student@demo.learnloop.test', PASSWORD);
      const mastery = await apiCall(server, student, 'GET', '/api/mastery');
      const target = mastery.body.targets.find((t) => t.target_id === 'en.test.plurals');
      assert.equal(mastery.body.history[0].verdict, 'incorrect');
      assert.ok(Math.abs(state.portal.practice.known['en.test.plurals'] - target.known) < 1e-9,
        `shown ${state.portal.practice.known['en.test.plurals']} vs server ${target.known}`);
      assert.ok(target.known < browserKnown, `the estimate went down to the server's (${target.known} after the browser's ${browserKnown})`);
      const admin = await apiLogin(server, 'admin@demo.learnloop.test', PASSWORD);
      assert.equal((await apiCall(server, admin, 'GET', '/api/practice/stats')).body.disagreements, 1);
      await page.unroute('**/api/task-responses');

      // The rest of the set, then the summary: levels as the server has them.
      while (!state.portal.practice.finished) {
        await clickWidget(page, 'practice.next');
        state = await waitForState(page, (s) => s.portal.practice.finished || (s.portal.practice.task && !s.portal.practice.checked
          && s.layout['practice.check']), 'the next task or the end');
        if (!state.portal.practice.finished)
          state = await answerCurrent(page, true);
      }
      state = await waitForState(page, (s) => s.portal.practice.outbox === 0, 'the last answers to sync', 20000);
      const after = await apiCall(server, student, 'GET', '/api/mastery');
      const level = after.body.targets.find((t) => t.target_id === 'en.test.plurals').level;
      assert.deepEqual(state.portal.practice.levels.map((l) => l.to), [level]);
      assert.notEqual(state.portal.practice.levels[0].from, 'not_started');
      await saveScreenshot(page, 'practice-set-summary.png');
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
