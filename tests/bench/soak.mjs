// The soak benchmark's load generator (scripts/bench-soak): a school day's mix of reads and writes by the demo
// school's students, teachers and parents at a fixed rate, open loop, for a fixed time. Prints a line every
// 10 s and a Markdown summary; exits 1 on an unexpected status or when memory grew after warm-up.
//
// Environment (set by scripts/bench-soak): LEARNLOOP_BASE (http://127.0.0.1:PORT), SOAK_MINUTES, SOAK_RATE,
// SERVER_PID, PG_DATA_DIR; optional WARMUP_SECONDS (default: a sixth of the run, between 1 and 5 minutes),
// LATE_MS (a request sent later than this after its slot counts as late; default 100), MAX_IN_FLIGHT (slots
// that find this many requests unanswered are not sent and count as dropped; default 4000), GROWTH_LIMIT
// (default 0.20), CONNECTIONS (at most this many open at once, default 256), SOAK_SEED.
import fs from 'node:fs';
import os from 'node:os';
import { Api, answerFor, clientId, demoSchool, mib, percentile, postgresMemory, rssOf, signIn } from './load.mjs';

// [SECTION] settings -----------------------------------------------------------

const env = process.env;
const minutes = Number(env.SOAK_MINUTES ?? 30);
const rate = Number(env.SOAK_RATE ?? 300);
const durationMs = minutes * 60000;
const warmupMs = env.WARMUP_SECONDS !== undefined ? Number(env.WARMUP_SECONDS) * 1000
  : Math.min(300000, Math.max(60000, durationMs / 6));
const lateMs = Number(env.LATE_MS ?? 100);
const maxInFlight = Number(env.MAX_IN_FLIGHT ?? 4000);
const growthLimit = Number(env.GROWTH_LIMIT ?? 0.2);
const serverPid = Number(env.SERVER_PID);
const pgDir = env.PG_DATA_DIR;
const SAMPLE_MS = 10000;
const connections = Number(env.CONNECTIONS ?? 256);
if (!env.LEARNLOOP_BASE || !serverPid || !pgDir || !(rate > 0) || !(minutes > 0)) {
  console.error('soak: run it through scripts/bench-soak (LEARNLOOP_BASE, SERVER_PID, PG_DATA_DIR, SOAK_MINUTES, SOAK_RATE)');
  process.exit(2);
}

