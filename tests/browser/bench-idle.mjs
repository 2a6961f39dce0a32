// Frame pacing (client-wasm/ui/pacing.hpp): frames drawn per second and the
// page's main-thread busy time per second on the teacher's Assignments tab,
// left still, and while the mouse moves over it, with the pacer on and off
// (off: every tick of the browser draws, as before the pacer), alternated
// ROUNDS times in one page. Prints a Markdown table.
//   node tests/browser/bench-idle.mjs [SECONDS=10] [ROUNDS=2]
import {
  appState, launchBrowser, startDatabase, startServer, stopAll, waitForFirstFrame, waitForState,
} from './harness.mjs';

const SECONDS = Number(process.argv[2] ?? 10);
const ROUNDS = Number(process.argv[3] ?? 2);
const PASSWORD = 'learnloop-demo-2026';

async function measure(page, cdp, move) {
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const frames0 = (await appState(page)).frames;
  const m0 = await metric();
  const deadline = Date.now() + SECONDS * 1000;
  let x = 300;
  while (Date.now() < deadline) {
    if (move) {
      x = x === 300 ? 700 : 300;
      await page.mouse.move(x, 400, { steps: 4 });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const frames1 = (await appState(page)).frames;
  const m1 = await metric();
  return { fps: (frames1 - frames0) / SECONDS, busy: (m1.TaskDuration - m0.TaskDuration) / SECONDS };
}

try {
  const database = await startDatabase({ minimal: true });
  const server = await startServer(database.url);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(server.base + '/');
  await waitForFirstFrame(page);
  await page.getByRole('textbox', { name: 'Email' }).fill('teacher@demo.learnloop.test');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForState(page, (s) => s.screen === 'portal' && s.requests_in_flight === 0, 'the teacher portal');
  await page.getByRole('tab', { name: 'Assignments' }).click();   // signing in opens Home
  await waitForState(page, (s) => s.route?.shown === '#/teacher/assignments' && s.requests_in_flight === 0, 'Assignments');
  await page.mouse.move(1200, 780);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const rows = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const pacing of [true, false]) {
      await page.evaluate((on) => Module.ccall('learnloop_pacing_enable', null, ['number'], [on ? 1 : 0]), pacing);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const still = await measure(page, cdp, false);
      const moving = await measure(page, cdp, true);
      rows.push({ round, pacing, still, moving });
    }
  }
  console.log('| round | pacer | still: frames/s | still: main thread busy (s per s) | mouse moving: frames/s | mouse moving: busy (s per s) |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.round} | ${r.pacing ? 'on' : 'off'} | ${r.still.fps.toFixed(1)} | ${r.still.busy.toFixed(3)} | `
      + `${r.moving.fps.toFixed(1)} | ${r.moving.busy.toFixed(3)} |`);
} finally {
  await stopAll();
}
