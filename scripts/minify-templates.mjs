// Collapses the layout whitespace of lit's `html`, `svg` and `css` tagged templates in the
// elements' build (prettier's indentation is ≈10% of the widgets' minified code; terser leaves
// template literals as written). HTML: a run of whitespace that spans a line break becomes one
// space, which renders the same outside `<pre>`/`<textarea>` content (the kit has none inside a
// template); one before a tag's closing `>` goes. CSS: comments go, and whitespace next to `{`, `}`, `;` and `,`, after `:`, or across a line break.
// Strings in CSS and whitespace within a line are kept. The same transform runs in the browser
// tests (web-test-runner.config.mjs), so the tests exercise what ships.
import MagicString from 'magic-string';
import { parseAst } from 'rollup/parseAst';

const TAGS = new Set(['html', 'svg', 'css']);

/** The minified raw text of one template part. */
export function minifyPart(tag, raw) {
  // A line break before a tag's closing `>` is inside the tag: it goes entirely.
  if (tag !== 'css') return raw.replace(/\s*\n\s*(\/?>)/g, '$1').replace(/\s*\n\s*/g, ' ');
  // Quoted strings (`content: ': '`) are kept as written; only the text between them changes.
  return raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^'\n]*'|"[^"\n]*")/)
    .map((text, i) =>
      i % 2 ? text : text.replace(/\s*\n\s*/g, ' ').replace(/\s*([{};,])\s*|(:)\s+/g, '$1$2'),
    )
    .join('');
}

function* taggedTemplates(node) {
  if (!node || typeof node.type !== 'string') return;
  if (
    node.type === 'TaggedTemplateExpression' &&
    node.tag.type === 'Identifier' &&
    TAGS.has(node.tag.name)
  )
    yield node;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) yield* taggedTemplates(child);
    else if (value && typeof value === 'object' && key !== 'loc') yield* taggedTemplates(value);
  }
}

/**
 * Minifies the tagged templates of a JavaScript module. Returns `undefined` when there is none,
 * else the code and its source map.
 */
export function minifyTemplates(code, id) {
  if (!/\b(html|svg|css)\s*`/.test(code)) return undefined;
  const s = new MagicString(code);
  for (const node of taggedTemplates(parseAst(code))) {
    for (const quasi of node.quasi.quasis) {
      const raw = code.slice(quasi.start, quasi.end);
      if (raw !== quasi.value.raw) throw new Error(`${id}: unexpected template position`);
      const minified = minifyPart(node.tag.name, raw);
      if (minified !== raw) s.update(quasi.start, quasi.end, minified);
    }
  }
  if (!s.hasChanged()) return undefined;
  return { code: s.toString(), map: s.generateMap({ hires: true, source: id }) };
}

/** The rollup plugin: minifies the templates of the modules `include` matches. */
export function minifyTemplatesPlugin(include) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      return include.test(id) ? minifyTemplates(code, id) : undefined;
    },
  };
}
