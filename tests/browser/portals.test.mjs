// Browser test of the assignment workflow through the portals, in headless
// Chromium against the real server: a teacher creates an assignment, the
// student submits, the teacher grades, the student and the parent see the
// grade, and the administrator finds it in the audit log. Screenshots of each
// portal are saved under build/artifacts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  apiCall, apiLogin, clickWidget, config, createRunner, launchBrowser, openWorkTab, pressKey, saveScreenshot, seedCurriculum,
  startDatabase, startServer, stopAll, waitForFirstFrame, waitForState,
} from './harness.mjs';

const PASSWORD = 'learnloop-demo-2026';
const TITLE = 'Poetry analysis ' + Date.now().toString(36);
const { check, fail, finish } = createRunner({ stopOnFailure: true });
const screenshot = saveScreenshot;

async function typeInto(page, widget, text) {
  await clickWidget(page, widget);
  await page.keyboard.type(text, { delay: 5 });
}

async function signIn(page, who) {
  await waitForState(page, (s) => s.screen === 'sign_in' && s.layout.email, 'the sign-in screen');
  // Through the accessible tree, as a person (or a password manager) fills it.
  await page.getByRole('textbox', { name: 'Email' }).fill(`${who}@demo.learnloop.test`);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const state = await waitForState(page, (s) => s.screen === 'portal', `${who} signing in`);
  assert.equal(state.session.role, who);
  await openWorkTab(page, who);
}

async function signOut(page) {
  await clickWidget(page, 'sign_out');
  await waitForState(page, (s) => s.screen === 'sign_in', 'signing out');
}

