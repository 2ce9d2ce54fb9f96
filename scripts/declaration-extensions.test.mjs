// The declaration transformer the package builds use, on a small project emitted here with the
// TypeScript compiler: every relative specifier of the .d.ts output must name the emitted file,
// and a specifier that names no source must fail the emit rather than ship a broken path.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import ts from 'typescript';
import { declarationExtensions, nodeSpecifier } from './declaration-extensions.mjs';

const work = mkdtempSync(join(tmpdir(), 'declaration-extensions-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Writes `files` under a fresh folder and emits their declarations with the transformer. */
function emit(name, files) {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const program = ts.createProgram({
    rootNames: Object.keys(files).map((f) => join(dir, f)),
    options: {
      declaration: true,
      emitDeclarationOnly: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
      types: [],
    },
  });
  const out = {};
  program.emit(
    undefined,
    (file, text) => (out[file.slice(dir.length + 1)] = text),
    undefined,
    true,
    {
      afterDeclarations: [declarationExtensions],
    },
  );
  return out;
}

describe('declaration extensions', () => {
  it('adds .js and /index.js to every kind of relative specifier', () => {
    const out = emit('ok', {
      'src/a.ts': 'export interface A { a: number }\nexport const make = (): A => ({ a: 1 });\n',
      'src/shared/index.ts': 'export type Kind = "x" | "y";\n',
      'src/shared/deep.ts': "export { type Kind } from '../shared';\nexport * from '../a';\n",
      'src/main.ts': [
        "import { make } from './a';",
        "import type { Kind } from './shared';",
        "export * from './shared/deep';",
        "export { make as build } from './a.js';",
        "export type Lazy = typeof import('./a');",
        'export const value = make();',
        'export const kind: Kind = "x";',
        "declare module './a' { interface A { extra?: string } }",
        "export type External = import('typescript').Node;",
      ].join('\n'),
    });
    const main = out['src/main.d.ts'];
    assert.match(main, /from ["']\.\/shared\/index\.js["']/);
    assert.match(main, /export \* from ["']\.\/shared\/deep\.js["']/);
    assert.match(main, /from ["']\.\/a\.js["']/);
    assert.match(main, /import\(["']\.\/a\.js["']\)/);
    assert.match(main, /declare module ["']\.\/a\.js["']/);
    assert.match(main, /import\(["']typescript["']\)/, 'package specifiers stay as they are');
    assert.match(out['src/shared/deep.d.ts'], /from ["']\.\.\/shared\/index\.js["']/);
    assert.match(out['src/shared/deep.d.ts'], /from ["']\.\.\/a\.js["']/);
    for (const [file, text] of Object.entries(out))
      for (const [, specifier] of text.matchAll(/["'](\.{1,2}\/[^"']*)["']/g))
        assert.match(specifier, /\.js$/, `${file}: ${specifier}`);
  });

  it('fails on a specifier that names no source file', () => {
    assert.throws(
      () =>
        emit('broken', {
          'src/main.ts': "// @ts-ignore\nexport * from './missing';\n",
        }),
      /cannot resolve '\.\/missing' imported by .*main\.ts to a source file/,
    );
  });

  it('leaves bare specifiers and files that exist alone', () => {
    const from = join(work, 'ok/src/main.ts');
    assert.equal(nodeSpecifier('lit', from), 'lit');
    assert.equal(nodeSpecifier('@school-diary/core/openapi', from), '@school-diary/core/openapi');
    assert.equal(nodeSpecifier('./a.js', from), './a.js');
    assert.equal(nodeSpecifier('./shared/', from), './shared/index.js');
    // TypeScript writes a directory's index as `import("..")` in inferred declaration types.
    const deep = join(work, 'ok/src/shared/sub/file.ts');
    assert.equal(nodeSpecifier('..', deep), '../index.js');
    assert.equal(nodeSpecifier('.', join(work, 'ok/src/shared/deep.ts')), './index.js');
  });
});
