// The theme's public custom properties, read from the styles the widgets actually use
// (packages/elements/src/shared/theme.ts), so the Theme page cannot drift from the code.
import { hostTokens } from '../packages/elements/src/shared/theme';

/** One public token: its name, the light default, and the dark theme's value (if it has one). */
export interface ThemeTokenRow {
  readonly name: string;
  readonly light: string;
  readonly dark: string | undefined;
}

/** Every `--diary-*` token with its defaults, in the order the theme declares them. */
export function themeTokenRows(): ThemeTokenRow[] {
  const css = hostTokens.cssText;
  const darkBlock = /\[theme='dark'\]\)\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const dark = new Map(
    [...darkBlock.matchAll(/(--diary-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]),
  );
  return [...css.matchAll(/var\((--diary-[\w-]+),\s*((?:[^()]|\([^()]*\))+)\)/g)].map((m) => ({
    name: m[1] ?? '',
    light: (m[2] ?? '').trim(),
    dark: dark.get(m[1] ?? ''),
  }));
}
