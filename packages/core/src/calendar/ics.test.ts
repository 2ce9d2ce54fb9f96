import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventToIcs } from './ics.js';

/** Unfolds and splits an iCalendar text as a reader would (RFC 5545 §3.1), checking CRLF. */
function parse(text: string): { name: string; params: string; value: string }[] {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
  for (const line of text.split('\r\n'))
    assert.ok(new TextEncoder().encode(line).length <= 75, `folded: ${line}`);
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const head = line.slice(0, colon);
      const [name = '', ...params] = head.split(';');
      return { name, params: params.join(';'), value: line.slice(colon + 1) };
    });
}

const unescape = (v: string) =>
  v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('eventToIcs', () => {
  it('writes a timed event in UTC from the school’s time zone, with UID and DTSTAMP', () => {
    const text = eventToIcs(
      {
        id: 'nws_demo_concert',
        title: 'Новогодний концерт; вход, по записи',
        description: 'Первая строка\nвторая строка с \\ обратной чертой',
        location: 'Актовый зал, 2 этаж',
        date: '2026-12-20',
        startTime: '18:00',
        endTime: '19:30',
      },
      { timeZone: 'Asia/Yekaterinburg', now: new Date('2026-11-24T09:00:00.000Z') },
    );
    const lines = parse(text);
    const get = (name: string) => lines.find((l) => l.name === name);
    assert.deepEqual(
      lines.map((l) => l.name).filter((n) => n === 'BEGIN' || n === 'END'),
      ['BEGIN', 'BEGIN', 'END', 'END'],
    );
    assert.equal(get('VERSION')?.value, '2.0');
    assert.ok(get('PRODID')?.value);
    assert.equal(get('UID')?.value, 'nws_demo_concert@school-diary.example');
    assert.equal(get('DTSTAMP')?.value, '20261124T090000Z');
    assert.equal(get('DTSTART')?.value, '20261220T130000Z', '18:00 in Yekaterinburg (UTC+5)');
    assert.equal(get('DTEND')?.value, '20261220T143000Z');
    assert.equal(unescape(get('SUMMARY')?.value ?? ''), 'Новогодний концерт; вход, по записи');
    assert.equal(unescape(get('LOCATION')?.value ?? ''), 'Актовый зал, 2 этаж');
    assert.equal(
      unescape(get('DESCRIPTION')?.value ?? ''),
      'Первая строка\nвторая строка с \\ обратной чертой',
    );
  });

  it('makes an event without a time an all-day event and folds long lines', () => {
    const text = eventToIcs(
      { id: 'nws_1', title: 'Д'.repeat(100), date: '2026-12-31' },
      { timeZone: 'Europe/Moscow', now: new Date('2026-11-24T09:00:00.000Z'), domain: 's42.ru' },
    );
    const lines = parse(text);
    const start = lines.find((l) => l.name === 'DTSTART');
    assert.deepEqual([start?.params, start?.value], ['VALUE=DATE', '20261231']);
    assert.equal(lines.find((l) => l.name === 'DTEND')?.value, '20270101');
    assert.equal(lines.find((l) => l.name === 'SUMMARY')?.value, 'Д'.repeat(100));
    assert.equal(lines.find((l) => l.name === 'UID')?.value, 'nws_1@s42.ru');
    assert.ok(text.split('\r\n').length > 12, 'the long summary was folded');
  });
});
