// Every text core words for people, one line each: both catalogues for every field and code, the
// request-level errors, the kinds of work, pass marks and the CSV header. Used by
// src/message-dump.test.ts (on the source) and bench/size/core-size.mjs (on the built dist/),
// both against the committed src/message-dump.txt.

/** Values for every placeholder the catalogues use, so that filled-in texts are dumped too. */
const PARAMS = { minimum: 6, maximum: 18, seconds: 30, until: '12:30' };

/** The dump of every message of a core build (its main entry's exports). */
export function dumpMessages(core) {
  const { errorMessage, apiErrorMessage, fieldsWithMessages, hasFieldMessage } = core;
  const lines = [];
  for (const lang of core.LANGS) {
    for (const code of core.ERROR_CODES) {
      lines.push(`${lang} error ${code} (generic): ${errorMessage(code, { lang })}`);
      const filled = errorMessage(code, { lang, params: PARAMS });
      lines.push(`${lang} error ${code} (generic, filled): ${filled}`);
      for (const field of fieldsWithMessages()) {
        const own = hasFieldMessage(field, code) ? 'own' : 'generic';
        const message = errorMessage(code, { lang, field, params: PARAMS });
        lines.push(`${lang} error ${code} ${field} (${own}, filled): ${message}`);
      }
    }
    for (const code of core.API_ERROR_CODES) {
      lines.push(`${lang} api ${code}: ${apiErrorMessage(code, { lang })}`);
      const filled = apiErrorMessage(code, { lang, params: PARAMS });
      lines.push(`${lang} api ${code} (filled): ${filled}`);
    }
    for (const kind of core.WORK_KINDS) {
      lines.push(`${lang} kind ${kind}: ${core.workKindName(lang, kind)}`);
    }
    for (const value of [1, 2, 3, 4, 5, 'pass', 'fail']) {
      lines.push(`${lang} mark ${value}: ${core.markValueText(lang, value)}`);
    }
    lines.push(`${lang} csv header: ${core.marksToCsv([], { lang, bom: false }).trimEnd()}`);
  }
  lines.push(`fields: ${fieldsWithMessages().join(' ')}`);
  return `${lines.join('\n')}\n`;
}
