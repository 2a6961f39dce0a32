// Measures what the semantics layer costs per frame: the mean time spent in
// the app's frame function (drawing, recording the tree, handing a changed
// tree to the page script and its DOM updates; not the GPU), with the layer
// on and off, on the busiest screens: the administrator's user table filled
// with USERS extra people, and the teacher's mastery heatmap. Each screen is
// measured idle (nothing changes, so nothing is sent) and while scrolling
// (the tree changes every frame). Prints a Markdown table.
//   node tests/browser/bench-semantics.mjs [USERS=196] [SECONDS=3]
import path from 'node:path';
import {
  apiCall, apiLogin, config, launchBrowser, seedCurriculum, sql, startDatabase, startServer, stopAll, waitForFirstFrame, waitForState,
} from './harness.mjs';

const USERS = Number(process.argv[2] ?? 196);   // the client lists up to 200 users
const SECONDS = Number(process.argv[3] ?? 3);
const PASSWORD = 'learnloop-demo-2026';
const rows = [];

async function measure(page, label, { scroll }) {
  for (const on of [1, 0, 1, 0]) {
    await page.evaluate((on) => Module.ccall('learnloop_semantics_enable', null, ['number'], [on]), on);
    await page.evaluate(() => Module.ccall('learnloop_frame_ms', 'number', [], []));   // reset the meter
    const updatesBefore = await page.evaluate(() => window.learnloopSemantics.updates());
    const pageMsBefore = await page.evaluate(() => window.learnloopSemantics.updateMs());
    const deadline = Date.now() + SECONDS * 1000;
    let direction = 1, steps = 0;
    while (Date.now() < deadline) {
      if (scroll) {
        await page.mouse.wheel(0, 120 * direction);
        if (++steps % 10 === 0) direction = -direction;
      }
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
    const ms = await page.evaluate(() => Module.ccall('learnloop_frame_ms', 'number', [], []));
    const updates = await page.evaluate(() => window.learnloopSemantics.updates()) - updatesBefore;
    const pageMs = await page.evaluate(() => window.learnloopSemantics.updateMs()) - pageMsBefore;
    const nodes = await page.evaluate(() => document.querySelectorAll('#semantics [data-key]').length);
    rows.push({ label, on, ms, updates, nodes, pageMs });
  }
  await page.evaluate(() => Module.ccall('learnloop_semantics_enable', null, ['number'], [1]));
}

try {
  const database = await startDatabase();
  seedCurriculum(database, path.join(config.sourceDir, 'curriculum'));
  const server = await startServer(database.url);
  // 30 targets assigned to the demo class, so the heatmap has 30 columns.
  const codes = sql(database, 'SELECT code FROM learning_targets ORDER BY id LIMIT 30').split('\n');
  const teacher = await apiLogin(server, 'teacher@demo.learnloop.test', PASSWORD);
  const assigned = await apiCall(server, teacher, 'POST', '/api/target-assignments', { target_ids: codes, class_id: 1 });
  if (assigned.status !== 201) throw new Error(`assigning targets: ${assigned.status} ${JSON.stringify(assigned.body)}`);
  const admin = await apiLogin(server, 'admin@demo.learnloop.test', PASSWORD);
  const made = [];
  for (let i = 0; i < USERS; i++) {
    const created = await apiCall(server, admin, 'POST', '/api/users', {
      email: `bench${i}@demo.learnloop.test`, name: `Bench Student ${i}`, password: 'quiet harbour lantern 7', role: 'student',
    });
    if (created.status !== 201) throw new Error(`creating a user: ${created.status} ${JSON.stringify(created.body)}`);
    made.push(created.body.user_id);
  }
  // The busiest screen: 28 students in the class (the demo's has
  // fewer), each a row of the heatmap.
  const members = await apiCall(server, admin, 'GET', '/api/classes/1/members');
  const inClass = (Array.isArray(members.body) ? members.body : members.body.items ?? []).length;
  for (const id of made.slice(0, Math.max(0, 28 - inClass))) {
    const added = await apiCall(server, admin, 'POST', '/api/classes/1/members', { student_id: id });
    if (added.status !== 201 && added.status !== 200) throw new Error(`adding to the class: ${added.status} ${JSON.stringify(added.body)}`);
  }
  const classSize = Math.max(inClass, 28);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);
  const signIn = async (who) => {
    await page.getByRole('textbox', { name: 'Email' }).fill(`${who}@demo.learnloop.test`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForState(page, (s) => s.screen === 'portal', `${who} signing in`);
  };
  await signIn('admin');
  await waitForState(page, (s) => s.portal.users.length >= Math.min(USERS + 4, 200), 'the user table');
  await page.mouse.move(400, 300);
  await measure(page, `admin users table (${USERS + 4} rows), idle`, { scroll: false });
  await measure(page, `admin users table (${USERS + 4} rows), scrolling`, { scroll: true });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await waitForState(page, (s) => s.screen === 'sign_in', 'signing out');
  await page.getByRole('button', { name: 'Sign in' }).waitFor();   // the page's tree shows the sign-in screen too
  await signIn('teacher');
  await page.getByRole('tab', { name: 'Mastery' }).click();
  await page.getByRole('radio', { name: 'Year 8 English' }).click();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await measure(page, `teacher mastery heatmap (${classSize} students × 30 targets), idle`, { scroll: false });
  await measure(page, `teacher mastery heatmap (${classSize} students × 30 targets), scrolling`, { scroll: true });
} finally {
  await stopAll();
}
console.log('| screen | semantics | mean frame time | tree updates sent | page script per update | DOM nodes |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const perUpdate = r.updates ? `${(r.pageMs / r.updates).toFixed(2)} ms` : '–';
  console.log(`| ${r.label} | ${r.on ? 'on' : 'off'} | ${r.ms.toFixed(3)} ms | ${r.updates} | ${perUpdate} | ${r.nodes} |`);
}
