// Browser test of the portals on a phone (390×844 CSS pixels at two device
// pixels each, touch, mobile emulation) against the real server and the full
// demo school: signing in by tapping fields opens them for typing (the page's
// own input takes focus inside the tap, as a phone needs to raise its
// keyboard); in every portal a swipe scrolls a long list, which glides on
// after the finger lifts; a tap presses a button; every screen is one column
// with nothing past the screen's right edge and every control at least 44
// CSS pixels tall; axe-core finds no WCAG violation. Screenshots of every
// portal tab at phone and desktop size go under the artifacts folder.
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  expectNoViolations, apiCall, apiLogin, appState, config, createRunner, launchBrowser, saveScreenshot, seedCurriculum, startDatabase, startServer, stopAll,
  waitForFirstFrame, waitForState,
} from './harness.mjs';

const PASSWORD = 'learnloop-demo-2026';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const TOUCH_TARGET = 44;
// Each portal's tabs (the parent's portal is one page) and a widget inside
// its first page's long list, whose rectangle shows how far the page scrolled.
const PORTALS = {
  teacher: { tabs: ['Home', 'Assignments', 'Classes', 'Mastery', 'Gradebook'], work: 'Assignments',
    marker: (layout) => firstOf(layout, 'teacher.assignment.') },
  student: { tabs: ['Home', 'Assignments', "Today's tasks"], work: 'Assignments',
    marker: (layout) => firstOf(layout, 'student.assignment.') },
  parent: { tabs: ['Home', 'Children'], work: 'Children', marker: () => 'parent.redeem' },
  admin: { tabs: ['Users', 'Classes', 'Parents', 'Sign-up', 'Audit log'], marker: () => 'admin.new_email' },
};
const { check, fail, finish } = createRunner();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function firstOf(layout, prefix) {
  return Object.keys(layout).filter((name) => name.startsWith(prefix)).sort((a, b) => layout[a].y - layout[b].y)[0];
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
}


// Waits until the app has drawn a few more frames (a tap's press and release
// take three).
async function frames(page, count = 4) {
  const start = (await appState(page)).frames;
  await waitForState(page, (s) => s.frames >= start + count, `${count} frames`, 5000);
}

// A finger's tap in the middle of what a locator finds (as a phone's
// browser sends it: touch events, then the click).
async function tap(page, locator) {
  const box = await locator.boundingBox();
  assert.ok(box, 'the control to tap is on the page');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await frames(page);
}

// A finger dragged from one point to another over `ms`, then lifted. The
// events carry the times a finger would make them at: on a busy machine the
// browser hands each move to the page a frame later, which would otherwise
// look like a slow finger.
async function swipe(cdp, from, to, { steps = 10, ms = 160 } = {}) {
  const start = Date.now() / 1000;
  const at = (i) => start + (ms / 1000) * (i / steps);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }], timestamp: at(0) });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }], timestamp: at(i) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: at(steps) });
}

async function settle(page) {
  await waitForState(page, (s) => !s.touch.gliding && !s.touch.finger_down, 'the page to stop moving', 10000);
}

// Everything the page's tree shows in view, and every widget the app reports:
// none reaches past the screen's right edge, and no control is shorter than a
// fingertip. A control cut by the edge of its scrolling area is not measured.
async function layoutProblems(page) {
  const problems = await page.evaluate((target) => {
    const width = window.innerWidth;
    const found = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    const shown = [...document.querySelectorAll('#semantics [data-key]')].filter((el) => !el.closest('.sem-off'))
      .map((el) => ({ el, rect: el.getBoundingClientRect() })).filter(({ rect }) => rect.width > 0 && rect.height > 0);
    // The lowest edge anything reaches; a control within a fingertip of the
    // screen's bottom is cut by the end of the scrolling screen (the footer
    // below it shows only when something is wrong).
    const clipEdge = Math.min(window.innerHeight - target, Math.max(...shown.map(({ rect }) => rect.bottom)));
    for (const { el, rect } of shown) {
      const name = `${el.getAttribute('role') ?? el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent).slice(0, 40)}"`;
      if (rect.right > width + 0.5 || rect.left < -0.5) found.push(`${name} spans ${rect.left}..${rect.right}`);
      const control = el.matches('button, input, textarea, a');
      if (control && rect.height < target - 0.5 && rect.bottom < clipEdge - 0.5 && rect.top > 0.5)
        found.push(`${name} is ${rect.height}px tall (${rect.top}..${rect.bottom})`);
    }
    return found;
  }, TOUCH_TARGET);
  const state = await appState(page);
  for (const [name, rect] of Object.entries(state.layout)) {
    // Tabs that do not fit wait beyond the edge of their strip, which
    // scrolls sideways (the tree above holds only the part in view).
    if (/\.tab\./.test(name)) continue;
    if (rect.x + rect.width > PHONE.viewport.width + 0.5) problems.push(`widget ${name} ends at ${rect.x + rect.width}`);
  }
  return problems;
}

