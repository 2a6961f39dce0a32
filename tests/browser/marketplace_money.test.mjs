// Browser test of the demo marketplace's money (Lumen Courses, seeded by the
// full demo) on a server and database of its own: a learner buys a course at
// the sandbox checkout and the office refunds part of it; the office makes a
// coupon, a learner buys with it, the office changes its limit and ends it; an instructor reads
// their earnings and statement, and the office makes payouts. Found by role
// and name, axe on each screen, screenshots at desktop and phone size.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  apiCall, createRunner, expectNoViolations, press, saveScreenshot, sql, startDatabase, startServer, stopAll, waitForState,
} from './harness.mjs';
import { openCourse, PHONE, signedIn, token } from './marketplace.helpers.mjs';

const { check, fail, finish } = createRunner();

try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  const learner = await token(server, 'student');

  await check('a learner buys a course at the sandbox checkout and is back with it; the office refunds part of it',
    async () => {
      // A one-time course the learner does not have yet.
      const mine = await apiCall(server, learner, 'GET', '/api/marketplace/my-courses');
      const all = await apiCall(server, learner, 'GET', '/api/marketplace/catalog?limit=50');
      const course = all.body.courses.find((c) => c.price.kind === 'one_time' && !mine.body.some((m) => m.id === c.id));
      assert.ok(course, 'a paid course to buy');
      const { page, errors } = await signedIn(server, 'student');
      await openCourse(page, course.title);
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
      // The portal named the refund it meant, so a retry could not refund twice.
      assert.equal(sql(database, `SELECT count(*) FROM order_refunds WHERE order_id = ${state.portal.order_picked} AND request_key ~ '^r[0-9a-f]{24}$'`), '1');
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
    await openCourse(page, course.title);
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

    // Its limit and last day change (not below its one use, refused in words first).
    const winter = office.page.getByRole('row', { name: /WINTER-30/ });
    await press(winter.getByRole('button', { name: 'Change' }));
    await office.page.getByRole('heading', { name: 'Change WINTER-30' }).waitFor();
    await office.page.getByRole('textbox', { name: 'Most uses (optional)' }).last().fill('0x');
    await press(office.page.getByRole('button', { name: 'Save changes' }));
    await office.page.getByText('Type the most uses as a whole number, or leave it empty').first().waitFor();
    await office.page.getByRole('textbox', { name: 'Most uses (optional)' }).last().fill('40');
    await office.page.getByRole('textbox', { name: 'Last day (optional)' }).last().fill('2031-01-31');
    await expectNoViolations(office.page, 'changing a coupon');
    await saveScreenshot(office.page, 'marketplace-coupon-change.png');
    await press(office.page.getByRole('button', { name: 'Save changes' }));
    state = await waitForState(office.page, (s) => s.portal.coupons_change === 'Coupon WINTER-30 changed'
      && s.portal.coupons[0]?.usage_limit === 40 && s.portal.coupons[0]?.expires_on === '2031-01-31', 'the coupon changed');
    assert.equal(state.portal.coupons_changing, 0);
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
      await press(phone.page.getByRole('tab', { name: 'Earnings' }));   // scrolled off the phone's tab bar
      await waitForState(phone.page, (s) => s.portal?.earnings?.length > 0, 'the earnings on a phone');
      await expectNoViolations(phone.page, 'the earnings on a phone');
      await saveScreenshot(phone.page, 'marketplace-earnings-phone.png');
    });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
  finish();
}
