import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Every source file under src/ (tests excluded), relative to src/. */
function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [relative(SRC, path)] : [];
  });
}

/** What a file imports: package names as written, relative imports resolved against src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? '');
  return specifiers.map((s) =>
    s.startsWith('.') ? relative(SRC, resolve(SRC, dirname(file), s)).replace(/\.js$/, '') : s,
  );
}

/** A rule: files under `folder` import none of `forbidden` (src-relative folders or packages). */
interface Rule {
  readonly folder: string;
  readonly forbidden: readonly string[];
  readonly why: string;
}

const RULES: readonly Rule[] = [
  {
    folder: 'db/',
    forbidden: ['services/', 'read-cache/', 'http/', 'routes/', 'seed/', 'app', 'fastify'],
    why: 'db/ depends on nothing above it',
  },
  {
    folder: 'read-cache/',
    forbidden: ['services/', 'http/', 'routes/', 'seed/', 'app', 'fastify'],
    why: 'the read cache knows data versions, not the domain nor HTTP',
  },
  {
    folder: 'services/',
    forbidden: ['http/', 'routes/', 'seed/', 'app', 'cli', 'fastify', '@fastify/'],
    why: 'services throw domain errors and know nothing of HTTP',
  },
  {
    folder: 'seed/data/',
    forbidden: ['db/', 'services/', 'read-cache/', 'http/', 'routes/', 'seed/demo', 'kysely'],
    why: 'the demo world’s data is data, apart from the code that loads it',
  },
];

const breaks = (specifier: string, forbidden: string): boolean =>
  forbidden.endsWith('/')
    ? specifier.startsWith(forbidden)
    : specifier === forbidden ||
      specifier.startsWith(`${forbidden}/`) ||
      specifier.startsWith(`${forbidden}-`);

describe('layers point one way', () => {
  const files = sources();

  for (const rule of RULES) {
    it(`${rule.folder} imports none of ${rule.forbidden.join(', ')} (${rule.why})`, () => {
      const found = files
        .filter((file) => file.startsWith(rule.folder))
        .flatMap((file) =>
          importsOf(file)
            .filter((s) => rule.forbidden.some((f) => breaks(s, f)))
            .map((s) => `${file} imports ${s}`),
        );
      assert.deepEqual(found, []);
    });
  }

  it('has no import cycle between the seed modules', () => {
    const seed = files.filter((file) => file.startsWith('seed/'));
    const edges = new Map(
      seed.map((file) => [
        file.replace(/\.ts$/, ''),
        importsOf(file).filter((s) => s.startsWith('seed/')),
      ]),
    );
    const cycles: string[] = [];
    const visit = (node: string, path: readonly string[]): void => {
      if (path.includes(node)) {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    assert.deepEqual(cycles, []);
  });

  it('finds the imports it checks (the parser reads this repository’s style)', () => {
    assert.ok(importsOf('app.ts').includes('db/open'));
    assert.ok(importsOf('db/open.ts').includes('better-sqlite3'));
  });
});
