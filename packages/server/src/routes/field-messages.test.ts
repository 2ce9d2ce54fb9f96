// Every validation rule's failing value, sent through the real server in both languages: each
// answer names the field with its code, and no message keeps a `{placeholder}` unfilled.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorCode, ErrorResponse } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

type Caller = 'public' | 'parent' | 'admin';

interface Case {
  readonly caller: Caller;
  readonly method: string;
  readonly path: string;
  readonly body?: Record<string, unknown>;
  readonly query?: Record<string, string>;
  /** The field and code the answer must carry. */
  readonly field: string;
  readonly code: ErrorCode;
  /** The Russian message in full, where the case is about a filled-in limit. */
  readonly ru?: string;
}

const registration = {
  phone: '+7 999 555-07-01',
  password: 'parol-2026',
  lastName: 'Новикова',
  firstName: 'Светлана',
  snils: '112-233-445 95',
  passport: '45 12 345678',
};
const child = { lastName: 'Смирнова', firstName: 'Анна', birthDate: '2015-03-14', sex: 'female' };
const maria = DEMO.children.maria.id;
const register = (change: Record<string, unknown>) =>
  ({
    caller: 'public',
    method: 'POST',
    path: '/api/v1/auth/register',
    body: { ...registration, ...change },
  }) as const;
const createChild = (change: Record<string, unknown>) =>
  ({
    caller: 'parent',
    method: 'POST',
    path: '/api/v1/children',
    body: { ...child, ...change },
  }) as const;
const link = (change: Record<string, unknown>) =>
  ({
    caller: 'parent',
    method: 'POST',
    path: `/api/v1/children/${maria}/school-links`,
    body: { schoolCode: DEMO.schools.school42.code, rosterId: 'R42-5A-01', ...change },
  }) as const;
const news = (query: Record<string, string>) =>
  ({
    caller: 'parent',
    method: 'GET',
    path: `/api/v1/schools/${DEMO.schools.school42.id}/news`,
    query,
  }) as const;
const recovery = (change: Record<string, unknown>) =>
  ({
    caller: 'public',
    method: 'POST',
    path: '/api/v1/auth/recovery/complete',
    body: { challengeId: 'chl_none', code: '123456', newPassword: 'parol-2026', ...change },
  }) as const;

