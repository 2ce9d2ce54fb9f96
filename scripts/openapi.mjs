#!/usr/bin/env node
// Writes docs/openapi.json from core's route table, with the server's OpenAPI writer (built).
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { buildOpenApiDocument } from '@school-diary/server/openapi';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(`${root}packages/core/package.json`, 'utf8'));
const doc = buildOpenApiDocument({ version });
mkdirSync(`${root}docs`, { recursive: true });
writeFileSync(`${root}docs/openapi.json`, JSON.stringify(doc, null, 2) + '\n');
console.log(`docs/openapi.json: ${Object.keys(doc.paths).length} paths`);
