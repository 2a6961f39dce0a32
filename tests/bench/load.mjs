// Shared pieces of the long-running load scripts (scripts/bench-soak, scripts/crash-test): an HTTP client on
// keep-alive sockets that never throws, the demo school's accounts signed in, answers made from a task's own
// JSON, latency percentiles and the resident memory of the server and of PostgreSQL.
// Node built-ins only, so the scripts run without `npm install`.
import fs from 'node:fs';
import http from 'node:http';

export const DEMO_PASSWORD = 'learnloop-demo-2026';

// [SECTION] HTTP ---------------------------------------------------------------

// One request's outcome: `status` is 0 when no HTTP answer came (`error` then
// names why: ECONNREFUSED, ECONNRESET, timeout, ...). `ms` runs from the call
// to the last byte of the body; `sentAt` is when the request had been handed
// to the kernel (later than the call while it waited for a free connection).
// `retried` is true when a kept-alive connection turned out to be closed and
// the request went again on a new one, as browsers do.
export class Api {
  constructor(base, { timeoutMs = 30000, connections = Infinity } = {}) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.timeoutMs = timeoutMs;
    // Node retires an idle socket a second before the server's Keep-Alive
    // timeout; a generator whose event loop runs late can still pick a socket
    // the server has just closed (see `retried`).
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: 1024 });
  }

  // parse: 'json' to decode the body, 'text' to keep it as text, anything else
  // to drain it unread (the long reads are not worth decoding on the
  // generator's single thread).
  async request(method, path, options = {}) {
    const started = performance.now();
    let result = await this.#once(method, path, options);
    // A keep-alive connection the server closed as idle before our request
    // reached it: nothing was processed (the server closes only connections
    // with no request in progress), so sending again is safe for any method.
    if (result.status === 0 && result.reused && !result.answered && ['ECONNRESET', 'EPIPE'].includes(result.error))
      result = { ...(await this.#once(method, path, options)), retried: true };
    return { ...result, ms: performance.now() - started };
  }

  #once(method, path, { token, body, parse = 'json' }) {
    return new Promise((resolve) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers = {};
      if (token) headers.Authorization = `Bearer ${token}`;
      if (payload) {
        headers['Content-Type'] = 'application/json';
        headers['Content-Length'] = payload.length;
      }
      let settled = false;
      let sentAt;
      let answered = false;
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        answered = true;
        const chunks = [];
        res.on('data', (chunk) => { if (parse === 'json' || parse === 'text') chunks.push(chunk); });
        res.on('end', () => {
          let json = null;
          if (parse === 'json' && chunks.length) {
            try { json = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { json = null; }
          }
          const text = parse === 'text' ? Buffer.concat(chunks).toString('utf8') : undefined;
          finish({ status: res.statusCode, json, text });
        });
        res.on('error', (error) => finish({ status: 0, error: error.code ?? error.message }));
      });
      const finish = (result) => {
        if (settled) return;
        settled = true;
        resolve({ ...result, sentAt: sentAt ?? performance.now(), reused: req.reusedSocket, answered });
      };
      req.on('finish', () => { sentAt = performance.now(); });
      req.setTimeout(this.timeoutMs, () => { req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })); });
      req.on('error', (error) => finish({ status: 0, error: error.code ?? error.message }));
      if (payload) req.write(payload);
      req.end();
    });
  }

  close() { this.agent.destroy(); }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// [SECTION] accounts -----------------------------------------------------------

// Signs in as a browser would, sending the device token of an earlier sign-in
// when there is one (a known device is counted on its own by the throttle).
export async function signIn(api, account) {
  const body = { email: account.email, password: DEMO_PASSWORD };
  if (account.device) body.device = account.device;
  const reply = await api.request('POST', '/api/login', { body });
  if (reply.status === 200) {
    account.token = reply.json.token;
    account.device = reply.json.device_token;
    account.id = reply.json.user_id;
  }
  return reply;
}

// Every active user of the demo school of one role, as the administrator lists them.
async function listUsers(api, adminToken, role) {
  const reply = await api.request('GET', `/api/users?role=${role}&limit=200`, { token: adminToken });
  if (reply.status !== 200) throw new Error(`GET /api/users?role=${role} answered ${reply.status}`);
  return reply.json.filter((user) => user.active).map((user) => ({ email: user.email, id: user.id, role, name: user.name }));
}

// The demo school's students, parents and teachers as its administrator
// lists them; only the administrator is signed in.
export async function demoAccounts(api) {
  const admin = { email: 'admin@demo.learnloop.test' };
  const reply = await signIn(api, admin);
  if (reply.status !== 200) throw new Error(`the demo administrator could not sign in (${reply.status} ${reply.error ?? ''})`);
  return {
    admin,
    students: await listUsers(api, admin.token, 'student'),
    parents: await listUsers(api, admin.token, 'parent'),
    teachers: await listUsers(api, admin.token, 'teacher'),
  };
}

