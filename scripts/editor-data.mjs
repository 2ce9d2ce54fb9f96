#!/usr/bin/env node
// Editor data from the custom-elements manifest (run after `npm run analyze`, part of the build):
// VS Code HTML custom data (packages/elements/dist/vscode.html-custom-data.json, point
// `html.customData` at it) and JetBrains web-types (dist/web-types.json). Written once, in the
// elements' JSDoc; the manifest carries it here.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const elements = new URL('../packages/elements/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(elements, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(elements, 'package.json'), 'utf8'));
const tags = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));
if (tags.length === 0) throw new Error('custom-elements.json lists no tags: run npm run analyze');

/** `'a' | 'b'` in a manifest type becomes VS Code's value list. */
const valuesOf = (type) =>
  [...(type?.text ?? '').matchAll(/'([^']+)'/g)].map(([, name]) => ({ name }));

const vscode = {
  version: 1.1,
  tags: tags.map((tag) => ({
    name: tag.tagName,
    description: [tag.summary, tag.description].filter(Boolean).join('\n\n'),
    attributes: (tag.attributes ?? []).map((attribute) => ({
      name: attribute.name,
      description: attribute.description ?? '',
      ...(valuesOf(attribute.type).length ? { values: valuesOf(attribute.type) } : {}),
    })),
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: tags.map((tag) => ({
        name: tag.tagName,
        description: tag.summary ?? tag.description ?? '',
        attributes: (tag.attributes ?? []).map((attribute) => ({
          name: attribute.name,
          description: attribute.description ?? '',
          value: { type: attribute.type?.text ?? 'string' },
        })),
        events: (tag.events ?? []).map((event) => ({
          name: event.name,
          description: event.description ?? '',
        })),
        css: {
          properties: (tag.cssProperties ?? []).map((p) => ({
            name: p.name,
            description: p.description ?? '',
          })),
          parts: (tag.cssParts ?? []).map((p) => ({
            name: p.name,
            description: p.description ?? '',
          })),
        },
      })),
    },
  },
};

mkdirSync(join(elements, 'dist'), { recursive: true });
writeFileSync(
  join(elements, 'dist/vscode.html-custom-data.json'),
  `${JSON.stringify(vscode, null, 2)}\n`,
);
writeFileSync(join(elements, 'dist/web-types.json'), `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(
  `editor data for ${tags.length} tags: dist/vscode.html-custom-data.json, dist/web-types.json`,
);