// A small seeded generator (mulberry32), so two runs choose the same actions.
let seed = Number(env.SOAK_SEED ?? 2026) >>> 0;
function random() {
  seed = (seed + 0x6D2B79F5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

// [SECTION] the school ---------------------------------------------------------

const api = new Api(env.LEARNLOOP_BASE, { connections });
console.error(`soak: signing in the demo school's accounts`);
const school = await demoSchool(api);
const { students, parents, teachers } = school;
if (students.length < 10) console.error(`soak: only ${students.length} students; seed the full demo school for a realistic spread`);

function localDate(daysAhead) {
  const date = new Date(Date.now() + daysAhead * 86400000);
  return `${date.toISOString().slice(0, 10)}T17:00:00`;
}

async function must(method, path, token) {
  const reply = await api.request(method, path, { token });
  if (reply.status !== 200) throw new Error(`${method} ${path} answered ${reply.status} during set-up`);
  return reply.json;
}

// What each person's screen last showed, so the next action follows from it
// as a person's would (answer the set's next task, hand in work not yet marked,
// mark work handed in).
for (const student of students) {
  student.tasks = [];
  student.practising = false;
  student.submitting = false;
  student.assignments = (await must('GET', '/api/assignments?limit=200', student.token))
    .map((a) => ({ id: a.id, status: a.status }));
}
for (const teacher of teachers) {
  teacher.classes = (await must('GET', '/api/classes?limit=200', teacher.token)).map((c) => c.id);
  teacher.assignments = (await must('GET', '/api/assignments?limit=200', teacher.token)).map((a) => a.id).sort((a, b) => b - a);
  teacher.toMark = [];   // submission ids seen without a grade
  teacher.marked = [];   // submission ids seen graded (re-marked now and then)
}
for (const parent of parents)
  parent.children = (await must('GET', '/api/children', parent.token)).map((child) => child.id);
const teaching = teachers.filter((t) => t.classes.length > 0);
const withChildren = parents.filter((p) => p.children.length > 0);
const everyone = [...students, ...parents, ...teachers];
console.error(`soak: ${students.length} students, ${teaching.length} teachers with classes, ${withChildren.length} parents`);

// [SECTION] the mix ------------------------------------------------------------

// One request per slot. Each action sends exactly one request, or answers
// false when nobody is in a state to do it (every student is mid-answer, no
// work is waiting to be handed in); the slot then goes to the fallback read
// and the substitution is counted.
let markCounter = 0;
const MIX = [
  // role       request label                                   per 1000  action
  ['student', 'GET /api/assignments', 170, () => studentAssignments(pick(students))],
  ['student', 'GET /api/mastery', 80, () => send('GET /api/mastery', 'GET', '/api/mastery', pick(students).token, 'drain')],
  ['student', 'practice: POST /api/task-responses or /api/task-sets', 400, practise],
  ['student', 'POST /api/assignments/{id}/submit', 40, submit],
  ['teacher', 'GET /api/classes/{id}/gradebook', 40, () => {
    const t = pick(teaching);
    return send('GET /api/classes/{id}/gradebook', 'GET', `/api/classes/${pick(t.classes)}/gradebook`, t.token, 'drain');
  }],
  ['teacher', 'GET /api/classes/{id}/mastery', 40, () => {
    const t = pick(teaching);
    return send('GET /api/classes/{id}/mastery', 'GET', `/api/classes/${pick(t.classes)}/mastery`, t.token, 'drain');
  }],
  ['teacher', 'GET /api/assignments/{id}/submissions', 60, () => teacherSubmissions(pick(teaching))],
  ['teacher', 'PUT /api/submissions/{id}/grade', 15, mark],
  ['teacher', 'GET /api/assignments', 34, () => {
    const t = pick(teaching);
    return send('GET /api/assignments', 'GET', '/api/assignments?limit=200', t.token, 'json', undefined, (reply) => {
      if (reply.status === 200) t.assignments = reply.json.map((a) => a.id).sort((a, b) => b - a);
    });
  }],
  // A new piece of work now and then (at 300/s about one every 7 s), so there
  // is always work to hand in that is not yet marked.
  ['teacher', 'POST /api/assignments', 0.5, () => {
    const t = pick(teaching);
    const body = { title: `Soak task ${slotCount}`, description: 'Written during the soak benchmark.',
      due_date: localDate(7), class_id: pick(t.classes) };
    return send('POST /api/assignments', 'POST', '/api/assignments', t.token, 'json', body, (reply) => {
      if (reply.status === 201) t.assignments.unshift(reply.json.assignment_id);
    });
  }],
  ['parent', 'GET /api/children', 30, () => send('GET /api/children', 'GET', '/api/children', pick(withChildren).token, 'drain')],
  ['parent', 'GET /api/assignments?student_id=', 60, () => {
    const p = pick(withChildren);
    return send('GET /api/assignments?student_id=', 'GET', `/api/assignments?limit=200&student_id=${pick(p.children)}`, p.token, 'drain');
  }],
  ['parent', 'GET /api/mastery?student_id=', 28, () => {
    const p = pick(withChildren);
    return send('GET /api/mastery?student_id=', 'GET', `/api/mastery?student_id=${pick(p.children)}`, p.token, 'drain');
  }],
  ['anyone', 'POST /api/login', 1, signInAgain],
];
const totalWeight = MIX.reduce((sum, row) => sum + row[2], 0);

function studentAssignments(s) {
  return send('GET /api/assignments', 'GET', '/api/assignments?limit=200', s.token, 'json', undefined, (reply) => {
    if (reply.status === 200) s.assignments = reply.json.map((a) => ({ id: a.id, status: a.status }));
  });
}

function teacherSubmissions(t) {
  if (t.assignments.length === 0) return false;
  // The newest few: the work a teacher is marking this week.
  const id = t.assignments[Math.floor(random() * Math.min(5, t.assignments.length))];
  return send('GET /api/assignments/{id}/submissions', 'GET', `/api/assignments/${id}/submissions?limit=200`, t.token, 'json',
    undefined, (reply) => {
      if (reply.status !== 200) return;
      for (const sub of reply.json) {
        const list = sub.grade === null || sub.grade === undefined ? t.toMark : t.marked;
        if (!list.includes(sub.id) && list.length < 500) list.push(sub.id);
      }
    });
}

// A student practising: the next task of their set, or a new set when it is done.
function practise() {
  let s;
  for (let tries = 0; tries < 8 && (!s || s.practising); tries++) s = pick(students);
  if (s.practising) return false;   // one device per student: one answer at a time
  s.practising = true;
  const done = () => { s.practising = false; };
  if (s.tasks.length === 0) {
    return send('POST /api/task-sets', 'POST', '/api/task-sets', s.token, 'json', {}, (reply) => {
      done();
      if (reply.status === 200 || reply.status === 201) s.tasks = reply.json.tasks ?? [];
    });
  }
  const item = s.tasks.shift();
  const body = { client_id: clientId(), task_id: item.task_id, answer: answerFor(item.task, random() < 0.7) };
  return send('POST /api/task-responses', 'POST', '/api/task-responses', s.token, 'drain', body, () => {
    done();
    if (random() < 0.05) s.tasks = [];   // some stop part-way through a set
  });
}

function submit() {
  let s;
  let open = [];
  for (let tries = 0; tries < 8 && open.length === 0; tries++) {
    s = pick(students);
    open = s.submitting ? [] : s.assignments.filter((a) => a.status !== 'graded');
  }
  if (open.length === 0) return false;
  const assignment = pick(open);
  s.submitting = true;
  const body = { content: `My answer, draft ${slotCount}: a paragraph with a point, evidence and an explanation.` };
  return send('POST /api/assignments/{id}/submit', 'POST', `/api/assignments/${assignment.id}/submit`, s.token, 'drain', body,
    (reply) => {
      s.submitting = false;
      if (reply.status === 200 || reply.status === 201) assignment.status = 'submitted';
      if (reply.status === 409) assignment.status = 'graded';   // marked since the student last looked
    });
}

function mark() {
  const t = pick(teaching);
  let id = t.toMark.shift();
  if (id === undefined && t.marked.length > 0) id = pick(t.marked);   // re-marking: every grade is kept in history
  if (id === undefined) return false;
  markCounter += 1;
  const body = { grade: 40 + (markCounter % 60), feedback: 'A clear point; add one more piece of evidence.' };
  return send('PUT /api/submissions/{id}/grade', 'PUT', `/api/submissions/${id}/grade`, t.token, 'drain', body, (reply) => {
    if (reply.status === 200 && !t.marked.includes(id) && t.marked.length < 500) t.marked.push(id);
  });
}

const signingIn = new Set();
function signInAgain() {
  const account = pick(everyone);
  if (signingIn.has(account)) return false;
  signingIn.add(account);
  const due = currentDue;
  inFlight += 1;
  noteSend();
  signIn(api, account).then((reply) => { signingIn.delete(account); record('POST /api/login', reply, due); });
  return true;
}

// [SECTION] sending and counting -----------------------------------------------

const byLabel = new Map();   // label -> { latencies: [], service: [], statuses: Map }
let interval = freshInterval();
let inFlight = 0;
let slotCount = 0;
let currentDue = 0;
const totals = { scheduled: 0, sent: 0, done: 0, late: 0, dropped: 0, ok: 0, conflict: 0, throttled: 0, errors: 0, retried: 0 };
const lag = [];
const substitutions = new Map();
const conflicts = new Map();   // label -> count of 409
const errorSamples = [];

function freshInterval() {
  return { sent: 0, done: 0, ok: 0, conflict: 0, throttled: 0, errors: 0, late: 0, dropped: 0, latencies: [] };
}

function labelStats(label) {
  if (!byLabel.has(label)) byLabel.set(label, { latencies: [], service: [], statuses: new Map() });
  return byLabel.get(label);
}

function noteSend() {
  totals.sent += 1;
  interval.sent += 1;
}

function send(label, method, path, token, parse, body, then) {
  const due = currentDue;
  inFlight += 1;
  noteSend();
  api.request(method, path, { token, body, parse }).then((reply) => {
    record(label, reply, due);
    if (then) then(reply);
  });
  return true;
}

// Latency is measured from the slot's time, not from the send, so a request
// the generator sent late is not reported faster than a person would see it.
function record(label, reply, due) {
  inFlight -= 1;
  const now = performance.now();
  const stats = labelStats(label);
  stats.latencies.push(now - due);
  stats.service.push(now - reply.sentAt);
  const key = reply.status || reply.error || 'no answer';
  stats.statuses.set(key, (stats.statuses.get(key) ?? 0) + 1);
  totals.done += 1;
  interval.done += 1;
  // Late: handed to the kernel well after its slot, because the generator's
  // event loop ran behind or every connection was busy.
  const delay = reply.sentAt - due;
  lag.push(delay);
  if (delay > lateMs) { totals.late += 1; interval.late += 1; }
  if (reply.retried) totals.retried += 1;
  interval.latencies.push(now - due);
  if (reply.status >= 200 && reply.status < 300) {
    totals.ok += 1; interval.ok += 1;
  } else if (reply.status === 409) {
    totals.conflict += 1; interval.conflict += 1;
    conflicts.set(label, (conflicts.get(label) ?? 0) + 1);
  } else if (reply.status === 429) {
    totals.throttled += 1; interval.throttled += 1;
  } else {
    totals.errors += 1; interval.errors += 1;
    if (errorSamples.length < 20)
      errorSamples.push(`${label}: ${reply.status || reply.error}${reply.reused ? ' (kept-alive connection)' : ''} ${reply.json ? JSON.stringify(reply.json) : ''}`.trim());
  }
}

function dispatch(due) {
  totals.scheduled += 1;
  slotCount += 1;
  currentDue = due;
  if (inFlight >= maxInFlight) {
    totals.dropped += 1;
    interval.dropped += 1;
    return;
  }
  let r = random() * totalWeight;
  let row = MIX[MIX.length - 1];
  for (const candidate of MIX) {
    r -= candidate[2];
    if (r < 0) { row = candidate; break; }
  }
  if (!row[3]()) {
    substitutions.set(row[1], (substitutions.get(row[1]) ?? 0) + 1);
    studentAssignments(pick(students));   // the fallback: a student looks at their list
  }
}

// [SECTION] memory and CPU -------------------------------------------------------

const ticks = () => {
  // utime + stime of a process, and of its waited-for children, in clock ticks.
  const read = (pid, withChildren) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
    } catch { return 0; }
  };
  let postmaster = 0;
  try { postmaster = Number(fs.readFileSync(`${pgDir}/postmaster.pid`, 'utf8').split('\n')[0]); } catch { /* none */ }
  let pg = read(postmaster, true);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) pg += read(entry, false);
    } catch { /* gone */ }
  }
  return { server: read(serverPid, false), pg, self: read(process.pid, false) };
};
const CLK_TCK = 100;   // Linux's USER_HZ on every architecture Debian ships

