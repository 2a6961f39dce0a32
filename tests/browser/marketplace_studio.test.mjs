// Browser test of the course studio in the demo marketplace (Lumen Courses)
// on a server and database of its own: an instructor writes a course from
// nothing (a refused form first), adds modules and lessons, moves a lesson
// into the next module, publishes it and a learner finds it in the catalog;
// the office sees it among every course; a lesson's file attached in the
// studio and one downloaded by a learner; a visitor browsing the catalog
// before signing in to take a course; the overview of an instructor's
// courses and of the office's. Found by role and name, axe on each
// screen, screenshots at desktop and phone size.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  apiCall, createRunner, expectNoViolations, launchBrowser, press, saveScreenshot, startDatabase, startServer, stopAll,
  waitForFirstFrame, waitForState,
} from './harness.mjs';
import { PHONE, signedIn, token } from './marketplace.helpers.mjs';

const { check, fail, finish } = createRunner();
const TITLE = 'Bread Baking at Home';

const modulesOf = (s) => s.portal?.studio_modules ?? [];
const STARTER_PDF = '%PDF-1.4\n% Starter: 100 g flour, 100 g water, a week of feeding.\n%%EOF\n';

try {
  const database = await startDatabase();
  const server = await startServer(database.url);

  await check('an instructor writes a course, orders its lessons, publishes it, and a learner finds it', async () => {
    const { page, errors } = await signedIn(server, 'instructor');
    await page.getByRole('tab', { name: 'My courses' }).click();
    let state = await waitForState(page, (s) => s.portal?.studio_courses?.length > 0, 'the instructor\'s courses');
    assert.ok(state.portal.studio_courses.some((c) => c.status === 'published'), JSON.stringify(state.portal.studio_courses));
    await expectNoViolations(page, 'my courses');
    await saveScreenshot(page, 'studio-courses.png');

    // A draft needs a title: refused in words before anything is sent.
    await press(page.getByRole('button', { name: 'New course' }));
    await press(page.getByRole('button', { name: 'Make draft' }));
    state = await waitForState(page, (s) => s.portal.studio_errors.length > 0, 'the form refused');
    assert.equal(state.portal.studio_errors[0].field, 'title');
    await page.getByText('The title is required').first().waitFor();

    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE);
    await page.getByRole('radio', { name: 'One payment' }).check();
    await page.getByRole('textbox', { name: 'Amount' }).fill('24.00');
    await expectNoViolations(page, 'a new course');
    await press(page.getByRole('button', { name: 'Make draft' }));
    state = await waitForState(page, (s) => s.portal.studio_open > 0 && s.portal.studio_status === 'draft', 'the draft made');
    await page.getByRole('heading', { name: TITLE }).waitFor();
    // The course has its own address.
    await page.waitForURL(new RegExp(`#/studio/courses/${state.portal.studio_open}$`));

    for (const week of ['Week 1: the dough', 'Week 2: the oven']) {
      await page.getByRole('textbox', { name: 'New module' }).fill(week);
      await press(page.getByRole('button', { name: 'Add module' }));
      await waitForState(page, (s) => modulesOf(s).some((m) => m.title === week), `${week} added`);
    }
    for (const lesson of ['Your first loaf', 'Shaping a boule']) {
      await press(page.getByRole('button', { name: 'Add lesson to Week 1: the dough' }));
      await page.getByRole('textbox', { name: 'Lesson title' }).fill(lesson);
      await page.getByRole('textbox', { name: 'Minutes' }).fill('15');
      await page.getByRole('textbox', { name: 'What it says' }).fill('Flour, water, salt and time.\n\nMix, rest, fold.');
      await press(page.getByRole('button', { name: 'Add lesson', exact: true }));
      await waitForState(page, (s) => modulesOf(s)[0]?.lessons.includes(lesson), `${lesson} added`);
    }
    // A lesson's file: chosen in the browser's own chooser, checked before it
    // is sent (a program named as a PDF is refused in words), then listed.
    await press(page.getByRole('row', { name: /Your first loaf/ }).getByRole('button', { name: 'Change' }));
    await page.getByRole('heading', { name: 'Files for learners' }).waitFor();
    const attach = async (file) => {
      const chooser = page.waitForEvent('filechooser');
      await press(page.getByRole('button', { name: 'Attach a file...' }));
      await (await chooser).setFiles(file);
    };
    await attach({ name: 'recipe.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90 not a pdf') });
    state = await waitForState(page, (s) => s.portal.studio_errors.some((e) => e.field === 'file'), 'the false PDF refused');
    await page.getByText('The file is not a PDF file, although its name says so').first().waitFor();
    await attach({ name: 'Starter recipe.pdf', mimeType: 'application/pdf', buffer: Buffer.from(STARTER_PDF) });
    state = await waitForState(page, (s) => s.portal.studio_files.includes('Starter recipe.pdf'), 'the file attached');
    assert.equal(state.portal.studio_file, 'Attached Starter recipe.pdf');
    assert.deepEqual(state.portal.studio_errors, []);
    await page.getByText(`Starter recipe.pdf (${STARTER_PDF.length} bytes)`).first().waitFor();
    await expectNoViolations(page, 'a lesson with a file');
    await saveScreenshot(page, 'studio-lesson-files.png');
    await press(page.getByRole('button', { name: 'Close' }));

    // The last lesson of week 1 moves down: into week 2.
    await press(page.getByRole('row', { name: /Shaping a boule/ }).getByRole('button', { name: 'Down' }));
    state = await waitForState(page, (s) => modulesOf(s)[1]?.lessons[0] === 'Shaping a boule', 'the lesson moved');
    assert.deepEqual(modulesOf(state)[0].lessons, ['Your first loaf']);
    await expectNoViolations(page, 'a course being written');

    await press(page.getByRole('button', { name: 'Publish', exact: true }));
    state = await waitForState(page, (s) => s.portal.studio_status === 'published', 'the course published');
    await page.getByText(`${TITLE} is published: learners find it in the catalog`).first().waitFor();
    await saveScreenshot(page, 'studio-course.png');
    assert.deepEqual(errors, []);

    // A learner finds it, its lessons in the order set.
    const learner = await token(server, 'student');
    const found = await apiCall(server, learner, 'GET', `/api/marketplace/catalog?q=${encodeURIComponent('bread baking')}`);
    const card = found.body.courses.find((c) => c.title === TITLE);
    assert.ok(card, JSON.stringify(found.body.courses.map((c) => c.title)));
    const course = await apiCall(server, learner, 'GET', `/api/marketplace/courses/${card.id}`);
    assert.deepEqual(course.body.modules.map((m) => m.lessons.map((l) => l.title)), [['Your first loaf'], ['Shaping a boule']]);
    assert.equal(course.body.language, 'en');
    assert.equal(course.body.price_label, '£24.00');

    // The office sees it among every course, with its instructor.
    const office = await signedIn(server, 'admin');
    await office.page.getByRole('tab', { name: 'Courses' }).click();
    state = await waitForState(office.page, (s) => s.portal?.studio_courses?.some((c) => c.title === TITLE), 'the office\'s courses');
    await expectNoViolations(office.page, 'every course');
    // Its address opens it for the office too; "Back to courses" returns to the list's.
    await office.page.evaluate((id) => { location.hash = `#/market/courses/${id}`; }, card.id);
    await waitForState(office.page, (s) => s.portal.studio_open === card.id && modulesOf(s).length === 2, 'the course by its address');
    await press(office.page.getByRole('button', { name: 'Back to courses' }));
    await office.page.waitForURL(/#\/market\/courses$/);
    assert.deepEqual(office.errors, []);

    const phone = await signedIn(server, 'instructor', PHONE);
    await press(phone.page.getByRole('tab', { name: 'My courses' }));
    await waitForState(phone.page, (s) => s.portal?.studio_courses?.length > 0, 'my courses on a phone');
    await press(phone.page.getByRole('button', { name: TITLE }));
    await waitForState(phone.page, (s) => modulesOf(s).length === 2, 'the course on a phone');
    await expectNoViolations(phone.page, 'a course on a phone');
    await saveScreenshot(phone.page, 'studio-course-phone.png');
  });

  await check('a learner downloads a lesson\'s file, byte for byte, and time behind another tab is not counted', async () => {
    // Python from Zero is free: its first lesson offers a cheat sheet (the demo's catalog).
    const learner = await token(server, 'student');
    const found = await apiCall(server, learner, 'GET', `/api/marketplace/catalog?q=${encodeURIComponent('Python from Zero')}`);
    const course = found.body.courses.find((c) => /Python from Zero/i.test(c.title));
    assert.ok(course, JSON.stringify(found.body.courses.map((c) => c.title)));
    const enrolled = await apiCall(server, learner, 'POST', `/api/marketplace/courses/${course.id}/enrol`, {});
    assert.ok([200, 201].includes(enrolled.status), JSON.stringify(enrolled.body));
    const page1 = await apiCall(server, learner, 'GET', `/api/marketplace/courses/${course.id}`);
    const first = page1.body.modules[0].lessons[0];
    const lesson = await apiCall(server, learner, 'GET', `/api/marketplace/lessons/${first.id}`);
    const sheet = lesson.body.attachments.find((a) => a.name === 'Python cheat sheet.txt');
    assert.ok(sheet, JSON.stringify(lesson.body.attachments));

    const { page, errors } = await signedIn(server, 'student');
    await page.evaluate(([c, l]) => { location.hash = `#/learn/catalog/${c}/lesson/${l}`; }, [course.id, first.id]);
    await waitForState(page, (s) => s.portal?.catalog_lesson?.lesson_title, 'the lesson by its address');
    const opened = Date.now();
    await page.getByRole('heading', { name: 'Files' }).waitFor();
    const button = page.getByRole('button', { name: `Python cheat sheet.txt (${sheet.size_text})` });
    const download = page.waitForEvent('download');
    await press(button);
    const saved = await download;
    assert.equal(saved.suggestedFilename(), 'Python cheat sheet.txt');
    const bytes = fs.readFileSync(await saved.path());
    const served = Buffer.from(await (await fetch(`${server.base}/api/marketplace/files/${sheet.id}`,
      { headers: { Authorization: `Bearer ${learner}` } })).arrayBuffer());
    assert.ok(bytes.equals(served), 'the saved file is the file the server keeps, byte for byte');
    assert.equal(bytes.length, sheet.size_bytes);
    assert.match(bytes.toString('utf8'), /^Python cheat sheet: the first week/);
    await waitForState(page, (s) => s.portal.catalog_lesson.lesson_download === 'Downloaded Python cheat sheet.txt', 'downloaded');
    await expectNoViolations(page, 'a lesson with files');
    await saveScreenshot(page, 'marketplace-lesson-files.png');

    // Time spent counts only while the page is in view: five seconds behind
    // another tab are not the lesson's.
    const visibility = (state) => page.evaluate((hidden) => {
      Object.defineProperty(document, 'visibilityState', { value: hidden ? 'hidden' : 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state === 'hidden');
    await visibility('hidden');
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await visibility('visible');
    await press(page.getByRole('button', { name: 'Mark as complete' }));
    await waitForState(page, (s) => s.portal.catalog_lesson.lesson_completed, 'the lesson marked');
    const elapsed = (Date.now() - opened) / 1000;
    const marked = await apiCall(server, learner, 'GET', `/api/marketplace/lessons/${first.id}`);
    assert.ok(marked.body.progress.seconds_spent <= elapsed - 4,
      `${marked.body.progress.seconds_spent} s counted of ${elapsed} s, 5 of them hidden`);
    assert.deepEqual(errors, []);

    const phone = await signedIn(server, 'student', PHONE);
    await phone.page.evaluate(([c, l]) => { location.hash = `#/learn/catalog/${c}/lesson/${l}`; }, [course.id, first.id]);
    await waitForState(phone.page, (s) => s.portal?.catalog_lesson?.lesson_id === first.id, 'the lesson on a phone');
    await phone.page.getByRole('heading', { name: 'Files' }).waitFor();
    await expectNoViolations(phone.page, 'a lesson with files on a phone');
    await saveScreenshot(phone.page, 'marketplace-lesson-files-phone.png');
  });

  await check('a visitor browses a marketplace\'s courses, then signs in to take one', async () => {
    const open = async (device = {}, address = '/') => {
      const context = await launchBrowser({ device });
      const page = context.pages()[0] ?? await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(server.base + address);
      await waitForFirstFrame(page);
      return { page, errors };
    };
    const { page, errors } = await open();
    // The code is asked for first, in words.
    await press(page.getByRole('button', { name: 'Browse courses' }));
    await page.getByText('Type the code of the school or business whose courses you want to see, above.').first().waitFor();
    await page.getByRole('textbox', { name: 'School or business code (optional)' }).fill('lumen');
    await press(page.getByRole('button', { name: 'Browse courses' }));
    let state = await waitForState(page, (s) => s.screen === 'visit' && s.visit?.catalog_total > 0, 'the catalog for visitors');
    const listed = await fetch(`${server.base}/api/public/catalog?tenant=lumen`).then((r) => r.json());
    assert.equal(state.visit.marketplace_name, listed.marketplace_name);
    assert.equal(state.visit.catalog_total, listed.total);
    await page.waitForURL(/#\/visit\/lumen$/);
    await page.getByRole('heading', { name: listed.marketplace_name }).waitFor();
    await expectNoViolations(page, 'the catalog for visitors');
    await saveScreenshot(page, 'visit-catalog.png');

    // A course's page: its outline and reviews, and a way in.
    const course = listed.courses.find((c) => /^Python From Zero/.test(c.title))
      ?? (await fetch(`${server.base}/api/public/catalog?tenant=lumen&q=python`).then((r) => r.json())).courses
        .find((c) => /^Python From Zero/.test(c.title));
    assert.ok(course, 'Python From Zero is in the demo catalog');
    await page.getByRole('textbox', { name: 'Search courses' }).fill('Python From Zero');
    await page.keyboard.press('Enter');
    await waitForState(page, (s) => s.visit.catalog_courses.includes(course.title), 'found by its title');
    await press(page.getByRole('button', { name: course.title, exact: true }));
    state = await waitForState(page, (s) => s.visit.catalog_course === course.title, 'its page');
    await page.waitForURL(new RegExp(`#/visit/lumen/${course.id}$`));
    await expectNoViolations(page, 'a course for visitors');
    await saveScreenshot(page, 'visit-course.png');
    await press(page.getByRole('button', { name: 'Sign in to enrol for free' }));
    state = await waitForState(page, (s) => s.screen === 'sign_in', 'the sign-in screen');
    assert.equal(state.route.after_sign_in, `/learn/catalog/${course.id}`);
    assert.equal(await page.getByRole('textbox', { name: 'School or business code (optional)' }).inputValue(), 'lumen');
    await page.getByRole('textbox', { name: 'Email' }).fill('student@lumen.learnloop.test');
    await page.getByLabel('Password', { exact: true }).fill('learnloop-demo-2026');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitForState(page, (s) => s.screen === 'portal' && s.portal?.catalog_course === course.title,
      'signed in, at the course', 45000);
    assert.deepEqual(errors, []);

    // Its address opens it for anyone, on a phone too; a code with no catalog is said so.
    const phone = await open(PHONE, `/#/visit/lumen/${course.id}`);
    await waitForState(phone.page, (s) => s.screen === 'visit' && s.visit?.catalog_course === course.title, 'the course on a phone');
    await phone.page.getByRole('button', { name: 'Sign in to enrol for free' }).waitFor();
    await expectNoViolations(phone.page, 'a course for visitors on a phone');
    await saveScreenshot(phone.page, 'visit-course-phone.png');
    await phone.page.evaluate(() => { location.hash = '#/visit/nowhere'; });
    await phone.page.getByText('There is no course catalog at that name').first().waitFor();
    await press(phone.page.getByRole('button', { name: 'Back to sign in' }));
    await waitForState(phone.page, (s) => s.screen === 'sign_in', 'back to sign in');
    assert.deepEqual(phone.errors, []);
  });

  await check('the overview: an instructor\'s courses and the office\'s, with months of sales and learners', async () => {
    const { page, errors } = await signedIn(server, 'instructor');
    await page.getByRole('tab', { name: 'Overview' }).click();
    let state = await waitForState(page, (s) => s.portal?.overview_courses?.length > 0, 'the instructor\'s overview');
    assert.equal(state.portal.overview_months, 12);
    const mine = await apiCall(server, await token(server, 'instructor'), 'GET', '/api/marketplace/dashboard');
    assert.deepEqual(state.portal.overview_courses.map((c) => c.title), mine.body.courses.map((c) => c.title));
    await page.getByRole('img', { name: /^Sales by month, in GBP over the last twelve months: / }).waitFor({ state: 'attached' });
    await page.getByRole('heading', { name: 'Best selling courses' }).waitFor();
    await expectNoViolations(page, 'the instructor\'s overview');
    await saveScreenshot(page, 'overview-instructor.png');
    assert.deepEqual(errors, []);

    const office = await signedIn(server, 'admin');
    await office.page.getByRole('tab', { name: 'Overview' }).click();
    state = await waitForState(office.page, (s) => s.portal?.overview_courses?.length > 0, 'the office\'s overview');
    await office.page.getByText(/payouts? due to instructors|Nothing: every course/).first().waitFor();
    await expectNoViolations(office.page, 'the office\'s overview');
    await saveScreenshot(office.page, 'overview-office.png');
    assert.deepEqual(office.errors, []);

    const phone = await signedIn(server, 'admin', PHONE);
    await press(phone.page.getByRole('tab', { name: 'Overview' }));
    await waitForState(phone.page, (s) => s.portal?.overview_courses?.length > 0, 'the overview on a phone');
    await expectNoViolations(phone.page, 'the overview on a phone');
    await saveScreenshot(phone.page, 'overview-phone.png');
  });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
  finish();
}
