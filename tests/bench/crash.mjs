// The crash test's driver (scripts/crash-test): writers that keep the demo school busy with acknowledged
// writes while the server and PostgreSQL's postmaster are killed with SIGKILL and restarted, round after round;
// then SQL shows whether every acknowledged write is in the database. Prints a Markdown report; exits 1 when
// a write acknowledged with 2xx is missing, a request was answered 500 (or anything but 2xx, 503 and 429), a
// kill was not recovered from, or the audit chain does not verify.
//
// Environment (set by scripts/crash-test): HTTP_PORT, SERVER_BIN, DATABASE_URL, PG_DATA_DIR, PG_PORT, DB_SCRIPT,
// CLI, STATE_DIR (server log, pid file, acknowledged.jsonl, failed.jsonl), ROUNDS; optional STEADY_SECONDS
// (load between kills, default 10), RECOVERY_LIMIT_SECONDS (default 60), PRACTISING (8) and SUBMITTING (4)
// students.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Api, answerFor, clientId, demoAccounts, signInAll, sleep } from './load.mjs';

// [SECTION] settings -----------------------------------------------------------

const env = process.env;
const rounds = Number(env.ROUNDS ?? 5);
const steadyMs = Number(env.STEADY_SECONDS ?? 10) * 1000;
const recoveryLimitMs = Number(env.RECOVERY_LIMIT_SECONDS ?? 60) * 1000;
const port = Number(env.HTTP_PORT);
const stateDir = env.STATE_DIR;
for (const name of ['HTTP_PORT', 'SERVER_BIN', 'DATABASE_URL', 'PG_DATA_DIR', 'PG_PORT', 'DB_SCRIPT', 'CLI', 'STATE_DIR']) {
  if (!env[name]) {
    console.error(`crash: ${name} is not set; run it through scripts/crash-test`);
    process.exit(2);
  }
}
const base = `http://127.0.0.1:${port}`;
const ackLog = fs.openSync(path.join(stateDir, 'acknowledged.jsonl'), 'w');
const failLog = fs.openSync(path.join(stateDir, 'failed.jsonl'), 'w');
const started = performance.now();
const since = () => Math.round(performance.now() - started);

// [SECTION] the server and the cluster -------------------------------------------

let server = null;

async function healthy(limitMs) {
  const probe = new Api(base, { timeoutMs: 2000 });
  try {
    for (const until = performance.now() + limitMs; performance.now() < until; await sleep(50)) {
      const reply = await probe.request('GET', '/api/health', { parse: 'drain' });
      if (reply.status === 200) return true;
    }
    return false;
  } finally {
    probe.close();
  }
}