function memory() {
  const pg = postgresMemory(pgDir);
  return { server: rssOf(serverPid), pgRss: pg.rss, pgShared: pg.shared, pgOther: pg.other, pgProcesses: pg.processes };
}

// [SECTION] the run --------------------------------------------------------------

const samples = [];   // { t, ...memory() }
const start = memory();
const loadStart = os.loadavg();
console.error(`soak: ${minutes} min at ${rate} requests/s; warm-up ${warmupMs / 1000} s; a line every ${SAMPLE_MS / 1000} s`);
console.log('| t (s) | sent | answered | 2xx | 409 | 429 | errors | late | dropped | in flight | p50 ms | p99 ms | server RSS MiB | PG RSS MiB | PG shared in use MiB | PG other MiB | CPU % server / PG / generator | load 1 min |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');

const t0 = performance.now() + 50;
const period = 1000 / rate;
const slots = Math.round((durationMs / 1000) * rate);
let next = 0;
let lastTicks = ticks();
let lastSampleAt = t0;

function sample(t) {
  const m = memory();
  const now = ticks();
  const seconds = (performance.now() - lastSampleAt) / 1000;
  const cpu = (a, b) => ((100 * (a - b)) / CLK_TCK / seconds).toFixed(0);
  const row = { t, ...m };
  samples.push(row);
  const i = interval;
  console.log(`| ${Math.round(t / 1000)} | ${i.sent} | ${i.done} | ${i.ok} | ${i.conflict} | ${i.throttled} | ${i.errors} | ${i.late} | ${i.dropped} | ${inFlight} | ${percentile(i.latencies, 0.5).toFixed(1)} | ${percentile(i.latencies, 0.99).toFixed(1)} | ${mib(m.server)} | ${mib(m.pgRss)} | ${mib(m.pgShared)} | ${mib(m.pgOther)} | ${cpu(now.server, lastTicks.server)} / ${cpu(now.pg, lastTicks.pg)} / ${cpu(now.self, lastTicks.self)} | ${os.loadavg()[0].toFixed(1)} |`);
  lastTicks = now;
  lastSampleAt = performance.now();
  interval = freshInterval();
}

