// Screenshots of every portal screen of the full demo school at 1280×800, for
// people to look at (not a test: it asserts nothing but that each is drawn).
//   node tests/browser/tour.mjs [PREFIX=tour]   -> build/artifacts/PREFIX-*.png
import path from 'node:path';
import {
  config, launchBrowser, saveScreenshot, seedCurriculum, startDatabase, startServer, stopAll, waitForFirstFrame,
  waitForState,
} from './harness.mjs';

const PREFIX = process.argv[2] ?? 'tour';
const PASSWORD = 'learnloop-demo-2026';
const settle = (ms = 700) => new Promise((resolve) => setTimeout(resolve, ms));

// Each role's tabs, and what to click in a tab before its screenshot.
const TOURS = {
  teacher: [['Home'], ['Assignments', async (page) => {
    await page.getByRole('button', { name: 'New assignment' }).click();
    await settle();
  }], ['Classes'], ['Mastery'], ['Gradebook']],
  student: [['Home'], ['Assignments'], ["Today's tasks"]],
  parent: [['Home'], ['Children']],
  admin: [['Users'], ['Classes'], ['Parents'], ['Sign-up'], ['Audit log']],
};

try {
  const database = await startDatabase();
  seedCurriculum(database, path.join(config.sourceDir, 'curriculum'));
  const server = await startServer(database.url);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);
  await settle();
  await saveScreenshot(page, `${PREFIX}-signin.png`);
  for (const [who, tabs] of Object.entries(TOURS)) {
    await page.getByRole('textbox', { name: 'Email' }).fill(`${who}@demo.learnloop.test`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForState(page, (s) => s.screen === 'portal', `${who} signing in`);
    await settle(1500);
    for (const [name, then] of tabs) {
      const tab = page.getByRole('tab', { name });
      if (await tab.count()) await tab.click();
      await settle(1200);
      await saveScreenshot(page, `${PREFIX}-${who}-${name.toLowerCase().replace(/[^a-z]+/g, '-')}.png`);
      if (then) {
        await then(page);
        await saveScreenshot(page, `${PREFIX}-${who}-${name.toLowerCase().replace(/[^a-z]+/g, '-')}-2.png`);
      }
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForState(page, (s) => s.screen === 'sign_in', 'signing out');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  }
  console.log(`screenshots in ${config.artifacts}`);
} finally {
  await stopAll();
}
