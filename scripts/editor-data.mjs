#!/usr/bin/env node
// Editor data from the custom-elements manifest (run after `npm run analyze`, part of the build):
// VS Code HTML custom data (packages/elements/dist/vscode.html-custom-data.json, point
// `html.customData` at it) and JetBrains web-types (dist/web-types.json). Written once, in the
// elements' JSDoc; the manifest carries it here. Attribute types that name a string-literal
// union (`step: LoginStep`) are looked up in the manifest's own modules, so editors offer the
// values (`credentials`, `code`, …).
//
//   node scripts/editor-data.mjs [--manifest FILE] [--package FILE] [--root DIR] [--out DIR]
//
// Defaults: the elements package's custom-elements.json and package.json, the repository root
// (the manifest's module paths are relative to it) and packages/elements/dist.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** A manifest or package file that cannot be used; the CLI prints its message and exits 1. */
export class EditorDataError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'EditorDataError';
  }
}

/**
 * Reads and parses a JSON file, with an error that names the file and what is wrong.
 * @param {string} file
 * @param {string} what
 */
export function readJsonFile(file, what) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new EditorDataError(`${what} not found: ${file} (run npm run analyze first)`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EditorDataError(`${what} is not valid JSON: ${file}: ${error.message}`);
  }
}

/**
 * The custom elements of a manifest, sorted by tag, each with the path of its module.
 * @param {unknown} manifest
 */
export function tagsOf(manifest) {
  if (typeof manifest !== 'object' || manifest === null || !Array.isArray(manifest.modules))
    throw new EditorDataError('the manifest has no `modules` array: is it a custom-elements.json?');
  const tags = [];
  for (const [index, module] of manifest.modules.entries()) {
    if (typeof module !== 'object' || module === null)
      throw new EditorDataError(`manifest modules[${index}] is not an object`);
    for (const declaration of module.declarations ?? []) {
      if (!declaration?.tagName) continue;
      if (
        typeof declaration.tagName !== 'string' ||
        !/^[a-z][\w.]*-[\w.-]*$/.test(declaration.tagName)
      )
        throw new EditorDataError(
          `manifest modules[${index}] (${module.path ?? '?'}): tagName ${JSON.stringify(declaration.tagName)} is not a custom element name`,
        );
      tags.push(declaration);
    }
  }
  if (tags.length === 0)
    throw new EditorDataError('the manifest lists no custom elements: run npm run analyze');
  return tags.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/**
 * String-literal union type aliases (`type LoginStep = 'credentials' | 'code'`) declared in the
 * manifest's modules, by name. Modules whose file is missing are skipped.
 * @param {{ modules: { path?: string }[] }} manifest
 * @param {string} root the directory the manifest's module paths are relative to
 * @returns {Map<string, string[]>}
 */
export function literalAliases(manifest, root) {
  const aliases = new Map();
  for (const module of manifest.modules) {
    if (typeof module.path !== 'string') continue;
    const file = resolve(root, module.path);
    if (!existsSync(file)) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isTypeAliasDeclaration(statement)) continue;
      const members = ts.isUnionTypeNode(statement.type) ? statement.type.types : [statement.type];
      const values = members.map((m) =>
        ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal) ? m.literal.text : null,
      );
      if (values.every((v) => v !== null)) aliases.set(statement.name.text, values);
    }
  }
  return aliases;
}

/**
 * The values an attribute type allows, when it is a union of string literals (written out, or
 * through the aliases): `'a' | 'b'`, `LoginStep`, `DiaryTheme | undefined`. Empty otherwise.
 * @param {{ text?: string } | undefined} type
 * @param {Map<string, string[]>} aliases
 */
export function valuesOf(type, aliases) {
  const parts = (type?.text ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null');
  const values = [];
  for (const part of parts) {
    const literal = /^'([^']*)'$|^"([^"]*)"$/.exec(part);
    if (literal) values.push(literal[1] ?? literal[2]);
    else if (aliases.has(part)) values.push(...aliases.get(part));
    else return [];
  }
  return [...new Set(values)];
}

const text = (value) => (typeof value === 'string' ? value : '');
const named = (list) =>
  Array.isArray(list) ? list.filter((item) => typeof item?.name === 'string') : [];