await new Promise((resolve) => {
  const sampler = setInterval(() => sample(performance.now() - t0), SAMPLE_MS);
  const pump = () => {
    const now = performance.now();
    while (next < slots && t0 + next * period <= now) {
      dispatch(t0 + next * period);
      next += 1;
    }
    if (next < slots) {
      setTimeout(pump, Math.max(0, Math.min(4, t0 + next * period - performance.now())));
    } else {
      clearInterval(sampler);
      sample(performance.now() - t0);
      resolve();
    }
  };
  setTimeout(pump, 0);
});
const elapsed = performance.now() - t0;
for (let waited = 0; inFlight > 0 && waited < 40000; waited += 100) await new Promise((r) => setTimeout(r, 100));
const unanswered = inFlight;
// The server's own counters of refused, timed-out and evicted connections and
// of database trouble explain errors without guessing.
const metricsReply = await api.request('GET', '/metrics', { parse: 'text' });
const metrics = (metricsReply.text ?? '').split('\n')
  .filter((line) => /^learnloop_(gate_\w+|db_unavailable_total|db_commit_in_doubt_total)\b/.test(line));
api.close();

// [SECTION] summary ----------------------------------------------------------------

const maxOf = (values) => values.reduce((a, b) => Math.max(a, b), 0);
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
// A sample swings with what is in flight at that instant (request buffers;
// an Argon2id hash holds 64 MiB while a sign-in is checked), and a leak
// raises the floor under those swings: each minute is judged by its lowest
// sample, and the slope is fitted through those floors.
const KEYS = ['server', 'pgRss', 'pgShared', 'pgOther'];
const byMinute = new Map();
for (const sample of samples) {
  const minute = Math.floor(sample.t / 60000);
  const floor = byMinute.get(minute) ?? { t: minute * 60000, pgProcesses: sample.pgProcesses };
  for (const key of KEYS) floor[key] = Math.min(floor[key] ?? Infinity, sample[key]);
  byMinute.set(minute, floor);
}
const floors = [...byMinute.values()];
const afterWarmup = floors.find((f) => f.t >= warmupMs) ?? floors[floors.length - 1];
const last = samples.slice(-6);   // the last minute, whatever the minute boundaries
const end = { t: last[0].t, pgProcesses: last[last.length - 1].pgProcesses };
for (const key of KEYS) end[key] = Math.min(...last.map((sample) => sample[key]));
// Least-squares slope of a measure over the floors after warm-up, in MiB per 10 minutes.
function slope(key) {
  const points = floors.filter((f) => f.t >= warmupMs);
  if (points.length < 3) return NaN;
  const mx = points.reduce((a, p) => a + p.t, 0) / points.length;
  const my = points.reduce((a, p) => a + p[key], 0) / points.length;
  let num = 0;
  let den = 0;
  for (const p of points) { num += (p.t - mx) * (p[key] - my); den += (p.t - mx) ** 2; }
  return ((num / den) * 600000) / 1024;
}
const growth = (key) => (end[key] - afterWarmup[key]) / afterWarmup[key];

