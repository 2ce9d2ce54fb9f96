import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../messages/field-errors.js';
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  auditActionSchema,
  isAuditAction,
} from './audit-actions.js';
import { auditEntrySchema, auditQuerySchema } from './audit.js';

const entry = {
  id: 'aud_1',
  at: '2026-12-07T08:00:00.000Z',
  ip: '127.0.0.1',
  outcome: 'success',
};

describe('audit action codes', () => {
  it('lists each code once, in exactly one group, shaped `group.operation`', () => {
    const grouped = Object.values(AUDIT_ACTION_GROUPS).flat();
    assert.deepEqual(AUDIT_ACTIONS, grouped);
    assert.equal(new Set(AUDIT_ACTIONS).size, AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) assert.match(action, /^[a-z_]+\.[a-z_]+$/, action);
  });

  it('is exactly what the entry and the query schemas accept', () => {
    for (const action of AUDIT_ACTIONS) {
      assert.equal(auditActionSchema.safeParse(action).success, true, action);
      assert.equal(auditEntrySchema.safeParse({ ...entry, action }).success, true, action);
      assert.equal(auditQuerySchema.safeParse({ action }).success, true, action);
      assert.equal(isAuditAction(action), true, action);
    }
    for (const other of ['auth', 'auth.unknown', 'AUTH.LOGIN', '', 'marks.created']) {
      assert.equal(auditEntrySchema.safeParse({ ...entry, action: other }).success, false, other);
      assert.equal(auditQuerySchema.safeParse({ action: other }).success, false, other);
      assert.equal(isAuditAction(other), false, other);
    }
  });

  it('answers an unknown action in the query with a field error in both languages', () => {
    const ru = validate(auditQuerySchema, { action: 'auth.unknown' }, 'ru');
    const en = validate(auditQuerySchema, { action: 'auth.unknown' }, 'en');
    assert.equal(ru.ok, false);
    assert.equal(en.ok, false);
    if (ru.ok || en.ok) return;
    assert.deepEqual(
      ru.errors.map((e) => [e.path, e.code]),
      [['action', 'invalid_option']],
    );
    assert.match(ru.errors[0]?.message ?? '', /Журнал действий не знает такого действия/);
    assert.match(en.errors[0]?.message ?? '', /The audit log has no such action/);
  });
});