async function signInByTouch(page, who) {
  if ((await appState(page)).screen === 'portal') await signOutByTouch(page);   // a check before this one failed
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  // The form gives its first field focus by itself; here the finger must.
  await page.evaluate(() => document.activeElement?.blur());
  const email = page.getByRole('textbox', { name: 'Email' });
  await tap(page, email);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Email',
    'a tap on the field gives the page\'s input focus (a phone opens its keyboard for it)');
  await page.keyboard.type(`${who}@demo.learnloop.test`);
  await waitForState(page, (s) => s.sign_in.email === `${who}@demo.learnloop.test`, 'the typed email in the field');
  await tap(page, page.getByLabel('Password', { exact: true }));
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Password');
  await page.keyboard.type(PASSWORD);
  await tap(page, page.getByRole('button', { name: 'Sign in' }));
  const state = await waitForState(page, (s) => s.screen === 'portal', `${who} signing in`);
  assert.equal(state.session.role, who);
  assert.equal(state.compact, true, 'the phone gets the compact layout');
  // Signing in opens the home page; the checks start from the tab the role works in.
  const work = PORTALS[who].work;
  if (work) {
    await page.getByRole('tab', { name: 'Home', selected: true }).waitFor();
    await tap(page, page.getByRole('tab', { name: work }));
    await page.getByRole('tab', { name: work, selected: true }).waitFor();
  }
}

async function signOutByTouch(page) {
  await tap(page, page.getByRole('button', { name: 'Sign out' }));
  await waitForState(page, (s) => s.screen === 'sign_in', 'signing out');
}

// Swipes the page up by 150 px and checks the list follows the finger, goes
// on gliding after the finger lifts (it ends up further than the finger went)
// and comes to rest; then swipes back to the top.
async function checkSwipe(page, cdp, who) {
  const marker = PORTALS[who].marker((await appState(page)).layout);
  assert.ok(marker, 'a widget of the list to follow');
  const start = await appState(page);
  const before = start.layout[marker].y;
  await swipe(cdp, { x: 200, y: 600 }, { x: 200, y: 450 });
  const released = await waitForState(page, (s) => s.touch.drags === start.touch.drags + 1 && !s.touch.finger_down, 'the drag');
  assert.ok(before - released.layout[marker].y > 100, `the list follows the finger (moved ${before - released.layout[marker].y}px)`);
  assert.equal(released.touch.glides, start.touch.glides + 1, 'a quick release glides on');
  await settle(page);
  const rest = (await appState(page)).layout[marker].y;
  assert.ok(before - rest > 150 + 40, `the list went on beyond the finger's 150px (${before - rest}px)`);
  await frames(page, 3);
  assert.equal((await appState(page)).layout[marker].y, rest, 'the glide came to rest');
  assert.equal((await appState(page)).touch.taps, start.touch.taps, 'a swipe clicks nothing');
  // And back to the top, for the next checks.
  for (let i = 0; i < 10 && (await appState(page)).layout[marker].y < before; i++) {
    await swipe(cdp, { x: 200, y: 250 }, { x: 200, y: 750 }, { steps: 6, ms: 80 });
    await settle(page);
  }
  assert.equal((await appState(page)).layout[marker].y, before, 'swiping down returns to the top');
}

async function checkTabs(page, who, prefix) {
  for (const name of PORTALS[who].tabs) {
    const tab = page.getByRole('tab', { name });
    if (prefix === 'phone') await tap(page, tab); else await tab.click();
    await page.getByRole('tab', { name, selected: true }).waitFor();
    await sleep(600);   // the tab's data loads
    const classChoice = page.getByRole('radio', { name: 'Year 8 English', exact: true });
    if (await classChoice.count()) {
      if (prefix === 'phone') await tap(page, classChoice); else await classChoice.click();
      await sleep(800);
    }
    if (prefix === 'phone') {
      assert.deepEqual(await layoutProblems(page), [], `the ${who}'s ${name} tab fits a phone`);
      await expectNoViolations(page, `the ${who}'s ${name} tab on a phone`);
    } else {
      assert.equal((await appState(page)).compact, false, 'a desktop keeps the wide layout');
    }
    await saveScreenshot(page, `${prefix}-${who}-${slug(name)}.png`);
  }
}

