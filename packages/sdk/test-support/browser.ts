// Test-only: what browser tests need from the page, typed without the DOM library (the root
// TypeScript program has none, because the server's code must not see browser globals).
import type { TabWindow } from './tab-state';

interface Frame {
  src: string;
  readonly contentWindow: (TabWindow & Partial<Pick<TabWindow, 'diary'>>) | null;
  addEventListener(type: 'load', listener: () => void, options?: { once: boolean }): void;
  remove(): void;
}

interface PageGlobals {
  readonly document: {
    createElement(tag: 'iframe'): Frame;
    readonly body: { append(node: Frame): void };
  };
  readonly localStorage: {
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
    clear(): void;
  };
}

/** `globalThis` as a browser page. */
export const page = globalThis as unknown as PageGlobals;

/** The URL of the diary server web-test-runner started (see diary-server.mjs). */
export async function diaryServerUrl(): Promise<string> {
  const response = await fetch('/__diary-server-url');
  return ((await response.json()) as { url: string }).url;
}

/** Resolves when `check` holds; polls every 10 ms. */
export async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A tab: an iframe running tab.html, and its window once the SDK client is there. */
export interface Tab {
  readonly frame: Frame;
  readonly window: TabWindow;
}

async function loaded(frame: Frame): Promise<TabWindow> {
  await new Promise<void>((resolve) =>
    frame.addEventListener('load', () => resolve(), { once: true }),
  );
  await until(() => Boolean(frame.contentWindow?.diary), 'the tab to create its client');
  const window = frame.contentWindow as TabWindow;
  await window.diary.ready;
  return window;
}

/** Opens tab.html in an iframe: one more "browser tab" of the same site. */
export async function openTab(server: string, key: string): Promise<Tab> {
  const frame = page.document.createElement('iframe');
  const url = new URL('./tab.html', import.meta.url);
  url.search = new URLSearchParams({ server, key }).toString();
  frame.src = url.href;
  const window = loaded(frame);
  page.document.body.append(frame);
  return { frame, window: await window };
}

/** Reloads a tab's page: everything in memory is gone, storage stays. */
export async function reloadTab(tab: Tab): Promise<Tab> {
  const window = loaded(tab.frame);
  tab.window.location.reload();
  return { frame: tab.frame, window: await window };
}
