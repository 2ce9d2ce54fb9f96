// The statistics of the element benchmarks: medians, 95% intervals of means and of ratios.

/** The values in ascending order (a copy). */
export const sorted = (xs) => [...xs].sort((a, b) => a - b);

/** The median of the values. */
export function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The mean of the values. */
export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** 95% confidence interval of the mean (normal approximation; n ≥ 30). */
export function meanCi(xs) {
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  const half = (1.96 * sd) / Math.sqrt(xs.length);
  return [m - half, m + half];
}

/** Bootstrap 95% interval of mean(a) / mean(b), with a fixed seed. */
export function ratioCi(a, b) {
  let s = 7;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const ratios = [];
  for (let i = 0; i < 2000; i += 1) {
    let sa = 0;
    let sb = 0;
    for (let j = 0; j < a.length; j += 1) sa += pick(a);
    for (let j = 0; j < b.length; j += 1) sb += pick(b);
    ratios.push(sa / a.length / (sb / b.length));
  }
  const r = sorted(ratios);
  return [r[Math.floor(0.025 * r.length)], r[Math.floor(0.975 * r.length)]];
}
