// Browser test of routes and the keyboard in the portals: every screen has an
// address in the URL ("#/teacher/assignments/12/submissions") and a page
// title; changing tab or opening an item adds a history entry, and Back,
// Forward and a reload restore the tab and the item; a link opened signed out
// signs in and then lands on its screen; a link to another portal or to an
// item that is not there says so in words. Tab reaches each portal's controls
// in visual order with a visible focus ring; the arrow keys move between tabs
// and within radio groups (one Tab stop each). Checked by the accessibility
// tree, the address bar, screenshots and axe-core, on the minimal demo school.
import assert from 'node:assert/strict';
import {
  expectFocused, focusedName, expectNoViolations, focusRingAround, apiCall, apiLogin, appState, createRunner, launchBrowser, pressKey, saveScreenshot, startDatabase,
  startServer, stopAll, waitForFirstFrame, waitForState,
} from './harness.mjs';

const PASSWORD = 'learnloop-demo-2026';
const SUFFIX = ' — Learnloop';
const { check, fail, finish } = createRunner();


const hashOf = (page) => page.evaluate(() => window.location.hash);

// Waits until the address bar shows `hash` (the app writes it at the end of the frame that drew the screen).
async function waitForHash(page, hash, what = hash) {
  await page.waitForFunction((h) => window.location.hash === h, hash, { timeout: 10000 }).catch(async () => {
    throw new Error(`the address is ${await hashOf(page)}, not ${hash} (${what})`);
  });
}

async function waitForTitle(page, title) {
  await page.waitForFunction((t) => document.title === t, title + SUFFIX, { timeout: 10000 }).catch(async () => {
    throw new Error(`the page's title is "${await page.title()}", not "${title + SUFFIX}"`);
  });
}

// The selected tab, as a screen reader announces it.
async function expectSelectedTab(page, name) {
  await page.getByRole('tab', { name, selected: true, exact: true }).waitFor({ timeout: 10000 });
  assert.equal(await page.getByRole('tab', { selected: true }).count(), 1, 'one tab is selected');
}


async function focusedBox(page) {
  return page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}


// Presses Tab `count` times from the focused element; returns each stop's name and box, and checks the
// app drew its focus ring around each.
async function tabThrough(page, count, screen) {
  const stops = [];
  for (let i = 0; i < count; i++) {
    const before = await page.evaluateHandle(() => document.activeElement);
    await pressKey(page, 'Tab');
    // The app moves focus in its next frame; on a busy machine that can take a while.
    await page.waitForFunction((el) => document.activeElement && document.activeElement !== document.body
      && document.activeElement !== el, before, { timeout: 5000 }).catch(() => {});
    await before.dispose();
    const name = await focusedName(page);
    assert.ok(name, `${screen}: Tab moved the focus to a control`);
    const box = await focusedBox(page);
    let ring = 0;
    for (let tries = 0; tries < 20 && ring <= 40; tries++) {   // a frame draws the ring
      await new Promise((resolve) => setTimeout(resolve, 150));
      ring = await focusRingAround(page, box);
    }
    assert.ok(ring > 40, `${screen}: ${name} has a visible focus ring (${ring} ring pixels)`);
    stops.push({ name, box });
  }
  return stops;
}

// Each stop is below the one before, or on the same line to its right: the order people read in.
function assertVisualOrder(stops, screen) {
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1].box, b = stops[i].box;
    const below = b.y >= a.y + a.height / 2;
    const sameLineRight = Math.abs(b.y + b.height / 2 - (a.y + a.height / 2)) < Math.max(a.height, b.height) && b.x > a.x;
    assert.ok(below || sameLineRight,
      `${screen}: ${stops[i].name} ${JSON.stringify(b)} follows ${stops[i - 1].name} ${JSON.stringify(a)} in reading order`);
  }
}