// Signs the accounts in, a few at a time: every sign-in hashes with Argon2id
// (64 MiB), one per core, and takes seconds on a busy machine.
export async function signInAll(api, accounts, { parallel = 2 } = {}) {
  const queue = [...accounts];
  const worker = async () => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      const answer = await signIn(api, account);
      if (answer.status !== 200) throw new Error(`${account.email} could not sign in (${answer.status} ${answer.error ?? ''})`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

// Every account of the demo school, each signed in.
export async function demoSchool(api) {
  const school = await demoAccounts(api);
  await signInAll(api, [...school.students, ...school.parents, ...school.teachers]);
  return school;
}

// [SECTION] answers ------------------------------------------------------------

// An answer in the shape the task's kind asks for, read from the task JSON as
// the browser reads it (tests/server/test_mastery_api.cpp has the same pair):
// right when `right`, else one that scores 0. Both are well-formed, so the
// server grades and stores either.
export function answerFor(task, right) {
  switch (task.kind) {
    case 'single_choice': {
      const index = task.options.findIndex((option) => Boolean(option.correct) === right);
      return { choice: index >= 0 ? index : 0 };
    }
    case 'multiple_select': {
      const correct = task.options.flatMap((option, i) => (option.correct ? [i] : []));
      const wrong = task.options.flatMap((option, i) => (option.correct ? [] : [i]));
      return { choices: right || wrong.length === 0 ? correct : wrong };
    }
    case 'numeric':
      return { value: right ? task.answer : task.answer + 100 };
    case 'short_text':
      return { text: right ? task.answers[0] : 'definitely not it' };
    case 'cloze':
      return { gaps: task.gaps.map((gap) => (right ? gap[0] : 'zzz')) };
    case 'ordering': {
      const order = [...task.correct_order];
      if (!right) order.push(order.shift());   // rotated by one: no item in its place
      return { order };
    }
    case 'quantitative_comparison': {
      const other = ['a_greater', 'b_greater', 'equal', 'cannot_determine'].find((choice) => choice !== task.answer);
      return { choice: right ? task.answer : other };
    }
    default:
      throw new Error(`no answer known for a task of kind ${task.kind}`);
  }
}

// Client ids as the browser makes them: unique per answer, 8-64 of [A-Za-z0-9_-].
let clientCounter = 0;
const clientPrefix = `${process.pid.toString(36)}-${Date.now().toString(36)}`;
export function clientId() {
  clientCounter += 1;
  return `${clientPrefix}-${clientCounter.toString(36)}`;
}

// [SECTION] measures -----------------------------------------------------------

// The q-quantile (0..1) of an array of numbers, by nearest rank.
export function percentile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function statusField(pid, field) {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;   // the process ended between listing and reading
  }
}

// Resident memory of one process in KiB (0 when it is gone).
export function rssOf(pid) { return statusField(pid, 'VmRSS'); }

// One PostgreSQL process's memory split at its shared memory segment (the
// shared buffers, mapped as "/dev/zero (deleted)", and the small System V
// segment): { segment: the segment's resident KiB, other: PSS of everything
// else (its own heap, caches and work memory, its share of the binary) }.
function postgresProcessMemory(pid) {
  let text;
  try { text = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8'); } catch { return { segment: 0, other: 0 }; }
  let inSegment = false;
  let segment = 0;
  let other = 0;
  for (const line of text.split('\n')) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) {
      const name = line.split(/\s+/).slice(5).join(' ');
      inSegment = name === '/dev/zero (deleted)' || name.startsWith('/SYSV');
    } else if (inSegment && line.startsWith('Rss:')) {
      segment += Number(line.split(/\s+/)[1]);
    } else if (!inSegment && line.startsWith('Pss:')) {
      other += Number(line.split(/\s+/)[1]);
    }
  }
  return { segment, other };
}

// The postmaster and every process it started: `rss` sums their RSS (the
// shared buffers counted once per process that touched them, so it climbs as
// the data grows with no leak), `shared` is the part of the shared segment in
// use (bounded by shared_buffers), `other` the PostgreSQL memory outside it
// (where a leak would show).
export function postgresMemory(dataDir) {
  let postmaster;
  try {
    postmaster = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return { processes: 0, rss: 0, shared: 0, other: 0 };
  }
  const pids = [postmaster];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command may contain spaces and parentheses: the fields after the last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch { /* gone */ }
  }
  let rss = 0;
  let shared = 0;
  let other = 0;
  for (const pid of pids) {
    rss += rssOf(pid);
    const memory = postgresProcessMemory(pid);
    shared = Math.max(shared, memory.segment);
    other += memory.other;
  }
  return { processes: pids.length, rss, shared, other };
}

export const mib = (kib) => (kib / 1024).toFixed(1);
