// Browser test of the demo academy's course rosters and join codes on a
// server and database of their own, seeded by the full demo
// (academy.checks.mjs, rosterChecks and joinChecks): an instructor reads a
// course's students with their hand-ins, opens one's plan, takes a student
// out after a confirmation and enrols them again found by part of a name;
// replaces a course's join code, and a student on a phone types another
// course's code in lower case to enrol herself. Apart from the academy's
// other checks so that each stays within its time.
import { createRunner, startDatabase, startServer, stopAll } from './harness.mjs';
import { joinChecks, rosterChecks } from './academy.checks.mjs';

const { check, fail, finish } = createRunner();
const only = process.env.LEARNLOOP_CHECKS;   // "roster" or "join": one group, while working on it

try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  if (!only || only === 'roster') await rosterChecks({ server, check });
  if (!only || only === 'join') await joinChecks({ server, check });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
  finish();
}
