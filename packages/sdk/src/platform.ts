/** The Web Locks API, as far as the SDK uses it. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * The browser-only globals the SDK uses where they exist. Typed here rather than through the DOM
 * library because the SDK runs in Node too: each use must cope with the global being absent.
 */
export interface BrowserGlobals {
  readonly document?: {
    createElement(tag: 'a'): {
      href: string;
      download: string;
      hidden: boolean;
      click(): void;
      remove(): void;
    };
    readonly body: { append(node: object): void };
  };
  readonly localStorage?: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  readonly indexedDB?: object;
  readonly navigator?: { readonly locks?: LockManagerLike };
  addEventListener?(type: 'online', listener: () => void): void;
  removeEventListener?(type: 'online', listener: () => void): void;
}

/** `globalThis`, with the browser globals the SDK may use. */
export const browser = globalThis as unknown as BrowserGlobals;