const out = [];
out.push('');
out.push(`### Soak: ${minutes} min at ${rate} requests/s`);
out.push('');
out.push(`Machine: ${os.cpus().length} cores, load average ${loadStart.map((x) => x.toFixed(1)).join(' / ')} at the start and ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end (1 / 5 / 15 min).`);
out.push(`Accounts: ${students.length} students, ${teaching.length} teachers, ${withChildren.length} parents of the demo school, each signed in; at most ${connections} connections.`);
out.push('');
out.push('| measure | value |');
out.push('|---|---|');
out.push(`| slots scheduled | ${totals.scheduled} (${rate}/s for ${(durationMs / 1000).toFixed(0)} s) |`);
out.push(`| requests sent / answered | ${totals.sent} / ${totals.done} (${f1(totals.done / (elapsed / 1000))} answered per second over the run) |`);
out.push(`| sent later than ${lateMs} ms after their slot | ${totals.late} (send delay p50 ${f1(percentile(lag, 0.5))} ms, p99 ${f1(percentile(lag, 0.99))} ms, max ${f1(maxOf(lag))} ms) |`);
out.push(`| not sent (${maxInFlight} already in flight) | ${totals.dropped} |`);
out.push(`| sent again on a new connection (the kept-alive one had just been closed as idle) | ${totals.retried} |`);
out.push(`| unanswered 40 s after the last slot | ${unanswered} |`);
out.push(`| 2xx | ${totals.ok} |`);
out.push(`| 409 (expected) | ${totals.conflict}${conflicts.size ? ': ' + [...conflicts].map(([l, n]) => `${n} ${l}`).join(', ') : ''} |`);
out.push(`| 429 (expected) | ${totals.throttled} |`);
out.push(`| **errors** (any other status, or no answer) | **${totals.errors}** |`);
if (substitutions.size)
  out.push(`| slots given to the fallback read (nobody ready) | ${[...substitutions].map(([l, n]) => `${n} ${l}`).join(', ')} |`);
