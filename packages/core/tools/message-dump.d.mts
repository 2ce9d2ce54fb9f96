import type * as Core from '../src/index';

/** The dump of every message of a core build (its main entry's exports). */
export function dumpMessages(core: typeof Core): string;
