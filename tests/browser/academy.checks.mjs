// Browser checks of the demo academy (Summit Test Prep), run by
// academy.test.mjs on a server and database of its own:
// an instructor browses the exam bank (the shared bank and the academy's
// own), filters it, opens a question with its key, hints and explanation;
// a student has no such tab, and takes quizzes: a practice one graded in the
// browser before the server answers, an exam whose key never reaches the
// browser before it is handed in. Driven through the accessibility tree,
// checked with axe-core, photographed at desktop and phone size
// (build/artifacts/academy-*.png).
import assert from 'node:assert/strict';
import {
  apiCall, appState, expectNoViolations, press, saveScreenshot, scrollTo, signedInTo, waitForFirstFrame, waitForState,
} from './harness.mjs';

const PASSWORD = 'learnloop-demo-2026';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const signedIn = (server, who, device = {}) => signedInTo(server, 'summit', who, device);

// Picks `option` from the combo box named `name` (a button "Name: value" in
// the accessible tree, opening a listbox of its options).
async function choose(page, name, option) {
  await press(page.getByRole('button', { name: new RegExp(`^${name}: `) }));
  await press(page.getByRole('option', { name: option, exact: true }));
}

const bankLoaded = (predicate = () => true) => (s) => Array.isArray(s.portal?.bank) && s.portal.bank.length > 0
  && predicate(s.portal);

