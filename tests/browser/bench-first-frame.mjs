// Measures page load to first frame (window.learnloop.firstFrameMs): cold
// loads, each in a fresh browser profile, and in each profile one reload once
// the service worker controls the page (the offline copy in place, files
// still fetched from the network first). Also the bytes a cold load takes on
// the wire up to its first frame (the DevTools protocol's encodedDataLength:
// compressed bodies and headers; API requests left out). Each at desktop size
// and in a phone's emulation (390×844 CSS px at 2×, touch). Prints Markdown tables.
import { launchBrowser, startDatabase, startServer, stopAll, waitForFirstFrame } from './harness.mjs';

const runs = Number(process.argv[2] ?? 10);
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};
const cold = { desktop: [], phone: [] };
const warm = { desktop: [], phone: [] };
const coldBytes = [];
let files = [];

// Bytes per path of what the page loads, as it finishes.
async function recordBytes(page) {
  const paths = new Map();
  const finished = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (event) => paths.set(event.requestId, new URL(event.request.url).pathname));
  cdp.on('Network.loadingFinished', (event) => {
    const path = paths.get(event.requestId);
    if (path && !path.startsWith('/api/')) finished.push({ path, bytes: event.encodedDataLength });
  });
  return finished;
}
try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  // Desktop and phone alternate, so both see the same machine.
  for (let i = 0; i < runs; i++) {
    for (const [name, device] of Object.entries(DEVICES)) {
      const browser = await launchBrowser({ device });
      const page = browser.pages()[0] ?? await browser.newPage();
      const finished = await recordBytes(page);
      await page.goto(server.base + '/');
      cold[name].push(await waitForFirstFrame(page));
      const loaded = [...finished];
      if (name === 'desktop') coldBytes.push(loaded.reduce((sum, file) => sum + file.bytes, 0));
      if (i === 0 && name === 'desktop') files = loaded;
      for (let k = 0; k < 100 && !(await page.evaluate(() => Boolean(navigator.serviceWorker?.controller))); k++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await page.reload();
      warm[name].push(await waitForFirstFrame(page));
      await browser.close();
    }
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
for (const name of Object.keys(DEVICES)) {
  row(`${name}, cold (fresh profile)`, cold[name]);
  row(`${name}, reload (service worker in control)`, warm[name]);
}
coldBytes.sort((a, b) => a - b);
console.log(`\nCold load to first frame, bytes on the wire: min ${coldBytes[0]}, `
  + `median ${coldBytes[Math.floor(coldBytes.length / 2)]}, max ${coldBytes[coldBytes.length - 1]}\n`);
console.log('| file (first cold load) | bytes |');
console.log('|---|---|');
for (const file of files) console.log(`| ${file.path} | ${file.bytes} |`);
