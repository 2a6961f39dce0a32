// A/B of the administrator's Users tab with the full demo school (145
// people): the mean time in the app's frame function (learnloop_frame_ms),
// idle and while the mouse wheel scrolls the table, for two builds of the
// client served side by side, in alternating rounds. Prints a Markdown table
// of each round and the medians.
//   LEARNLOOP_BEFORE_WEB_ROOT=<an older build-wasm/web> node tests/browser/bench-users.mjs [ROUNDS=3] [SECONDS=3]
import {
  config, launchBrowser, startDatabase, startServer, stopAll, waitForFirstFrame, waitForState,
} from './harness.mjs';

const ROUNDS = Number(process.argv[2] ?? 3);
const SECONDS = Number(process.argv[3] ?? 3);
const PASSWORD = 'learnloop-demo-2026';
const before = process.env.LEARNLOOP_BEFORE_WEB_ROOT;
if (!before) throw new Error('set LEARNLOOP_BEFORE_WEB_ROOT to the web folder of the build to compare with');

async function meanFrameMs(page, scroll) {
  await page.evaluate(() => Module.ccall('learnloop_frame_ms', 'number', [], []));   // reset the meter
  const deadline = Date.now() + SECONDS * 1000;
  let direction = 1, steps = 0;
  while (Date.now() < deadline) {
    if (scroll) {
      await page.mouse.wheel(0, 120 * direction);
      if (++steps % 10 === 0) direction = -direction;
    }
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  return page.evaluate(() => Module.ccall('learnloop_frame_ms', 'number', [], []));
}

const rows = [];
try {
  const database = await startDatabase();
  const current = config.webRoot;
  config.webRoot = before;
  const serverBefore = await startServer(database.url);
  config.webRoot = current;
  const serverAfter = await startServer(database.url);
  const browser = await launchBrowser();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [label, server] of [['before', serverBefore], ['after', serverAfter]]) {
      const page = await browser.newPage();
      await page.goto(server.base + '/');
      await waitForFirstFrame(page);
      await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.learnloop.test');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await waitForState(page, (s) => s.screen === 'portal' && s.portal.users.length > 140, 'the user list', 60000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await page.mouse.move(400, 300);
      const idle = await meanFrameMs(page, false);
      const scrolling = await meanFrameMs(page, true);
      const nodes = await page.evaluate(() => document.querySelectorAll('#semantics [data-key]').length);
      rows.push({ round, label, idle, scrolling, nodes });
      await page.close();
    }
  }
} finally {
  await stopAll();
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('| round | build | idle frame | scrolling frame | accessible nodes |');
console.log('|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.round} | ${r.label} | ${r.idle.toFixed(2)} ms | ${r.scrolling.toFixed(2)} ms | ${r.nodes} |`);
for (const label of ['before', 'after']) {
  const mine = rows.filter((r) => r.label === label);
  console.log(`| median | ${label} | ${median(mine.map((r) => r.idle)).toFixed(2)} ms | `
    + `${median(mine.map((r) => r.scrolling)).toFixed(2)} ms | ${mine[0].nodes} |`);
}
