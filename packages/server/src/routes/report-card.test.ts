import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  markValueText,
  periodName,
  type ErrorResponse,
  type GradeSummary,
  type Lang,
  type Mark,
  type MarkValue,
  type SchoolYearInfo,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { cardDate, cardNumber } from '../services/report-card-pdf';

const MARIA = DEMO.children.maria.id;
const REPORT = `/api/v1/children/${MARIA}/report.pdf`;

/** The PDF's pages: their size and their text in content order, spaces collapsed. */
async function readPdf(bytes: Uint8Array) {
  // A copy: pdf.js detaches the buffer it is given.
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: { width: number; height: number; text: string }[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ')
      .replace(/\s+/g, ' ');
    const [, , width = 0, height = 0] = page.view;
    pages.push({ width, height, text });
  }
  const tree = await (await pdf.getPage(1)).getStructTree();
  await pdf.destroy();
  return { pages, text: pages.map((p) => p.text).join(' '), tree };
}

describe('report card PDF', () => {
  let server: TestServer;
  let parent: string;
  let periodId: string;
  let period: { name: string; startDate: string; endDate: string };

  before(async () => {
    server = await startTestServer();
    parent = (await server.login(DEMO.users.parentIvanova.phone)).accessToken;
    const year = await server.call<SchoolYearInfo>('GET', `/api/v1/children/${MARIA}/periods`, {
      token: parent,
    });
    const first = year.body.periods[0];
    assert.ok(first, 'the demo year has periods');
    periodId = first.id;
    period = first;
  });
  after(() => server.close());

  const fetchPdf = async (token: string, query: Record<string, string>, lang?: string) => {
    const res = await fetch(`${server.url}${REPORT}?${new URLSearchParams(query).toString()}`, {
      headers: { authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) },
    });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  /** What the API says of the period, as the card should print it. */
  async function expectedRows(lang: Lang) {
    const query = { periodId };
    const [summary, marks, attendance] = await Promise.all([
      server.call<GradeSummary>('GET', `/api/v1/children/${MARIA}/grades/summary`, {
        token: parent,
        query,
      }),
      server.call<{ items: Mark[] }>('GET', `/api/v1/children/${MARIA}/grades`, {
        token: parent,
        query,
      }),
      server.call<{ totals: Record<string, number> }>(
        'GET',
        `/api/v1/children/${MARIA}/attendance`,
        {
          token: parent,
          query,
        },
      ),
    ]);
    const rows = summary.body.subjects.map((s) => {
      const values = marks.body.items
        .filter((m) => m.subjectId === s.subjectId)
        .map((m) => {
          const text = markValueText(lang, m.value);
          return m.weight === 1 ? text : `${text}×${String(m.weight)}`;
        });
      const final = s.fixedFinalMark ?? s.finalMark;
      const finalText =
        final === null || final === undefined ? '—' : markValueText(lang, final as MarkValue);
      return `${s.subjectName} ${values.join(', ')} ${cardNumber(lang, s.weightedAverage)} ${finalText}`;
    });
    return { rows, totals: attendance.body.totals };
  }

  for (const lang of ['ru', 'en'] as const) {
    it(`prints the API's marks, averages, final marks and attendance (${lang})`, async () => {
      // Russian from Accept-Language, English from `lang`, which wins over the header.
      const { res, bytes } =
        lang === 'ru'
          ? await fetchPdf(parent, { periodId }, 'ru')
          : await fetchPdf(parent, { periodId, lang: 'en' }, 'ru');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.match(res.headers.get('content-disposition') ?? '', /report-chd_maria-.*\.pdf/);
      const pdf = await readPdf(bytes);
      assert.ok(
        pdf.pages.every((p) => Math.round(p.width) === 595 && Math.round(p.height) === 842),
        'A4',
      );
      const { rows, totals } = await expectedRows(lang);
      assert.ok(rows.length > 2, 'the demo period has marks in several subjects');
      for (const row of rows) assert.ok(pdf.text.includes(row), `${row}\nin\n${pdf.text}`);
      const head =
        lang === 'ru'
          ? ['Табель успеваемости', 'Иванова Мария', 'Школа № 42', '5А', 'Посещаемость']
          : ['Report card', 'Иванова Мария', 'Школа № 42', '5А', 'Attendance'];
      for (const text of head) assert.ok(pdf.text.includes(text), text);
      assert.ok(pdf.text.includes(periodName(lang, period.name)));
      assert.ok(pdf.text.includes(cardDate(lang, period.startDate)));
      assert.ok(pdf.text.includes(cardDate(lang, '2026-11-24')), 'issued on the school’s today');
      const present = lang === 'ru' ? 'присутствовал(а)' : 'present';
      const late = lang === 'ru' ? 'опоздание' : 'late';
      assert.ok(pdf.text.includes(`${present}: ${String(totals.present)}`));
      assert.ok(pdf.text.includes(`${late}: ${String(totals.late)}`));
      // Tagged: a structure tree with the table for screen readers; the font embedded.
      assert.ok(JSON.stringify(pdf.tree).includes('"role":"Table"'));
      assert.ok(Buffer.from(bytes).includes('/FontFile2'), 'the font is embedded');
    });
  }

  it('lets the class’s teacher and the school’s admin download it, no one else', async () => {
    const teacher = (await server.login(DEMO.users.teacherMath.phone)).accessToken;
    const admin = (await server.login(DEMO.users.admin42.phone)).accessToken;
    const stranger = (await server.login(DEMO.users.parentPetrov.phone)).accessToken;
    const otherAdmin = (await server.login(DEMO.users.admin17.phone)).accessToken;
    for (const token of [teacher, admin])
      assert.equal((await fetchPdf(token, { periodId })).res.status, 200);
    for (const token of [stranger, otherAdmin])
      assert.equal((await fetchPdf(token, { periodId })).res.status, 404);
    const anonymous = await fetch(`${server.url}${REPORT}?periodId=${periodId}`);
    assert.equal(anonymous.status, 401);
  });

  it('rejects a missing or unknown period with the field error, in Russian and English', async () => {
    for (const [query, lang] of [
      [{}, 'ru'],
      [{ periodId: 'per_unknown' }, 'en'],
    ] as const) {
      const res = await server.call<ErrorResponse>('GET', REPORT, { token: parent, query, lang });
      assert.equal(res.status, 400, res.text);
      const field = res.body.error.fields?.find((f) => f.path === 'periodId');
      assert.ok(field, res.text);
      assert.match(field.message, lang === 'ru' ? /[а-я]/i : /^[^а-я]*$/i);
    }
  });
});
