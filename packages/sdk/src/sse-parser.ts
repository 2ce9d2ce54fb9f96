/** One dispatched server-sent event. */
export interface SseMessage {
  /** The `event:` field; `message` when absent. */
  readonly event: string;
  /** The `data:` lines joined by newlines. */
  readonly data: string;
  /** The last `id:` seen on the stream so far (it carries over to later events). */
  readonly lastEventId: string;
}

/**
 * Parses a `text/event-stream` as the HTML standard describes: lines end in CR, LF or CRLF,
 * a blank line dispatches, `:` starts a comment, `retry:` sets the reconnection delay.
 *
 * @example
 * const parser = new SseParser((message) => console.log(message.event, message.data));
 * parser.push('event: mark.created\ndata: {}\n\n');
 */
export class SseParser {
  /** The reconnection delay the server asked for with `retry:`, in milliseconds. */
  retry: number | undefined;
  /** The last event id seen. */
  lastEventId = '';
  readonly #dispatch: (message: SseMessage) => void;
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #hasData = false;

  constructor(dispatch: (message: SseMessage) => void) {
    this.#dispatch = dispatch;
  }

  /** Feeds decoded text; complete lines are processed, a partial one waits for the rest. */
  push(text: string): void {
    this.#buffer += text;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      // A lone CR at the end may be the first half of a CRLF: wait for the next chunk.
      if (!match || (match[0] === '\r' && match.index === this.#buffer.length - 1)) return;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      this.#line(line);
    }
  }

  #line(line: string): void {
    if (line === '') return this.#flush();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#event = value;
        break;
      case 'data':
        this.#data.push(value);
        this.#hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
  }

  #flush(): void {
    const event = this.#event || 'message';
    const data = this.#data.join('\n');
    const hasData = this.#hasData;
    this.#event = '';
    this.#data = [];
    this.#hasData = false;
    if (hasData) this.#dispatch({ event, data, lastEventId: this.lastEventId });
  }
}
