const canonicalOf = new WeakMap<object, string>();

/**
 * Sorted `[name, value]` pairs of validated params or query: the same input, the same key. A
 * frozen input (a URL's validated input, kept by `ValidatedUrls`) is written out once.
 */
export function canonical(input: unknown): string {
  if (!input || typeof input !== 'object') return '';
  const known = canonicalOf.get(input);
  if (known !== undefined) return known;
  const entries = Object.entries(input).filter(([, v]) => v !== undefined);
  const text = JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (Object.isFrozen(input)) canonicalOf.set(input, text);
  return text;
}

/** The last hour {@link hourOf} named: its start and end (ms) and its `YYYY-MM-DDTHH`. */
let lastHour = { from: 0, to: 0, text: '' };

/** `YYYY-MM-DDTHH` (UTC) of an instant; the same hour's text is made once. */
function hourOf(at: number): string {
  if (at >= lastHour.from && at < lastHour.to) return lastHour.text;
  const from = at - (((at % 3_600_000) + 3_600_000) % 3_600_000);
  lastHour = { from, to: from + 3_600_000, text: new Date(from).toISOString().slice(0, 13) };
  return lastHour.text;
}

/** Who a cached answer is for: one user, or every user of a role when the answer is the same. */
export interface CacheAudience {
  readonly perRole: boolean;
  readonly user: { readonly id: string; readonly role: string } | null;
}

/**
 * The cache key of a read at an instant (ms since the epoch): route, caller, language, the hour
 * (an answer may depend on "today", so no entry outlives the hour it was made in) and the
 * canonical params and query. The caller (or, for answers that are the same for everyone let in,
 * their role) is part of it, so an entry made for one user is never served to another.
 */
export function cacheKeyAt(
  at: number,
  id: string,
  audience: CacheAudience,
  lang: string,
  params: string,
  query: string,
): string {
  const { perRole, user } = audience;
  const who = (perRole ? `role:${user?.role}` : user?.id) ?? 'anonymous';
  return `${id}\n${who}\n${lang}\n${hourOf(at)}\n${params}\n${query}`;
}
