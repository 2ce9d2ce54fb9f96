// Attributes the bytes of a minified script to the source modules its source map names.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of source-map mappings into [generatedColumn, sourceIndex] pairs. */
export function decodeLine(line, state) {
  const segments = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const values = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
      const digit = B64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += values[0];
    if (values.length > 1) state.source += values[1];
    segments.push([column, values.length > 1 ? state.source : -1]);
  }
  return segments;
}

/**
 * The text of `code` each source of `map` produced, grouped by `groupOf(source)`; code without a
 * mapping (rollup's import and export statements) under `glue`.
 */
export function textBySource(code, map, groupOf, glue = '(glue)') {
  const text = new Map();
  const add = (name, t) => text.set(name, (text.get(name) ?? '') + t);
  const sources = map.sources.map(groupOf);
  const state = { source: 0 };
  const lines = code.split('\n');
  map.mappings.split(';').forEach((mapping, n) => {
    const line = lines[n] ?? '';
    const segments = decodeLine(mapping, state);
    if (segments.length === 0) return add(glue, line);
    if (segments[0][0] > 0) add(glue, line.slice(0, segments[0][0]));
    segments.forEach(([column, source], i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      if (column >= end) return;
      add(source === -1 ? glue : (sources[source] ?? glue), line.slice(column, end));
    });
  });
  return text;
}
