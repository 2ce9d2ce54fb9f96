import { readFileSync } from 'node:fs';

/**
 * The version of @school-diary/server, read from its package.json: one level above src/ and
 * dist/, or two above a bundled chunk in dist/chunks/.
 *
 * @example
 * serverVersion(); // '0.1.0'
 */
export function serverVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
      if (
        typeof pkg === 'object' &&
        pkg !== null &&
        'name' in pkg &&
        pkg.name === '@school-diary/server' &&
        'version' in pkg &&
        typeof pkg.version === 'string'
      )
        return pkg.version;
    } catch {
      // not there: try the next place
    }
  }
  return 'unknown';
}