async function startServer() {
  const log = fs.openSync(path.join(stateDir, 'server.log'), 'a');
  // Request lines (stdout) and errors (stderr) both go to server.log: how long
  // a request failed during an outage took shows there.
  const child = spawn(env.SERVER_BIN, ['--port', String(port)], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  // The pid file lets scripts/crash-test stop a server this driver left
  // behind; it goes with the process, so no other process is ever signalled.
  const pidFile = path.join(stateDir, 'server.pid');
  fs.writeFileSync(pidFile, String(child.pid));
  const exited = new Promise((resolve) => child.once('exit', () => {
    if (fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') === String(child.pid)) fs.unlinkSync(pidFile);
    resolve();
  }));
  server = { child, exited };
  if (!(await healthy(recoveryLimitMs))) throw new Error('learnloop-server did not become healthy');
}

async function killServer() {
  server.child.kill('SIGKILL');
  await server.exited;
}

function postmasterPid() {
  return Number(fs.readFileSync(path.join(env.PG_DATA_DIR, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] !== 'Z';
  } catch {
    return false;
  }
}

// Runs a command without blocking the event loop: the writers' replies and
// timers must keep running while the cluster starts.
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', (error) => resolve({ status: -1, stdout, stderr: error.message }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function clusterAnswers() {
  const result = await run('psql', ['-h', '127.0.0.1', '-p', env.PG_PORT, '-U', 'postgres', '-d', 'learnloop', '-XAtc', 'SELECT 1']);
  return result.status === 0 && result.stdout.trim() === '1';
}

// Starts the cluster again with scripts/db start. The first tries can fail
// while backends of the killed postmaster still hold its shared memory; they
// leave as soon as they notice their parent is gone.
async function restartCluster() {
  const until = performance.now() + recoveryLimitMs;
  let attempts = 0;
  while (performance.now() < until) {
    attempts += 1;
    const result = await run(env.DB_SCRIPT, ['start', env.PG_DATA_DIR, env.PG_PORT]);
    if (result.status === 0 && (await clusterAnswers())) return attempts;
    // Kept for the record: scripts/db start answers 0 without starting while
    // pg_ctl still sees the killed postmaster (not yet reaped by init).
    fs.writeSync(failLog, `${JSON.stringify({ event: 'cluster start retried', at: since(), status: result.status,
      said: (result.stderr || result.stdout).trim().slice(0, 300) })}\n`);
    await sleep(200);
  }
  throw new Error('PostgreSQL did not start again; see its server.log');
}

function sql(query) {
  const result = spawnSync('psql', ['-h', '127.0.0.1', '-p', env.PG_PORT, '-U', 'postgres', '-d', 'learnloop', '-XAtq',
    '-v', 'ON_ERROR_STOP=1', '-c', `SELECT coalesce(json_agg(t), '[]') FROM (${query}) t`], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

// [SECTION] writers -----------------------------------------------------------------

const acknowledged = { answer: 0, set: 0, assignment: 0, submission: 0, grade: 0 };
const failures = new Map();   // 'kind status' -> count
const failureLog = [];        // { at, kind, key } for placing failures in outages
const serverErrors = [];
let lastAckAt = 0;
let stopping = false;

function acknowledge(kind, record) {
  acknowledged[kind] += 1;
  lastAckAt = performance.now();
  fs.writeSync(ackLog, `${JSON.stringify({ kind, at: since(), ...record })}\n`);
}

function failed(kind, reply) {
  const key = reply.status ? String(reply.status) : reply.error;
  failures.set(key, (failures.get(key) ?? 0) + 1);
  failureLog.push({ at: performance.now(), key });
  fs.writeSync(failLog, `${JSON.stringify({ kind, at: since(), took: Math.round(reply.ms), status: reply.status, error: reply.error,
    body: reply.json ?? undefined })}\n`);
  // Expected while something is down: no answer (refused, reset) and 503.
  if (reply.status && reply.status !== 503 && reply.status !== 429)
    serverErrors.push(`${kind}: ${reply.status} ${JSON.stringify(reply.json)}`);
}

// Sends one write until it is acknowledged (or the run stops), as the app
// does: an answer keeps its client id across attempts, so an answer stored
// before its reply was lost comes back as a duplicate, not twice. A refusal
// (4xx) is not sent again: it is a finding, reported as unexpected.
async function untilAcknowledged(kind, api, method, urlPath, token, body) {
  while (!stopping) {
    const reply = await api.request(method, urlPath, { token, body });
    if (reply.status >= 200 && reply.status < 300) return reply;
    failed(kind, reply);
    if (reply.status >= 400 && reply.status < 500 && reply.status !== 429) return { refused: true };
    await sleep(100);
  }
  return null;
}

async function practiseWriter(api, student) {
  let tasks = [];
  while (!stopping) {
    if (tasks.length === 0) {
      const reply = await untilAcknowledged('set', api, 'POST', '/api/task-sets', student.token, {});
      if (!reply) return;
      if (reply.refused) { await sleep(1000); continue; }
      acknowledge('set', { id: reply.json.set_id, student: student.id });
      tasks = reply.json.tasks ?? [];
      if (tasks.length === 0) await sleep(1000);   // no targets assigned: nothing to practise
      continue;
    }
    const item = tasks.shift();
    const client = clientId();
    const reply = await untilAcknowledged('answer', api, 'POST', '/api/task-responses', student.token,
      { client_id: client, task_id: item.task_id, answer: answerFor(item.task, Math.random() < 0.7) });
    if (!reply) return;
    if (reply.refused) continue;
    acknowledge('answer', { client_id: client, task_id: item.task_id, duplicate: Boolean(reply.json?.duplicate) });
  }
}

// Hands in work for the newest assignment of the student's class, again and
// again (a resubmission updates the same submission until it is marked).
let submissionCounter = 0;
const submissionAttempts = [];   // { seq, student, assignment, content, acknowledged }
async function submitWriter(api, student, assignmentsOfClass) {
  while (!stopping) {
    const assignment = assignmentsOfClass();
    if (!assignment) { await sleep(100); continue; }
    submissionCounter += 1;
    const content = `crash-test submission ${submissionCounter} by ${student.id}`;
    const attempt = { seq: submissionCounter, student: student.id, assignment, content, acknowledged: false };
    submissionAttempts.push(attempt);
    const reply = await untilAcknowledged('submission', api, 'POST', `/api/assignments/${assignment}/submit`, student.token, { content });
    if (!reply) return;
    if (reply.refused) { await sleep(1000); continue; }
    attempt.acknowledged = true;
    acknowledge('submission', { id: reply.json.submission_id, assignment, student: student.id, content });
  }
}

// A teacher sets new work for a class and marks earlier work, in turn.
let markCounter = 0;
async function teacherWriter(api, teacher, classes, toMark, created) {
  for (let turn = 0; !stopping; turn += 1) {
    if (turn % 2 === 0) {
      const classId = classes[turn % classes.length];
      const title = `Crash test assignment ${teacher.id}-${turn}`;
      const due = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
      const reply = await untilAcknowledged('assignment', api, 'POST', '/api/assignments', teacher.token,
        { title, description: 'Set while the crash test runs.', due_date: `${due}T17:00:00`, class_id: classId });
      if (!reply) return;
      if (reply.refused) continue;
      acknowledge('assignment', { id: reply.json.assignment_id, title });
      created(classId, reply.json.assignment_id);
    } else if (toMark.length > 0) {
      markCounter += 1;
      const submission = toMark[markCounter % toMark.length];
      const feedback = `crash-test mark ${markCounter}`;
      const reply = await untilAcknowledged('grade', api, 'PUT', `/api/submissions/${submission}/grade`, teacher.token,
        { grade: markCounter % 101, feedback });
      if (!reply) return;
      if (reply.refused) continue;
      acknowledge('grade', { submission, feedback });
    }
    await sleep(20);
  }
}

// [SECTION] the run ---------------------------------------------------------------

await startServer();
const setupApi = new Api(base);
const school = await demoAccounts(setupApi);
const get = async (urlPath, token) => {
  const reply = await setupApi.request('GET', urlPath, { token });
  if (reply.status !== 200) throw new Error(`GET ${urlPath} answered ${reply.status || reply.error} during set-up`);
  return reply.json;
};
// Which class each student is in, as the administrator sees it, so only the
// writers need to sign in (each sign-in costs seconds of Argon2id here).
const classOf = new Map();
const classes = await get('/api/classes?limit=200', school.admin.token);
for (const c of classes)
  for (const member of await get(`/api/classes/${c.id}/members?limit=200`, school.admin.token)) classOf.set(member.id, c.id);
const students = school.students.filter((s) => classOf.has(s.id));
const practising = students.slice(0, Number(env.PRACTISING ?? 8));
const submitting = students.slice(practising.length, practising.length + Number(env.SUBMITTING ?? 4));
const teaching = school.teachers.filter((t) => classes.some((c) => c.teacher_id === t.id));
await signInAll(setupApi, [...practising, ...submitting, ...teaching]);
const teachers = [];
for (const teacher of teaching) {
  // Work handed in before the test (the demo's history) is what they re-mark;
  // the test's own submissions stay unmarked, so handing in never meets 409.
  const own = await get('/api/assignments?limit=200', teacher.token);
  const toMark = [];
  for (const assignment of own.slice(0, 4))
    toMark.push(...(await get(`/api/assignments/${assignment.id}/submissions?limit=200`, teacher.token)).map((s) => s.id));
  teachers.push({ teacher, classes: classes.filter((c) => c.teacher_id === teacher.id).map((c) => c.id), toMark });
}
const newest = new Map();   // class id -> newest assignment id set during the test
setupApi.close();

const api = new Api(base, { timeoutMs: 10000 });
const writers = [
  ...practising.map((s) => practiseWriter(api, s)),
  ...submitting.map((s) => submitWriter(api, s, () => newest.get(classOf.get(s.id)))),
  ...teachers.map(({ teacher, classes, toMark }) => teacherWriter(api, teacher, classes, toMark, (c, id) => newest.set(c, id))),
];
console.error(`crash: ${writers.length} writers (${practising.length} practising, ${submitting.length} handing in, ${teachers.length} teachers); ${rounds} rounds`);

async function awaitRecovery(after) {
  for (const until = performance.now() + recoveryLimitMs; performance.now() < until; await sleep(10))
    if (lastAckAt > after) return lastAckAt;
  return null;
}

const outcomes = [];
const outages = [];   // [kill, recovered] in performance.now() time
const unrecovered = [];
await sleep(steadyMs);
for (let round = 1; round <= rounds; round++) {
  for (const target of ['server', 'postgres']) {
    const before = { ...acknowledged };
    const killAt = performance.now();
    let restartAttempts = 1;
    if (target === 'server') {
      await killServer();
      await startServer();
    } else {
      const pid = postmasterPid();
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 100 && alive(pid); i++) await sleep(10);
      restartAttempts = await restartCluster();
    }
    const restartedAt = performance.now();
    const recoveredAt = await awaitRecovery(restartedAt);
    outages.push([killAt, recoveredAt ?? performance.now()]);
    const failedDuring = failureLog.filter((f) => f.at >= killAt && f.at <= (recoveredAt ?? performance.now()));
    const byKey = new Map();
    for (const f of failedDuring) byKey.set(f.key, (byKey.get(f.key) ?? 0) + 1);
    const outcome = {
      round, target, restartMs: restartedAt - killAt, restartAttempts,
      recoveredMs: recoveredAt === null ? null : recoveredAt - killAt,
      failed: [...byKey].map(([k, n]) => `${n} × ${k}`).join(', ') || 'none',
      ackedDuring: Object.values(acknowledged).reduce((a, b) => a + b, 0) - Object.values(before).reduce((a, b) => a + b, 0),
    };
    outcomes.push(outcome);
    if (recoveredAt === null) unrecovered.push(`${target} in round ${round}`);
    fs.writeSync(failLog, `${JSON.stringify({ event: `${target} killed`, round, at: Math.round(killAt - started), back: Math.round(restartedAt - started) })}\n`);
    console.error(`crash: round ${round}, ${target} killed: back in ${outcome.restartMs.toFixed(0)} ms, writes acknowledged again after ${outcome.recoveredMs?.toFixed(0) ?? 'never'} ms`);
    await sleep(steadyMs);
  }
}
stopping = true;
await Promise.all(writers);
api.close();
fs.closeSync(ackLog);

// [SECTION] verification ---------------------------------------------------------------

const acks = fs.readFileSync(path.join(stateDir, 'acknowledged.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const lost = { answer: [], set: [], assignment: [], submission: [], grade: [] };

const storedAnswers = new Set(sql('SELECT client_id, task_id FROM task_responses')
  .map((r) => `${r.client_id}/${r.task_id}`));
const storedSets = new Set(sql('SELECT id FROM task_sets').map((r) => r.id));
const storedAssignments = new Set(sql("SELECT id, title FROM assignments WHERE title LIKE 'Crash test %' AND deleted_at IS NULL")
  .map((r) => `${r.id}/${r.title}`));
const storedSubmissions = new Map(sql("SELECT id, assignment_id, student_id, content FROM submissions WHERE content LIKE 'crash-test %'")
  .map((r) => [r.id, r]));
const storedGrades = new Set(sql("SELECT submission_id, feedback FROM grade_history WHERE feedback LIKE 'crash-test %'")
  .map((r) => `${r.submission_id}/${r.feedback}`));

for (const ack of acks) {
  if (ack.kind === 'answer' && !storedAnswers.has(`${ack.client_id}/${ack.task_id}`)) lost.answer.push(ack);
  if (ack.kind === 'set' && !storedSets.has(ack.id)) lost.set.push(ack);
  if (ack.kind === 'assignment' && !storedAssignments.has(`${ack.id}/${ack.title}`)) lost.assignment.push(ack);
  if (ack.kind === 'grade' && !storedGrades.has(`${ack.submission}/${ack.feedback}`)) lost.grade.push(ack);
}
// A submission is one row a resubmission overwrites: an acknowledged one is
// kept when the row holds it or a text sent after it (whose reply may have
// been lost in an outage), never an older one.
const lastAck = new Map();
for (const ack of acks.filter((a) => a.kind === 'submission')) lastAck.set(ack.id, ack);
for (const [id, ack] of lastAck) {
  const row = storedSubmissions.get(id);
  const seqOf = (content) => Number(content.split(' ')[2]);
  const allowed = submissionAttempts.filter((a) => a.student === ack.student && a.assignment === ack.assignment
    && a.seq >= seqOf(ack.content)).map((a) => a.content);
  if (!row || !allowed.includes(row.content)) lost.submission.push({ ...ack, stored: row?.content ?? null });
}

const audit = spawnSync(env.CLI, ['audit', 'verify'], { encoding: 'utf8', env: process.env });

// [SECTION] report -------------------------------------------------------------------

const totalAcked = Object.values(acknowledged).reduce((a, b) => a + b, 0);
const totalLost = Object.values(lost).reduce((a, b) => a + b.length, 0);
const fiveHundreds = failures.get('500') ?? 0;
const out = [];
out.push('');
out.push(`### Crash test: ${rounds} rounds, ${writers.length} writers`);
out.push('');
out.push('| round | killed with SIGKILL | back (restart) | writes acknowledged again after | failed requests until then |');
out.push('|---|---|---|---|---|');
for (const o of outcomes) {
  const what = o.target === 'server' ? 'learnloop-server' : 'PostgreSQL postmaster';
  const restart = o.target === 'server' ? `${o.restartMs.toFixed(0)} ms (new process healthy)`
    : `${o.restartMs.toFixed(0)} ms (scripts/db start, ${o.restartAttempts} ${o.restartAttempts === 1 ? 'try' : 'tries'})`;
  out.push(`| ${o.round} | ${what} | ${restart} | ${o.recoveredMs === null ? '**not within the limit**' : `${o.recoveredMs.toFixed(0)} ms`} | ${o.failed} |`);
}
out.push('');
out.push('| write | acknowledged (2xx) | lost |');
out.push('|---|---|---|');
const names = { answer: 'answers (POST /api/task-responses, by client_id)', set: 'task sets (POST /api/task-sets, by set_id)',
  assignment: 'assignments (POST /api/assignments, by id and title)', submission: 'submissions (POST .../submit, by id and text)',
  grade: 'marks (PUT /api/submissions/{id}/grade, by feedback text)' };
for (const kind of Object.keys(names)) out.push(`| ${names[kind]} | ${acknowledged[kind]} | ${lost[kind].length} |`);
out.push(`| **all** | **${totalAcked}** | **${totalLost}** |`);
out.push('');
const outside = failureLog.filter((f) => !outages.some(([from, to]) => f.at >= from && f.at <= to)).length;
out.push(`Failed requests over the whole run (each was sent again until acknowledged): ${[...failures].map(([k, n]) => `${n} × ${k}`).join(', ') || 'none'}; 500: ${fiveHundreds}; outside the outages (kill to first acknowledged write): ${outside}.`);
out.push(`\`learnloop audit verify\` afterwards: ${audit.status === 0 ? 'every chain intact' : `**failed** (${(audit.stderr || audit.stdout).trim().split('\n')[0]})`}.`);
const problems = [];
if (totalLost > 0) problems.push(`${totalLost} acknowledged writes are missing`);
if (fiveHundreds > 0) problems.push(`${fiveHundreds} requests answered 500`);
if (serverErrors.some((e) => !e.includes(': 500 '))) problems.push('requests answered an unexpected status');
if (unrecovered.length) problems.push(`no acknowledged write within ${recoveryLimitMs / 1000} s after killing ${unrecovered.join(', ')}`);
if (audit.status !== 0) problems.push('the audit log does not verify');
if (serverErrors.length) {
  out.push('');
  out.push('Unexpected answers:');
  for (const line of serverErrors.slice(0, 10)) out.push(`- ${line}`);
}
for (const [kind, list] of Object.entries(lost))
  for (const ack of list.slice(0, 5)) out.push(`- lost ${kind}: ${JSON.stringify(ack)}`);
out.push('');
out.push(problems.length ? `**FAILED**: ${problems.join('; ')}.` : '**Passed**: every acknowledged write is in the database; no 500.');
console.log(out.join('\n'));
await killServer();
process.exit(problems.length ? 1 : 0);
