// Browser test of the demo marketplace (Lumen Courses, seeded by the full
// demo from course-catalog/) on a server and database of its own: a learner
// types words and sees results as they type, narrows them with a filter whose
// choices carry their counts, opens a course's page and reads its outline and
// reviews; on a phone the page replaces the list, with a way back; a search
// that finds nothing offers to clear itself; learning, a mark kept offline,
// recommendations and certificates. Buying, coupons and payouts are
// marketplace_money.test.mjs. Everything is found by role and name, axe
// checks each screen, and the results equal the API's for the same search.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import bs58 from 'bs58';
import canonicalize from 'canonicalize';
import {
  apiCall, appState, createRunner, expectNoViolations, press, saveScreenshot, startDatabase, startServer,
  stopAll, waitForState,
} from './harness.mjs';
import { loaded, openCourse, PHONE, signedIn, token } from './marketplace.helpers.mjs';

const { check, fail, finish } = createRunner();

// The Open Badges 3.0 schema for an AchievementCredential (fixtures/README.md).
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validateCredential = ajv.compile(JSON.parse(
  fs.readFileSync(new URL('./fixtures/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8')));

// A credential's eddsa-jcs-2022 proof checked as any other implementation
// would: JCS by the canonicalize package, SHA-256 and Ed25519 by Node, the
// key from its did:key; nothing of the server's code.
function proofHolds(credential) {
  const { proof: [proof], ...document } = credential;
  const { proofValue, ...options } = proof;
  const sha256 = (text) => crypto.createHash('sha256').update(text, 'utf8').digest();
  const signed = Buffer.concat([sha256(canonicalize({ ...options, '@context': credential['@context'] })),
    sha256(canonicalize(document))]);
  const multikey = Buffer.from(bs58.decode(proof.verificationMethod.split('#')[1].slice(1)));
  assert.deepEqual([...multikey.subarray(0, 2)], [0xed, 0x01], 'an Ed25519 did:key');
  const key = crypto.createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'),
    multikey.subarray(2)]), format: 'der', type: 'spki' });
  return crypto.verify(null, signed, key, Buffer.from(bs58.decode(proofValue.slice(1))));
}


