import assert from 'node:assert/strict';
import type { Challenge, Child, SchoolLink } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import type { TestServer } from './harness';

/** Анна of the demo: on school 42's roster, linked to no school and on no family's card. */
export const ANNA = DEMO.unlinkedRoster;

/** Анна's card, made and confirmed by SMS by the parent with this token and phone. */
export async function annaCard(server: TestServer, token: string, phone: string): Promise<Child> {
  const person = { lastName: ANNA.lastName, firstName: ANNA.firstName, birthDate: ANNA.birthDate };
  const created = await server.call<{ child: Child; challenge: Challenge }>(
    'POST',
    '/api/v1/children',
    { token, body: { ...person, sex: 'female' } },
  );
  assert.equal(created.status, 201, created.text);
  const code = await server.lastCode(phone);
  const confirmed = await server.call<Child>(
    'POST',
    `/api/v1/children/${created.body.child.id}/confirm`,
    { token, body: { challengeId: created.body.challenge.challengeId, code } },
  );
  assert.equal(confirmed.status, 200, confirmed.text);
  return confirmed.body;
}

/** Puts Анна on the lyceum's roster (7В) as its admin; returns her roster id there. */
export async function annaOnLyceumRoster(server: TestServer, adminToken: string): Promise<string> {
  const entry = await server.call<{ rosterId: string }>(
    'POST',
    `/api/v1/schools/${DEMO.schools.lyceum17.id}/roster`,
    {
      token: adminToken,
      body: {
        classId: DEMO.classes.c7v.id,
        lastName: ANNA.lastName,
        firstName: ANNA.firstName,
        birthDate: ANNA.birthDate,
      },
    },
  );
  assert.equal(entry.status, 201, entry.text);
  return entry.body.rosterId;
}

/** Starts a change of a child's schools and confirms it with the code the parent's phone got. */
export async function changeSchools(
  server: TestServer,
  parent: { readonly token: string; readonly phone: string },
  childId: string,
  body: unknown,
): Promise<SchoolLink[]> {
  const path = `/api/v1/children/${childId}/school-change`;
  const started = await server.call<Challenge>('POST', path, { token: parent.token, body });
  assert.equal(started.status, 200, started.text);
  const code = await server.lastCode(parent.phone);
  const done = await server.call<{ items: SchoolLink[] }>('POST', `${path}/confirm`, {
    token: parent.token,
    body: { challengeId: started.body.challengeId, code },
  });
  assert.equal(done.status, 200, done.text);
  return done.body.items;
}
