/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { DARK_COLORS, LIGHT_COLORS, type ColorToken } from './theme';
import { APPEARANCE_TOKENS, type DiaryAppearance } from '../appearance/appearance';

type Palette = Record<ColorToken, string>;

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Foreground, background, and the WCAG AA minimum the widgets' styles need of them. */
const PAIRS: readonly (readonly [ColorToken, ColorToken, number])[] = [
  ['--diary-color-text', '--diary-color-bg', 4.5],
  ['--diary-color-text', '--diary-color-surface', 4.5],
  ['--diary-color-text-muted', '--diary-color-bg', 4.5],
  ['--diary-color-text-muted', '--diary-color-surface', 4.5],
  ['--diary-color-primary', '--diary-color-bg', 4.5],
  ['--diary-color-primary', '--diary-color-surface', 4.5],
  ['--diary-color-primary-hover', '--diary-color-bg', 4.5],
  ['--diary-color-on-primary', '--diary-color-primary', 4.5],
  ['--diary-color-on-primary', '--diary-color-primary-hover', 4.5],
  ['--diary-color-error', '--diary-color-bg', 4.5],
  ['--diary-color-error', '--diary-color-error-bg', 4.5],
  ['--diary-color-success', '--diary-color-bg', 4.5],
  ['--diary-color-success', '--diary-color-success-bg', 4.5],
  ['--diary-color-warning', '--diary-color-bg', 4.5],
  ['--diary-color-warning', '--diary-color-surface', 4.5],
  ['--diary-color-border', '--diary-color-bg', 3],
  ['--diary-color-focus', '--diary-color-bg', 3],
];

function failures(palette: Palette): string[] {
  return PAIRS.flatMap(([fg, bg, min]) => {
    const ratio = contrast(palette[fg], palette[bg]);
    return ratio >= min ? [] : [`${fg} on ${bg}: ${ratio.toFixed(2)}:1 < ${min}:1`];
  });
}

/** A documented appearance applied to the theme it names. */
function paletteOf(appearance: DiaryAppearance): Palette {
  const palette: Palette = { ...(appearance.theme === 'dark' ? DARK_COLORS : LIGHT_COLORS) };
  for (const [name, value] of Object.entries(appearance.variables ?? {})) {
    const token = APPEARANCE_TOKENS[name as keyof typeof APPEARANCE_TOKENS];
    if (token in palette && value) palette[token as ColorToken] = value;
  }
  return palette;
}

const DOCS = [
  'docs/getting-started-embed.md',
  'docs/theming.md',
  'docs/frameworks.md',
  'packages/elements/README.md',
];

/** Every `appearance='{…}'` of the docs, and every CSS block of `--diary-color-*` tokens. */
async function documentedPalettes(): Promise<{ where: string; palette: Palette }[]> {
  const found: { where: string; palette: Palette }[] = [];
  for (const doc of DOCS) {
    const response = await fetch(`/${doc}`);
    if (!response.ok) continue;
    const text = await response.text();
    for (const m of text.matchAll(/appearance='(\{[^']*\})'/g))
      found.push({ where: `${doc}: ${m[1]}`, palette: paletteOf(JSON.parse(m[1] ?? '{}')) });
    for (const m of text.matchAll(/```css\n([\s\S]*?)```/g)) {
      const tokens = [...(m[1] ?? '').matchAll(/(--diary-color-[\w-]+):\s*(#[0-9a-f]{6})/gi)];
      if (tokens.length === 0) continue;
      const palette: Palette = { ...LIGHT_COLORS };
      for (const [, token, value] of tokens) palette[token as ColorToken] = value ?? '';
      found.push({ where: `${doc}: css block`, palette });
    }
  }
  return found;
}

describe('theme colours meet WCAG AA', () => {
  it('the light defaults, every pair the widgets draw', () => {
    expect(failures(LIGHT_COLORS)).to.deep.equal([]);
  });

  it('the dark theme, every pair the widgets draw', () => {
    expect(failures(DARK_COLORS)).to.deep.equal([]);
  });

  it('every theme and appearance example the docs show', async () => {
    const palettes = await documentedPalettes();
    expect(palettes.length).to.be.greaterThan(2);
    const bad = palettes.flatMap(({ where, palette }) =>
      failures(palette).map((f) => `${where} — ${f}`),
    );
    expect(bad).to.deep.equal([]);
  });

  it('computes the WCAG ratio (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).to.be.closeTo(21, 0.001);
    expect(contrast('#0d4cd3', '#0d4cd3')).to.equal(1);
  });
});
