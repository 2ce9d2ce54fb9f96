#!/usr/bin/env node
// Writes the example school site's frame — its navigation and its footer, described once in
// examples/school-site/site-sections.js — into every page of the site (the `<nav class="site-nav">`
// and `<footer class="site-footer">` of each examples/school-site/*.html), so that every page
// shows the same ones, as plain HTML. `--check` (part of `npm run lint`) fails when a page differs.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import {
  FOOTER,
  SECTIONS,
  SECTION_OF,
  SIGNED_OUT_AUDIENCE,
  sectionIsFor,
} from '../examples/school-site/site-sections.js';

export const siteDir = new URL('../examples/school-site/', import.meta.url).pathname;

/** The site's pages: every .html file of examples/school-site. */
export function sitePages() {
  return readdirSync(siteDir)
    .filter((name) => name.endsWith('.html'))
    .sort();
}

const escape = (text) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

/**
 * The navigation of one page: the «Меню» button that folds it on a phone (hidden until site.js
 * takes it over), then every section, each with the roles it is for (`data-for`, read by
 * site.js); a section not for the signed-out audience starts hidden; the page's own section is
 * `aria-current`.
 */
export function navFor(page) {
  const current = SECTION_OF[page] ?? page;
  const items = SECTIONS.map((section) => {
    const audience = section.for === 'everyone' ? 'everyone' : section.for.join(' ');
    const hidden = sectionIsFor(section, SIGNED_OUT_AUDIENCE) ? '' : ' hidden';
    const here = section.href === current ? ' aria-current="page"' : '';
    return `            <li data-for="${audience}"${hidden}><a href="${section.href}"${here}>${escape(section.label)}</a></li>`;
  });
  return [
    '<nav class="site-nav" aria-label="Разделы сайта">',
    // Shown by site.js on a narrow screen, where the sections fold behind it; without script the
    // sections scroll sideways in one row instead.
    '          <button type="button" class="site-nav__toggle" aria-expanded="false" aria-controls="site-sections" hidden>Меню</button>',
    '          <ul id="site-sections">',
    ...items,
    '          </ul>',
    '        </nav>',
  ].join('\n');
}

/** The footer, the same on every page. */
export function footer() {
  return [
    '<footer class="site-footer">',
    '      <div class="site-footer__inner">',
    '        <p>',
    `          ${escape(FOOTER.school)} ·`,
    `          <a href="mailto:${FOOTER.email}">${FOOTER.email}</a>`,
    '        </p>',
    `        <p>${escape(FOOTER.note)}</p>`,
    '      </div>',
    '    </footer>',
  ].join('\n');
}

const NAV = /<nav class="site-nav"[^>]*>[\s\S]*?<\/nav>/;
const FOOTER_BLOCK = /<footer class="site-footer"[^>]*>[\s\S]*?<\/footer>/;

/**
 * A page's HTML with its frame as site-sections.js describes it, laid out as the repository's
 * Prettier settings lay out HTML (so `prettier --check` and `--check` here agree).
 */
export async function framed(page, html) {
  for (const [what, pattern] of [
    ['<nav class="site-nav">', NAV],
    ['<footer class="site-footer">', FOOTER_BLOCK],
  ])
    if (!pattern.test(html)) throw new Error(`${page}: no ${what} to write the site's frame into`);
  const filepath = join(siteDir, page);
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  const next = html.replace(NAV, () => navFor(page)).replace(FOOTER_BLOCK, () => footer());
  return prettier.format(next, { ...options, filepath });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const page of sitePages()) {
    const path = join(siteDir, page);
    const html = readFileSync(path, 'utf8');
    const next = await framed(page, html);
    if (next === html) continue;
    stale.push(page);
    if (!check) writeFileSync(path, next);
  }
  if (check && stale.length > 0) {
    console.error(
      `The site frame differs from examples/school-site/site-sections.js in: ${stale.join(', ')}.\n` +
        'Run `node scripts/school-site-frame.mjs` and commit the pages.',
    );
    process.exit(1);
  }
  if (!check) console.log(stale.length ? `Framed: ${stale.join(', ')}` : 'Every page is framed.');
}
