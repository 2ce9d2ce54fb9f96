import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyPart, minifyTemplates } from './minify-templates.mjs';

test('collapses an HTML line break and its indentation to one space', () => {
  const code = 'const a = html`<div\n    class="x"\n  >\n    ${text}\n  </div>`;';
  assert.equal(
    minifyTemplates(code, 'a.js')?.code,
    'const a = html`<div class="x"> ${text} </div>`;',
  );
});

test('drops a line break inside a tag, before its closing bracket', () => {
  assert.equal(
    minifyPart('html', '<span\n  >${x}</span\n>, <br\n  />'),
    '<span>${x}</span>, <br/>',
  );
});

test('keeps whitespace within a line, which can be content', () => {
  assert.equal(minifyPart('html', '<b>a</b>  <i>b</i>'), '<b>a</b>  <i>b</i>');
  assert.equal(minifyPart('svg', '<text>  x </text>'), '<text>  x </text>');
});

test('minifies nested templates and each part around an expression', () => {
  const code = 'html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`';
  assert.equal(
    minifyTemplates(code, 'a.js')?.code,
    'html`<ul> ${items.map((i) => html`<li> ${i} </li>`)} </ul>`',
  );
});

test('drops CSS comments and the whitespace around braces and semicolons', () => {
  const code = 'css`\n  /* why */\n  .a,\n  .b {\n    color: red;\n    margin: 0 auto;\n  }\n`';
  assert.equal(minifyTemplates(code, 'a.js')?.code, 'css` .a,.b{color:red;margin:0 auto;}`');
});

test('keeps CSS strings, descendant selectors and pseudo-classes', () => {
  assert.equal(
    minifyPart('css', '.a .b:hover::before {\n  content: attr(x) \': \' ", ";\n}'),
    '.a .b:hover::before{content:attr(x) \': \' ", ";}',
  );
});

test('leaves untagged templates, other tags and escapes alone', () => {
  const code = 'const s = `a\n  b`; const t = sql`x\n  y`; html`a\\n  ${x}\n  b`;';
  assert.equal(
    minifyTemplates(code, 'a.js')?.code,
    'const s = `a\n  b`; const t = sql`x\n  y`; html`a\\n  ${x} b`;',
  );
});

test('returns nothing for a module without templates, and a source map with the code', () => {
  assert.equal(minifyTemplates('export const a = 1;', 'a.js'), undefined);
  const out = minifyTemplates('html`\n  <p></p>\n`', 'a.js');
  assert.equal(out?.code, 'html` <p></p> `');
  assert.equal(out?.map.sources[0], 'a.js');
});

test('rejects code that does not parse, naming nothing it cannot read', () => {
  assert.throws(() => minifyTemplates('html`<p>${`', 'broken.js'));
});