try {
  const database = await startDatabase();
  seedCurriculum(database, path.join(config.sourceDir, 'curriculum'));   // the real curriculum, for the target picker
  const server = await startServer(database.url);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);

  await check('a wrong password is refused with the server\'s message', async () => {
    await typeInto(page, 'email', 'teacher@demo.learnloop.test');
    await typeInto(page, 'password', 'not the password');
    await pressKey(page, 'Enter');
    const state = await waitForState(page, (s) => s.sign_in.phase === 'failed', 'the refusal');
    assert.equal(state.sign_in.message, 'Invalid credentials');
    assert.equal(state.screen, 'sign_in');
    await page.reload();
    await waitForFirstFrame(page);
  });

  await check('the teacher creates an assignment', async () => {
    await signIn(page, 'teacher');
    await waitForState(page, (s) => s.portal.assignments.length >= 1 && s.layout['teacher.new'], 'the teacher\'s assignments');
    await clickWidget(page, 'teacher.new');
    await waitForState(page, (s) => s.portal.editor_open && s.layout['teacher.title'], 'the editor');
    await typeInto(page, 'teacher.title', TITLE);
    await typeInto(page, 'teacher.description', 'Compare the two poems we read this week.');
    // The due date is picked from a calendar and a list of times, never typed
    // as YYYY-MM-DDTHH:MM:SS: the day after the suggested one, at 16:30.
    let state = await waitForState(page, (s) => /^\d{4}-\d\d-\d\dT17:00:00$/.test(s.portal.editor_due), 'a suggested due time');
    assert.equal(await page.getByRole('textbox', { name: /due/i }).count(), 0, 'no text field for the due date');
    const suggested = state.portal.editor_due.slice(0, 10);
    const [year, month, day] = suggested.split('-').map(Number);
    const sameMonth = day < new Date(Date.UTC(year, month, 0)).getUTCDate();
    const picked = `${year}-${String(month).padStart(2, '0')}-${String(sameMonth ? day + 1 : day - 1).padStart(2, '0')}`;
    await clickWidget(page, 'teacher.due_date');
    await page.getByRole('dialog', { name: 'Choose the Due date' }).waitFor();
    await screenshot(page, 'portal-teacher-date-picker.png');
    await waitForState(page, (s) => s.layout[`teacher.due_date.day.${picked}`], 'the calendar');
    await clickWidget(page, `teacher.due_date.day.${picked}`);
    await waitForState(page, (s) => s.portal.editor_due === `${picked}T17:00:00`, 'the picked day');
    await clickWidget(page, 'teacher.due_date.time');
    // As a screen reader chooses it (the list opens over other controls of the page).
    await page.getByRole('option', { name: '16:30', exact: true }).dispatchEvent('click');
    await waitForState(page, (s) => s.portal.editor_due === `${picked}T16:30:00`, 'the picked time');
    await clickWidget(page, 'teacher.save');
    state = await waitForState(page, (s) => s.portal.assignments.includes(TITLE), 'the new assignment in the list');
    assert.equal(state.portal.save, 'Assignment created');
    const token = await apiLogin(server, 'teacher@demo.learnloop.test', PASSWORD);
    const mine = await apiCall(server, token, 'GET', '/api/assignments?limit=200');
    assert.equal(mine.body.find((a) => a.title === TITLE).due_date, `${picked}T16:30:00`, 'saved in school time as picked');
    await screenshot(page, 'portal-teacher-created.png');
    await signOut(page);
  });

  await check('the student submits an answer', async () => {
    await signIn(page, 'student');
    let state = await waitForState(page, (s) => s.portal.assignments.some((a) => a.title === TITLE), 'the assignment');
    assert.equal(state.portal.assignments.find((a) => a.title === TITLE).status, 'upcoming');
    await clickWidget(page, `student.assignment.${TITLE}`);
    await waitForState(page, (s) => s.layout['student.answer'], 'the answer box');
    await typeInto(page, 'student.answer', 'Both poems use the sea as a metaphor for time.');
    await clickWidget(page, 'student.submit');
    state = await waitForState(page, (s) => s.portal.submit === 'Submitted'
      && s.portal.assignments.find((a) => a.title === TITLE)?.status === 'submitted', 'the submission');
    await screenshot(page, 'portal-student-submitted.png');
    await signOut(page);
  });

  await check('the teacher grades the submission with feedback', async () => {
    await signIn(page, 'teacher');
    await waitForState(page, (s) => s.layout[`teacher.assignment.${TITLE}`], 'the assignment row');
    await clickWidget(page, `teacher.assignment.${TITLE}`);
    await waitForState(page, (s) => s.portal.submissions.length === 1 && s.layout['teacher.submission.0'], 'the submission');
    await clickWidget(page, 'teacher.submission.0');
    await waitForState(page, (s) => s.layout['teacher.grade'], 'the grading panel');
    await typeInto(page, 'teacher.grade', '87.5');
    await typeInto(page, 'teacher.feedback', 'A thoughtful comparison.');
    await clickWidget(page, 'teacher.save_grade');
    const state = await waitForState(page, (s) => s.portal.grading === 'Grade saved', 'the grade to save');
    assert.equal(state.portal.submissions[0].grade, 87.5);
    await screenshot(page, 'portal-teacher-graded.png');
    // From the marked work: search the curriculum, pick a target, assign it to
    // this student (scrolling the panel with the mouse wheel, as a teacher would).
    await typeInto(page, 'teacher.target_query', 'apostrophe');
    await clickWidget(page, 'teacher.target_search');
    const found = await waitForState(page, (s) => Array.isArray(s.portal.target_results) && s.portal.target_results.length > 0
      && s.layout[`teacher.target.${s.portal.target_results[0].target_id}`], 'the search results');
    assert.ok(found.portal.target_results.every((t) => /apostrophe/i.test(t.title + ' ' + (t.description ?? ''))),
      'every result matches the search');
    const targetId = found.portal.target_results[0].target_id;
    // Scrolled to the end of the panel (the wheel moves it; it stops at the end).
    let layout = found.layout;
    const scrolledTo = layout['teacher.assign_student'].y;
    for (let i = 0; i < 5; i++) {
      await page.mouse.move(layout['teacher.target_query'].x + 10, layout['teacher.target_query'].y + 10);
      await page.mouse.wheel(0, 200);
      const before = layout['teacher.assign_student'].y;
      try {
        layout = (await waitForState(page, (s) => s.layout['teacher.assign_student']?.y !== before, 'the panel to scroll',
          1000)).layout;
      } catch {
        break;   // at the end
      }
    }
    assert.ok(layout['teacher.assign_student'].y < scrolledTo, 'the wheel scrolled the panel down');
    await clickWidget(page, `teacher.target.${targetId}`);
    await clickWidget(page, 'teacher.assign_student');
    await waitForState(page, (s) => s.portal.assign === 'Targets assigned to the student', 'the targets to be assigned');
    await screenshot(page, 'portal-teacher-targets.png');
    const teacherToken = await apiLogin(server, 'teacher@demo.learnloop.test', PASSWORD);
    const sam = await apiLogin(server, 'student@demo.learnloop.test', PASSWORD);
    const samMastery = await apiCall(server, sam, 'GET', '/api/mastery');
    assert.ok(samMastery.body.targets.some((t) => t.target_id === targetId), 'the target is the student\'s now');
    assert.equal((await apiCall(server, teacherToken, 'GET', '/api/mastery?student_id=' + samMastery.body.student_id)).status, 200);
    // The gradebook opens on the first class without a choice being made.
    await clickWidget(page, 'teacher.tab.gradebook');
    const book = await waitForState(page, (s) => s.portal.gradebook?.rows, 'the gradebook');
    const column = book.portal.gradebook.assignments.findIndex((a) => a.title === TITLE);
    const samRow = book.portal.gradebook.rows.find((r) => r.student_name === 'Sam Student');
    assert.equal(samRow.cells[column].grade, 87.5);
    // Work not yet due reads as the student sees it (Upcoming), never Missing.
    const others = book.portal.gradebook.rows.filter((r) => r.student_name !== 'Sam Student');
    assert.ok(others.length > 10);
    for (const row of others)
      assert.equal(row.cells[column].status, 'upcoming', `${row.student_name}'s work on the new assignment`);
    await page.getByRole('cell', { name: 'Upcoming' }).first().waitFor();
    await screenshot(page, 'portal-teacher-gradebook.png');
    // The demo's six weeks of practice: the class heatmap has every student,
    // a spread of levels and a list of who needs help.
    // The Mastery tab shows the first class at once, too.
    await clickWidget(page, 'teacher.tab.mastery');
    const heatmap = (await waitForState(page, (s) => s.portal.heatmap?.rows?.length > 0, 'the heatmap')).portal.heatmap;
    assert.equal(heatmap.total_students, 26);
    assert.ok(heatmap.needs_help.length > 0, 'someone needs help');
    const levels = new Set(heatmap.rows.flatMap((r) => r.cells.filter((c) => c).map((c) => c.level)));
    assert.ok(levels.size >= 4, `levels: ${[...levels]}`);
    await screenshot(page, 'portal-teacher-heatmap.png');
    await signOut(page);
  });

  await check('the student sees the grade and feedback', async () => {
    await signIn(page, 'student');
    await waitForState(page, (s) => s.layout[`student.assignment.${TITLE}`], 'the assignment row');
    await clickWidget(page, `student.assignment.${TITLE}`);
    const state = await waitForState(page, (s) => s.portal.submission?.grade === 87.5, 'the grade');
    assert.equal(state.portal.submission.feedback, 'A thoughtful comparison.');
    assert.equal(state.portal.assignments.find((a) => a.title === TITLE).status, 'graded');
    await screenshot(page, 'portal-student-graded.png');
    await signOut(page);
  });

  await check('the parent sees the child\'s grade too', async () => {
    await signIn(page, 'parent');
    const state = await waitForState(page,
      (s) => s.portal.assignments?.find((a) => a.title === TITLE)?.grade === 87.5, 'the grade');
    const row = state.portal.assignments.find((a) => a.title === TITLE);
    assert.equal(row.feedback, 'A thoughtful comparison.');
    assert.equal(row.status, 'graded');
    await screenshot(page, 'portal-parent.png');
    await signOut(page);
  });

  await check('a teacher who signed up waits until the administrator approves them in the Sign-up tab', async () => {
    const email = 'newteacher@demo.learnloop.test';
    const signup = await fetch(`${server.base}/api/signup`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, name: 'Nell Newteacher', role: 'teacher' }),
    });
    assert.equal(signup.status, 201);
    assert.equal((await signup.json()).approval, 'pending');
    const token = await apiLogin(server, email, PASSWORD);
    assert.equal((await apiCall(server, token, 'GET', '/api/users')).status, 403);
    await signIn(page, 'admin');
    // By the accessible tree (a click at the tab's pixels was lost while a
    // busy machine was still laying out the 144 users behind it).
    await page.getByRole('tab', { name: 'Sign-up' }).click();
    await waitForState(page, (s) => s.route?.shown === '#/admin/signup', 'the Sign-up tab');
    // The policy and the waiting staff are two replies; either may come first.
    let state = await waitForState(page, (s) => s.portal.pending_staff.includes(email) && s.layout[`admin.approve.${email}`]
      && s.portal.signup_policy !== '', 'the waiting teacher and the policy');
    assert.equal(state.portal.signup_policy, 'open');
    await screenshot(page, 'portal-admin-signup.png');
    await clickWidget(page, `admin.approve.${email}`);
    state = await waitForState(page, (s) => s.portal.decision === 'Account approved' && s.portal.pending_phase === 'done'
      && !s.portal.pending_staff.includes(email), 'the approval');
    assert.equal((await apiCall(server, token, 'GET', '/api/user')).body.approval, 'approved');
    assert.equal((await apiCall(server, token, 'GET', '/api/users')).status, 200);
    await signOut(page);
  });

  await check('the administrator sees users and the grading in the audit log', async () => {
    await signIn(page, 'admin');
    let state = await waitForState(page, (s) => s.portal.users.length >= 4, 'the user list');
    assert.ok(state.portal.users.some((u) => u.email === 'parent@demo.learnloop.test' && u.role === 'parent'));
    // The demo school's 145 people are shown a page at a time (the table's
    // cost per frame no longer grows with the school), and a search finds anyone.
    assert.ok(state.portal.users.length > 140);
    await clickWidget(page, 'admin.tab.users');
    await page.getByRole('cell', { name: 'Abena Mensah' }).waitFor();
    const rows = await page.getByRole('row').count();
    assert.ok(rows <= 26, `one page of rows and the header, not ${rows}`);
    await typeInto(page, 'admin.user_search', 'zofia');
    await page.getByRole('cell', { name: 'Zofia Kowalska' }).waitFor();
    await screenshot(page, 'portal-admin-users-search.png');
    await clickWidget(page, 'admin.user_search');
    await pressKey(page, 'Control+A');
    await pressKey(page, 'Backspace');
    await page.getByRole('cell', { name: 'Abena Mensah' }).waitFor();
    await screenshot(page, 'portal-admin-users.png');
    await clickWidget(page, 'admin.tab.audit');
    state = await waitForState(page, (s) => s.portal.audit.includes('submission.grade'), 'the audit log');
    assert.equal(state.portal.audit[0], 'session.create', 'newest first: this sign-in');
    // People are named and changes read as sentences, numbers rounded.
    const graded = state.portal.audit_text.find((t) => t.startsWith('Tara Teacher graded Sam Student'));
    assert.ok(graded, `a sentence about the grading: ${state.portal.audit_text.join(' | ')}`);
    assert.match(graded, new RegExp(`on .${TITLE}.`));
    assert.match(graded, /[Gg]rade 87\.5/);
    await page.getByRole('cell', { name: 'Tara Teacher' }).first().waitFor();
    const tree = await page.locator('#semantics').innerText();
    assert.doesNotMatch(tree, /user:\d+/, 'no account ids');
    assert.doesNotMatch(tree, /\d\.\d{4,}/, 'no long decimals');
    assert.doesNotMatch(tree, /[{}]"/, 'no JSON');
    await screenshot(page, 'portal-admin-audit.png');
    await clickWidget(page, 'admin.tab.users');
    await waitForState(page, (s) => s.layout['admin.new_email'], 'the add-user form');
    await typeInto(page, 'admin.new_email', 'newstudent@demo.learnloop.test');
    await typeInto(page, 'admin.new_name', 'Noor Student');
    await typeInto(page, 'admin.new_password', 'welcome to learnloop');
    await clickWidget(page, 'admin.add_user');
    state = await waitForState(page, (s) => s.portal.users.some((u) => u.email === 'newstudent@demo.learnloop.test'),
      'the new user in the list');
    assert.equal(state.portal.create_user, 'User added');
    assert.equal(state.portal.users.find((u) => u.email === 'newstudent@demo.learnloop.test').role, 'student');
    await signOut(page);
  });

  await check('a moderator gets the school portal without the audit log or removals', async () => {
    const created = spawnSync(config.cli, ['create-user', '--tenant', 'demo', '--email', 'moderator@demo.learnloop.test',
      '--name', 'Mo Moderator', '--role', 'moderator'],
    { env: { ...process.env, DATABASE_URL: database.url, LEARNLOOP_PASSWORD: PASSWORD }, encoding: 'utf8' });
    assert.equal(created.status, 0, created.stderr);
    await signIn(page, 'moderator');
    const state = await waitForState(page, (s) => s.portal.users.length >= 5 && s.layout['admin.tab.users'], 'the user list');
    assert.ok(state.layout['admin.tab.parents'], 'moderators link parents');
    assert.equal(state.layout['admin.tab.audit'], undefined, 'no audit log tab for moderators');
    assert.ok(!Object.keys(state.layout).some((name) => name.startsWith('admin.deactivate.')), 'no deactivate buttons');
    await screenshot(page, 'portal-moderator.png');
    await signOut(page);
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
