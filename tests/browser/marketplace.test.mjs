// Browser test of the demo marketplace's catalog (Lumen Courses, seeded by
// the full demo from course-catalog/) on a server and database of its own:
// a learner types words and sees results as they type, narrows them with a
// filter whose choices carry their counts, opens a course's page and reads
// its outline and reviews; on a phone the page replaces the list, with a way
// back; a search that finds nothing offers to clear itself. Everything is
// found by role and name, axe checks each screen, and the results equal the
// API's for the same search.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import bs58 from 'bs58';
import canonicalize from 'canonicalize';
import {
  apiCall, appState, createRunner, expectNoViolations, press, saveScreenshot, signedInTo, startDatabase, startServer,
  stopAll, waitForState,
} from './harness.mjs';

const PASSWORD = 'learnloop-demo-2026';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const { check, fail, finish } = createRunner();

const signedIn = (server, who, device = {}) => signedInTo(server, 'lumen', who, device);

async function token(server, who) {
  const login = await fetch(`${server.base}/api/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tenant': 'lumen' },
    body: JSON.stringify({ email: `${who}@lumen.learnloop.test`, password: PASSWORD }),
  });
  return (await login.json()).token;
}

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

const loaded = (predicate = () => true) => (s) => Array.isArray(s.portal?.catalog_courses)
  && s.portal.catalog_total >= 0 && predicate(s.portal);

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
    await page.getByRole('textbox', { name: 'Search courses' }).fill(halfway.title);
    await page.keyboard.press('Enter');
    await waitForState(page, loaded((p) => p.catalog_courses.includes(halfway.title)), 'the course found by its title');
    await press(page.getByRole('button', { name: halfway.title, exact: true }));
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
    assert.match(await page.evaluate(() => location.hash), /^#\/learn\/catalog\/\d+$/);
  });
  await check('a learner buys a course at the sandbox checkout and is back with it; the office refunds part of it',
    async () => {
      // A one-time course the learner does not have yet.
      const mine = await apiCall(server, learner, 'GET', '/api/marketplace/my-courses');
      const all = await apiCall(server, learner, 'GET', '/api/marketplace/catalog?limit=50');
      const course = all.body.courses.find((c) => c.price.kind === 'one_time' && !mine.body.some((m) => m.id === c.id));
      assert.ok(course, 'a paid course to buy');
      const { page, errors } = await signedIn(server, 'student');
      await page.getByRole('textbox', { name: 'Search courses' }).fill(course.title);
      await page.keyboard.press('Enter');
      await waitForState(page, loaded((p) => p.catalog_courses.includes(course.title)), 'the course found');
      await press(page.getByRole('button', { name: course.title, exact: true }));
      await waitForState(page, (s) => s.portal?.catalog_course === course.title, `${course.title}'s page`);
      await press(page.getByRole('button', { name: `Buy for ${course.price_label}` }));

      // The provider's page: the shop, the course and the amount; pay there.
      await page.waitForURL(/\/sandbox-pay\/[0-9a-f]{64}$/);
      await page.getByRole('heading', { name: 'Pay Lumen Courses' }).waitFor();
      await page.getByText(course.title).waitFor();
      await expectNoViolations(page, 'the sandbox checkout');
      await saveScreenshot(page, 'marketplace-checkout.png');
      await page.getByRole('button', { name: `Pay ${course.price_label}` }).click();

      // Back in the app at the order, paid; the course is the learner's.
      await page.waitForURL(/#\/learn\/orders\/\d+$/);
      let state = await waitForState(page, (s) => s.portal?.order?.status === 'paid', 'the order paid');
      assert.equal(state.portal.order.has_access, true);
      await page.getByText(/Paid: the course is yours/).waitFor();
      await expectNoViolations(page, 'a receipt');
      await saveScreenshot(page, 'marketplace-receipt.png');
      const bought = await apiCall(server, learner, 'GET', '/api/marketplace/my-courses');
      assert.ok(bought.body.some((m) => m.id === course.id), 'in My learning');
      const orderId = Number((await page.evaluate(() => location.hash)).split('/').pop());
      assert.deepEqual(errors, []);

      // The office finds the order, sees its split and refunds part of it.
      const office = await signedIn(server, 'admin');
      await office.page.getByRole('tab', { name: 'Orders' }).click();
      state = await waitForState(office.page, (s) => s.portal?.orders?.length > 0, 'the orders');
      await expectNoViolations(office.page, 'the orders');
      await office.page.evaluate((id) => { location.hash = `#/market/orders/${id}`; }, orderId);
      state = await waitForState(office.page, (s) => s.portal?.order?.status === 'paid', 'the order open');
      await office.page.getByRole('heading', { name: 'Refund' }).waitFor();
      await office.page.getByRole('textbox', { name: 'Amount' }).fill('5.00');
      await office.page.getByRole('textbox', { name: 'Reason' }).fill('Started a week late');
      await press(office.page.getByRole('button', { name: /^Refund .*5\.00\.\.\.$/ }));
      await office.page.getByRole('dialog').waitFor();
      await expectNoViolations(office.page, 'the refund confirmation');
      await press(office.page.getByRole('button', { name: 'Refund', exact: true }));
      state = await waitForState(office.page, (s) => s.portal?.order?.status === 'partly_refunded', 'refunded in part');
      assert.match(state.portal.refund_message, /5\.00 refunded$/);
      await office.page.getByRole('heading', { name: 'Refunds' }).waitFor();
      await saveScreenshot(office.page, 'marketplace-refund.png');
      assert.deepEqual(office.errors, []);

      // The learner's purchases on a phone: the order, partly refunded, still theirs.
      const phone = await signedIn(server, 'student', PHONE);
      await phone.page.getByRole('tab', { name: 'Purchases' }).click();
      state = await waitForState(phone.page, (s) => s.portal?.orders?.some((o) => o.status === 'partly_refunded'),
        'purchases on a phone');
      await expectNoViolations(phone.page, 'purchases on a phone');
      await saveScreenshot(phone.page, 'marketplace-purchases-phone.png');
      assert.deepEqual(phone.errors, []);
    });
  await check('the office makes a coupon, a learner buys with it for less, and ending one asks first', async () => {
    // The office's coupons: the demo's, then a new one through the form (a bad code refused in words first).
    const office = await signedIn(server, 'admin');
    await office.page.getByRole('tab', { name: 'Coupons' }).click();
    let state = await waitForState(office.page, (s) => s.portal?.coupons?.length >= 4, 'the coupons');
    assert.ok(state.portal.coupons.some((c) => c.code === 'WELCOME-10' && c.state === 'active'), 'the welcome coupon');
    assert.ok(state.portal.coupons.some((c) => c.state === 'ended'), 'an ended one');
    await expectNoViolations(office.page, 'the coupons');
    await press(office.page.getByRole('button', { name: 'New coupon' }));
    await office.page.getByRole('textbox', { name: 'Code' }).fill('x');
    await office.page.getByRole('textbox', { name: 'Percent off' }).fill('30');
    await press(office.page.getByRole('button', { name: 'Make coupon' }));
    await office.page.getByText('A coupon code is 3 to 32 letters, digits and dashes').first().waitFor();
    await office.page.getByRole('textbox', { name: 'Code' }).fill('winter-30');
    await expectNoViolations(office.page, 'the new coupon form');
    await saveScreenshot(office.page, 'marketplace-coupon-form.png');
    await press(office.page.getByRole('button', { name: 'Make coupon' }));
    state = await waitForState(office.page, (s) => s.portal.coupons_make !== '', 'the coupon made');
    assert.equal(state.portal.coupons_make, 'Coupon WINTER-30 made: 30% off');
    await waitForState(office.page, (s) => s.portal.coupons[0]?.code === 'WINTER-30', 'the coupon listed first');
    await saveScreenshot(office.page, 'marketplace-coupons.png');

    // A learner tries it on a paid course in pounds and buys at its price.
    const mine = await apiCall(server, learner, 'GET', '/api/marketplace/my-courses');
    const all = await apiCall(server, learner, 'GET', '/api/marketplace/catalog?limit=50');
    const course = all.body.courses.find((c) => c.price.kind === 'one_time' && c.price.currency === 'GBP'
      && !mine.body.some((m) => m.id === c.id));
    assert.ok(course, 'a paid course to buy');
    const price = await apiCall(server, learner, 'GET', `/api/marketplace/courses/${course.id}/price?coupon=WINTER-30`);
    assert.equal(price.status, 200);
    const { page, errors } = await signedIn(server, 'student');
    await page.getByRole('textbox', { name: 'Search courses' }).fill(course.title);
    await page.keyboard.press('Enter');
    await waitForState(page, loaded((p) => p.catalog_courses.includes(course.title)), 'the course found');
    await press(page.getByRole('button', { name: course.title, exact: true }));
    await waitForState(page, (s) => s.portal?.catalog_course === course.title, `${course.title}'s page`);
    await page.getByRole('textbox', { name: 'Coupon code' }).fill('NOPE-NOPE');
    await press(page.getByRole('button', { name: 'Apply' }));
    await page.getByText('There is no coupon NOPE-NOPE').first().waitFor();
    await page.getByRole('textbox', { name: 'Coupon code' }).fill('winter-30');
    await press(page.getByRole('button', { name: 'Apply' }));
    await page.getByText(`WINTER-30: 30% off, so you pay ${price.body.pays.text}`).first().waitFor();
    await expectNoViolations(page, 'a course with a coupon applied');
    await saveScreenshot(page, 'marketplace-coupon-applied.png');
    await press(page.getByRole('button', { name: `Buy for ${price.body.pays.text}` }));
    await page.waitForURL(/\/sandbox-pay\/[0-9a-f]{64}$/);
    await page.getByRole('button', { name: `Pay ${price.body.pays.text}` }).click();
    await page.waitForURL(/#\/learn\/orders\/\d+$/);
    state = await waitForState(page, (s) => s.portal?.order?.status === 'paid', 'the order paid');
    assert.equal(state.portal.order.coupon, 'WINTER-30');
    await page.getByText(`Coupon WINTER-30: ${price.body.off.text} off`).waitFor();
    assert.deepEqual(errors, []);

    // Ending it asks first; then it is ended and learners can no longer use it.
    await office.page.reload();
    await office.page.getByRole('tab', { name: 'Coupons' }).click();
    state = await waitForState(office.page, (s) => s.portal?.coupons?.[0]?.code === 'WINTER-30'
      && s.portal.coupons[0].used === 1, 'the coupon used once');
    await press(office.page.getByRole('button', { name: 'End...' }).first());
    await office.page.getByRole('dialog').waitFor();
    await expectNoViolations(office.page, 'ending a coupon');
    await press(office.page.getByRole('button', { name: 'End coupon', exact: true }));
    state = await waitForState(office.page, (s) => s.portal.coupons_end !== '' && s.portal.coupons[0]?.state === 'ended',
      'the coupon ended');
    assert.equal(state.portal.coupons_end, 'Coupon WINTER-30 ended: it can no longer be used');
    const after = await apiCall(server, learner, 'GET', `/api/marketplace/courses/${course.id}/price?coupon=WINTER-30`);
    assert.equal(after.status, 400);
    assert.deepEqual(office.errors, []);

    // An instructor's coupons on a phone: their own only.
    const phone = await signedIn(server, 'instructor', PHONE);
    await press(phone.page.getByRole('tab', { name: 'Coupons' }));   // scrolled off the phone's tab bar
    state = await waitForState(phone.page, (s) => Array.isArray(s.portal?.coupons) && s.portal.coupons.length > 0,
      'the instructor\'s coupons');
    assert.deepEqual(state.portal.coupons.map((c) => c.code), ['AMARA-20']);
    await expectNoViolations(phone.page, 'an instructor\'s coupons on a phone');
    await saveScreenshot(phone.page, 'marketplace-coupons-phone.png');
    assert.deepEqual(phone.errors, []);
  });
  await check('an instructor reads their earnings and a statement; the office makes payouts and marks one sent',
    async () => {
      const { page, errors } = await signedIn(server, 'instructor');
      await page.getByRole('tab', { name: 'Earnings' }).click();
      let state = await waitForState(page, (s) => s.portal?.earnings?.length > 0, 'the earnings');
      assert.ok(state.portal.earnings.some((e) => e.paid !== '' && !/^\D*0\.00$/.test(e.paid)), JSON.stringify(state.portal.earnings));
      await page.getByRole('heading', { name: 'By month' }).waitFor();
      await page.getByRole('img', { name: /^Your share by month/ }).waitFor({ state: 'attached' });
      await expectNoViolations(page, 'the earnings');
      await saveScreenshot(page, 'marketplace-earnings.png');
      const [download] = await Promise.all([page.waitForEvent('download'),
        press(page.getByRole('button', { name: /Download statement \(CSV\)/ }))]);
      assert.match(download.suggestedFilename(), /^earnings-\d{4}-\d{2}\.csv$/);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      assert.ok(csv.startsWith('\uFEFFPaid,Order,Course,Currency,Price,'), csv.slice(0, 80));
      assert.deepEqual(errors, []);

      const office = await signedIn(server, 'admin');
      await office.page.getByRole('tab', { name: 'Payouts' }).click();
      state = await waitForState(office.page, (s) => s.portal?.payouts?.length > 0, 'the payouts');
      const due = state.portal.payouts.filter((p) => p.status === 'due').length;
      assert.ok(due > 0, 'last month\'s payouts are due');
      await expectNoViolations(office.page, 'the payouts');
      await press(office.page.getByRole('button', { name: /^Make payouts for / }));
      await office.page.getByRole('dialog').waitFor();
      await press(office.page.getByRole('button', { name: 'Make payouts', exact: true }));
      state = await waitForState(office.page, (s) => s.portal.payouts_run !== '', 'the run answered');
      assert.match(state.portal.payouts_run, /^(Nothing more to pay for|\d+ payouts? due for)/);
      await press(office.page.getByRole('button', { name: 'Mark paid' }).first());
      await office.page.getByRole('textbox', { name: 'Transfer reference' }).fill('BACS 2026-12 #7');
      await expectNoViolations(office.page, 'marking a payout sent');
      await press(office.page.getByRole('button', { name: 'Mark as paid' }));
      state = await waitForState(office.page, (s) => /^Marked paid: /.test(s.portal.payouts_mark)
        && s.portal.payouts.filter((p) => p.status === 'due').length === due - 1, 'one payout sent');
      await saveScreenshot(office.page, 'marketplace-payouts.png');
      assert.deepEqual(office.errors, []);

      const phone = await signedIn(server, 'instructor', PHONE);
      await phone.page.getByRole('tab', { name: 'Earnings' }).click();
      await waitForState(phone.page, (s) => s.portal?.earnings?.length > 0, 'the earnings on a phone');
      await expectNoViolations(phone.page, 'the earnings on a phone');
      await saveScreenshot(phone.page, 'marketplace-earnings-phone.png');
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
