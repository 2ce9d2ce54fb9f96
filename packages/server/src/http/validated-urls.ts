/** A URL's params and query as its route's schemas validated them. */
export interface ValidatedInput {
  readonly params: unknown;
  readonly query: unknown;
}

/**
 * The validated params and query of the URLs a read was asked for, so that a URL read again and
 * again (a widget revalidating its marks list) is validated once: validation is a pure function
 * of the URL, and only successes are kept (a bad URL is validated, and refused, every time). At
 * most `limit` URLs, the least recently added first out; the values are frozen.
 *
 * @example
 * const input = urls.get(request.url) ?? urls.set(request.url, validate(request));
 */
export class ValidatedUrls {
  readonly #entries = new Map<string, ValidatedInput>();
  readonly #limit: number;

  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  /** The kept input of a URL. */
  get(url: string): ValidatedInput | undefined {
    return this.#entries.get(url);
  }

  /** Keeps a URL's validated input and returns it. */
  set(url: string, input: ValidatedInput): ValidatedInput {
    const kept = { params: Object.freeze(input.params), query: Object.freeze(input.query) };
    if (this.#limit <= 0) return kept;
    if (this.#entries.size >= this.#limit) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(url, kept);
    return kept;
  }
}
