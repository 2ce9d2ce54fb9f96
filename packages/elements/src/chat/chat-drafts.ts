/**
 * The unsent text of each conversation, per user, in `sessionStorage`: it survives leaving the
 * thread and reloading the tab, and goes with the tab.
 */
export const draftKey = (userId: string, threadId: string): string =>
  `diary-chat-draft:${userId}:${threadId}`;

/** The draft kept under `key`, or `''`. */
export function readDraft(key: string): string {
  try {
    return globalThis.sessionStorage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/** Keeps a draft (an empty one is removed). */
export function writeDraft(key: string, text: string): void {
  try {
    if (text) globalThis.sessionStorage?.setItem(key, text);
    else globalThis.sessionStorage?.removeItem(key);
  } catch {
    // Storage may be off (private mode, a sandboxed frame): the draft then lives in memory only.
  }
}
