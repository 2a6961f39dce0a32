// Browser test of the demo academy's study plans on a server and database of
// its own, seeded by the full demo (academy.checks.mjs, studyChecks): a
// student sets an exam day and reads the plan, a parent reads a child's week.
// Apart from the academy's other checks so that each stays within its time.
import { createRunner, startDatabase, startServer, stopAll } from './harness.mjs';
import { studyChecks } from './academy.checks.mjs';

const { check, fail, finish } = createRunner();

try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  await studyChecks({ server, check });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
  finish();
}
