// The example school site's frame: every page carries the navigation and the footer that
// examples/school-site/site-sections.js describes, so they are the same on every page, and each
// role's first page after signing in is one of the sections meant for it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  LANDING,
  ROLES,
  SECTIONS,
  SECTION_OF,
  sectionIsFor,
} from '../examples/school-site/site-sections.js';
import { framed, siteDir, sitePages } from './school-site-frame.mjs';

const pages = sitePages();
const read = (page) => readFileSync(join(siteDir, page), 'utf8');
const block = (html, pattern) => pattern.exec(html)?.[0] ?? '';
const NAV = /<nav class="site-nav"[^>]*>[\s\S]*?<\/nav>/;
const FOOTER = /<footer class="site-footer"[^>]*>[\s\S]*?<\/footer>/;
/** A navigation's links as data: where each goes, its text, its roles and whether it is hidden. */
const linksOf = (nav) =>
  [
    ...nav.matchAll(
      /<li data-for="([^"]+)"( hidden)?>\s*<a href="([^"]+)"(?: aria-current="page")?>\s*([^<]+?)\s*<\/a>/g,
    ),
  ].map(([, roles, hidden, href, label]) => ({ href, label, roles, hidden: Boolean(hidden) }));

describe('the example school site’s frame', () => {
  it('is written into every page as site-sections.js describes it', async () => {
    assert.ok(pages.length >= 18, `only ${pages.length} pages found`);
    for (const page of pages) {
      const html = read(page);
      assert.equal(
        await framed(page, html),
        html,
        `${page}: run node scripts/school-site-frame.mjs`,
      );
    }
  });

  it('gives every page the same footer, with the school’s one address', () => {
    const footers = new Set(pages.map((page) => block(read(page), FOOTER)));
    assert.equal(footers.size, 1, 'the footers differ');
    const [footer] = footers;
    assert.match(footer, /Москва, ул\. Академика Королёва, 9/);
  });

  it('gives every page the same navigation, marking the page’s own section', () => {
    const expected = SECTIONS.map((s) => s.href);
    for (const page of pages) {
      const nav = block(read(page), NAV);
      const links = linksOf(nav);
      assert.deepEqual(
        links.map((l) => l.href),
        expected,
        `${page}: the navigation's sections`,
      );
      const current = [...nav.matchAll(/href="([^"]+)" aria-current="page"/g)].map((m) => m[1]);
      assert.deepEqual(current, [SECTION_OF[page] ?? page], `${page}: the current section`);
    }
  });

  it('shows a signed-out visitor a parent’s sections and hides the staff’s', () => {
    const links = linksOf(block(read('index.html'), NAV));
    const hidden = links.filter((l) => l.hidden).map((l) => l.href);
    assert.deepEqual(hidden, ['journal.html', 'admin.html']);
  });

  it('takes each role after signing in to a section meant for it', () => {
    for (const role of ROLES) {
      const landing = SECTIONS.find((s) => s.href === LANDING[role]);
      assert.ok(landing && sectionIsFor(landing, role), `${role} lands on ${LANDING[role]}`);
    }
  });
});
