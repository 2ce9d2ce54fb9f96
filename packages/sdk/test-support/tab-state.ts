// Test-only: what a tab page (tab.html) exposes to the browser test that opened it.
import type { DiaryClient } from '../src/create-diary-client';

/** Knobs and counters of one tab, shared with the test. */
export interface TabState {
  /** Milliseconds added to the tab's clock (to bring the token's expiry near). */
  skew: number;
  /** `/auth/refresh` requests this tab has sent. */
  refreshes: number;
  /** Every request that left this tab for the network, as `METHOD /path`. */
  readonly requests: string[];
  /** Every session change this tab saw, as `type` or `type:reason`. */
  readonly changes: string[];
}

/** The window of a tab page, as a test sees it. */
export interface TabWindow {
  readonly diary: DiaryClient;
  readonly tab: TabState;
  readonly location: { reload(): void };
  dispatchEvent(event: Event): boolean;
}

/** The key under which a tab's `localStorage` flag says "offline". */
export const offlineKey = (key: string) => `${key}:offline`;
