/** The upper bounds (s) of the request-duration histogram's buckets. */
export const DURATION_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

const REQUESTS = {
  name: 'diary_http_requests_total',
  help: 'HTTP requests answered, by route pattern and status',
};
const DURATIONS = {
  name: 'diary_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route pattern and status',
};

/** The answered requests of one method, route pattern and status. */
interface Series {
  /** The labels as the exposition writes them: `method="GET",route="…",status="200"`. */
  readonly labels: string;
  count: number;
  /** Seconds, summed. */
  sum: number;
  /** Requests per bucket (not cumulative); the last counts those above every bound. */
  readonly buckets: Float64Array;
}

/** A label value as the Prometheus text format writes it. */
function labelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/**
 * Answered requests counted in plain numbers, by method, route pattern and status, with their
 * durations in buckets: counting one costs a few map look-ups and additions, and the text a
 * Prometheus scrape reads — the counter `diary_http_requests_total` and the histogram
 * `diary_http_request_duration_seconds` — is written only when it scrapes.
 *
 * @example
 * const counts = new RequestCounts();
 * counts.observe('GET', '/healthz', 200, 0.002);
 * counts.text(); // '# HELP diary_http_requests_total …'
 */
export class RequestCounts {
  /** Series by route, then status, then method: look-ups by strings the router already holds. */
  readonly #series = new Map<string, Map<number, Map<string, Series>>>();
  readonly #bounds: readonly number[];

  constructor(bounds: readonly number[] = DURATION_BUCKETS) {
    this.#bounds = bounds;
  }

  /** Counts one answered request and its duration (s). */
  observe(method: string, route: string, status: number, seconds: number): void {
    let byStatus = this.#series.get(route);
    if (!byStatus) this.#series.set(route, (byStatus = new Map()));
    let byMethod = byStatus.get(status);
    if (!byMethod) byStatus.set(status, (byMethod = new Map()));
    let series = byMethod.get(method);
    if (!series) {
      const labels = `method="${labelValue(method)}",route="${labelValue(route)}",status="${status}"`;
      series = { labels, count: 0, sum: 0, buckets: new Float64Array(this.#bounds.length + 1) };
      byMethod.set(method, series);
    }
    series.count += 1;
    series.sum += seconds;
    let bucket = 0;
    while (bucket < this.#bounds.length && seconds > (this.#bounds[bucket] ?? 0)) bucket += 1;
    series.buckets[bucket] = (series.buckets[bucket] ?? 0) + 1;
  }

  /** The counter and the histogram in the Prometheus text format (0.0.4). */
  text(): string {
    const all = [...this.#series.values()].flatMap((byStatus) =>
      [...byStatus.values()].flatMap((byMethod) => [...byMethod.values()]),
    );
    const requests = all.map((s) => `${REQUESTS.name}{${s.labels}} ${s.count}`);
    const durations = all.flatMap((s) => {
      let cumulative = 0;
      const bounds = [...this.#bounds.map(String), '+Inf'];
      const lines = bounds.map((le, i) => {
        cumulative += s.buckets[i] ?? 0;
        return `${DURATIONS.name}_bucket{le="${le}",${s.labels}} ${cumulative}`;
      });
      lines.push(`${DURATIONS.name}_sum{${s.labels}} ${s.sum}`);
      lines.push(`${DURATIONS.name}_count{${s.labels}} ${s.count}`);
      return lines;
    });
    return [
      [`# HELP ${REQUESTS.name} ${REQUESTS.help}`, `# TYPE ${REQUESTS.name} counter`, ...requests],
      [
        `# HELP ${DURATIONS.name} ${DURATIONS.help}`,
        `# TYPE ${DURATIONS.name} histogram`,
        ...durations,
      ],
    ]
      .map((lines) => lines.join('\n'))
      .join('\n\n');
  }
}