const CASES: readonly Case[] = [
  { ...register({ password: '' }), field: 'password', code: 'required' },
  {
    ...register({ password: 'abc1' }),
    field: 'password',
    code: 'too_short',
    ru: 'Пароль должен быть не короче 8 символов',
  },
  {
    ...register({ password: 'a1'.repeat(65) }),
    field: 'password',
    code: 'too_long',
    ru: 'Пароль должен быть не длиннее 128 символов',
  },
  { ...register({ password: 'password' }), field: 'password', code: 'weak_password' },
  {
    ...register({ lastName: 'а'.repeat(61) }),
    field: 'lastName',
    code: 'too_long',
    ru: 'Фамилия должна быть не длиннее 60 символов',
  },
  { ...register({ lastName: 'Ivanova' }), field: 'lastName', code: 'latin_letters' },
  { ...register({ firstName: 'Анна2' }), field: 'firstName', code: 'invalid_characters' },
  { ...register({ middleName: 'Петро--вич' }), field: 'middleName', code: 'format' },
  {
    ...register({ middleName: 'б'.repeat(61) }),
    field: 'middleName',
    code: 'too_long',
    ru: 'Отчество должно быть не длиннее 60 символов',
  },
  { ...register({ snils: '112-233-445 96' }), field: 'snils', code: 'checksum' },
  { ...register({ snils: '123' }), field: 'snils', code: 'format' },
  { ...register({ passport: '12' }), field: 'passport', code: 'format' },
  { ...register({ phone: '+7 499 123-45-67' }), field: 'phone', code: 'not_mobile' },
  { ...register({ phone: 'телефон' }), field: 'phone', code: 'format' },
  { ...register({ email: 'name' }), field: 'email', code: 'format' },
  { ...register({ email: `${'a'.repeat(250)}@example.ru` }), field: 'email', code: 'too_long' },
  {
    ...recovery({ newPassword: 'abc1' }),
    field: 'newPassword',
    code: 'too_short',
    ru: 'Пароль должен быть не короче 8 символов',
  },
  { ...recovery({ code: '12' }), field: 'code', code: 'format' },
  {
    ...createChild({ birthDate: '1990-01-01' }),
    field: 'birthDate',
    code: 'too_old',
    ru: 'Проверьте дату рождения: ребёнок старше школьного возраста (максимум полных лет: 18)',
  },
  { ...createChild({ birthDate: '2025-01-01' }), field: 'birthDate', code: 'too_young' },
  { ...createChild({ birthDate: '2030-01-01' }), field: 'birthDate', code: 'future_date' },
  { ...createChild({ birthDate: '2015-02-30' }), field: 'birthDate', code: 'impossible_date' },
  { ...createChild({ birthDate: 'вчера' }), field: 'birthDate', code: 'format' },
  { ...createChild({ sex: 'x' }), field: 'sex', code: 'invalid_option' },
  { ...createChild({ sex: undefined }), field: 'sex', code: 'required' },
  { ...createChild({ inn: '123' }), field: 'inn', code: 'format' },
  { ...createChild({ birthCertificate: 'АБ 123456' }), field: 'birthCertificate', code: 'format' },
  {
    ...link({ rosterId: 'R4' }),
    field: 'rosterId',
    code: 'too_short',
    ru: 'Номер ученика должен быть не короче 4 символов',
  },
  {
    ...link({ rosterId: 'R'.repeat(21) }),
    field: 'rosterId',
    code: 'too_long',
    ru: 'Номер ученика должен быть не длиннее 20 символов',
  },
  { ...link({ rosterId: 'Р42 5А' }), field: 'rosterId', code: 'format' },
  { ...link({ schoolCode: '12' }), field: 'schoolCode', code: 'format' },
  {
    caller: 'parent',
    method: 'PUT',
    path: `/api/v1/children/${maria}/thresholds`,
    body: { threshold: 7 },
    field: 'threshold',
    code: 'too_big',
    ru: 'Значение должно быть не больше 5',
  },
  {
    caller: 'parent',
    method: 'PUT',
    path: `/api/v1/children/${maria}/thresholds`,
    body: { threshold: 1 },
    field: 'threshold',
    code: 'too_small',
    ru: 'Значение должно быть не меньше 2',
  },
  {
    ...news({ pageSize: '500' }),
    field: 'pageSize',
    code: 'too_big',
    ru: 'Значение должно быть не больше 100',
  },
  { ...news({ page: '0' }), field: 'page', code: 'too_small' },
  {
    caller: 'parent',
    method: 'POST',
    path: '/api/v1/support/tickets',
    body: { subject: 'т'.repeat(201), text: 'Не открывается дневник' },
    field: 'subject',
    code: 'too_long',
    ru: 'Значение должно быть не длиннее 200 символов',
  },
  {
    caller: 'parent',
    method: 'GET',
    path: `/api/v1/children/${maria}/grades`,
    query: { from: '2026-12-01', to: '2026-11-01' },
    field: 'to',
    code: 'date_order',
  },
  {
    caller: 'parent',
    method: 'GET',
    path: `/api/v1/children/${maria}/grades`,
    query: { from: '01.11.2026' },
    field: 'from',
    code: 'format',
    ru: 'Введите дату в формате ГГГГ-ММ-ДД, например 2026-09-01',
  },
  {
    caller: 'parent',
    method: 'GET',
    path: `/api/v1/classes/${DEMO.children.maria.classId}/timetable`,
    query: { week: '48' },
    field: 'week',
    code: 'format',
    ru: 'Введите неделю в формате ГГГГ-Wнн, например 2026-W48',
  },
  {
    caller: 'parent',
    method: 'POST',
    path: '/api/v1/applications',
    body: { childId: maria, schoolYear: '2026-2027' },
    field: 'schoolYear',
    code: 'format',
    ru: 'Введите учебный год в формате ГГГГ/ГГГГ, например 2026/2027',
  },
  {
    caller: 'parent',
    method: 'POST',
    path: `/api/v1/children/${maria}/notes`,
    body: { date: '2026/11/20', kind: 'success', text: 'Заметка' },
    field: 'date',
    code: 'format',
    ru: 'Введите дату в формате ГГГГ-ММ-ДД, например 2026-09-01',
  },
];

const CYRILLIC = /[а-яё]/i;

describe('field messages through the server', () => {
  let server: TestServer;
  const tokens = new Map<Caller, string | undefined>();
  before(async () => {
    server = await startTestServer();
    tokens.set('public', undefined);
    tokens.set('parent', (await server.login(DEMO.users.parentIvanova.phone)).accessToken);
    tokens.set('admin', (await server.login(DEMO.users.admin42.phone)).accessToken);
  });
  after(() => server.close());

  for (const c of CASES) {
    it(`answers ${c.field} ${c.code} with a filled-in message in Russian and English`, async () => {
      for (const lang of ['ru', 'en-GB,en;q=0.9']) {
        const res = await server.call<ErrorResponse>(c.method, c.path, {
          token: tokens.get(c.caller),
          lang,
          ...(c.body ? { body: c.body } : {}),
          ...(c.query ? { query: c.query } : {}),
        });
        assert.equal(res.status, 400, res.text);
        const field = res.body.error.fields.find((f) => f.path === c.field);
        assert.ok(field, `${c.field} in ${res.text}`);
        assert.equal(field.code, c.code, res.text);
        for (const message of [
          res.body.error.message,
          ...res.body.error.fields.map((f) => f.message),
        ]) {
          assert.doesNotMatch(message, /[{}]/, `${lang}: ${message}`);
          assert.equal(CYRILLIC.test(message.replace('IV-АБ', '')), lang === 'ru', message);
        }
        if (c.ru && lang === 'ru') assert.equal(field.message, c.ru);
      }
    });
  }
});
