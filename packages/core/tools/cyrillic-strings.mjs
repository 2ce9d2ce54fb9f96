// A rollup plugin for core's build: every string literal that holds Cyrillic goes into dist/ with
// one ASCII character a letter, read back by src/cyrillic-text.ts when the module loads. Russian
// wording takes two bytes a letter in UTF-8, which gzip codes poorly, and core ships both
// catalogues to every browser. Only dist/ changes; the source keeps the plain text.
const CODES = 'abcdefghijklmnopqrstuvwxyz[]^_|~';
/** Characters that would read as codes, escaped with `#` when a text has them. */
const RESERVED = /[a-zA-Z[\]^_|~$`#]/;
const CYRILLIC = /[\u0410-\u044f\u0401\u0451]/;

/**
 * The encoded form of a text, as `cyrillicText` (src/cyrillic-text.ts) reads it: а…я one code
 * each, ё `$`, a capital the same code after `` ` ``, and a character that is itself a code `#`
 * and the character.
 */
export function encodeCyrillic(text) {
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0);
    if (cp === 0x451) out += '$';
    else if (cp === 0x401) out += '`$';
    else if (cp >= 0x430 && cp <= 0x44f) out += CODES[cp - 0x430];
    else if (cp >= 0x410 && cp <= 0x42f) out += `\`${CODES[cp - 0x410]}`;
    else if (RESERVED.test(char)) out += `#${char}`;
    else out += char;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    const digit = rest & 31;
    rest >>>= 5;
    out += B64[rest > 0 ? digit | 32 : digit];
  } while (rest > 0);
  return out;
}

/**
 * The source map of a splice of one-line spans: each line maps to itself, and each replaced span
 * begins and ends at its original columns.
 */
function spliceMap(code, edits, id) {
  const starts = [0];
  for (let i = 0; i < code.length; i += 1) if (code[i] === '\n') starts.push(i + 1);
  const lineOf = (offset) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line += 1;
    return line;
  };
  const segments = starts.map(() => [[0, 0]]);
  const shifts = starts.map(() => 0);
  for (const { start, end, text } of edits) {
    const line = lineOf(start);
    const column = start - starts[line];
    segments[line].push([column + shifts[line], column]);
    shifts[line] += text.length - (end - start);
    segments[line].push([column + (end - start) + shifts[line], column + (end - start)]);
  }
  let previousLine = 0;
  let previousColumn = 0;
  const mappings = segments.map((list, line) => {
    let previousGenerated = 0;
    return list
      .map(([generated, column]) => {
        const segment =
          vlq(generated - previousGenerated) +
          vlq(0) +
          vlq(line - previousLine) +
          vlq(column - previousColumn);
        previousGenerated = generated;
        previousLine = line;
        previousColumn = column;
        return segment;
      })
      .join(',');
  });
  return { version: 3, sources: [id], names: [], mappings: mappings.join(';') };
}

/** The rollup plugin: Cyrillic string literals of the modules under `srcDir` go out encoded. */
export function cyrillicStrings({ srcDir, decoder }) {
  return {
    name: 'cyrillic-strings',
    transform(code, id) {
      if (!id.startsWith(srcDir) || id === decoder || !CYRILLIC.test(code)) return null;
      const edits = [];
      const visit = (node, parent, key) => {
        if (node === null || typeof node !== 'object') return;
        if (Array.isArray(node)) {
          for (const item of node) visit(item, parent, key);
          return;
        }
        const isText =
          node.type === 'Literal' &&
          typeof node.value === 'string' &&
          CYRILLIC.test(node.value) &&
          !code.slice(node.start, node.end).includes('\n');
        // A property's name and a module's path must stay literal.
        const isName = parent?.type === 'Property' && key === 'key' && !parent.computed;
        if (isText && !isName && key !== 'source') {
          const encoded = JSON.stringify(encodeCyrillic(node.value));
          edits.push({
            start: node.start,
            end: node.end,
            text: `/* @__PURE__ */ __cyrillicText(${encoded})`,
          });
          return;
        }
        for (const [childKey, child] of Object.entries(node)) {
          if (childKey !== 'type' && childKey !== 'start' && childKey !== 'end')
            visit(child, node, childKey);
        }
      };
      visit(this.parse(code), null, null);
      if (edits.length === 0) return null;
      edits.sort((a, b) => a.start - b.start);
      let out = '';
      let at = 0;
      for (const { start, end, text } of edits) {
        out += code.slice(at, start) + text;
        at = end;
      }
      // Appended rather than prepended so that no line moves; imports are hoisted anyway.
      out += `${code.slice(at)}\nimport { cyrillicText as __cyrillicText } from ${JSON.stringify(decoder)};\n`;
      return { code: out, map: spliceMap(code, edits, id) };
    },
  };
}