export async function academyChecks({ server, check }) {
  await check('an instructor browses the exam bank: the shared questions and the academy\'s own, filtered by kind and difficulty', async () => {
    const { page, errors } = await signedIn(server, 'instructor');
    await page.getByRole('heading', { name: 'Instructor', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Exam bank' }).click();
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
    await page.getByRole('tab', { name: 'Exam bank' }).click();
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

  await check('a student takes a practice quiz: each answer graded in the browser before the server confirms it', async () => {
    const { page, errors } = await signedIn(server, 'student');
    await page.getByRole('heading', { name: 'My courses' }).waitFor();
    let state = await waitForState(page, (s) => s.portal?.courses?.length === 2, "the student's two courses");
    assert.ok(state.portal.courses.includes('GRE Quant — Autumn cohort'));
    await press(page.getByRole('button', { name: 'GRE Quant — Autumn cohort' }));
    state = await waitForState(page, (s) => s.portal.quizzes?.length === 5, "the course's five quizzes");
    await page.getByText('Best score:').first().waitFor();
    await expectNoViolations(page, "a course's quizzes");
    await saveScreenshot(page, 'academy-student-course.png');

    await press(page.getByRole('button', { name: 'SAT Math Bootcamp' }));
    await waitForState(page, (s) => s.portal.quizzes?.length === 3, 'the bootcamp quizzes');
    await press(page.getByRole('button', { name: 'Start Data analysis practice' }));
    state = await waitForState(page, (s) => s.portal.attempt?.count === 8 && s.portal.attempt.mode === 'practice',
      'the practice attempt');
    await page.waitForURL(/#\/learner\/courses\/\d+\/attempt\/\d+$/);
    await page.getByText('Question 1 of 8', { exact: false }).waitFor();

    // Check with nothing chosen: told so in words, nothing sent.
    await press(page.getByRole('button', { name: 'Check' }));
    await page.getByText(/^✗ (Choose an answer first|Type your answer first|Choose one or more answers first)$/).first().waitFor();

    // The answer is held on its way to the server: the verdict is already shown.
    const held = [];
    await page.route('**/api/academy/attempts/*/answers/*', (route) => { held.push(route); });
    await answerSomething(page);
    await press(page.getByRole('button', { name: 'Check' }));
    state = await waitForState(page, (s) => s.portal.attempt.verdicts[0] !== '', 'the verdict shown at once');
    assert.equal(state.portal.attempt.requests_during_check, 0);
    await page.getByText(/^(✓|✗|◐) /).first().waitFor();
    await page.getByText('… Sending your answer').waitFor();
    await expectNoViolations(page, 'a practice question checked');
    await saveScreenshot(page, 'academy-student-practice.png');
    while (held.length === 0) await page.waitForTimeout(20);
    assert.equal(held.length, 1);
    await held[0].continue();
    await page.unroute('**/api/academy/attempts/*/answers/*');
    await page.getByText('… Sending your answer').waitFor({ state: 'detached' });

    // The rest, then the score.
    for (let i = 2; i <= 8; i++) {
      await press(page.getByRole('button', { name: 'Next question' }));
      await page.getByText(`Question ${i} of 8`, { exact: false }).waitFor();
      await answerSomething(page);
      await press(page.getByRole('button', { name: 'Check' }));
      await waitForState(page, (s) => s.portal.attempt.verdicts[i - 1] !== '', `question ${i} checked`);
    }
    await page.getByText('… Sending your answer').waitFor({ state: 'detached' });
    await press(page.getByRole('button', { name: 'Finish and see your score' }));
    await press(page.getByRole('dialog').getByRole('button', { name: 'Finish' }));
    state = await waitForState(page, (s) => s.portal.attempt.submitted === true, 'the review');
    assert.match(state.portal.attempt.score_text, /^\d+(\.\d)? of 8 \(\d+%\)$/);
    await page.getByRole('heading', { name: `Your score: ${state.portal.attempt.score_text}` }).waitFor();
    await page.getByText(/^The answer: /).first().waitFor();
    await expectNoViolations(page, 'a practice quiz reviewed');
    await saveScreenshot(page, 'academy-student-review.png');
    await press(page.getByRole('button', { name: 'Back to the course' }));
    await waitForState(page, (s) => s.portal.attempt.id === 0 && s.portal.quizzes?.length === 3, 'back to the course');
    assert.deepEqual(errors, []);
  });

  await check("a student's exam: no key reaches the browser before it is handed in", async () => {
    const { page, errors } = await signedIn(server, 'student');
    const bodies = [];
    page.on('response', async (response) => {
      if (response.url().includes('/api/academy/')) bodies.push({ url: response.url(), text: await response.text().catch(() => '') });
    });
    await waitForState(page, (s) => s.portal?.courses?.length === 2, 'the courses');
    await press(page.getByRole('button', { name: 'GRE Quant — Autumn cohort' }));
    await waitForState(page, (s) => s.portal.quizzes?.length === 5, 'the quizzes');
    await press(page.getByRole('button', { name: 'Start Mock exam 1' }));
    let state = await waitForState(page, (s) => s.portal.attempt?.count === 20 && s.portal.attempt.mode === 'exam',
      'the exam attempt');
    await page.getByText(/^Time: (3[45]) min left$/).waitFor();
    await answerSomething(page);
    await press(page.getByRole('button', { name: 'Save and next' }));
    await page.getByText('Question 2 of 20', { exact: false }).waitFor();
    await answerSomething(page);
    await press(page.getByRole('button', { name: 'Save and next' }));
    await page.getByText('Question 3 of 20', { exact: false }).waitFor();
    await expectNoViolations(page, 'an exam question');
    await saveScreenshot(page, 'academy-student-exam.png');
    // Everything the server sent so far: questions and saved answers, no key.
    await page.waitForTimeout(300);
    const before = bodies.filter((b) => b.url.includes('/attempts')).map((b) => b.text);
    assert.ok(before.length >= 3, `attempt responses seen: ${before.length}`);
    for (const text of before) {
      assert.ok(!text.includes('"correct"'), 'no option marked correct before hand-in');
      assert.ok(!text.includes('"explanation"'), 'no explanation before hand-in');
      assert.ok(!text.includes('"verdict"'), 'no verdict before hand-in');
      assert.ok(!text.includes('"answer_text"'), 'no answer in words before hand-in');
      assert.ok(!/"seed":"[1-9]/.test(text), 'no shuffle seed before hand-in');
    }
    await press(page.getByRole('button', { name: 'Hand in' }));
    await page.getByRole('dialog').getByText('18 questions are not answered yet', { exact: false }).waitFor();
    await press(page.getByRole('dialog').getByRole('button', { name: 'Hand in' }));
    state = await waitForState(page, (s) => s.portal.attempt.submitted === true, 'the exam reviewed');
    assert.match(state.portal.attempt.score_text, / of 20 /);
    while (!bodies.some((b) => b.url.endsWith('/submit'))) await page.waitForTimeout(20);
    const review = bodies.find((b) => b.url.endsWith('/submit')).text;
    assert.ok(review.includes('"explanation"'), 'the review carries the explanations');
    assert.equal(state.portal.attempt.verdicts.filter((v) => v === 'unanswered').length, 18);
    await expectNoViolations(page, 'an exam reviewed');
    assert.deepEqual(errors, []);
  });

  await check('a tutored quiz on a phone: hints, never the answer; the server grades it', async () => {
    const { page, errors } = await signedIn(server, 'student', PHONE);
    await waitForState(page, (s) => s.compact === true && s.portal?.courses?.length === 2, 'the courses on a phone');
    await saveScreenshot(page, 'academy-student-courses-phone.png');
    await press(page.getByRole('button', { name: 'GRE Quant — Autumn cohort' }));
    await waitForState(page, (s) => s.portal.quizzes?.length === 5, 'the quant quizzes');
    await press(page.getByRole('button', { name: 'Start Geometry warm-up' }));
    await waitForState(page, (s) => s.portal.attempt?.count === 6, 'the geometry attempt');
    await page.getByRole('textbox', { name: 'What are you stuck on?' }).fill('Just tell me the answer');
    await press(page.getByRole('button', { name: 'Ask' }));
    const state = await waitForState(page, (s) => s.portal.tutor_talk?.length === 2, "the tutor's reply");
    assert.match(state.portal.tutor_talk[1].text, /hint/i);
    await expectNoViolations(page, 'the tutor on a phone');
    await saveScreenshot(page, 'academy-student-tutor-phone.png');
    await answerSomething(page);
    await press(page.getByRole('button', { name: 'Check' }));
    await waitForState(page, (s) => s.portal.attempt.verdicts[0] !== '', 'graded by the server');
    await page.getByText(/^(With 1 hint it counts|✗ )/).first().waitFor();
    await saveScreenshot(page, 'academy-student-practice-phone.png');
    await press(page.getByRole('button', { name: '← Back to the course' }));
    await waitForState(page, (s) => s.portal.attempt.id === 0, 'back to the course on a phone');
    assert.deepEqual(errors, []);
  });
}

// Run after the student's checks, which count the course's quizzes.
export async function academyStaffChecks({ server, check }) {
  await check('an instructor sets a quiz in a course: drawn from a topic of the bank, refused in words when it cannot be', async () => {
    const { page, errors } = await signedIn(server, 'instructor');
    let state = await waitForState(page, (s) => s.portal?.teaching_courses?.length === 2, "the instructor's two courses");
    assert.deepEqual(state.portal.teaching_courses, ['GRE Quant — Autumn cohort', 'SAT Math Bootcamp']);
    await press(page.getByRole('button', { name: 'GRE Quant — Autumn cohort' }));
    state = await waitForState(page, (s) => s.portal.teaching_quizzes?.length === 5, 'the course quizzes');
    await page.getByRole('cell', { name: 'Mock exam 1' }).waitFor();
    await expectNoViolations(page, "an instructor's course");
    await saveScreenshot(page, 'academy-instructor-course.png');

    // A quiz's results: per question and per student, opened and closed from its row.
    await press(page.getByRole('button', { name: 'Diagnostic: quantitative reasoning' }));
    state = await waitForState(page, (s) => s.portal.quiz_results?.attempts > 0, "the diagnostic's results");
    assert.equal(state.portal.quiz_results.questions > 0 && state.portal.quiz_results.students > 0, true);
    await page.getByRole('heading', { name: 'Results: Diagnostic: quantitative reasoning' }).waitFor();
    await page.getByRole('columnheader', { name: 'Discrimination' }).waitFor();
    await page.getByRole('columnheader', { name: 'Last handed in' }).waitFor();
    await expectNoViolations(page, "a quiz's results");
    await saveScreenshot(page, 'academy-instructor-results.png');
    // A student's plan, skills and progress from the results; the exam day is theirs to set, not the instructor's.
    // Her name in the results, which come before the course's roster (where it is a button too).
    await press(page.getByRole('button', { name: 'Mei Chen', exact: true }).first());
    state = await waitForState(page, (s) => s.portal.student_study?.days > 0, "Mei's plan, as her instructor sees it");
    await page.getByRole('heading', { name: 'Skills' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save exam day' }).count(), 0);
    await expectNoViolations(page, "a student's plan for their instructor");
    await press(page.getByRole('button', { name: 'Diagnostic: quantitative reasoning' }));
    await waitForState(page, (s) => s.portal.quiz_results === null, 'the results closed again');

    await press(page.getByRole('button', { name: 'New quiz' }));
    await page.getByRole('textbox', { name: 'Title' }).fill('Percent drill');
    await page.getByRole('radio', { name: /^Exam:/ }).click();
    await press(page.getByRole('button', { name: /^Topic: / }));
    await press(page.getByRole('option', { name: /^exam-bank\/quant\/arithmetic\/percent \(\d+\)$/ }));
    await page.getByRole('textbox', { name: 'Questions' }).fill('500');
    await press(page.getByRole('button', { name: 'Save quiz' }));
    state = await waitForState(page, (s) => s.portal.quiz_save_failed === true, 'too many questions refused');
    assert.equal(state.portal.quiz_save, 'Questions must be a whole number from 1 to 200');
    await page.getByRole('textbox', { name: 'Questions' }).fill('40');
    await press(page.getByRole('button', { name: 'Save quiz' }));
    state = await waitForState(page, (s) => s.portal.quiz_save_failed === true && /^The bank has \d+ questions in exam-bank\/quant\/arithmetic\/percent/.test(s.portal.quiz_save),
      'a draw the bank cannot fill, refused by the server');
    await page.getByRole('textbox', { name: 'Questions' }).fill('3');
    await page.getByRole('textbox', { name: 'Time limit in minutes' }).fill('10');
    await expectNoViolations(page, 'the new quiz form');
    await saveScreenshot(page, 'academy-instructor-new-quiz.png');
    await press(page.getByRole('button', { name: 'Save quiz' }));
    state = await waitForState(page, (s) => s.portal.teaching_quizzes?.includes('Percent drill'), 'the quiz saved');
    assert.equal(state.portal.quiz_save_failed, false);
    assert.deepEqual(errors, []);
  });

  await check('a deleted course waits in Recently deleted until an administrator restores it', async () => {
    const instructor = await signedIn(server, 'instructor');
    await waitForState(instructor.page, (s) => s.portal?.teaching_courses?.length === 2, 'the courses');
    await press(instructor.page.getByRole('button', { name: 'SAT Math Bootcamp' }));
    await waitForState(instructor.page, (s) => s.portal.teaching_quizzes?.length === 3, 'the bootcamp');
    await press(instructor.page.getByRole('button', { name: 'Delete course' }));
    await press(instructor.page.getByRole('dialog').getByRole('button', { name: 'Delete' }));
    await waitForState(instructor.page, (s) => s.portal.teaching_courses?.length === 1, 'the course gone');

    const admin = await signedIn(server, 'admin');
    await admin.page.getByRole('tab', { name: 'Recently deleted' }).click();
    await waitForState(admin.page, (s) => s.portal?.deleted_courses?.includes('SAT Math Bootcamp'), 'the deleted course listed');
    await expectNoViolations(admin.page, 'recently deleted');
    await saveScreenshot(admin.page, 'academy-admin-deleted.png');
    await press(admin.page.getByRole('button', { name: 'Restore SAT Math Bootcamp' }));
    await waitForState(admin.page, (s) => s.portal.restore === 'Course restored' && s.portal.deleted_courses.length === 0,
      'restored');
    assert.deepEqual([...instructor.errors, ...admin.errors], []);
  });
}

export async function studyChecks({ server, check }) {
  await check('a student sets an exam day: a day gone by is refused before anything is sent, and the plan follows a new one', async () => {
    const { page, errors } = await signedIn(server, 'student');
    const sent = [];
    page.on('request', (request) => { if (request.url().includes('/api/academy/study/goal')) sent.push(request.method()); });
    await page.getByRole('tab', { name: 'Study plan' }).click();
    let state = await waitForState(page, (s) => s.portal?.days > 0 && s.portal.goal?.minutes_per_day === 30,
      "Mei's plan up to her exam");
    await page.getByRole('heading', { name: 'The plan' }).waitFor();
    await page.getByRole('heading', { name: 'Your skills' }).waitFor();
    await page.getByRole('heading', { name: 'Your progress' }).waitFor();
    assert.ok(state.portal.xp > 0, 'points from her quizzes');
    await page.getByText(/^Today · /).first().waitFor();
    await expectNoViolations(page, 'the study plan');
    await saveScreenshot(page, 'academy-study.png');

    await page.getByRole('textbox', { name: 'Exam day' }).fill('2020-01-01');
    await press(page.getByRole('button', { name: 'Save exam day' }));
    await waitForState(page, (s) => s.portal.save === 'The exam day has passed; choose today or a later day',
      'the shared rule refusing it here');
    assert.deepEqual(sent, []);

    const day = new Date(state.portal.today + 'T00:00:00Z');
    day.setUTCDate(day.getUTCDate() + 12);
    const exam = day.toISOString().slice(0, 10);
    await page.getByRole('textbox', { name: 'Exam day' }).fill(exam);
    await page.getByRole('textbox', { name: 'Minutes a day' }).fill('45');
    await press(page.getByRole('button', { name: 'Save exam day' }));
    state = await waitForState(page, (s) => s.portal.save === 'Exam day saved: the plan below follows it'
      && s.portal.goal?.exam_day === exam && s.portal.days === 12, 'the plan up to the new exam day');
    assert.match(state.portal.plan, /^12 days to the exam on /);
    assert.deepEqual(sent, ['PUT']);
    assert.deepEqual(errors, []);

    const phone = await signedIn(server, 'student', PHONE);
    await phone.page.getByRole('tab', { name: 'Study plan' }).click();
    await waitForState(phone.page, (s) => s.portal?.days === 12, 'the plan on a phone');
    await expectNoViolations(phone.page, 'the study plan on a phone');
    await saveScreenshot(phone.page, 'academy-study-phone.png');
    assert.deepEqual(phone.errors, []);
  });

  await check("a parent reads their child's week, what needs work and what is coming, never the answers", async () => {
    const { page, errors } = await signedIn(server, 'parent', PHONE);
    await page.getByRole('heading', { name: 'Parent', level: 1 }).waitFor();
    const state = await waitForState(page, (s) => s.portal?.week?.startsWith('This week ') && s.portal.days > 0,
      "the child's summary");
    assert.match(state.portal.week, /quiz question/);
    // Her course work due around now, with its status as her own list shows it.
    const due = (await waitForState(page, (s) => s.portal.due?.length > 0, 'the course work due')).portal.due;
    assert.ok(due.every((d) => /: (upcoming|due_soon|overdue|submitted|graded)$/.test(d)), due.join(', '));
    await page.getByRole('heading', { name: 'This week' }).waitFor();
    await page.getByRole('heading', { name: 'Coming up' }).waitFor();
    await page.getByRole('button', { name: 'Save exam day' }).waitFor();
    await expectNoViolations(page, "a parent's summary");
    await saveScreenshot(page, 'academy-parent-summary-phone.png');
    assert.deepEqual(errors, []);
  });
}

export async function rubricChecks({ server, check }) {
  await check('an instructor builds a rubric (the shared rules refuse criteria that do not add up) and marks work with its running total', async () => {
    const { page, errors } = await signedIn(server, 'instructor');
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await waitForState(page, (s) => s.portal?.assignments?.includes('Word problem portfolio'), "Priya's course work");
    await press(page.getByRole('button', { name: 'New assignment' }));
    await page.getByRole('textbox', { name: 'Title' }).fill('Vocabulary in context');
    await choose(page, 'Course', 'GRE Quant \u2014 Autumn cohort');
    await page.getByRole('textbox', { name: 'Out of (points)' }).fill('10');
    await press(page.getByRole('checkbox', { name: 'Mark with a rubric' }));
    await page.getByRole('heading', { name: 'Criterion 1' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).first().fill('Meaning');
    await press(page.getByRole('button', { name: 'Add criterion' }));
    await page.getByRole('heading', { name: 'Criterion 2' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).nth(1).fill('Range');
    await page.getByRole('textbox', { name: 'Worth (points)' }).nth(1).fill('2');
    const points = page.getByRole('textbox', { name: 'Points', exact: true });
    await points.nth(3).fill('2');
    await points.nth(4).fill('0');
    await page.getByText('The criteria add up to 12 of 10 points').waitFor();
    await page.getByText(/^\u2717 The criteria add up to 12 points but the assignment is out of 10/).waitFor();
    await press(page.getByRole('checkbox', { name: 'Bonus (beyond the total)' }).nth(1));
    await page.getByText('The criteria add up to 10 of 10 points, and 2 bonus').waitFor();
    await expectNoViolations(page, 'the rubric builder');
    await saveScreenshot(page, 'academy-rubric-builder.png');
    await press(page.getByRole('button', { name: 'Save', exact: true }));
    await waitForState(page, (s) => s.portal.save === 'Assignment created'
      && s.portal.assignments.includes('Vocabulary in context'), 'the new assignment in the list');

    // Marking: the newer assignment has work handed in and nothing marked yet.
    await press(page.getByRole('button', { name: 'Data interpretation write-up' }));
    let state = await waitForState(page, (s) => s.portal.submissions?.length > 0, 'the work handed in');
    const student = state.portal.submissions[0].student;
    await press(page.getByRole('button', { name: student }).first());
    await page.getByRole('heading', { name: 'Reading the data (up to 5 points)' }).waitFor();
    await page.getByText('Total: 0 of 12 so far (3 criteria to mark)').waitFor();
    await press(page.getByRole('radio', { name: '5 points \u00b7 Accurate throughout' }));
    await press(page.getByRole('radio', { name: '3 points \u00b7 One supported' }));
    await page.getByText('Total: 8 of 12 so far (1 criterion to mark)').waitFor();
    const save = page.getByRole('button', { name: 'Save grade' });
    assert.equal(await save.isDisabled(), true, 'not every criterion is marked');
    await press(page.getByRole('radio', { name: '1 point \u00b7 Named only' }));
    await press(page.getByRole('checkbox', { name: 'Give other points, with a reason' }).nth(1));
    await page.getByRole('textbox', { name: 'Points given' }).fill('4');
    await page.getByText('Mark every criterion before saving', { exact: false }).waitFor({ state: 'detached' }).catch(() => {});
    await page.getByText(/Say why .Conclusions. gets points no level gives/).waitFor();
    await page.getByRole('textbox', { name: 'Reason' }).fill('The second conclusion is supported, if briefly');
    await page.getByText('Total: 10 of 12').waitFor();
    await expectNoViolations(page, 'marking with a rubric');
    await saveScreenshot(page, 'academy-rubric-marking.png');
    await press(save);
    state = await waitForState(page, (s) => s.portal.grading === 'Grade saved', 'the marks saved');
    assert.equal(state.portal.submissions[0].grade, 10);
    assert.deepEqual(errors, []);
  });

  await check('a student reads how work is marked, then the marks given per criterion with the reasons', async () => {
    const { page, errors } = await signedIn(server, 'student', PHONE);
    await page.getByRole('tab', { name: 'Assignments' }).click();
    await waitForState(page, (s) => s.portal?.assignments?.some((a) => a.title === 'Data interpretation write-up'),
      "Mei's course work");
    await page.getByRole('button', { name: 'Data interpretation write-up' }).click();
    await page.getByRole('heading', { name: 'How it is marked (out of 12)' }).waitFor();
    await page.getByRole('button', { name: 'Submit' }).waitFor();
    await expectNoViolations(page, 'work to hand in, with its rubric');
    await saveScreenshot(page, 'academy-rubric-outline-phone.png');
    await page.goBack();
    await page.getByRole('button', { name: 'Explain your method: quantitative comparison' }).click();
    const state = await waitForState(page, (s) => Array.isArray(s.portal.submission?.rubric_marks), 'her marked work');
    await page.getByText(/^Total: \d+ of 10/).waitFor();
    await page.getByRole('cell', { name: 'Reasoning' }).waitFor();
    assert.equal(state.portal.submission.rubric_marks.length, 3);
    await expectNoViolations(page, 'marked work');
    await saveScreenshot(page, 'academy-rubric-marks-phone.png');
    assert.deepEqual(errors, []);
  });
}

export async function rosterChecks({ server, check }) {
  await check("an instructor's roster: each student's hand-ins and plan; one taken out after a confirmation and enrolled again", async () => {
    const bootcamp = 'SAT Math Bootcamp';
    const { page, errors } = await signedIn(server, 'instructor');
    await page.getByRole('tab', { name: 'Courses' }).click();
    await press(page.getByRole('button', { name: bootcamp }));
    let state = await waitForState(page, (s) => s.portal?.roster?.length > 3, 'the course\'s students');
    await page.getByRole('heading', { name: 'Students', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Quizzes handed in' }).waitFor();
    assert.ok(state.portal.roster.some((r) => r.handed_in > 0), 'the demo students handed quizzes in');
    await expectNoViolations(page, "a course's roster");
    await saveScreenshot(page, 'academy-roster.png');

    // A name opens the student's plan under the roster; a second press closes it.
    const first = state.portal.roster[0].name;
    await press(page.getByRole('button', { name: first, exact: true }).first());
    state = await waitForState(page, (s) => s.portal.student_study?.days > 0, `${first}'s plan`);
    await page.getByRole('heading', { name: first, exact: true }).waitFor();

    // Taken out only after saying yes; Cancel keeps them.
    const leaving = state.portal.roster[state.portal.roster.length - 1].name;
    const count = state.portal.roster.length;
    const row = page.getByRole('row', { name: new RegExp(leaving) });
    await press(row.getByRole('button', { name: 'Take out' }));
    const dialog = page.getByRole('dialog', { name: 'Take this student out of the course?' });
    await dialog.getByText(`${leaving} leaves the course's lists`, { exact: false }).waitFor();
    await expectNoViolations(page, 'taking a student out');
    await press(dialog.getByRole('button', { name: 'Cancel' }));
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await appState(page)).portal.roster.length, count, 'Cancel kept them');
    await press(row.getByRole('button', { name: 'Take out' }));
    await press(dialog.getByRole('button', { name: 'Take out' }));
    state = await waitForState(page, (s) => s.portal.roster.length === count - 1
      && s.portal.roster_remove === 'Taken out of the course. Their quiz results stay', 'taken out');
    assert.ok(!state.portal.roster.some((r) => r.name === leaving));

    // Found by part of their name among those not enrolled, and enrolled again.
    await page.getByRole('textbox', { name: 'Find a student by name' }).fill(leaving.slice(0, 4).toLowerCase());
    await waitForState(page, (s) => s.portal.roster_candidates?.includes(leaving), `${leaving} offered`);
    await expectNoViolations(page, 'enrolling students');
    await press(page.getByRole('row', { name: new RegExp(leaving) }).getByRole('button', { name: 'Enrol' }));
    // (The candidates are asked for again after the roster: wait for both.)
    state = await waitForState(page, (s) => s.portal.roster.length === count
      && s.portal.roster_enrol === '1 student enrolled' && !s.portal.roster_candidates?.includes(leaving),
      'enrolled again, and no longer offered');
    assert.ok(state.portal.roster.find((r) => r.name === leaving).handed_in >= 0);
    assert.deepEqual(errors, []);

    const phone = await signedIn(server, 'instructor', PHONE);
    await phone.page.getByRole('tab', { name: 'Courses' }).click();
    await press(phone.page.getByRole('button', { name: bootcamp }));
    await waitForState(phone.page, (s) => s.portal?.roster?.length === count, 'the roster on a phone');
    await scrollTo(phone.page.getByRole('heading', { name: 'Students', exact: true }));
    await expectNoViolations(phone.page, "a course's roster on a phone");
    await saveScreenshot(phone.page, 'academy-roster-phone.png');
    assert.deepEqual(phone.errors, []);
  });
}

export async function joinChecks({ server, check }) {
  await check("a join code: the instructor replaces it; a student types one in lower case on a phone and is enrolled", async () => {
    const instructor = await signedIn(server, 'instructor');
    await instructor.page.getByRole('tab', { name: 'Courses' }).click();
    await press(instructor.page.getByRole('button', { name: 'SAT Math Bootcamp' }));
    let state = await waitForState(instructor.page, (s) => typeof s.portal?.join_code === 'string', 'the course\'s code');
    const old = state.portal.join_code;
    assert.match(old, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await instructor.page.getByText(`Students join with the code ${old}`, { exact: false }).waitFor();
    await press(instructor.page.getByRole('button', { name: 'New code' }));
    state = await waitForState(instructor.page, (s) => s.portal.join_code !== old && /^Students join with/.test(s.portal.join_code_message),
      'a new code');
    await expectNoViolations(instructor.page, "a course's join code");
    await saveScreenshot(instructor.page, 'academy-join-code.png');
    assert.deepEqual(instructor.errors, []);

    // Mei is not in GRE Verbal; its code (the office reads every course's) enrols her.
    const login = await fetch(`${server.base}/api/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tenant': 'summit' },
      body: JSON.stringify({ email: 'admin@summit.learnloop.test', password: PASSWORD }),
    });
    const office = (await login.json()).token;
    const { body } = await apiCall(server, office, 'GET', '/api/academy/courses?limit=50');
    const verbal = (Array.isArray(body) ? body : body.items).find((c) => c.title.startsWith('GRE Verbal'));
    assert.ok(verbal?.join_code, 'the demo course has a code');
    const student = await signedIn(server, 'student', PHONE);
    await student.page.getByRole('tab', { name: 'My courses' }).click();
    state = await waitForState(student.page, (s) => s.portal?.courses?.length >= 2, 'her courses');
    assert.ok(!state.portal.courses.includes(verbal.title));
    const field = student.page.getByRole('textbox', { name: 'Join code' });
    await field.fill('abc');
    await press(student.page.getByRole('button', { name: 'Join', exact: true }));
    state = await waitForState(student.page, (s) => s.portal.join_failed === true, 'a code of the wrong shape refused');
    assert.equal(state.portal.join, 'A join code is 8 letters and digits, like KQ7M-X2PA: check it with your instructor');
    await field.fill(verbal.join_code.toLowerCase().replace('-', ' '));
    await press(student.page.getByRole('button', { name: 'Join', exact: true }));
    state = await waitForState(student.page, (s) => s.portal.courses?.includes(verbal.title) && s.portal.join_failed === false,
      'enrolled by her code');
    assert.equal(state.portal.join, `You joined ${verbal.title}`);
    await expectNoViolations(student.page, 'joining a course on a phone');
    await saveScreenshot(student.page, 'academy-join-phone.png');
    assert.deepEqual(student.errors, []);
  });
}

export async function leaderboardChecks({ server, check }) {
  await check("a course's leaderboard: a student finds their place; the instructor turns it off and students see that", async () => {
    const quant = 'GRE Quant \u2014 Autumn cohort';
    const student = await signedIn(server, 'student');
    await student.page.getByRole('tab', { name: 'My courses' }).click();
    await press(student.page.getByRole('button', { name: quant }));
    let state = await waitForState(student.page, (s) => s.portal?.leaderboard?.some((r) => r.you),
      'her place on the board');
    assert.ok(state.portal.leaderboard.length <= 11, 'the top ten and her own row');
    assert.match(state.portal.leaderboard.find((r) => r.you).name, /^Mei C\.$/);
    await student.page.getByRole('heading', { name: 'Leaderboard' }).waitFor();
    await expectNoViolations(student.page, "a course's leaderboard");
    await saveScreenshot(student.page, 'academy-leaderboard.png');

    const instructor = await signedIn(server, 'instructor', PHONE);
    await instructor.page.getByRole('tab', { name: 'Courses' }).click();
    await press(instructor.page.getByRole('button', { name: quant }));
    state = await waitForState(instructor.page, (s) => s.portal?.leaderboard?.length > 11 && s.portal.leaderboard_enabled,
      'every student in full');
    assert.ok(state.portal.leaderboard.some((r) => r.name === 'Mei Chen'));
    await press(instructor.page.getByRole('checkbox', { name: 'Students see this leaderboard' }));
    await waitForState(instructor.page, (s) => s.portal.leaderboard_enabled === false
      && s.portal.leaderboard_switch === 'The leaderboard is off: students no longer see it', 'turned off');
    await expectNoViolations(instructor.page, 'the leaderboard switch on a phone');
    await saveScreenshot(instructor.page, 'academy-leaderboard-switch-phone.png');

    await student.page.reload();
    await waitForFirstFrame(student.page);
    await student.page.getByText('Your instructor has turned the leaderboard off for this course.').waitFor();
    state = await waitForState(student.page, (s) => s.portal?.leaderboard_enabled === false, 'the board off');
    assert.deepEqual(state.portal.leaderboard, []);

    await press(instructor.page.getByRole('checkbox', { name: 'Students see this leaderboard' }));
    await waitForState(instructor.page, (s) => s.portal.leaderboard_enabled === true, 'on again');
    assert.deepEqual(student.errors, []);
    assert.deepEqual(instructor.errors, []);
  });
}

// Gives some answer to the question on screen: the first option, or a
// number in each field.
async function answerSomething(page) {
  const radios = page.getByRole('radio');
  if (await radios.count() > 0) {
    await radios.first().click();
    return;
  }
  const boxes = page.getByRole('checkbox');
  if (await boxes.count() > 0) {
    await boxes.first().click();
    return;
  }
  const fields = page.getByRole('textbox', { name: 'Your answer' });
  for (let i = 0; i < await fields.count(); i++) await fields.nth(i).fill('1');
}