/** Markdown lines for what VS Code's format has no field for: events, slots, parts, properties. */
function vscodeExtras(tag) {
  const section = (title, items, label) =>
    items.length
      ? `\n\n**${title}:**\n${items.map((i) => `- \`${label(i)}\`${i.description ? ` — ${i.description}` : ''}`).join('\n')}`
      : '';
  return (
    section('Events', named(tag.events), (e) => e.name) +
    section('Slots', named(tag.slots), (s) => s.name || '(default)') +
    section('CSS parts', named(tag.cssParts), (p) => `::part(${p.name})`) +
    section('CSS custom properties', named(tag.cssProperties), (p) => p.name)
  );
}

/**
 * VS Code HTML custom data (version 1.1) and JetBrains web-types for the manifest's elements.
 * @param {unknown} manifest a custom-elements.json
 * @param {{ name: string, version: string }} pkg the package the elements are published in
 * @param {Map<string, string[]>} [aliases] string-literal unions by name ({@link literalAliases})
 */
export function buildEditorData(manifest, pkg, aliases = new Map()) {
  const tags = tagsOf(manifest);
  if (typeof pkg?.name !== 'string' || typeof pkg?.version !== 'string')
    throw new EditorDataError('the package.json has no `name` and `version`');
  const vscode = {
    version: 1.1,
    tags: tags.map((tag) => ({
      name: tag.tagName,
      description: {
        kind: 'markdown',
        value:
          [text(tag.summary), text(tag.description)].filter(Boolean).join('\n\n') +
          vscodeExtras(tag),
      },
      attributes: named(tag.attributes).map((attribute) => {
        const values = valuesOf(attribute.type, aliases);
        return {
          name: attribute.name,
          description: text(attribute.description),
          ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
          ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        };
      }),
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
          description: text(tag.summary) || text(tag.description),
          attributes: named(tag.attributes).map((attribute) => {
            const values = valuesOf(attribute.type, aliases);
            const type = values.length
              ? values.map((v) => `'${v}'`).join(' | ')
              : (attribute.type?.text ?? 'string');
            return {
              name: attribute.name,
              description: text(attribute.description),
              value:
                attribute.type?.text === 'boolean'
                  ? { kind: 'no-value', type: 'boolean' }
                  : {
                      kind: 'plain',
                      type,
                      ...(attribute.default ? { default: attribute.default } : {}),
                    },
            };
          }),
          events: named(tag.events).map((event) => ({
            name: event.name,
            description: text(event.description),
          })),
          slots: named(tag.slots).map((slot) => ({
            name: slot.name,
            description: text(slot.description),
          })),
          css: {
            properties: named(tag.cssProperties).map((p) => ({
              name: p.name,
              description: text(p.description),
            })),
            parts: named(tag.cssParts).map((p) => ({
              name: p.name,
              description: text(p.description),
            })),
          },
        })),
      },
    },
  };
  return { vscode, webTypes };
}

/**
 * The command: reads the manifest and package.json, writes both files into `out`.
 * @param {string[]} argv
 * @returns {string} what was written
 */
export function main(argv) {
  const option = (name, fallback) => {
    const at = argv.indexOf(name);
    if (at === -1) return fallback;
    const value = argv[at + 1];
    if (!value || value.startsWith('--')) throw new EditorDataError(`${name} needs a value`);
    return resolve(value);
  };
  const known = new Set(['--manifest', '--package', '--root', '--out']);
  for (const [i, arg] of argv.entries())
    if (arg.startsWith('--') && !known.has(arg))
      throw new EditorDataError(`unknown option ${arg} (known: ${[...known].join(', ')})`);
    else if (!arg.startsWith('--') && !known.has(argv[i - 1]))
      throw new EditorDataError(`unexpected argument ${arg}`);
  const root = fileURLToPath(new URL('../', import.meta.url));
  const elements = join(root, 'packages/elements');
  const manifestFile = option('--manifest', join(elements, 'custom-elements.json'));
  const manifest = readJsonFile(manifestFile, 'custom elements manifest');
  const pkg = readJsonFile(option('--package', join(elements, 'package.json')), 'package.json');
  const out = option('--out', join(elements, 'dist'));
  tagsOf(manifest);
  const { vscode, webTypes } = buildEditorData(
    manifest,
    pkg,
    literalAliases(manifest, option('--root', root)),
  );
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'vscode.html-custom-data.json'), `${JSON.stringify(vscode, null, 2)}\n`);
  writeFileSync(join(out, 'web-types.json'), `${JSON.stringify(webTypes, null, 2)}\n`);
  return `editor data for ${vscode.tags.length} tags: ${join(out, 'vscode.html-custom-data.json')}, ${join(out, 'web-types.json')}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    console.log(main(process.argv.slice(2)));
  } catch (error) {
    if (!(error instanceof EditorDataError)) throw error;
    console.error(`editor-data: ${error.message}`);
    process.exit(1);
  }
}