try {
  const database = await startDatabase();
  seedCurriculum(database, path.join(config.sourceDir, 'curriculum'));
  const server = await startServer(database.url);
  // Ten more assignments for the whole school, so the student's list is long too.
  const teacher = await apiLogin(server, 'teacher@demo.learnloop.test', PASSWORD);
  for (let week = 1; week <= 10; week++) {
    const created = await apiCall(server, teacher, 'POST', '/api/assignments', {
      title: `Reading log, week ${week}`, description: 'Read for twenty minutes a day and note one new word.',
      due_date: `2027-03-${String(week + 10).padStart(2, '0')}T17:00:00`, class_id: null,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  const phone = await launchBrowser({ device: PHONE });
  const page = phone.pages()[0] ?? await phone.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const cdp = await phone.newCDPSession(page);
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);

  await check('the sign-in and sign-up screens fit a phone', async () => {
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal((await appState(page)).compact, true);
    assert.deepEqual(await layoutProblems(page), []);
    await expectNoViolations(page, 'the sign-in screen on a phone');
    await saveScreenshot(page, 'phone-signin.png');
    await tap(page, page.getByRole('button', { name: 'Create an account' }));
    await waitForState(page, (s) => s.screen === 'sign_up', 'the sign-up screen');
    await page.getByRole('button', { name: 'Back to sign in' }).waitFor();
    assert.deepEqual(await layoutProblems(page), []);
    await expectNoViolations(page, 'the sign-up screen on a phone');
    await saveScreenshot(page, 'phone-signup.png');
    await tap(page, page.getByRole('button', { name: 'Back to sign in' }));
    await waitForState(page, (s) => s.screen === 'sign_in', 'back to sign in');
  });

  await check('the teacher signs in by tapping the fields and typing', async () => {
    await signInByTouch(page, 'teacher');
  });

  await check('teacher: a tab cut off at the end of the strip is pressed by a tap on what shows of it', async () => {
    // The five tabs do not fit 390 px: the strip shows the last ones in part,
    // beside its arrow buttons. A tap lands on the middle of what shows.
    const pressed = [];
    for (const name of PORTALS.teacher.tabs) {
      const tab = page.getByRole('tab', { name });
      const box = await tab.boundingBox();
      if (!box || box.width < 1) continue;   // scrolled out of the strip: nothing of it shows
      await tap(page, tab);
      await page.getByRole('tab', { name, selected: true }).waitFor({ timeout: 5000 });
      pressed.push(name);
    }
    assert.ok(pressed.length >= 4, `tabs pressed: ${pressed.join(', ')}`);
    await page.evaluate(() => { window.location.hash = '#/teacher/assignments'; });
    await page.getByRole('tab', { name: 'Assignments', selected: true }).waitFor();
    await waitForState(page, (s) => s.portal.assignments.length > 5, 'the teacher\'s assignments');
    await saveScreenshot(page, 'phone-teacher.png');
  });

  await check('teacher: a tap presses a button; a swipe scrolls the assignments and glides on', async () => {
    await tap(page, page.getByRole('button', { name: 'New assignment' }));
    await waitForState(page, (s) => s.portal.editor_open, 'the editor');
    await page.getByRole('textbox', { name: 'Title' }).waitFor();
    assert.deepEqual(await layoutProblems(page), [], 'the editor fits a phone');
    await saveScreenshot(page, 'phone-teacher-editor.png');
    await tap(page, page.getByRole('button', { name: 'Back to the list' }));
    await waitForState(page, (s) => !s.portal.editor_open, 'back to the list');
    await checkSwipe(page, cdp, 'teacher');
  });

  await check('teacher: every tab is one column with touch-sized controls and no WCAG violations', async () => {
    await checkTabs(page, 'teacher', 'phone');
    await signOutByTouch(page);
  });

  await check('student: sign in by touch, open an assignment with a tap, swipe the list', async () => {
    await signInByTouch(page, 'student');
    const state = await waitForState(page, (s) => s.portal.assignments.length > 5, 'the student\'s assignments');
    const title = state.portal.assignments[0].title;
    await tap(page, page.getByRole('button', { name: title }).first());
    await waitForState(page, (s) => s.portal.selected !== 0, 'the assignment to open');
    await page.getByRole('button', { name: 'Back to the list' }).waitFor();
    assert.deepEqual(await layoutProblems(page), [], 'the assignment fits a phone');
    await saveScreenshot(page, 'phone-student-assignment.png');
    await tap(page, page.getByRole('button', { name: 'Back to the list' }));
    await waitForState(page, (s) => s.portal.selected === 0, 'back to the list');
    await checkSwipe(page, cdp, 'student');
    await checkTabs(page, 'student', 'phone');
    await signOutByTouch(page);
  });

  await check('parent: sign in by touch, refresh with a tap, swipe the child\'s work', async () => {
    await signInByTouch(page, 'parent');
    await waitForState(page, (s) => s.portal.assignments?.length > 5 && s.layout['parent.redeem'], 'the child\'s assignments');
    const reload = page.waitForRequest((request) => request.url().includes('/api/assignments?') && request.url().includes('student_id='));
    await tap(page, page.getByRole('button', { name: 'Refresh' }));
    await reload;
    // Everything the refresh asked for has arrived (the page has its full length).
    await waitForState(page, (s) => s.requests_in_flight === 0 && s.layout['parent.redeem'], 'the refresh to finish');
    await checkSwipe(page, cdp, 'parent');
    await checkTabs(page, 'parent', 'phone');
    await signOutByTouch(page);
  });

  await check('admin: a tap opens a role menu and a tap beside it closes it; swipes scroll the users and the tabs', async () => {
    await signInByTouch(page, 'admin');
    await waitForState(page, (s) => s.portal.users.length > 100 && s.layout['admin.new_email'], 'the school\'s users');
    await saveScreenshot(page, 'phone-admin.png');
    const taps = (await appState(page)).touch.taps;
    await tap(page, page.getByRole('button', { name: /^Role: / }).first());
    const option = page.getByRole('option', { name: 'Moderator', exact: true });
    await option.waitFor();
    await saveScreenshot(page, 'phone-admin-role-menu.png');
    // The status line at the bottom is drawn on the canvas, with no control
    // of the page's tree over it: the app takes that tap as a click outside.
    await page.touchscreen.tap(200, 844 - 12);
    await option.waitFor({ state: 'detached' });
    assert.equal((await appState(page)).touch.taps, taps + 1, 'the canvas took the tap as a click');
    await checkSwipe(page, cdp, 'admin');
    // The five tabs do not all fit beside the list's scroll bar: a sideways
    // swipe on the strip shows the rest, and selects nothing.
    const { layout } = await appState(page);
    const last = layout['admin.tab.audit'];
    assert.ok(last.x + last.width > layout.sign_out.x + layout.sign_out.width, 'the tab strip is wider than the phone');
    const y = layout['admin.tab.classes'].y + layout['admin.tab.classes'].height / 2;
    await swipe(cdp, { x: 300, y }, { x: 100, y }, { steps: 8, ms: 400 });
    await settle(page);
    assert.ok((await appState(page)).layout['admin.tab.users'].x < layout['admin.tab.users'].x, 'the tab strip moved sideways');
    await page.getByRole('tab', { name: 'Users', selected: true }).waitFor();
    // And back, as a person would before tapping the first tab.
    await swipe(cdp, { x: 100, y }, { x: 340, y }, { steps: 8, ms: 400 });
    await settle(page);
    assert.equal((await appState(page)).layout['admin.tab.users'].x, layout['admin.tab.users'].x, 'the tab strip is back');
    await checkTabs(page, 'admin', 'phone');
    await signOutByTouch(page);
  });

  await check('every portal tab at desktop size keeps the wide layout (screenshots)', async () => {
    const desktop = await launchBrowser({ device: DESKTOP });
    const wide = desktop.pages()[0] ?? await desktop.newPage();
    wide.on('pageerror', (error) => pageErrors.push(String(error)));
    await wide.goto(server.base + '/');
    await waitForFirstFrame(wide);
    await saveScreenshot(wide, 'desktop-signin.png');
    for (const who of Object.keys(PORTALS)) {
      await wide.getByRole('textbox', { name: 'Email' }).fill(`${who}@demo.learnloop.test`);
      await wide.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await wide.getByRole('button', { name: 'Sign in' }).click();
      await waitForState(wide, (s) => s.screen === 'portal', `${who} signing in`);
      await checkTabs(wide, who, 'desktop');
      await wide.getByRole('button', { name: 'Sign out' }).click();
      await waitForState(wide, (s) => s.screen === 'sign_in', 'signing out');
    }
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
