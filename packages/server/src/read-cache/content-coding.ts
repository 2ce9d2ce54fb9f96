/** A representation of a cached body: as stored, or compressed once when it was made. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** The `q` of each coding an `Accept-Encoding` names (`*` included), lower-cased. */
function weights(header: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    result.set(name, q === undefined ? 1 : Number(q));
  }
  return result;
}

const parsed = new Map<string, ContentCoding>();

/**
 * The coding to answer with for an `Accept-Encoding`: brotli, then gzip, when the client takes
 * them (named or by `*`, and not refused with `q=0`); identity otherwise. The few distinct headers
 * browsers send are parsed once.
 *
 * @example
 * preferredCoding('gzip, deflate, br'); // 'br'
 * preferredCoding('gzip;q=0'); // 'identity'
 */
export function preferredCoding(header: string | undefined): ContentCoding {
  if (!header) return 'identity';
  const known = parsed.get(header);
  if (known) return known;
  const q = weights(header);
  const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  const coding: ContentCoding = accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : 'identity';
  if (parsed.size < 1000) parsed.set(header, coding);
  return coding;
}

/** The entity tag of a coding: each representation needs its own strong tag. */
export function codedTag(etag: string, coding: ContentCoding): string {
  if (coding === 'identity') return etag;
  return `${etag.slice(0, -1)}.${coding === 'gzip' ? 'gz' : 'br'}"`;
}

/** Whether `If-None-Match` names the tag (weak comparison, as RFC 9110 asks for this header). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
