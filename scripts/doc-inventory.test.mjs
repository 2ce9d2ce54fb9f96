import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inventoryProblems, kitPackages, kitTags } from './doc-inventory.mjs';

const root = new URL('..', import.meta.url).pathname;
const packages = [
  { dir: 'core', name: '@school-diary/core' },
  { dir: 'sdk', name: '@school-diary/sdk' },
];
const tags = ['diary-login', 'diary-provider'];
const check = (text, complete = true) =>
  inventoryProblems(text, { where: 'README.md', packages, tags, complete });

test('a package table that omits a package, or names one that does not exist, fails', () => {
  const table = [
    '| package | what |',
    '|---|---|',
    '| `@school-diary/core` | the contract |',
    '| `@school-diary/server` | the server |',
  ].join('\n');
  assert.deepEqual(check(table), [
    'README.md, table 1 omits package @school-diary/sdk',
    'README.md, table 1 names package @school-diary/server, which does not exist',
  ]);
});

test('a table listing every package and tag passes; prose may name some', () => {
  const text = [
    'Use `@school-diary/sdk` from Node.',
    '',
    '| package | what |',
    '|---|---|',
    '| [`@school-diary/core`](packages/core) | the contract |',
    '| `@school-diary/sdk` | the client; see also `@school-diary/core` |',
    '',
    '| tag | does |',
    '| --- | --- |',
    '| `<diary-provider>` | hands the client down |',
    '| `<diary-login>` | signs in |',
  ].join('\n');
  assert.deepEqual(check(text), []);
});

test('a tag table that lists 1 of 2 tags fails; any table naming a missing tag fails', () => {
  const text = [
    '| tag | does |',
    '|---|---|',
    '| `<diary-provider>` | hands the client down |',
    '| `<diary-provider>` again | twice |',
    '',
    '| part | of |',
    '|---|---|',
    '| submit | `<diary-chat-box>` |',
  ].join('\n');
  assert.deepEqual(check(text), [
    'README.md, table 1 omits tag diary-login',
    'README.md, table 2 names tag <diary-chat-box>, which does not exist',
  ]);
});

test('a layout block must list every package folder; a guide only none that is missing', () => {
  const block = '```\npackages/core/      the contract\npackages/web/       gone\nexamples/\n```';
  assert.deepEqual(check(block), [
    'README.md, layout block 1 omits folder packages/sdk',
    'README.md, layout block 1 names folder packages/web, which does not exist',
  ]);
  assert.deepEqual(check(block, false), [
    'README.md, layout block 1 names folder packages/web, which does not exist',
  ]);
  assert.deepEqual(check('```ts\npackages/core/x.ts\n```'), [], 'code is not a layout block');
  // A fence's closing line is not the opening of the next block.
  const after = '```sh\nnpm ci\n```\n\ntext\n\n```\npackages/core/\n```';
  assert.deepEqual(check(after), ['README.md, layout block 1 omits folder packages/sdk']);
});

test('reads the real packages and the tags their define entries register', () => {
  assert.ok(kitPackages(root).some((p) => p.name === '@school-diary/sdk' && p.dir === 'sdk'));
  const found = kitTags(root);
  for (const tag of ['diary-provider', 'diary-login', 'diary-chat'])
    assert.ok(found.includes(tag), tag);
});