async function signIn(page, who) {
  await page.getByRole('textbox', { name: 'Email' }).fill(`${who}@demo.learnloop.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const state = await waitForState(page, (s) => s.screen === 'portal', `${who} signing in`);
  assert.equal(state.session.role, who);
}

async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await waitForState(page, (s) => s.screen === 'sign_in', 'signing out');
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

// A new browser tab (its own, empty session) opened at `hash`.
async function openFresh(browser, server, hash, pageErrors) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(server.base + '/' + hash);
  await waitForFirstFrame(page);
  return page;
}

const go = (page, hash) => page.evaluate((h) => { window.location.hash = h; }, hash);

try {
  const database = await startDatabase({ minimal: true });
  const server = await startServer(database.url);
  // The demo's ids, as a link would carry them.
  const teacher = await apiLogin(server, 'teacher@demo.learnloop.test', PASSWORD);
  const assignments = (await apiCall(server, teacher, 'GET', '/api/assignments')).body;
  const assignment = (Array.isArray(assignments) ? assignments : assignments.items).find((a) => a.title === 'Persuasive letter');
  const teacherClasses = (await apiCall(server, teacher, 'GET', '/api/classes')).body;
  const englishClass = teacherClasses.find((c) => c.name === 'Year 8 English');
  const parent = await apiLogin(server, 'parent@demo.learnloop.test', PASSWORD);
  const child = (await apiCall(server, parent, 'GET', '/api/children')).body[0];
  assert.ok(assignment && englishClass && child, 'the minimal demo has its assignment, class and child');
  const submissions = `#/teacher/assignments/${assignment.id}/submissions`;
  const classPage = `#/teacher/classes/${englishClass.id}`;

  const browser = await launchBrowser();
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);

  await check('sign-in and sign-up have their own addresses, titles and history entries', async () => {
    await waitForHash(page, '#/signin');
    await waitForTitle(page, 'Sign in');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await waitForHash(page, '#/signup');
    await waitForTitle(page, 'Create an account');
    await page.getByRole('heading', { name: 'Create your Learnloop account' }).waitFor();
    await expectNoViolations(page, 'the sign-up screen');
    await page.goBack();
    await waitForHash(page, '#/signin');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: 'Create your Learnloop account' }).waitFor();
    await page.goBack();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  await check('each teacher tab has an address and a title; opening an item adds a history entry', async () => {
    await signIn(page, 'teacher');
    // Signing in opens the home page.
    await waitForHash(page, '#/teacher/home');
    await waitForTitle(page, 'Home');
    await expectSelectedTab(page, 'Home');
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await waitForHash(page, '#/teacher/assignments');
    await waitForTitle(page, 'Assignments');
    await expectSelectedTab(page, 'Assignments');
    // Mastery and the gradebook open on the first class, whose address
    // replaces the tab's own.
    const firstClass = `/${teacherClasses[0].id}`;
    for (const [name, path, item, title] of [['Classes', 'classes', '', 'Classes'],
      ['Mastery', 'mastery', firstClass, `${teacherClasses[0].name} — Mastery`],
      ['Gradebook', 'gradebook', firstClass, `${teacherClasses[0].name} — Gradebook`]]) {
      await page.getByRole('tab', { name }).click();
      await waitForHash(page, `#/teacher/${path}${item}`);
      await waitForTitle(page, title);
      await expectSelectedTab(page, name);
    }
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await waitForHash(page, '#/teacher/assignments');
    await page.getByRole('button', { name: 'Persuasive letter' }).click();
    await waitForHash(page, submissions);
    await waitForTitle(page, 'Persuasive letter — Assignments');
    await page.getByRole('heading', { name: 'Persuasive letter', level: 2 }).waitFor();
    await page.getByRole('tab', { name: 'Classes' }).click();
    await waitForHash(page, '#/teacher/classes');
    await page.getByRole('button', { name: /^Year 8 English/ }).click();
    await waitForHash(page, classPage);
    await waitForTitle(page, 'Year 8 English — Classes');
    await page.getByText('Sam Student (student@demo.learnloop.test)').waitFor();
  });

  await check('Back and Forward restore the tab and the item', async () => {
    await page.goBack();
    await waitForHash(page, '#/teacher/classes');
    await expectSelectedTab(page, 'Classes');
    await page.getByRole('button', { name: /^Year 8 English/, pressed: false }).waitFor();
    await page.goBack();
    await waitForHash(page, submissions);
    await expectSelectedTab(page, 'Assignments');
    await page.getByRole('heading', { name: 'Persuasive letter', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Persuasive letter', pressed: true }).waitFor();
    await waitForTitle(page, 'Persuasive letter — Assignments');
    await page.goBack();
    await waitForHash(page, '#/teacher/assignments');
    await page.getByRole('heading', { name: 'Choose an assignment' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Persuasive letter' }).count(), 0, 'no assignment is open');
    await page.goForward();
    await page.getByRole('heading', { name: 'Persuasive letter', level: 2 }).waitFor();
    await page.goForward();
    await expectSelectedTab(page, 'Classes');
    await page.goForward();
    await waitForHash(page, classPage);
    await page.getByRole('button', { name: /^Year 8 English/, pressed: true }).waitFor();
    await page.getByText('Sam Student (student@demo.learnloop.test)').waitFor();
    await saveScreenshot(page, 'routes-teacher-class.png');
  });

  await check('a reload keeps the screen', async () => {
    await page.reload();
    await waitForFirstFrame(page);
    await expectSelectedTab(page, 'Classes');
    await page.getByRole('button', { name: /^Year 8 English/, pressed: true }).waitFor();
    await page.getByText('Sam Student (student@demo.learnloop.test)').waitFor();
    assert.equal(await hashOf(page), classPage);
    await waitForTitle(page, 'Year 8 English — Classes');
    await go(page, submissions);
    await page.getByRole('heading', { name: 'Persuasive letter', level: 2 }).waitFor();
    await page.reload();
    await waitForFirstFrame(page);
    await expectSelectedTab(page, 'Assignments');
    await page.getByRole('heading', { name: 'Persuasive letter', level: 2 }).waitFor();
    assert.equal(await hashOf(page), submissions);
  });

  await check('a link to another portal, to no page or to an item that is not there says so, with a way back', async () => {
    await go(page, '#/admin/users');
    await page.getByRole('heading', { name: 'This page is not available' }).waitFor();
    await page.getByText(/belongs to a different kind of account/).waitFor();
    assert.equal(await page.getByRole('tab').count(), 0, 'no tabs of a screen that is not shown');
    assert.equal(await hashOf(page), '#/admin/users', 'the address stays as it was');
    await waitForTitle(page, 'Page not available');
    await expectNoViolations(page, 'a page of another portal');
    await saveScreenshot(page, 'routes-not-available.png');
    await page.getByRole('button', { name: 'Go to Home' }).click();
    await waitForHash(page, '#/teacher/home');
    await expectSelectedTab(page, 'Home');

    for (const hash of ['#/teacher/nonsense', '#/teacher/assignments/x', '#/teacher/practice', '#/whatever']) {
      await go(page, hash);
      await page.getByRole('heading', { name: 'This page is not available' }).waitFor();
      await page.getByText(/There is no page at this address/).waitFor();
    }

    await go(page, '#/teacher/assignments/999999/submissions');
    await expectSelectedTab(page, 'Assignments');
    await page.getByRole('alert').filter({ hasText: 'This assignment was not found' }).waitFor();
    await expectNoViolations(page, 'an assignment that is not there');
    await saveScreenshot(page, 'routes-assignment-not-found.png');
    await page.getByRole('button', { name: 'Show all assignments' }).click();
    await waitForHash(page, '#/teacher/assignments');
    for (const [hash, tab] of [['#/teacher/classes/999999', 'Classes'], ['#/teacher/gradebook/999999', 'Gradebook'],
      ['#/teacher/mastery/999999', 'Mastery']]) {
      await go(page, hash);
      await expectSelectedTab(page, tab);
      await page.getByRole('alert').filter({ hasText: 'This class was not found, or you do not teach it.' }).waitFor();
    }
    // Signed in, the sign-in page leads home instead.
    await go(page, '#/signin');
    await waitForHash(page, '#/teacher/home');
    await expectSelectedTab(page, 'Home');
    const state = await appState(page);
    assert.equal(state.screen, 'portal');
  });

  await check('a link opened signed out signs in, then lands on its screen', async () => {
    await signOut(page);
    await waitForHash(page, '#/signin');
    await waitForTitle(page, 'Sign in');

    const fresh = await openFresh(browser, server, submissions, pageErrors);
    await waitForHash(fresh, `#/signin?next=${submissions.slice(1)}`);
    await fresh.getByRole('button', { name: 'Sign in' }).waitFor();
    await signIn(fresh, 'teacher');
    await waitForHash(fresh, submissions);
    await expectSelectedTab(fresh, 'Assignments');
    await fresh.getByRole('heading', { name: 'Persuasive letter', level: 2 }).waitFor();
    await waitForTitle(fresh, 'Persuasive letter — Assignments');
    await fresh.close();

    // A link to a part of the child's page opens that page.
    const parentPage = await openFresh(browser, server, `#/parent/children/${child.id}/mastery`, pageErrors);
    await signIn(parentPage, 'parent');
    await waitForHash(parentPage, `#/parent/children/${child.id}`);
    await parentPage.getByRole('radiogroup', { name: 'Child' }).getByRole('radio', { name: child.name, checked: true }).waitFor();
    await waitForTitle(parentPage, `${child.name} — Children`);
    await parentPage.getByText('Persuasive letter').first().waitFor();
    await expectNoViolations(parentPage, 'the parent\'s page of a child');
    await go(parentPage, '#/parent/children/999999');
    await parentPage.getByRole('alert').filter({ hasText: 'This child is not linked to your account.' }).waitFor();
    await expectNoViolations(parentPage, 'a child who is not linked');
    await parentPage.getByRole('button', { name: 'Show my first child' }).click();
    await waitForHash(parentPage, `#/parent/children/${child.id}`);
    await parentPage.close();

    // Another portal's link, signed out: after signing in, the account's own home, without an error page.
    const student = await openFresh(browser, server, '#/admin/users', pageErrors);
    await waitForHash(student, '#/signin?next=/admin/users');
    await signIn(student, 'student');
    await waitForHash(student, '#/student/home');
    await expectSelectedTab(student, 'Home');
    assert.equal(await student.getByRole('heading', { name: 'This page is not available' }).count(), 0);
    await student.close();
  });

  await check('each home page says what needs doing; its links open the screen, and Back returns home', async () => {
    // The teacher of the minimal demo: nothing handed in, no practice yet, said in words.
    await signIn(page, 'teacher');
    await waitForHash(page, '#/teacher/home');
    await waitForTitle(page, 'Home');
    await page.getByText('Nothing to mark').waitFor();
    await page.getByText('Nobody needs help right now').waitFor();
    await expectNoViolations(page, 'the teacher\'s home');
    await signOut(page);

    // The student: the letter due next week is a link to it.
    await signIn(page, 'student');
    await waitForHash(page, '#/student/home');
    await page.getByText('No practice yet').waitFor();
    const due = page.getByRole('link', { name: 'Persuasive letter' });
    assert.equal(await due.getAttribute('href'), `#/student/assignments/${assignment.id}`, 'the link names its screen');
    await expectNoViolations(page, 'the student\'s home');
    await saveScreenshot(page, 'routes-student-home.png');
    await due.click();
    await waitForHash(page, `#/student/assignments/${assignment.id}`);
    await expectSelectedTab(page, 'Assignments');
    await page.getByRole('heading', { name: 'Persuasive letter', level: 2 }).waitFor();
    await page.goBack();
    await waitForHash(page, '#/student/home');
    await expectSelectedTab(page, 'Home');
    await signOut(page);

    // The parent: the child at a glance, and a link to the child's page.
    await signIn(page, 'parent');
    await waitForHash(page, '#/parent/home');
    await page.getByRole('heading', { name: child.name, level: 2 }).waitFor();
    await page.getByText(`${child.name} has no practice targets yet.`).waitFor();
    await page.getByText('Persuasive letter').waitFor();
    await expectNoViolations(page, 'the parent\'s home');
    await page.getByRole('link', { name: `Open ${child.name}'s page` }).click();
    await waitForHash(page, `#/parent/children/${child.id}`);
    await page.getByRole('radio', { name: child.name, checked: true }).waitFor();
    await page.goBack();
    await waitForHash(page, '#/parent/home');
    await signOut(page);
  });

  await check('Tab reaches each portal\'s controls in visual order with a visible focus ring', async () => {
    // Teacher: the tab list is one stop, then the page's controls from the top.
    await signIn(page, 'teacher');
    await waitForHash(page, '#/teacher/home');
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await waitForHash(page, '#/teacher/assignments');
    await page.getByRole('button', { name: 'Persuasive letter' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).focus();
    let stops = await tabThrough(page, 4, 'the teacher\'s assignments');
    assert.deepEqual(stops.map((s) => s.name),
      ['tab:Assignments', 'button:New assignment', 'button:Refresh', 'button:Persuasive letter']);
    assertVisualOrder(stops, 'the teacher\'s assignments');
    await saveScreenshot(page, 'routes-teacher-focus.png');
    await pressKey(page, 'Shift+Tab');
    await expectFocused(page, 'button:Refresh');
    await signOut(page);

    // Student: the same, and an open assignment's answer box and button in the detail.
    await signIn(page, 'student');
    await waitForHash(page, '#/student/home');
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await page.getByRole('button', { name: 'Persuasive letter' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).focus();
    stops = await tabThrough(page, 3, 'the student\'s assignments');
    assert.deepEqual(stops.map((s) => s.name), ['tab:Assignments', 'button:Refresh', 'button:Persuasive letter']);
    assertVisualOrder(stops, 'the student\'s assignments');
    await pressKey(page, 'Enter');
    await waitForHash(page, `#/student/assignments/${assignment.id}`);
    await page.getByRole('heading', { name: 'Persuasive letter', level: 2 }).waitFor();
    stops = await tabThrough(page, 1, 'the student\'s assignment');
    assert.deepEqual(stops.map((s) => s.name), ['textbox:Your answer']);
    await page.keyboard.type('Dear head teacher, ...');
    // Submit is enabled once the app has read the answer (it is skipped by Tab while disabled).
    await page.getByRole('button', { name: 'Submit', disabled: false }).waitFor();
    stops = await tabThrough(page, 1, 'the student\'s assignment');
    assert.deepEqual(stops.map((s) => s.name), ['button:Submit']);
    await saveScreenshot(page, 'routes-student-focus.png');
    await expectNoViolations(page, 'the student\'s assignment');
    await signOut(page);

    // Parent: the tab list, the child radio group, then the page's buttons and the link-code field.
    await signIn(page, 'parent');
    await waitForHash(page, '#/parent/home');
    await page.getByRole('tab', { name: 'Children' }).click();
    await page.getByRole('radio', { name: child.name }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).focus();
    stops = await tabThrough(page, 4, 'the parent\'s page');
    assert.deepEqual(stops.map((s) => s.name),
      ['tab:Children', `radio:${child.name}`, 'button:Refresh', 'textbox:Link code from the school']);
    await saveScreenshot(page, 'routes-parent-focus.png');
    await signOut(page);

    // Administrator: the tab list, then the user list row by row and the add-user form below it.
    await signIn(page, 'admin');
    await page.getByRole('cell', { name: 'parent@demo.learnloop.test' }).first().waitFor();
    await page.getByRole('button', { name: 'Sign out' }).focus();
    stops = await tabThrough(page, 8, 'the administrator\'s users');
    assert.equal(stops[0].name, 'tab:Users');
    assertVisualOrder(stops, 'the administrator\'s users');
    await saveScreenshot(page, 'routes-admin-focus.png');
  });

  await check('arrow keys move between tabs and within a radio group, each one Tab stop', async () => {
    // The administrator's tabs: Left and Right move and select (wrapping), Home and End go to the ends.
    await page.getByRole('tab', { name: 'Users' }).focus();
    const tabs = ['Users', 'Classes', 'Parents', 'Sign-up', 'Audit log'];
    const paths = ['users', 'classes', 'parents', 'signup', 'audit'];
    for (let i = 1; i < tabs.length; i++) {
      await pressKey(page, 'ArrowRight');
      await expectFocused(page, `tab:${tabs[i]}`);
      await expectSelectedTab(page, tabs[i]);
      await waitForHash(page, `#/admin/${paths[i]}`);
    }
    await pressKey(page, 'ArrowRight');
    await expectSelectedTab(page, 'Users');
    await expectFocused(page, 'tab:Users');
    await pressKey(page, 'ArrowLeft');
    await expectSelectedTab(page, 'Audit log');
    await pressKey(page, 'Home');
    await expectSelectedTab(page, 'Users');
    await pressKey(page, 'End');
    await expectSelectedTab(page, 'Audit log');
    await pressKey(page, 'ArrowLeft');
    await expectSelectedTab(page, 'Sign-up');
    await expectFocused(page, 'tab:Sign-up');
    // One Tab stop: only the selected tab is in the Tab order.
    const stops = await page.evaluate(() => [...document.querySelectorAll('[role=tab]')].map((t) => `${t.textContent}:${t.tabIndex}`));
    assert.deepEqual(stops, ['Users:-1', 'Classes:-1', 'Parents:-1', 'Sign-up:0', 'Audit log:-1']);
    await pressKey(page, 'Shift+Tab');
    await expectFocused(page, 'button:Sign out');
    await pressKey(page, 'Tab');
    await expectFocused(page, 'tab:Sign-up');
    // Back returns through the tabs the arrows chose.
    await page.goBack();
    await expectSelectedTab(page, 'Audit log');
    await page.goForward();
    await expectSelectedTab(page, 'Sign-up');

    // The sign-up policy: a radio group, entered at its checked radio; Down and Up move the choice.
    const group = page.getByRole('radiogroup', { name: 'Who may create their own account' });
    await group.waitFor();
    const radios = await group.getByRole('radio').allTextContents();
    assert.ok(radios.length >= 2, `the policy has choices: ${radios}`);
    const checked = await group.getByRole('radio', { checked: true }).textContent();
    const at = radios.indexOf(checked);
    await pressKey(page, 'Tab');
    await expectFocused(page, `radio:${checked}`, 'Tab enters the group at its checked radio');
    await pressKey(page, 'ArrowDown');
    const next = radios[(at + 1) % radios.length];
    await expectFocused(page, `radio:${next}`);
    await group.getByRole('radio', { name: next, checked: true }).waitFor();
    const box = await focusedBox(page);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.ok(await focusRingAround(page, box) > 40, 'the radio the arrow moved to has a visible focus ring');
    await saveScreenshot(page, 'routes-radio-arrows.png');
    await expectNoViolations(page, 'the administrator\'s sign-up tab');
    // Tab leaves the group for the next control (saving is possible now the choice changed),
    // Shift+Tab comes back to the radio now checked.
    await pressKey(page, 'Tab');
    await expectFocused(page, 'button:Save sign-up policy');
    await pressKey(page, 'Shift+Tab');
    await expectFocused(page, `radio:${next}`);
    await pressKey(page, 'ArrowUp');
    await expectFocused(page, `radio:${checked}`);
    await group.getByRole('radio', { name: checked, checked: true }).waitFor();
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
