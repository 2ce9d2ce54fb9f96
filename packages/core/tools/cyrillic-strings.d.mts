import type { Plugin } from 'rollup';

/** The encoded form of a text, as `cyrillicText` reads it back. */
export function encodeCyrillic(text: string): string;

/** The rollup plugin that writes core's Cyrillic string literals encoded into dist/. */
export function cyrillicStrings(options: { srcDir: string; decoder: string }): Plugin;
