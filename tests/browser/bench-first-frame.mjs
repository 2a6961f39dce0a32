// Measures page load to first frame (window.learnloop.firstFrameMs) over
// several cold loads, each in a fresh browser profile. Prints a Markdown table.
import { launchBrowser, startDatabase, startServer, stopAll, waitForFirstFrame } from './harness.mjs';

const runs = Number(process.argv[2] ?? 10);
const times = [];
try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  for (let i = 0; i < runs; i++) {
    const browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(server.base + '/');
    times.push(await waitForFirstFrame(page));
    await browser.close();
  }
} finally {
  await stopAll();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log('| runs | min | median | max |');
console.log('|---|---|---|---|');
console.log(`| ${times.length} | ${times[0].toFixed(0)} ms | ${median.toFixed(0)} ms | ${times[times.length - 1].toFixed(0)} ms |`);