try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  const learner = await token(server, 'student');

  await check('a learner searches the catalog as they type, narrows it by level and opens a course', async () => {
    const { page, errors } = await signedIn(server, 'student');
    await page.getByRole('heading', { name: 'Find a course' }).waitFor();
    let state = await waitForState(page, loaded((p) => p.catalog_total === 25), 'the whole catalog');
    assert.equal(state.portal.catalog_courses.length, 20, 'a first page of 20');
    await page.getByText('Showing 1\u201320 of 25').waitFor();
    await expectNoViolations(page, 'the catalog');
    await saveScreenshot(page, 'marketplace-catalog.png');

    // Type-ahead: a pause after "pyth" asks without pressing anything.
    await page.getByRole('textbox', { name: 'Search courses' }).fill('pyth');
    state = await waitForState(page, loaded((p) => p.catalog_asked === 'q=pyth'), 'results for "pyth"');
    assert.ok(state.portal.catalog_total > 0 && state.portal.catalog_total < 25);
    assert.ok(state.portal.catalog_courses.some((t) => /python/i.test(t)), state.portal.catalog_courses.join(', '));
    const api = await apiCall(server, learner, 'GET', '/api/marketplace/catalog?q=pyth');
    assert.deepEqual(state.portal.catalog_courses, api.body.courses.map((c) => c.title), 'the API\'s results');

    // A filter's choices carry their counts; picking one narrows the words' results.
    await press(page.getByRole('button', { name: /^Level: / }));
    const beginner = page.getByRole('option', { name: /^Beginner \(\d+\)$/ });
    const counted = api.body.facets.level.find((l) => l.value === 'beginner').courses;
    await page.getByRole('option', { name: `Beginner (${counted})` }).waitFor();
    await expectNoViolations(page, 'the level filter open');
    await press(beginner);
    state = await waitForState(page, loaded((p) => p.catalog_asked === 'q=pyth&level=beginner'), 'beginners only');
    assert.equal(state.portal.catalog_total, counted, 'as many as the choice said');

    // A course's page: what it covers, its instructor, its reviews.
    const title = state.portal.catalog_courses[0];
    await press(page.getByRole('button', { name: title, exact: true }));
    state = await waitForState(page, (s) => s.portal?.catalog_course === title, `${title}'s page`);
    await page.getByRole('heading', { name: 'What it covers' }).waitFor();
    await page.getByRole('heading', { name: /^Your instructor: / }).waitFor();
    await expectNoViolations(page, "a course's page");
    await saveScreenshot(page, 'marketplace-course.png');
    assert.match(await page.evaluate(() => location.hash), /^#\/learn\/catalog\/\d+$/);
    assert.deepEqual(errors, []);
  });

  await check('on a phone the course replaces the list, and a search that finds nothing offers to clear itself', async () => {
    const { page, errors } = await signedIn(server, 'student', PHONE);
    let state = await waitForState(page, loaded((p) => p.catalog_total === 25), 'the catalog on a phone');
    await expectNoViolations(page, 'the catalog on a phone');
    await saveScreenshot(page, 'marketplace-catalog-phone.png');
    const title = state.portal.catalog_courses[0];
    await press(page.getByRole('button', { name: title, exact: true }));
    await waitForState(page, (s) => s.portal?.catalog_course === title, `${title} on a phone`);
    await page.getByRole('heading', { name: 'About this course' }).waitFor();
    await expectNoViolations(page, "a course's page on a phone");
    await saveScreenshot(page, 'marketplace-course-phone.png');
    await press(page.getByRole('button', { name: /^Back/ }));
    await page.getByRole('heading', { name: 'Find a course' }).waitFor();

    await page.getByRole('textbox', { name: 'Search courses' }).fill('zzyzx quaternion origami');
    await page.keyboard.press('Enter');
    state = await waitForState(page, loaded((p) => p.catalog_total === 0), 'nothing found');
    await page.getByRole('heading', { name: 'No courses match' }).waitFor();
    await expectNoViolations(page, 'no courses found');
    await press(page.getByRole('button', { name: 'Clear the search and filters' }));
    state = await waitForState(page, loaded((p) => p.catalog_total === 25 && p.catalog_asked === ''), 'everything again');
    assert.equal((await appState(page)).portal.catalog_asked, '');
    assert.deepEqual(errors, []);
  });
  await check('a learner continues where they left off, completes a lesson, and enrols in a free course', async () => {
    const { page, errors } = await signedIn(server, 'student');
    await page.getByRole('tab', { name: 'My learning' }).click();
    let state = await waitForState(page, (s) => s.portal?.learning?.length === 3, 'the learner\'s three courses');
    assert.ok(state.portal.learning.some((c) => c.progress === 'Finished'), JSON.stringify(state.portal.learning));
    assert.ok(state.portal.learning.some((c) => c.progress === 'Not started'));
    await expectNoViolations(page, 'my learning');
    await saveScreenshot(page, 'marketplace-learning.png');

    // The half-way course goes on at the lesson after the last one done.
    const halfway = state.portal.learning.find((c) => /lessons done/.test(c.progress));
    await press(page.getByRole('button', { name: `Continue ${halfway.title}` }));
    state = await waitForState(page, (s) => s.portal?.learning_lesson?.lesson_title, 'the lesson to continue');
    const lesson = state.portal.learning_lesson.lesson_title;
    await page.getByRole('heading', { name: lesson }).waitFor();
    await expectNoViolations(page, 'a lesson');
    await saveScreenshot(page, 'marketplace-lesson.png');
    await press(page.getByRole('button', { name: 'Mark as complete' }));
    state = await waitForState(page, (s) => s.portal.learning_lesson.lesson_completed
      && s.portal.learning_lesson.lesson_mark === 'Lesson completed', 'the lesson completed');
    await press(page.getByRole('button', { name: 'Back to the course' }));
    state = await waitForState(page, (s) => s.portal.learning?.find((c) => c.title === halfway.title)?.progress
      && s.portal.learning.find((c) => c.title === halfway.title).progress !== halfway.progress, 'one more lesson done');

    // Having done a lesson of it, the learner reviews the course from its page.
    await page.getByRole('tab', { name: 'Catalog' }).click();
    await openCourse(page, halfway.title);
    await page.getByRole('heading', { name: 'Review this course' }).waitFor();
    await press(page.getByRole('radio', { name: '4 stars' }));
    await page.getByRole('textbox', { name: 'What did you think? (optional)' }).fill('Clear lessons; the exercises helped.');
    await expectNoViolations(page, 'writing a review');
    await press(page.getByRole('button', { name: 'Post your review' }));
    await waitForState(page, (s) => s.portal.catalog_review === 'Thank you for your review' && s.portal.catalog_my_stars === 4,
      'the review posted');
    await page.getByRole('heading', { name: 'Your review' }).waitFor();
    await saveScreenshot(page, 'marketplace-review.png');
    await page.getByRole('textbox', { name: 'Search courses' }).fill('');
    await page.keyboard.press('Enter');

    // A free course not yet taken: enrol from its page, then start it.
    const mine = await apiCall(server, learner, 'GET', '/api/marketplace/my-courses');
    const free = await apiCall(server, learner, 'GET', '/api/marketplace/catalog?price=free');
    const fresh = free.body.courses.find((c) => !mine.body.some((m) => m.id === c.id));
    await press(page.getByRole('button', { name: /^Price: / }));
    await press(page.getByRole('option', { name: /^Free \(\d+\)$/ }));
    await waitForState(page, loaded((p) => p.catalog_asked === 'price=free'), 'free courses');
    await press(page.getByRole('button', { name: fresh.title, exact: true }));
    await waitForState(page, (s) => s.portal?.catalog_course === fresh.title, `${fresh.title}'s page`);
    await press(page.getByRole('button', { name: 'Enrol for free' }));
    state = await waitForState(page, (s) => s.portal.catalog_enrolled && s.portal.catalog_progress === 'Not started',
      'enrolled');
    assert.match(state.portal.catalog_enrol, /^You are enrolled in /);
    await press(page.getByRole('button', { name: 'Start the course' }));
    await waitForState(page, (s) => s.portal.catalog_lesson?.lesson_title, 'its first lesson');
    assert.match(await page.evaluate(() => location.hash), /^#\/learn\/catalog\/\d+\/lesson\/\d+$/);
    assert.deepEqual(errors, []);
  });
  await check('a lesson marked done without a connection is kept on the device and sent when it is back', async () => {
    const { page } = await signedIn(server, 'student');
    await page.getByRole('tab', { name: 'My learning' }).click();
    let state = await waitForState(page, (s) => s.portal?.learning?.length >= 3, 'the learner\'s courses');
    const fresh = state.portal.learning.find((c) => c.progress === 'Not started');
    assert.ok(fresh, JSON.stringify(state.portal.learning));
    await press(page.getByRole('button', { name: `Start ${fresh.title}` }));
    state = await waitForState(page, (s) => s.portal?.learning_lesson?.lesson_title, 'its first lesson');
    const lessonId = state.portal.learning_lesson.lesson_id;

    await page.context().setOffline(true);
    await press(page.getByRole('button', { name: 'Mark as complete' }));
    state = await waitForState(page, (s) => s.portal.learning_lesson.lesson_completed
      && /^Saved on this device/.test(s.portal.learning_lesson.lesson_mark), 'the mark kept offline');
    await page.getByText('1 progress mark is kept on this device and sent when the connection is back.').waitFor();
    await expectNoViolations(page, 'a lesson marked offline');
    await saveScreenshot(page, 'marketplace-lesson-offline.png');
    let served = await apiCall(server, learner, 'GET', `/api/marketplace/lessons/${lessonId}`);
    assert.notEqual(served.body.progress?.completed, true, 'not on the server yet');

    // Back online: the outbox sends it (within a few seconds) and says so.
    await page.context().setOffline(false);
    state = await waitForState(page, (s) => /^Sent: /.test(s.portal.learning_lesson.lesson_mark), 'the mark sent', 20000);
    served = await apiCall(server, learner, 'GET', `/api/marketplace/lessons/${lessonId}`);
    assert.equal(served.body.progress.completed, true);
    await press(page.getByRole('button', { name: 'Back to the course' }));
    await waitForState(page, (s) => s.portal.learning?.find((c) => c.title === fresh.title)?.progress !== 'Not started',
      'the course started');

    // Under the courses, what to take next and why; each opens its page in the Catalog.
    state = await waitForState(page, (s) => s.portal.recommended?.length > 0, 'the recommendations');
    const taken = state.portal.learning.map((c) => c.title);
    for (const r of state.portal.recommended) {
      assert.ok(!taken.includes(r.title), `${r.title} is not one the learner takes`);
      assert.match(r.reason, /^(Because you take .+|Popular with learners)$/);
    }
    await page.getByRole('heading', { name: 'Recommended for you' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'marketplace-recommended.png');
    const first = state.portal.recommended[0];
    await press(page.getByRole('link', { name: first.title }));
    await waitForState(page, (s) => s.portal?.catalog_course === first.title, `${first.title}'s page`);
    // (The address is written at the end of the frame that drew the page.)
    await page.waitForFunction(() => /^#\/learn\/catalog\/\d+$/.test(location.hash), null, { timeout: 10000 });
  });
  await check('a learner finishes a course and opens its certificate, which meets Open Badges 3.0 and verifies anywhere; '
    + 'the office revokes one', async () => {
    // A course of the learner's with lessons left: all but one done through the API.
    const mine = await apiCall(server, learner, 'GET', '/api/marketplace/my-courses');
    const course = mine.body.find((c) => !c.certificate_id && !c.progress.finished && c.progress.total > 1);
    assert.ok(course, 'a course to finish');
    const page = await apiCall(server, learner, 'GET', `/api/marketplace/courses/${course.id}`);
    const lessons = page.body.modules.flatMap((m) => m.lessons.map((l) => l.id));
    for (const id of lessons.slice(0, -1))
      assert.equal((await apiCall(server, learner, 'PUT', `/api/marketplace/lessons/${id}/progress`,
        { completed: true })).status, 200);

    const { page: app, errors } = await signedIn(server, 'student');
    const context = app.context();
    await app.getByRole('tab', { name: 'My learning' }).click();
    await waitForState(app, (s) => s.portal?.learning?.some((c) => c.title === course.title), 'my courses');
    await press(app.getByRole('button', { name: `Continue ${course.title}` }));
    await app.getByRole('button', { name: 'Mark as complete' }).waitFor();
    await press(app.getByRole('button', { name: 'Mark as complete' }));
    const state = await waitForState(app, (s) => s.portal?.learning_lesson?.lesson_certificate, 'the certificate earned');
    assert.match(state.portal.learning_lesson.lesson_mark, /Certificate earned: /);
    await expectNoViolations(app, 'a certificate earned');
    await saveScreenshot(app, 'marketplace-certificate-earned.png');
    const [verify] = await Promise.all([context.waitForEvent('page'),
      press(app.getByRole('button', { name: 'View your certificate' }))]);
    await verify.waitForLoadState();
    assert.match(verify.url(), /\/verify\/[0-9a-f-]{36}$/);
    await verify.getByRole('heading', { name: 'Valid certificate' }).waitFor();
    await verify.getByText(course.title).first().waitFor();
    await verify.getByRole('img', { name: "QR code of this page's address" }).waitFor();
    await expectNoViolations(verify, 'the certificate\'s public page');
    await saveScreenshot(verify, 'marketplace-certificate.png');
    assert.deepEqual(errors, []);

    // Its file: valid against the Open Badges 3.0 schema, its proof holding
    // for an independent check, and not once any byte of what it says changes.
    const id = verify.url().split('/').pop();
    const file = await (await fetch(`${server.base}/verify/${id}.json`)).json();
    assert.ok(validateCredential(file), JSON.stringify(validateCredential.errors));
    assert.ok(proofHolds(file), 'the proof verifies outside the server');
    const edited = structuredClone(file);
    edited.credentialSubject.achievement.name += '!';
    assert.ok(!proofHolds(edited), 'an edited credential fails');

    // A phone shows the same page.
    const phone = await signedIn(server, 'student', PHONE);
    await phone.page.goto(`${server.base}/verify/${id}`);
    await phone.page.getByRole('heading', { name: 'Valid certificate' }).waitFor();
    await expectNoViolations(phone.page, 'the certificate on a phone');
    await saveScreenshot(phone.page, 'marketplace-certificate-phone.png');

    // The office revokes one from its Certificates tab; its page says so, with why.
    const office = await signedIn(server, 'admin');
    await office.page.getByRole('tab', { name: 'Certificates' }).click();
    let listed = await waitForState(office.page, (s) => s.portal?.certificates?.some((c) => c.status === 'valid'),
      'the certificates');
    await expectNoViolations(office.page, 'the certificates');
    const target = listed.portal.certificates.find((c) => c.status === 'valid');
    await press(office.page.getByRole('button', { name: 'Revoke...' }).first());
    await office.page.getByRole('textbox', { name: 'Reason' }).fill('Awarded by mistake');
    await press(office.page.getByRole('button', { name: 'Revoke certificate...' }));
    await office.page.getByRole('dialog').waitFor();
    await expectNoViolations(office.page, 'the revoke confirmation');
    await press(office.page.getByRole('button', { name: 'Revoke', exact: true }));
    listed = await waitForState(office.page, (s) => /^Revoked: /.test(s.portal.certificates_revoke), 'revoked');
    await saveScreenshot(office.page, 'marketplace-certificates.png');
    assert.deepEqual(office.errors, []);
    const revoked = await fetch(`${server.base}/verify/${target.id}`);
    const html = await revoked.text();
    assert.match(html, /Revoked certificate/);
    assert.match(html, /Awarded by mistake/);
  });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
  finish();
}
