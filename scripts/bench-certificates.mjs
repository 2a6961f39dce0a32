// Issuing and verifying certificates through the real server, for
// `SECTIONS=certificates scripts/bench`: COUNT claims (POST
// /api/marketplace/courses/<id>/certificate, one per course, each reading the
// rule and progress, signing with Ed25519 and storing with its audit row),
// then each certificate's public page (GET /verify/<id>: the stored
// credential checked) and the JSON check of each file (POST
// /api/certificates/verify), every kind at CONCURRENCY requests at once.
// Prints Markdown rows.
//   node scripts/bench-certificates.mjs BASE TOKEN COURSE_IDS_FILE [CONCURRENCY=8]
import fs from 'node:fs';

const [base, token, idsFile, concurrencyText] = process.argv.slice(2);
const concurrency = Number(concurrencyText ?? 8);
const courses = fs.readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);

// Runs `task` on every item, `concurrency` at a time; the latencies in ms and the wall time.
async function measure(items, task) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const item = items[next++];
      const t0 = performance.now();
      await task(item);
      latencies.push(performance.now() - t0);
    }
  }));
  const wall = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  return { rate: (items.length * 1000 / wall).toFixed(0), p50: at(0.5), p99: at(0.99), wall: (wall / 1000).toFixed(1) };
}

async function expect(response, status, what) {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const issued = [];
const issue = await measure(courses, async (id) => {
  const response = await expect(await fetch(`${base}/api/marketplace/courses/${id}/certificate`,
    { method: 'POST', headers: auth, body: '{}' }), 201, `certificate of course ${id}`);
  issued.push((await response.json()).id);
});
const page = await measure(issued, async (id) => {
  const html = await (await expect(await fetch(`${base}/verify/${id}`), 200, `page ${id}`)).text();
  if (!html.includes('Valid certificate')) throw new Error(`page ${id} does not say valid`);
});
const files = await Promise.all(issued.map(async (id) => (await fetch(`${base}/verify/${id}.json`)).text()));
const check = await measure(files, async (file) => {
  const verdict = await (await expect(await fetch(`${base}/api/certificates/verify`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: file }), 200, 'a check')).json();
  if (verdict.status !== 'valid') throw new Error(`a file checked ${verdict.status}`);
});
for (const [what, m] of [[`issue ${issued.length} (POST .../certificate)`, issue],
  [`open ${issued.length} public pages (GET /verify/<id>)`, page],
  [`check ${issued.length} files (POST /api/certificates/verify)`, check]])
  console.log(`| ${what} | ${m.wall} s | ${m.rate} | ${m.p50} ms | ${m.p99} ms |`);
