// Browser test of the semantics layer: the page's accessibility tree mirrors
// what the canvas draws (roles, names, states), so people using a screen
// reader or the keyboard, and tools, can use every portal. Sign-in and one
// workflow per portal are driven through that tree by role and name, never by
// coordinates; axe-core checks every portal screen against WCAG 2.2 A/AA; text
// typed through an input method, pasted or picked from the emoji picker
// reaches the server byte for byte. Screenshots go under build/artifacts.
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  expectFocused, focusedName, axeViolations, focusRingAround, apiCall, apiLogin, appState, config, createRunner, launchBrowser, pressKey, saveScreenshot, seedCurriculum,
  startDatabase, startServer, stopAll, waitForFirstFrame, waitForState,
} from './harness.mjs';

const PASSWORD = 'learnloop-demo-2026';
const TITLE = 'Café poems – Müller review 🎉';
const { check, fail, finish } = createRunner();


async function expectNoViolations(page, screen) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe found WCAG violations on ${screen}`);
  await expectPeoplesWords(page, screen);
}

// Everything the accessible tree says (names and text), as one text.
async function treeText(page) {
  return page.evaluate(() => {
    const root = document.getElementById('semantics');
    const names = [...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
    return [root.innerText, ...names].join('\n');
  });
}

// What a screen says is for people: no enum names ("not_started",
// "due_soon"), no text decoded twice ("â€“" for "–"), no server details
// while the server is well.
async function expectPeoplesWords(page, screen) {
  const text = await treeText(page);
  const enums = text.match(/\b[a-z]+_[a-z_]+\b/g);
  assert.equal(enums, null, `enum-looking names on ${screen}: ${enums}`);
  const mojibake = text.match(/(?:Ã.|â€|Â[^A-Za-z])/g);
  assert.equal(mojibake, null, `text decoded twice on ${screen}: ${mojibake}`);
  assert.doesNotMatch(text, /PostgreSQL|Server OK/, `no server details on ${screen}`);
}

// The focused element's role and accessible name, as a screen reader announces it.


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

try {
  const database = await startDatabase();
  seedCurriculum(database, path.join(config.sourceDir, 'curriculum'));
  const server = await startServer(database.url);
  const browser = await launchBrowser();
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);

  await check('the sign-in screen is in the accessibility tree with roles and names', async () => {
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByRole('heading', { name: 'Learnloop', level: 1 }).waitFor();
    const email = page.getByRole('textbox', { name: 'Email' });
    assert.equal(await email.getAttribute('autocomplete'), 'username');
    assert.equal(await email.getAttribute('placeholder'), 'name@school.org');
    const password = page.getByLabel('Password', { exact: true });
    assert.equal(await password.getAttribute('type'), 'password');
    assert.equal(await password.getAttribute('autocomplete'), 'current-password');
    await page.getByRole('button', { name: 'Create an account' }).waitFor();
    const snapshot = await page.locator('#semantics').ariaSnapshot();
    assert.match(snapshot, /heading "Learnloop" \[level=1\]/);
    assert.match(snapshot, /textbox "Email"/);
    assert.match(snapshot, /button "Sign in"/);
    // Find-in-page and translation see the words of the screen.
    assert.ok(await page.evaluate(() => document.body.innerText.includes('Sign in to your school')));
    await saveScreenshot(page, 'semantics-signin.png');
  });

  await check('the sign-in screen has no WCAG 2.2 A/AA violations', async () => {
    await expectNoViolations(page, 'the sign-in screen');
  });

  await check('Tab and Shift+Tab move through the controls in order with a visible focus ring', async () => {
    // The form's first field has focus when the screen opens.
    await waitForState(page, () => true, 'a frame');
    await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Email');
    const order = [await focusedName(page)];
    for (let i = 0; i < 4; i++) {
      await pressKey(page, 'Tab');
      order.push(await focusedName(page));
    }
    assert.deepEqual(order, ['textbox:Email', 'textbox:Password', 'textbox:School or business code (optional)',
      'button:Sign in', 'button:Create an account']);
    await pressKey(page, 'Shift+Tab');
    await expectFocused(page, 'button:Sign in');
    const box = await page.getByRole('button', { name: 'Sign in' }).boundingBox();
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.ok(await focusRingAround(page, box) > 40, 'the focused button has a visible focus ring');
    await saveScreenshot(page, 'semantics-focus-ring.png');
  });

  await check('Enter on a focused button activates it (an empty form shows its errors, announced)', async () => {
    await pressKey(page, 'Enter');
    await page.getByRole('alert').filter({ hasText: 'Email is required' }).first().waitFor({ timeout: 5000 })
      .catch(async () => {
        const state = await appState(page);
        throw new Error(`no alert; errors shown: ${JSON.stringify(state.sign_in.shown_errors)}`);
      });
  });

  await check('the teacher signs in and creates an assignment through the tree, with IME, paste and emoji', async () => {
    await signIn(page, 'teacher');
    await page.getByRole('tab', { name: 'Home', selected: true }).waitFor();
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await page.getByRole('tab', { name: 'Assignments', selected: true }).waitFor();
    // In the portal, Tab goes from the top bar to the tab list (one stop, at
    // its selected tab; the arrow keys move within it) and into the page.
    await page.getByRole('button', { name: 'Sign out' }).focus();
    const order = [];
    for (let i = 0; i < 2; i++) {
      await pressKey(page, 'Tab');
      order.push(await focusedName(page));
    }
    assert.deepEqual(order, ['tab:Assignments', 'button:New assignment']);
    const box = await page.getByRole('tab', { name: 'Assignments' }).boundingBox();
    await pressKey(page, 'Shift+Tab');
    await expectFocused(page, 'tab:Assignments');
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.ok(await focusRingAround(page, box) > 40, 'the focused tab has a visible focus ring');
    await saveScreenshot(page, 'semantics-teacher-focus.png');
    // Space on a focused control presses it, as Enter does.
    await pressKey(page, 'Tab');
    await pressKey(page, ' ');
    await page.getByRole('heading', { name: 'New assignment' }).waitFor();
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.click();
    await page.keyboard.type('Caf');
    // An input method composes "é" from "e" and an accent, then commits it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'e', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'é', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: 'é' });
    await page.keyboard.type(' poems ');
    // Pasted from another page through the browser's clipboard.
    await page.evaluate(() => navigator.clipboard.writeText('– Müller'));
    await pressKey(page, 'Control+V');
    await page.keyboard.type(' review ');
    // The emoji picker inserts its character as committed text.
    await page.keyboard.insertText('🎉');
    await waitForState(page, (s) => s.portal.editor_title === TITLE, 'the title in the app',
      5000).catch(async () => {
      assert.equal(await title.inputValue(), TITLE, 'the page field holds the title');
    });
    // The due date is chosen in a calendar dialog, which passes axe too.
    await page.getByRole('button', { name: /^Due date: / }).click();
    const calendar = page.getByRole('dialog', { name: 'Choose the Due date' });
    await calendar.waitFor();
    assert.ok(await calendar.getByRole('button', { name: /, today$/ }).count() <= 1);
    await expectNoViolations(page, 'the due date calendar');
    await saveScreenshot(page, 'semantics-teacher-calendar.png');
    await pressKey(page, 'Escape');
    await calendar.waitFor({ state: 'detached' });
    const description = page.getByRole('textbox', { name: 'Description' });
    await description.click();
    await page.keyboard.type('Read both poems.');
    await pressKey(page, 'Enter');
    await page.keyboard.type('Compare how each one uses the sea; write a paragraph about the imagery and one about the form.');
    await saveScreenshot(page, 'semantics-teacher-editing.png');
    await page.getByRole('button', { name: 'Save' }).click();
    await waitForState(page, (s) => s.portal.assignments.includes(TITLE), 'the new assignment in the list');
    const token = await apiLogin(server, 'teacher@demo.learnloop.test', PASSWORD);
    const list = await apiCall(server, token, 'GET', '/api/assignments');
    const items = Array.isArray(list.body) ? list.body : list.body.assignments ?? list.body.items;
    const saved = items.find((a) => a.title === TITLE);
    assert.ok(saved, `the server has the title byte for byte; titles: ${items.map((a) => a.title).join(' | ')}`);
    assert.ok(Buffer.from(saved.title, 'utf8').equals(Buffer.from(TITLE, 'utf8')));
    assert.equal(saved.description, 'Read both poems.\nCompare how each one uses the sea; write a paragraph about the imagery and one about the form.');
    await saveScreenshot(page, 'semantics-teacher-created.png');
  });

  await check('Escape closes a dialog and focus returns to the control that opened it', async () => {
    await page.getByRole('button', { name: TITLE }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete assignment?' });
    await dialog.waitFor();
    await expectFocused(page, 'button:Delete', 'focus moves into the dialog');
    await expectNoViolations(page, 'the delete dialog');
    await saveScreenshot(page, 'semantics-dialog.png');
    await pressKey(page, 'Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocused(page, 'button:Delete', 'focus is back on the button that opened the dialog');
    assert.equal(await page.evaluate(() => document.activeElement.closest('[role=dialog]')), null);
    const state = await appState(page);
    assert.ok(state.portal.assignments.includes(TITLE), 'nothing was deleted');
  });

  await check('every teacher tab has no WCAG violations and is reached by keyboard', async () => {
    for (const name of ['Classes', 'Mastery', 'Gradebook', 'Assignments']) {
      const tab = page.getByRole('tab', { name });
      await tab.focus();
      await pressKey(page, 'Enter');
      await page.getByRole('tab', { name, selected: true }).waitFor();
      await new Promise((resolve) => setTimeout(resolve, 400));   // the tab's data loads
      await expectNoViolations(page, `the teacher's ${name} tab`);
      // Charts say what they show, as a text alternative.
      if (name === 'Gradebook')
        await page.getByRole('img', { name: /^Grade distribution of \d+ grades, average [\d.]+: / }).waitFor();
      if (name === 'Mastery')
        await page.getByText('Mastered (95% and over)').waitFor();
      await saveScreenshot(page, `semantics-teacher-${name.toLowerCase()}.png`);
    }
    await signOut(page);
  });

  await check('the student opens an assignment and answers it through the tree', async () => {
    await signIn(page, 'student');
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await page.getByRole('button', { name: new RegExp(TITLE) }).first().click();
    const answer = page.getByRole('textbox', { name: /answer/i });
    await answer.click();
    await page.keyboard.type('Both poems use the sea as a metaphor for time – naïve but vivid. ✨');
    await page.getByRole('button', { name: /Submit/ }).first().click();
    await waitForState(page, (s) => s.portal.submit === 'Submitted', 'the submission');
    await expectNoViolations(page, 'the student\'s assignments');
    await saveScreenshot(page, 'semantics-student.png');
    for (const name of ["Today's tasks"]) {
      await page.getByRole('tab', { name }).click();
      await page.getByRole('tab', { name, selected: true }).waitFor();
      await new Promise((resolve) => setTimeout(resolve, 400));
      await expectNoViolations(page, `the student's ${name} tab`);
      await saveScreenshot(page, 'semantics-student-practice.png');
    }
    await signOut(page);
  });

  await check('the parent sees a child\'s work through the tree', async () => {
    await signIn(page, 'parent');
    await page.getByRole('tab', { name: 'Children' }).click();
    await page.getByText(TITLE).first().waitFor();
    await expectNoViolations(page, 'the parent\'s portal');
    await page.getByRole('img', { name: /^Mastery of .+ over time: \d+ answers from / }).waitFor({ state: 'attached' });
    await saveScreenshot(page, 'semantics-parent.png');
  });

  await check('a password manager filling both fields before the app draws again keeps both, and its focus', async () => {
    // Signing out opens the sign-in screen, whose first field the app focuses
    // a frame later; both fields are filled the moment they appear, before
    // that frame, as a password manager does.
    await page.evaluate(() => new Promise((resolve) => {
      const root = document.getElementById('semantics');
      const fill = (el, value) => {
        el.focus();
        el.value = value;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
      };
      const observer = new MutationObserver(() => {
        const email = root.querySelector('input[aria-label="Email"]');
        const password = root.querySelector('input[aria-label="Password"]');
        if (!email || !password) return;
        observer.disconnect();
        fill(email, 'admin@demo.learnloop.test');
        fill(password, 'learnloop-demo-2026');
        resolve();
      });
      observer.observe(root, { childList: true, subtree: true });
      [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Sign out').click();
    }));
    const start = (await appState(page)).frames;
    const state = await waitForState(page, (s) => s.frames >= start + 3, 'a few frames');
    assert.equal(state.sign_in.email, 'admin@demo.learnloop.test');
    assert.deepEqual(state.sign_in.errors, [], 'the password reached the app too');
    await expectFocused(page, 'textbox:Password', 'the app did not take the focus back to the first field');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForState(page, (s) => s.screen === 'portal' && s.session.role === 'admin', 'the administrator signing in');
    await signOut(page);
  });

  await check('the administrator adds a user through the tree; every admin tab passes axe', async () => {
    await signIn(page, 'admin');
    await page.getByRole('tab', { name: 'Users', selected: true }).waitFor();
    // A page of the school's people at a time; the search finds anyone.
    await page.getByRole('textbox', { name: 'Find a person by name, role or address' }).fill('parent@demo');
    await page.getByRole('cell', { name: 'parent@demo.learnloop.test' }).first().waitFor();
    await expectNoViolations(page, 'the administrator\'s Users tab');
    await page.getByRole('textbox', { name: 'Email' }).fill('zoe@demo.learnloop.test');
    await page.getByRole('textbox', { name: 'Full name' }).fill('Zoë Ødegård');
    await page.getByLabel('Initial password').fill('welcome to learnloop');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('cell', { name: 'Zoë Ødegård' }).waitFor();
    await saveScreenshot(page, 'semantics-admin-users.png');
    // A role change waits for the dialog: Cancel keeps the role, "Change role" applies it.
    const admin = await apiLogin(server, 'admin@demo.learnloop.test', PASSWORD);
    const roleOf = async () => {
      const { body } = await apiCall(server, admin, 'GET', '/api/users?limit=200');
      return (Array.isArray(body) ? body : body.items).find((u) => u.email === 'zoe@demo.learnloop.test')?.role;
    };
    await page.getByRole('textbox', { name: 'Find a person by name, role or address' }).fill('zoe@demo');
    const pickTeacher = async () => {
      await page.getByRole('row', { name: /Zoë Ødegård/ }).getByRole('button', { name: 'Role: Student' }).click();
      await page.getByRole('option', { name: 'Teacher', exact: true }).click();
      await page.getByRole('dialog', { name: 'Change role?' }).getByText('Zoë Ødegård will become a teacher.', { exact: false }).waitFor();
    };
    await pickTeacher();
    await expectNoViolations(page, 'the role change dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    assert.equal(await roleOf(), 'student', 'Cancel changed nothing');
    await pickTeacher();
    await page.getByRole('dialog').getByRole('button', { name: 'Change role' }).click();
    await page.getByRole('row', { name: /Zoë Ødegård/ }).getByRole('button', { name: 'Role: Teacher' }).waitFor();
    assert.equal(await roleOf(), 'teacher', 'the confirmed role was saved');

    // An open combo is a listbox of options: Down opens it on the chosen
    // option, the arrows move, Enter picks, and focus goes back to the combo.
    const newRole = page.getByRole('button', { name: /^Role: / }).last();
    await newRole.focus();
    assert.equal(await newRole.getAttribute('aria-expanded'), 'false');
    await pressKey(page, 'ArrowDown');
    const list = page.getByRole('listbox', { name: 'Role' });
    await list.waitFor();
    assert.equal(await newRole.getAttribute('aria-expanded'), 'true');
    await expectFocused(page, 'option:Student', 'the chosen role has focus');
    assert.equal(await list.getByRole('option', { selected: true }).count(), 1);
    await expectNoViolations(page, 'an open list of roles');
    await saveScreenshot(page, 'semantics-admin-role-list.png');
    await pressKey(page, 'ArrowDown');
    const next = (await focusedName(page)).replace(/^option:/, '');
    assert.notEqual(next, 'Student', 'Down moved to the next option');
    await pressKey(page, 'Enter');
    await list.waitFor({ state: 'detached' });
    await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === `Role: ${name}`, next);
    assert.equal(await newRole.getAttribute('aria-expanded'), 'false');

    // In a table the arrows move between the rows' controls.
    await page.getByRole('textbox', { name: 'Find a person by name, role or address' }).fill('');
    await page.waitForFunction(() => document.querySelectorAll('[role=row]').length > 4);
    const rowOf = () => page.evaluate(() => {
      const rows = [...document.querySelectorAll('[role=row]')];
      return rows.indexOf(document.activeElement.closest('[role=row]'));
    });
    const first = page.getByRole('button', { name: 'Deactivate' }).first();
    await first.focus();
    const start = await rowOf();
    await pressKey(page, 'ArrowDown');
    await expectFocused(page, 'button:Deactivate', 'Down keeps the column');
    assert.ok(await rowOf() > start, 'Down moved to a later row');
    await pressKey(page, 'ArrowLeft');
    assert.match(await focusedName(page), /^button:Role: /, 'Left moved to the control before it in the row');
    await pressKey(page, 'ArrowUp');
    assert.match(await focusedName(page), /^button:Role: /);
    assert.equal(await rowOf(), start, 'Up moved back to the first row');
    for (const name of ['Classes', 'Parents', 'Sign-up', 'Audit log']) {
      await page.getByRole('tab', { name }).click();
      await page.getByRole('tab', { name, selected: true }).waitFor();
      await new Promise((resolve) => setTimeout(resolve, 400));
      await expectNoViolations(page, `the administrator's ${name} tab`);
      await saveScreenshot(page, `semantics-admin-${name.toLowerCase().replace(' ', '-')}.png`);
    }
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
