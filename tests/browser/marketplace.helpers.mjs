// What the marketplace's browser tests share (marketplace.test.mjs and
// marketplace_money.test.mjs, each on a server and database of its own):
// signing in to the demo marketplace (Lumen Courses), an API token, and
// finding a course in the Catalog.
import { press, signedInTo, waitForState } from './harness.mjs';

export const PASSWORD = 'learnloop-demo-2026';
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export const signedIn = (server, who, device = {}) => signedInTo(server, 'lumen', who, device);

// A session token of the login `who`, for API calls beside the browser.
export async function token(server, who) {
  const login = await fetch(`${server.base}/api/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tenant': 'lumen' },
    body: JSON.stringify({ email: `${who}@lumen.learnloop.test`, password: PASSWORD }),
  });
  return (await login.json()).token;
}

// The catalog's results have arrived (and meet `predicate`).
export const loaded = (predicate = () => true) => (s) => Array.isArray(s.portal?.catalog_courses)
  && s.portal.catalog_total >= 0 && predicate(s.portal);

// Finds a course by its title in the Catalog and opens its page.
export async function openCourse(page, title) {
  await page.getByRole('textbox', { name: 'Search courses' }).fill(title);
  await page.keyboard.press('Enter');
  await waitForState(page, loaded((p) => p.catalog_courses.includes(title)), `${title} found by its title`);
  await press(page.getByRole('button', { name: title, exact: true }));
  await waitForState(page, (s) => s.portal?.catalog_course === title, `${title}'s page`);
}
