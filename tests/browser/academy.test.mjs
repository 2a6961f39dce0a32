// Browser test of the demo academy (Summit Test Prep) on its own server and
// database, seeded by the full demo: the checks are in academy.checks.mjs
// (the exam bank, a student's courses and quizzes, the tutor, an
// instructor's quiz form, restoring a deleted course, a student's study plan
// and a parent's summary).
import { createRunner, startDatabase, startServer, stopAll } from './harness.mjs';
import { academyChecks, academyStaffChecks, studyChecks } from './academy.checks.mjs';

const { check, fail, finish } = createRunner();

try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  await academyChecks({ server, check });
  await academyStaffChecks({ server, check });
  await studyChecks({ server, check });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
  finish();
}
