/**
 * A key for comparing what people type: lower case (Cyrillic included, which SQLite's `LOWER()`
 * does not fold), `ё` as `е`, runs of spaces as one, trimmed.
 *
 * @example
 * foldText('  Фёдоров ') === foldText('ФЕДОРОВ'); // true
 */
export function foldText(value: string): string {
  return value.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}
