import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser, type SseMessage } from './sse-parser';

function parse(...chunks: string[]): { messages: SseMessage[]; parser: SseParser } {
  const messages: SseMessage[] = [];
  const parser = new SseParser((m) => messages.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return { messages, parser };
}

describe('SseParser', () => {
  it('dispatches an event on a blank line with its type, data and id', () => {
    const { messages } = parse('id: 7\nevent: mark.created\ndata: {"a":1}\n\n');
    assert.deepEqual(messages, [{ event: 'mark.created', data: '{"a":1}', lastEventId: '7' }]);
  });

  it('joins data lines, ignores comments and reads retry', () => {
    const { messages, parser } = parse(': ping\n\nretry: 3000\n\ndata: a\ndata: b\n\n');
    assert.deepEqual(messages, [{ event: 'message', data: 'a\nb', lastEventId: '' }]);
    assert.equal(parser.retry, 3000);
  });

  it('handles frames split anywhere, and CRLF split between chunks', () => {
    const { messages } = parse('id: 1\r', '\nevent: x\r\nda', 'ta: y\r\n\r', '\n');
    assert.deepEqual(messages, [{ event: 'x', data: 'y', lastEventId: '1' }]);
  });

  it('keeps the last id for later events and ignores events without data', () => {
    const { messages } = parse('id: 5\nevent: session-expired\n\nevent: x\ndata: 1\n\n');
    assert.deepEqual(messages, [{ event: 'x', data: '1', lastEventId: '5' }]);
  });
});
