// Browser test of the demo academy's study plans and rubric-marked course
// work on a server and database of their own, seeded by the full demo
// (academy.checks.mjs, studyChecks and rubricChecks): a student sets an exam
// day and reads the plan, a parent reads a child's week; an instructor builds
// a rubric and marks work with it, a student reads the marks; a student finds
// their place on a course's leaderboard, which its instructor turns off.
// Apart from the academy's other checks (and from courses.test.mjs) so that
// each stays within its time.
import { createRunner, startDatabase, startServer, stopAll } from './harness.mjs';
import { leaderboardChecks, rubricChecks, studyChecks } from './academy.checks.mjs';

const { check, fail, finish } = createRunner();
const only = process.env.LEARNLOOP_CHECKS;   // "study", "rubric" or "leaderboard": one group, while working on it

try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  if (!only || only === 'study') await studyChecks({ server, check });
  if (!only || only === 'rubric') await rubricChecks({ server, check });
  if (!only || only === 'leaderboard') await leaderboardChecks({ server, check });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
  finish();
}
