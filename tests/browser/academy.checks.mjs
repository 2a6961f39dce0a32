// Browser checks of the demo academy (Summit Test Prep), run by
// tutoring.test.mjs on its server and database, so no second demo is seeded:
// an instructor browses the exam bank (the shared bank and the academy's
// own), filters it, opens a question with its key, hints and explanation;
// a student has no such tab. Driven through the accessibility tree, checked
// with axe-core, photographed at desktop and phone size
// (build/artifacts/academy-*.png).
import assert from 'node:assert/strict';
import {
  expectNoViolations, launchBrowser, saveScreenshot, waitForFirstFrame, waitForState,
} from './harness.mjs';

const PASSWORD = 'learnloop-demo-2026';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function signIn(page, who) {
  await page.getByRole('textbox', { name: 'Email' }).fill(`${who}@summit.learnloop.test`);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: 'School or business code (optional)' }).fill('summit');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForState(page, (s) => s.screen === 'portal', `${who} signing in`);
}

async function signedIn(server, who, device = {}) {
  const context = await launchBrowser({ device });
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);
  await signIn(page, who);
  return { page, errors };
}

// Presses a button from the keyboard, as a screen reader user does.
async function press(locator) {
  await locator.focus();
  await locator.page().keyboard.press('Enter');
}

// Picks `option` from the combo box named `name` (a button "Name: value" in
// the accessible tree, opening a list of its options as buttons).
async function choose(page, name, option) {
  await press(page.getByRole('button', { name: new RegExp(`^${name}: `) }));
  await press(page.getByRole('button', { name: option, exact: true }));
}

const bankLoaded = (predicate = () => true) => (s) => Array.isArray(s.portal?.bank) && s.portal.bank.length > 0
  && predicate(s.portal);

export async function academyChecks({ server, check }) {
  await check('an instructor browses the exam bank: the shared questions and the academy\'s own, filtered by kind and difficulty', async () => {
    const { page, errors } = await signedIn(server, 'instructor');
    // The exam bank is an instructor's one page: no tabs to choose between.
    await page.getByRole('heading', { name: 'Instructor', level: 1 }).waitFor();
    assert.equal(await page.getByRole('tab').count(), 0);
    let state = await waitForState(page, bankLoaded((p) => p.bank.length === 50), 'the first page of the bank');
    assert.equal(state.portal.bank.length, 50);
    await page.getByRole('button', { name: 'Next →' }).waitFor();
    await expectNoViolations(page, 'the exam bank');
    await saveScreenshot(page, 'academy-bank.png');

    await choose(page, 'Kind', 'Quantitative comparison');
    state = await waitForState(page, bankLoaded((p) => p.bank.length === 38), 'the comparisons only (37 shared, 1 own)');
    await choose(page, 'Difficulty', '5 (hardest)');
    state = await waitForState(page, bankLoaded((p) => p.bank.length < 38), 'hard comparisons only');
    assert.ok(state.portal.bank.length > 0);

    // The academy's own questions, found by words.
    await choose(page, 'Kind', 'Any kind');
    await choose(page, 'Difficulty', 'Any difficulty');
    await page.getByRole('textbox', { name: 'Words in the question' }).fill('statements are true');
    await press(page.getByRole('button', { name: 'Search' }));
    state = await waitForState(page, bankLoaded((p) => p.bank.length === 1 && p.bank[0] === 'summit-diag-005'),
      "the academy's own dice question");
    await press(page.getByRole('button', { name: /^Two fair six-sided dice are rolled/ }));
    state = await waitForState(page, (s) => s.portal.question?.code === 'summit-diag-005', 'the question opened');
    await page.getByRole('heading', { name: 'Multiple select' }).waitFor();
    await page.getByText("Difficulty 4 · Probability · This academy's own").waitFor();
    await page.getByRole('heading', { name: 'Hints, one at a time' }).waitFor();
    await page.getByText('✓ A sum of 7 is the most likely sum. (50%)').waitFor();
    await page.getByRole('heading', { name: 'Explanation' }).waitFor();
    assert.match(page.url(), /#\/instructor\/bank\/\d+$/);
    await expectNoViolations(page, 'a bank question');
    await saveScreenshot(page, 'academy-bank-question.png');

    // The address opens the same question after a reload.
    await page.reload();
    await waitForFirstFrame(page);
    await waitForState(page, (s) => s.portal?.question?.code === 'summit-diag-005', 'the question after a reload');
    assert.deepEqual(errors, []);
  });

  await check('the exam bank on a phone: the list, then one question with the way back', async () => {
    const { page, errors } = await signedIn(server, 'instructor', PHONE);
    await waitForState(page, (s) => s.compact === true, 'the phone layout');
    await waitForState(page, bankLoaded(), 'the bank on a phone');
    await expectNoViolations(page, 'the exam bank on a phone');
    await saveScreenshot(page, 'academy-bank-phone.png');
    const state = await waitForState(page, bankLoaded(), 'the bank');
    const first = state.portal.bank[0];
    await press(page.getByRole('button', { name: state.portal.bank_labels[0], exact: true }));
    await waitForState(page, (s) => s.portal.question?.code, 'a question on the phone');
    await page.getByRole('heading', { name: 'Answers' }).waitFor();
    await saveScreenshot(page, 'academy-bank-question-phone.png');
    await press(page.getByRole('button', { name: 'Back' }));
    await waitForState(page, (s) => s.portal.bank[0] === first && !s.portal.question, 'back to the list');
    assert.deepEqual(errors, []);
  });

  await check('a student of the academy has no exam bank, and its address says so', async () => {
    const { page, errors } = await signedIn(server, 'student');
    assert.equal(await page.getByRole('tab', { name: 'Exam bank' }).count(), 0);
    await page.goto(server.base + '/#/instructor/bank');
    await page.getByText('This page belongs to a different kind of account').waitFor();
    assert.deepEqual(errors, []);
  });
}
