// Every text core words for people, dumped line by line (tools/message-dump.mjs) and compared with
// the committed dump (message-dump.txt). The catalogues are written compactly for the bundle's
// sake and built into dist/ encoded (tools/cyrillic-strings.mjs); this test shows that a rewrite
// of the source changed none of their words, and `npm run size` checks the built dist/ against
// the same file. After an intended change of wording, regenerate with
// `UPDATE_MESSAGE_DUMP=1 node scripts/test.mjs message-dump`.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dumpMessages } from '../tools/message-dump.mjs';
import * as core from './index';

const DUMP = new URL('./message-dump.txt', import.meta.url);

describe('message dump', () => {
  it('words every message exactly as the committed dump does', () => {
    const dump = dumpMessages(core);
    if (process.env.UPDATE_MESSAGE_DUMP === '1') writeFileSync(DUMP, dump);
    assert.equal(dump, readFileSync(DUMP, 'utf8'));
  });

  it('dumps a line per language, code and field, with no placeholder left unfilled', () => {
    const lines = dumpMessages(core).trimEnd().split('\n');
    const perLang =
      core.ERROR_CODES.length * (2 + core.fieldsWithMessages().length) +
      core.API_ERROR_CODES.length * 2 +
      core.WORK_KINDS.length +
      7 +
      1;
    assert.equal(lines.length, core.LANGS.length * perLang + 1);
    const filled = lines.filter((line) => /filled\): /.test(line));
    assert.ok(filled.length > lines.length / 2);
    for (const line of filled) assert.doesNotMatch(line, /\{\w+\}/, line);
  });
});