out.push('');
out.push('Latency from each request\'s slot to its last byte (service time from the send in brackets where it differs by more than 1 ms):');
out.push('');
out.push('| request | count | share | p50 ms | p99 ms | max ms | statuses |');
out.push('|---|---|---|---|---|---|---|');
const all = [];
for (const [label, stats] of [...byLabel].sort((a, b) => b[1].latencies.length - a[1].latencies.length)) {
  for (const x of stats.latencies) all.push(x);
  const p50 = percentile(stats.latencies, 0.5);
  const p99 = percentile(stats.latencies, 0.99);
  const s50 = percentile(stats.service, 0.5);
  const s99 = percentile(stats.service, 0.99);
  const show = (a, b) => (Math.abs(a - b) > 1 ? `${f1(a)} (${f1(b)})` : f1(a));
  const statuses = [...stats.statuses].sort().map(([k, n]) => `${k}: ${n}`).join(', ');
  out.push(`| \`${label}\` | ${stats.latencies.length} | ${((100 * stats.latencies.length) / Math.max(1, totals.done)).toFixed(1)}% | ${show(p50, s50)} | ${show(p99, s99)} | ${f1(maxOf(stats.latencies))} | ${statuses} |`);
}
out.push(`| all | ${all.length} | 100% | ${f1(percentile(all, 0.5))} | ${f1(percentile(all, 0.99))} | ${f1(maxOf(all))} | |`);
out.push('');
out.push(`Memory (MiB; each value is the lowest 10 s sample of its minute: "after warm-up" the minute from ${Math.round(afterWarmup.t / 1000)} s, "end" the last 60 s; the slope is fitted through the minutes after warm-up):`);
out.push('');
out.push('| process | start | after warm-up | end | slope after warm-up (MiB / 10 min) | end vs after warm-up |');
out.push('|---|---|---|---|---|---|');
const memoryRow = (name, key) =>
  `| ${name} | ${mib(start[key])} | ${mib(afterWarmup[key])} | ${mib(end[key])} | ${f1(slope(key))} | ${(100 * growth(key)).toFixed(1)}% |`;
out.push(memoryRow('learnloop-server RSS', 'server'));
out.push(memoryRow(`PostgreSQL RSS, sum of ${Math.round(end.pgProcesses)} processes`, 'pgRss'));
out.push(memoryRow('PostgreSQL shared memory in use (shared buffers; bounded by their size)', 'pgShared'));
out.push(memoryRow('PostgreSQL other memory (PSS outside the shared segment)', 'pgOther'));

const failures = [];
if (totals.errors > 0) failures.push(`${totals.errors} requests answered an unexpected status or none`);
if (unanswered > 0) failures.push(`${unanswered} requests never answered`);
// The leak checks: the server's RSS, and PostgreSQL's memory outside its
// shared segment. PostgreSQL's RSS sum counts each shared buffer once per
// backend that touched it, and the shared buffers fill as the data grows
// (up to shared_buffers): both climb without any leak, so they are shown,
// not judged.
if (growth('server') > growthLimit) failures.push(`the server's RSS grew ${(100 * growth('server')).toFixed(1)}% after warm-up`);
if (growth('pgOther') > growthLimit) failures.push(`PostgreSQL's memory outside shared buffers grew ${(100 * growth('pgOther')).toFixed(1)}% after warm-up`);
out.push('');
if (errorSamples.length) {
  out.push('First errors:');
  for (const line of errorSamples) out.push(`- ${line}`);
  out.push('');
}
if (metrics.length) out.push(`Server counters at the end: ${metrics.map((line) => `\`${line}\``).join(', ')}.`, '');
out.push(failures.length ? `**FAILED**: ${failures.join('; ')}.` : `**Passed**: no errors; memory after warm-up within ${growthLimit * 100}%.`);
console.log(out.join('\n'));
process.exit(failures.length ? 1 : 0);
