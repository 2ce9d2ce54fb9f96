import { nearest, type DrawnSeries } from './timeline-chart-plot';
import type { PlacedPoint } from './timeline-model';

/** Where the keyboard (or the pointer) is: a subject and a point of its drawn points. */
export interface Active {
  readonly subjectId: string;
  readonly index: number;
}

/** The active point as drawn now. */
export interface ActivePoint {
  readonly drawn: DrawnSeries;
  readonly point: PlacedPoint;
  readonly index: number;
}

/**
 * Where a key moves the active point: ← → to the neighbouring marks of the subject, Home and End
 * to its first and last, ↑ ↓ to the nearest mark of the previous or next chosen subject;
 * `undefined` for any other key.
 */
export function keyMove(
  key: string,
  current: ActivePoint,
  withPoints: readonly DrawnSeries[],
): Active | undefined {
  const subjectId = current.drawn.series.subjectId;
  const last = current.drawn.placed.length - 1;
  switch (key) {
    case 'ArrowRight':
      return { subjectId, index: Math.min(last, current.index + 1) };
    case 'ArrowLeft':
      return { subjectId, index: Math.max(0, current.index - 1) };
    case 'Home':
      return { subjectId, index: 0 };
    case 'End':
      return { subjectId, index: last };
    case 'ArrowUp':
    case 'ArrowDown': {
      const at = withPoints.indexOf(current.drawn);
      const step = key === 'ArrowDown' ? 1 : -1;
      const other = withPoints[(at + step + withPoints.length) % withPoints.length] as DrawnSeries;
      return {
        subjectId: other.series.subjectId,
        index: nearest(other.placed, current.point.px),
      };
    }
    default:
      return undefined;
  }
}
