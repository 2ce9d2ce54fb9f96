import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validate as validateOpenApi } from '@readme/openapi-parser';
import { buildOpenApiDocument } from './openapi';
import { listRoutes } from './routes';

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
});
