import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validate as validateOpenApi } from '@readme/openapi-parser';
import { buildOpenApiDocument, routeSummaries } from './openapi';
import { listRoutes } from '@school-diary/core';

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = buildOpenApiDocument();
    const result = await validateOpenApi(structuredClone(doc) as never);
    assert.equal(result.valid, true, JSON.stringify(result, null, 2).slice(0, 2000));
    assert.equal(doc.openapi, '3.1.0');
  });

  it('has one operation per route with a unique operationId, dev routes only on request', () => {
    const doc = buildOpenApiDocument({ includeDev: true }) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((op) => op.operationId),
    );
    assert.equal(ids.length, listRoutes().length);
    assert.equal(new Set(ids).size, ids.length);
    const prod = buildOpenApiDocument() as { paths: Record<string, unknown> };
    assert.equal(prod.paths['/api/v1/dev/outbox'], undefined);
  });

  it('describes request bodies by their input shape and the shared error response', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }
        >
      >;
      components: { schemas: Record<string, unknown> };
    };
    const body =
      doc.paths['/api/v1/children']?.post?.requestBody?.content['application/json']?.schema;
    assert.deepEqual(body?.required?.sort(), ['birthDate', 'firstName', 'lastName', 'sex']);
    assert.ok(doc.components.schemas.Error);
  });

  it('marks every date parameter `format: date`, in the query and in bodies', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; schema: { format?: string } }[];
            requestBody?: {
              content: Record<string, { schema: { properties?: Record<string, unknown> } }>;
            };
          }
        >
      >;
    };
    const grades = doc.paths['/api/v1/children/{childId}/grades']?.get?.parameters ?? [];
    for (const name of ['from', 'to'])
      assert.equal(grades.find((p) => p.name === name)?.schema.format, 'date', name);
    const note =
      doc.paths['/api/v1/children/{childId}/notes']?.post?.requestBody?.content['application/json'];
    assert.deepEqual(note?.schema.properties?.date, { type: 'string', format: 'date' });
  });

  it('gives every operation its one-line summary, and has none for operations that do not exist', () => {
    const doc = buildOpenApiDocument({ includeDev: true }) as {
      paths: Record<string, Record<string, { operationId: string; summary?: unknown }>>;
    };
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item));
    for (const op of ops) {
      assert.equal(typeof op.summary, 'string', op.operationId);
      assert.ok((op.summary as string).length > 5, op.operationId);
    }
    assert.equal(
      doc.paths['/api/v1/auth/login']?.post?.summary,
      'Check phone and password and send a one-time code',
    );
    const known = new Set(listRoutes().map(({ group, name }) => `${group}.${name}`));
    const listed = Object.entries(routeSummaries).flatMap(([group, names]) =>
      Object.keys(names).map((name) => `${group}.${name}`),
    );
    assert.deepEqual(
      listed.filter((key) => !known.has(key)),
      [],
    );
    assert.equal(listed.length, known.size);
  });

  it('keeps the summaries out of the route table that browsers load', () => {
    for (const { group, name, route } of listRoutes()) {
      assert.equal('summary' in route, false, `${group}.${name}`);
    }
  });
});
