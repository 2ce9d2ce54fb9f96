// The editor-data generator, run as the build runs it (a child process), on the elements' real
// manifest and on small manifests made here; bad manifests must fail with a clear message.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildEditorData, EditorDataError, valuesOf } from './editor-data.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const script = join(root, 'scripts/editor-data.mjs');
const work = mkdtempSync(join(tmpdir(), 'editor-data-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** Runs the generator with `args`; output goes to a fresh folder unless `--out` is given. */
function generate(args) {
  const out = join(work, `out-${(runs += 1)}`);
  const result = spawnSync(
    process.execPath,
    [script, ...args, ...(args.includes('--out') ? [] : ['--out', out])],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const read = (name) => JSON.parse(readFileSync(join(out, name), 'utf8'));
  return { ...result, out, read };
}

function writeJson(name, value) {
  const file = join(work, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

/** The elements' real manifest: what the generated files must cover. */
const manifest = JSON.parse(
  readFileSync(join(root, 'packages/elements/custom-elements.json'), 'utf8'),
);
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

describe('editor data from the elements manifest', () => {
  const run = generate([]);
  it('exits 0 and says what it wrote', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`editor data for ${declarations.length} tags`));
  });
  const vscode = run.read('vscode.html-custom-data.json');
  const webTypes = run.read('web-types.json');
  const elements = webTypes.contributions.html.elements;

  it('lists every tag of the manifest in both formats, sorted', () => {
    const tags = declarations.map((d) => d.tagName).sort();
    assert.ok(tags.length >= 7);
    assert.deepEqual(
      vscode.tags.map((t) => t.name),
      tags,
    );
    assert.deepEqual(
      elements.map((e) => e.name),
      tags,
    );
    assert.equal(vscode.version, 1.1);
    assert.equal(webTypes.name, '@school-diary/elements');
    assert.equal(
      webTypes.version,
      JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8')).version,
    );
  });

  it('gives every attribute of every tag with its description', () => {
    for (const declaration of declarations) {
      const names = declaration.attributes.map((a) => a.name);
      const inVscode = vscode.tags.find((t) => t.name === declaration.tagName).attributes;
      const inWebTypes = elements.find((e) => e.name === declaration.tagName).attributes;
      assert.deepEqual(
        inVscode.map((a) => a.name),
        names,
        declaration.tagName,
      );
      assert.deepEqual(
        inWebTypes.map((a) => a.name),
        names,
        declaration.tagName,
      );
      for (const attribute of [...inVscode, ...inWebTypes])
        assert.ok(
          attribute.description.length > 10,
          `${declaration.tagName} ${attribute.name} has no description`,
        );
    }
  });

  it('offers the values of string-literal union attributes, aliases resolved', () => {
    const attribute = (tag, name) =>
      vscode.tags.find((t) => t.name === tag).attributes.find((a) => a.name === name);
    assert.deepEqual(
      attribute('diary-login', 'step').values.map((v) => v.name),
      [
        'credentials',
        'code',
        'recovery-phone',
        'recovery-code',
        'register',
        'register-code',
        'done',
      ],
    );
    assert.deepEqual(
      attribute('diary-schedule', 'layout').values.map((v) => v.name),
      ['auto', 'week', 'day'],
    );
    assert.deepEqual(
      attribute('diary-child-form', 'step').values.map((v) => v.name),
      ['form', 'confirm', 'done'],
    );
    assert.deepEqual(
      attribute('diary-notifications', 'variant').values.map((v) => v.name),
      ['feed', 'bell'],
    );
    assert.deepEqual(
      attribute('diary-notifications', 'view').values.map((v) => v.name),
      ['feed', 'settings'],
    );
    for (const tag of vscode.tags)
      assert.deepEqual(
        tag.attributes.find((a) => a.name === 'theme').values.map((v) => v.name),
        ['light', 'dark', 'auto'],
        tag.name,
      );
    // Free text has no value list.
    assert.equal(attribute('diary-grade-table', 'child-id').values, undefined);
    assert.deepEqual(
      attribute('diary-provider', 'session').values.map((v) => v.name),
      ['local', 'memory'],
    );
    const step = elements
      .find((e) => e.name === 'diary-login')
      .attributes.find((a) => a.name === 'step');
    assert.deepEqual(step.value, {
      kind: 'plain',
      type: "'credentials' | 'code' | 'recovery-phone' | 'recovery-code' | 'register' | 'register-code' | 'done'",
      default: "'credentials'",
    });
  });

  it('carries events, slots, CSS parts and custom properties where the format has room', () => {
    for (const declaration of declarations) {
      const element = elements.find((e) => e.name === declaration.tagName);
      const vs = vscode.tags.find((t) => t.name === declaration.tagName).description.value;
      assert.deepEqual(
        element.events.map((e) => e.name),
        (declaration.events ?? []).map((e) => e.name),
      );
      assert.deepEqual(
        element.slots.map((s) => s.name),
        (declaration.slots ?? []).map((s) => s.name),
      );
      assert.deepEqual(
        element.css.parts.map((p) => p.name),
        (declaration.cssParts ?? []).map((p) => p.name),
      );
      assert.deepEqual(
        element.css.properties.map((p) => p.name),
        (declaration.cssProperties ?? []).map((p) => p.name),
      );
      for (const event of declaration.events ?? [])
        assert.ok(vs.includes(`\`${event.name}\``), `${declaration.tagName} ${event.name}`);
      for (const part of declaration.cssParts ?? []) assert.ok(vs.includes(`::part(${part.name})`));
      assert.ok(vs.startsWith(declaration.summary), declaration.tagName);
    }
    const login = elements.find((e) => e.name === 'diary-login');
    assert.deepEqual(
      login.events.map((e) => e.name),
      ['diary-login', 'diary-logout', 'diary-errors'],
    );
    assert.ok(login.events.every((e) => e.description.length > 0));
    const provider = elements.find((e) => e.name === 'diary-provider');
    assert.deepEqual(
      provider.slots.map((s) => s.name),
      [''],
    );
    assert.match(
      vscode.tags.find((t) => t.name === 'diary-provider').description.value,
      /\*\*Slots:\*\*\n- `\(default\)`/,
    );
  });
});

describe('editor data from a small manifest', () => {
  writeFileSync(
    join(work, 'kinds.ts'),
    "export type Size = 'small' | 'large';\nexport type Mixed = 'a' | number;\n",
  );
  const small = {
    schemaVersion: '2.1.0',
    modules: [
      {
        kind: 'javascript-module',
        path: 'kinds.ts',
        declarations: [
          { kind: 'class', name: 'Helper' },
          {
            kind: 'class',
            name: 'ZBadge',
            tagName: 'z-badge',
            summary: 'A badge.',
            attributes: [
              {
                name: 'size',
                type: { text: 'Size | undefined' },
                description: 'How big.',
                default: "'small'",
              },
              { name: 'tone', type: { text: "'calm' | 'loud'" }, description: 'Its tone.' },
              { name: 'mixed', type: { text: 'Mixed' }, description: 'Not only strings.' },
              { name: 'label', description: 'Text.' },
            ],
            events: [{ name: 'z-open', description: 'Opened.' }],
            slots: [{ name: 'icon', description: 'An icon.' }],
            cssParts: [{ name: 'base', description: 'The box.' }],
          },
          { kind: 'class', name: 'AItem', tagName: 'a-item' },
        ],
      },
    ],
  };
  const run = generate(['--manifest', writeJson('small.json', small), '--root', work]);

  it('writes exactly the documented shape', () => {
    assert.equal(run.status, 0, run.stderr);
    const vscode = run.read('vscode.html-custom-data.json');
    assert.deepEqual(
      vscode.tags.map((t) => t.name),
      ['a-item', 'z-badge'],
    );
    assert.deepEqual(vscode.tags[0], {
      name: 'a-item',
      description: { kind: 'markdown', value: '' },
      attributes: [],
    });
    assert.deepEqual(vscode.tags[1].attributes, [
      { name: 'size', description: 'How big.', values: [{ name: 'small' }, { name: 'large' }] },
      { name: 'tone', description: 'Its tone.', values: [{ name: 'calm' }, { name: 'loud' }] },
      { name: 'mixed', description: 'Not only strings.' },
      { name: 'label', description: 'Text.' },
    ]);
    assert.equal(
      vscode.tags[1].description.value,
      'A badge.\n\n**Events:**\n- `z-open` — Opened.\n\n**Slots:**\n- `icon` — An icon.\n\n**CSS parts:**\n- `::part(base)` — The box.',
    );
    const [, badge] = run.read('web-types.json').contributions.html.elements;
    assert.deepEqual(badge, {
      name: 'z-badge',
      description: 'A badge.',
      attributes: [
        {
          name: 'size',
          description: 'How big.',
          value: { kind: 'plain', type: "'small' | 'large'", default: "'small'" },
        },
        {
          name: 'tone',
          description: 'Its tone.',
          value: { kind: 'plain', type: "'calm' | 'loud'" },
        },
        {
          name: 'mixed',
          description: 'Not only strings.',
          value: { kind: 'plain', type: 'Mixed' },
        },
        { name: 'label', description: 'Text.', value: { kind: 'plain', type: 'string' } },
      ],
      events: [{ name: 'z-open', description: 'Opened.' }],
      slots: [{ name: 'icon', description: 'An icon.' }],
      css: { properties: [], parts: [{ name: 'base', description: 'The box.' }] },
    });
  });

  it('resolves values only for unions that are all string literals', () => {
    const aliases = new Map([['Size', ['small', 'large']]]);
    assert.deepEqual(valuesOf({ text: "Size | 'huge' | null" }, aliases), [
      'small',
      'large',
      'huge',
    ]);
    assert.deepEqual(valuesOf({ text: 'Size | number' }, aliases), []);
    assert.deepEqual(valuesOf({ text: 'string' }, aliases), []);
    assert.deepEqual(valuesOf(undefined, aliases), []);
  });
});

describe('bad input', () => {
  const fails = (args, message) => {
    const run = generate(args);
    assert.equal(run.status, 1, `exit code for ${args.join(' ')}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, message);
    assert.match(run.stderr, /^editor-data: /);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'a stack trace instead of a message');
  };

  it('rejects a missing manifest', () =>
    fails(
      ['--manifest', join(work, 'nope.json')],
      /custom elements manifest not found: .*nope\.json \(run npm run analyze first\)/,
    ));
  it('rejects a manifest that is not JSON', () =>
    fails(
      ['--manifest', writeJson('broken.json', '{"modules": [')],
      /custom elements manifest is not valid JSON: .*broken\.json/,
    ));
  it('rejects JSON that is not a manifest', () => {
    fails(['--manifest', writeJson('array.json', [1, 2])], /no `modules` array/);
    fails(['--manifest', writeJson('null.json', 'null')], /no `modules` array/);
    fails(
      ['--manifest', writeJson('bad-module.json', { modules: [42] })],
      /modules\[0\] is not an object/,
    );
  });
  it('rejects a manifest without custom elements', () =>
    fails(
      [
        '--manifest',
        writeJson('empty.json', { modules: [{ path: 'x.ts', declarations: [{ name: 'X' }] }] }),
      ],
      /lists no custom elements: run npm run analyze/,
    ));
  it('rejects a tag name that is not a custom element name', () =>
    fails(
      [
        '--manifest',
        writeJson('tag.json', {
          modules: [{ path: 'x.ts', declarations: [{ name: 'X', tagName: 'Badge' }] }],
        }),
      ],
      /modules\[0\] \(x\.ts\): tagName "Badge" is not a custom element name/,
    ));
  it('rejects a package.json without name and version', () =>
    fails(
      ['--package', writeJson('pkg.json', { private: true })],
      /package\.json has no `name` and `version`/,
    ));
  it('rejects unknown options and options without a value', () => {
    fails(['--manifets', 'x.json'], /unknown option --manifets/);
    fails(['--manifest'], /--manifest needs a value/);
    fails(['stray'], /unexpected argument stray/);
  });
  it('throws EditorDataError, not a TypeError, from the API', () => {
    assert.throws(
      () => buildEditorData({ modules: 'no' }, { name: 'x', version: '1' }),
      EditorDataError,
    );
    assert.throws(() => buildEditorData(undefined, { name: 'x', version: '1' }), EditorDataError);
  });
});
