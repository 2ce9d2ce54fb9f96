import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../testing/harness';
import { CHILD_TABLES } from './child-merge';

describe('child merge', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('moves every table of the database that has a child_id', async () => {
    const tables = await server.database.db.introspection.getTables();
    const withChild = tables
      .filter((t) => t.columns.some((c) => c.name === 'child_id'))
      .map((t) => t.name)
      .sort();
    assert.deepEqual(withChild, Object.keys(CHILD_TABLES).sort());
  });
});
