/// <reference types="mocha" />
// The CSV export honours the table's kind-of-work filter (issue 7): the file holds what the table
// shows. Apart from diary-grade-table.test.ts so the two can change without touching each other.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { parseCsv, workKindName } from '@school-diary/core';
import type { DiaryClient } from '@school-diary/sdk';
import '../define';
import { settle } from '../test-support/dom';
import { WORLD, signedInClient } from '../test-support/grades-world';
import type { DiaryGradeTable } from './diary-grade-table';

const $ = <E extends Element = HTMLElement>(table: DiaryGradeTable, selector: string) =>
  table.shadowRoot?.querySelector<E>(selector) ?? null;

async function mount(client: DiaryClient): Promise<DiaryGradeTable> {
  const provider = await fixture(
    html`<diary-provider .client=${client} lang="ru">
      <diary-grade-table child-id=${WORLD.maria}></diary-grade-table>
    </diary-provider>`,
  );
  const table = provider.querySelector('diary-grade-table') as DiaryGradeTable;
  await waitUntil(
    () => !['loading', undefined].includes($(table, '[part="base"]')?.dataset['state']),
    'the table did not load',
    { timeout: 15_000 },
  );
  await settle(table);
  return table;
}

/** Exports through the table's button; the CSV's data rows and the range in the file name. */
async function exportCsv(table: DiaryGradeTable) {
  const exported = oneEvent(table, 'diary-grades-export');
  $(table, '[part~="export"]')?.click();
  const { detail } = (await exported) as CustomEvent<{ fileName: string; text: string }>;
  const [, from, to] = /^оценки-(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})\.csv$/.exec(
    detail.fileName,
  ) ?? ['', '', ''];
  const rows = parseCsv(detail.text.replace(/^\uFEFF/, ''), { delimiter: ';' }).slice(1);
  return { rows, from, to };
}

describe('<diary-grade-table> CSV export and the kind-of-work filter', function () {
  this.timeout(60_000);

  it('exports only the marks of the chosen kind, as many as the server lists', async () => {
    const { client } = await signedInClient(WORLD.parent);
    const table = await mount(client);
    const period = $<HTMLSelectElement>(table, '#period');
    if (period && [...period.options].some((o) => o.value === 'year')) {
      period.value = 'year';
      period.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(table);
    }
    const everything = await exportCsv(table);
    const kind = $<HTMLSelectElement>(table, '#kind');
    if (!kind) throw new Error('no kind filter');
    kind.value = 'test';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(table);

    const tests = await exportCsv(table);
    expect(tests.rows.length).to.be.greaterThan(0);
    expect(tests.rows.length).to.be.lessThan(everything.rows.length);
    expect(tests.rows.every((row) => row[4] === workKindName('ru', 'test'))).to.equal(true);
    const listed = await client.grades.list({
      childId: WORLD.maria,
      kind: 'test',
      ...(tests.from ? { from: tests.from } : {}),
      ...(tests.to ? { to: tests.to } : {}),
    });
    expect(tests.rows.length).to.equal(listed.items.length);
    await settle(table);
    await expect(table).to.be.accessible();
  });
});
