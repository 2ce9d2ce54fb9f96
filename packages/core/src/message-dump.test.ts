// Every text core words for people — both catalogues for every field and code, the request-level
// errors, the kinds of work, pass marks and the CSV header — dumped line by line and compared with
// the committed dump (message-dump.txt). The catalogues are written compactly for the bundle's
// sake; this test is what shows that a rewrite changed none of their words. After an intended
// change of wording, regenerate with `UPDATE_MESSAGE_DUMP=1 node scripts/test.mjs message-dump`.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { apiErrorMessage } from './api-messages';
import { API_ERROR_CODES } from './api-error-codes';
import { ERROR_CODES } from './error-codes';
import { LANGS } from './lang';
import { markValueText, workKindName } from './mark-text';
import { marksToCsv } from './marks-csv';
import { errorMessage, fieldsWithMessages, hasFieldMessage } from './messages';
import { WORK_KINDS } from './schemas/mark';

const DUMP = new URL('./message-dump.txt', import.meta.url);
/** Values for every placeholder the catalogues use, so that filled-in texts are dumped too. */
const PARAMS = { minimum: 6, maximum: 18, seconds: 30, until: '12:30' };

function dumpMessages(): string {
  const lines: string[] = [];
  for (const lang of LANGS) {
    for (const code of ERROR_CODES) {
      lines.push(`${lang} error ${code} (generic): ${errorMessage(code, { lang })}`);
      lines.push(
        `${lang} error ${code} (generic, filled): ${errorMessage(code, { lang, params: PARAMS })}`,
      );
      for (const field of fieldsWithMessages()) {
        const own = hasFieldMessage(field, code) ? 'own' : 'generic';
        const message = errorMessage(code, { lang, field, params: PARAMS });
        lines.push(`${lang} error ${code} ${field} (${own}, filled): ${message}`);
      }
    }
    for (const code of API_ERROR_CODES) {
      lines.push(`${lang} api ${code}: ${apiErrorMessage(code, { lang })}`);
      lines.push(
        `${lang} api ${code} (filled): ${apiErrorMessage(code, { lang, params: PARAMS })}`,
      );
    }
    for (const kind of WORK_KINDS) lines.push(`${lang} kind ${kind}: ${workKindName(lang, kind)}`);
    for (const value of [1, 2, 3, 4, 5, 'pass', 'fail'] as const) {
      lines.push(`${lang} mark ${value}: ${markValueText(lang, value)}`);
    }
    lines.push(`${lang} csv header: ${marksToCsv([], { lang, bom: false }).trimEnd()}`);
  }
  lines.push(`fields: ${fieldsWithMessages().join(' ')}`);
  return `${lines.join('\n')}\n`;
}

describe('message dump', () => {
  it('words every message exactly as the committed dump does', () => {
    const dump = dumpMessages();
    if (process.env.UPDATE_MESSAGE_DUMP === '1') writeFileSync(DUMP, dump);
    assert.equal(dump, readFileSync(DUMP, 'utf8'));
  });

  it('dumps a line per language, code and field, with no placeholder left unfilled', () => {
    const lines = dumpMessages().trimEnd().split('\n');
    const perLang =
      ERROR_CODES.length * (2 + fieldsWithMessages().length) +
      API_ERROR_CODES.length * 2 +
      WORK_KINDS.length +
      7 +
      1;
    assert.equal(lines.length, LANGS.length * perLang + 1);
    const filled = lines.filter((line) => /filled\): /.test(line));
    assert.ok(filled.length > lines.length / 2);
    for (const line of filled) assert.doesNotMatch(line, /\{\w+\}/, line);
  });
});
