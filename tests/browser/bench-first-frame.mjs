// Measures page load to first frame (window.learnloop.firstFrameMs): cold
// loads, each in a fresh browser profile, and in each profile one reload once
// the service worker controls the page (the offline copy in place, files
// still fetched from the network first). Prints a Markdown table.
import { launchBrowser, startDatabase, startServer, stopAll, waitForFirstFrame } from './harness.mjs';

const runs = Number(process.argv[2] ?? 10);
const cold = [];
const warm = [];
try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  for (let i = 0; i < runs; i++) {
    const browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(server.base + '/');
    cold.push(await waitForFirstFrame(page));
    for (let k = 0; k < 100 && !(await page.evaluate(() => Boolean(navigator.serviceWorker?.controller))); k++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await page.reload();
    warm.push(await waitForFirstFrame(page));
    await browser.close();
  }
} finally {
  await stopAll();
}
const row = (name, times) => {
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`| ${name} | ${times.length} | ${times[0].toFixed(0)} ms | ${median.toFixed(0)} ms | ${times[times.length - 1].toFixed(0)} ms |`);
};
console.log('| load | runs | min | median | max |');
console.log('|---|---|---|---|---|');
row('cold (fresh profile)', cold);
row('reload (service worker in control)', warm);
