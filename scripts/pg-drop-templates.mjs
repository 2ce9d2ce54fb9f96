#!/usr/bin/env node
// Drops the template databases one PostgreSQL test run made (and copies a crashed run left):
//   node scripts/pg-drop-templates.mjs postgres://… RUN_ID
import pg from 'pg';

const [url, runId] = process.argv.slice(2);
if (!url || !runId) {
  console.error('usage: pg-drop-templates.mjs URL RUN_ID');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const { rows } = await client.query(
    "select datname from pg_database where datname like $1 or datname like 'diary\\_t\\_%'",
    [`diary\\_tpl\\_${runId}\\_%`],
  );
  for (const { datname } of rows)
    await client.query(`drop database if exists "${datname.replace(/"/g, '""')}" with (force)`);
} finally {
  await client.end();
}
