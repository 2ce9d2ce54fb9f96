/** Options of {@link startDiaryServer}. */
export interface DiaryServerOptions {
  /** Origins allowed by CORS (the browser tests' page). */
  readonly corsOrigins?: readonly string[];
  /** Requests per minute per IP on the login routes. */
  readonly authRateLimit?: number;
  /** Port; 0 picks a free one. */
  readonly port?: number;
}

/** A running server process on a temporary demo database. */
export interface DiaryServer {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its database. */
  stop(): Promise<void>;
}

export function startDiaryServer(options?: DiaryServerOptions): Promise<DiaryServer>;

/** The web-test-runner plugin that runs a diary server for browser tests. */
export function diaryServerPlugin(): { name: string };
