import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../../seed/demo';
import { startTestServer, type TestServer } from '../../testing/harness';
import { rosterRecordsMigration } from './032-roster-records';

const ANNA = DEMO.unlinkedRoster;

describe('migration 032: a record for every pupil on a roster', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  /** Current roster entries with no child linked by their roster id and placed at their school. */
  const withoutRecord = async () => {
    const db = server.database.db;
    const entries = await db
      .selectFrom('roster')
      .select(['school_id', 'roster_id'])
      .where('left_at', 'is', null)
      .execute();
    const held = await db
      .selectFrom('school_links')
      .innerJoin('children', 'children.id', 'school_links.child_id')
      .select(['school_links.school_id', 'school_links.roster_id'])
      .whereRef('children.school_id', '=', 'school_links.school_id')
      .execute();
    const keys = new Set(held.map((h) => `${h.school_id}|${h.roster_id}`));
    return entries.filter((e) => !keys.has(`${e.school_id}|${e.roster_id}`));
  };

  it('links the records a school already keeps and makes the missing ones, once', async () => {
    const db = server.database.db;
    assert.deepEqual(await withoutRecord(), [], 'the seed follows the model');
    // A database from before 032: classmates kept without a link, Анна without a record.
    const classmate = 'chd_cls_42_5a_pupil_02';
    await db.deleteFrom('school_links').where('child_id', '=', classmate).execute();
    await db.deleteFrom('school_links').where('child_id', '=', ANNA.recordId).execute();
    await db.deleteFrom('children').where('id', '=', ANNA.recordId).execute();
    assert.equal((await withoutRecord()).length, 2);

    await rosterRecordsMigration.up(db);
    assert.deepEqual(await withoutRecord(), []);
    const adopted = await db
      .selectFrom('school_links')
      .select('child_id')
      .where('roster_id', 'in', (eb) =>
        eb
          .selectFrom('roster')
          .select('roster_id')
          .where('id', '=', `ros_${classmate.slice(4)}`),
      )
      .execute();
    assert.deepEqual(
      adopted.map((l) => l.child_id),
      [classmate],
    );
    const anna = await db
      .selectFrom('children')
      .innerJoin('school_links', 'school_links.child_id', 'children.id')
      .select(['children.class_id', 'children.created_by', 'children.sex'])
      .where('school_links.roster_id', '=', ANNA.rosterId)
      .execute();
    assert.deepEqual(anna, [
      { class_id: ANNA.classId, created_by: DEMO.users.admin42.id, sex: '' },
    ]);

    const children = await db.selectFrom('children').select('id').execute();
    await rosterRecordsMigration.up(db);
    assert.equal((await db.selectFrom('children').select('id').execute()).length, children.length);
  });
});
