/** A read receipt to send: the thread, read up to this message. */
interface ReadReceipt {
  readonly threadId: string;
  readonly upToMessageId: string;
}

/**
 * Read receipts, one in flight at a time: a burst of new messages sends one more receipt for the
 * newest, not one request (and one re-render) per message.
 */
export class ReadReceipts {
  readonly #send: (threadId: string, upToMessageId: string) => Promise<void>;
  #next: ReadReceipt | undefined;
  #inFlight = false;

  /** `send` posts one receipt; a failed one is sent again with the next message read. */
  constructor(send: (threadId: string, upToMessageId: string) => Promise<void>) {
    this.#send = send;
  }

  /** Marks the thread read up to a message. */
  async mark(threadId: string, upToMessageId: string): Promise<void> {
    this.#next = { threadId, upToMessageId };
    if (this.#inFlight) return;
    this.#inFlight = true;
    try {
      let next: ReadReceipt | undefined = this.#next;
      while (next) {
        this.#next = undefined;
        await this.#send(next.threadId, next.upToMessageId).catch(() => undefined);
        next = this.#next;
      }
    } finally {
      this.#inFlight = false;
    }
  }
}
