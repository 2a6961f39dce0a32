// API test (no browser): the server's OpenAPI document. It must validate
// against the OpenAPI 3.1 schema, list every route with its permission
// action, and describe truthfully what the server answers: each GET route is
// called as each demo user and every 200 body is checked against the
// document's own response schema.
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import { apiLogin, createRunner, fetchOnce, startDatabase, startServer, stopAll } from './harness.mjs';

const { check, fail, finish } = createRunner();
const password = 'learnloop-demo-2026';

try {
  const database = await startDatabase();
  const server = await startServer(database.url);
  const response = await fetch(`${server.base}/api/openapi.json`);
  const doc = await response.json();
  if (process.env.LEARNLOOP_DUMP_OPENAPI) (await import("node:fs")).writeFileSync(process.env.LEARNLOOP_DUMP_OPENAPI, JSON.stringify(doc, null, 1));

  await check('GET /api/openapi.json answers 200 with an OpenAPI 3.1 document', async () => {
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /application\/json/);
    assert.equal(doc.openapi, '3.1.0');
  });

  await check('the document validates against the OpenAPI 3.1 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  });

  await check('every operation has a summary, tags and responses; authenticated ones name bearer auth', async () => {
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations++;
        assert.ok(op.summary, `${method} ${path} has a summary`);
        assert.ok(op.tags?.length === 1, `${method} ${path} has its area as tag`);
        assert.ok(Object.keys(op.responses).some((s) => s.startsWith('2') || s === '303'), `${method} ${path} has a success response (or sends the caller on: 303)`);
        if (op['x-permission-action'])
          assert.deepEqual(op.security, [{ bearer: [] }], `${method} ${path} needs a bearer token`);
        if (['post', 'put', 'patch'].includes(method) && op.requestBody)
          assert.ok(op.responses['400'], `${method} ${path} documents 400`);
      }
    }
    assert.ok(operations >= 40, `the document lists the API (${operations} operations)`);
  });

  await check('every 200 body a demo user gets from a GET route matches its documented schema', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ $id: 'openapi', components: doc.components });
    const tokens = {};
    for (const role of ['admin', 'teacher', 'student', 'parent'])
      tokens[role] = await apiLogin(server, `${role}@demo.learnloop.test`, password);
    const get = async (role, path) => {
      const reply = await fetchOnce(`${server.base}${path}`, { headers: { Authorization: `Bearer ${tokens[role]}` } });
      return { status: reply.status, type: reply.headers.get('content-type') ?? '', body: await reply.text() };
    };
    // Ids to fill {id} with: the demo's first assignment and class.
    const firstId = async (path) => JSON.parse((await get('admin', path)).body)[0]?.id;
    const ids = { assignments: await firstId('/api/assignments'), classes: await firstId('/api/classes') };
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = item.get;
      if (!op) continue;
      let url = path;
      if (path.includes('{')) {
        const area = path.split('/')[2];
        if (!ids[area] || path.split('{').length > 2) continue;
        url = path.replace('{id}', String(ids[area]));
      }
      const schema = op.responses['200']?.content?.['application/json']?.schema;
      for (const role of Object.keys(tokens)) {
        const reply = await get(role, url);
        if (reply.status !== 200 || !schema || !reply.type.includes('application/json')) continue;
        const validate = ajv.compile({ $ref: `openapi${schema.$ref.replace('#', '#')}` });
        const body = JSON.parse(reply.body);
        assert.ok(validate(body), `GET ${url} as ${role}: ${ajv.errorsText(validate.errors)}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `responses checked against the document (${checked})`);
  });
} catch (error) {
  fail(error);
} finally {
  await stopAll();
}
finish();
