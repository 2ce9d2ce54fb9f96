// The single-path vanilla SVG baseline of the timeline chart: every mark as one vertex of one
// <path> (dates and values scaled to the same 720×280 box), no thinning, nothing else.
import type { Mark } from '@school-diary/core';

const NS = 'http://www.w3.org/2000/svg';

export function vanillaChart(host: HTMLElement, marks: readonly Mark[]): void {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', '720');
  svg.setAttribute('height', '280');
  const from = Date.parse(`${(marks[0] as Mark).date}T00:00:00Z`);
  const to = Date.parse(`${(marks[marks.length - 1] as Mark).date}T00:00:00Z`) || from + 1;
  const span = to - from || 1;
  let d = '';
  for (const mark of marks) {
    const x = 32 + ((Date.parse(`${mark.date}T00:00:00Z`) - from) / span) * 672;
    const y = 12 + ((5 - (mark.value as number)) / 4) * 240;
    d += `${d ? 'L' : 'M'}${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}`;
  }
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', '#0d4cd3');
  svg.append(path);
  host.append(svg);
}
