// Browser test of the demo academy (Summit Test Prep) on its own server and
// database, seeded by the full demo: the checks are in academy.checks.mjs
// (the exam bank, a student's courses and quizzes, the tutor, an
// instructor's quiz form and a quiz's results, restoring a deleted course;
// the study plan and the parent's summary are study.test.mjs's).
import { createRunner, startDatabase, startServer, stopAll } from './harness.mjs';
import { academyChecks, academyStaffChecks } from './academy.checks.mjs';

const { check, fail, finish } = createRunner();

try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  await academyChecks({ server, check });
  await academyStaffChecks({ server, check });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
  finish();
}
