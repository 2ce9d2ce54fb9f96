/** Tunable limits and switches of the server. Every duration is in seconds unless named otherwise. */
export interface ServerConfig {
  /** Serve dev-only routes (the SMS/e-mail outbox). */
  readonly dev: boolean;
  /** Origins allowed by CORS (exact match). The widgets run on school sites of other origins. */
  readonly corsOrigins: readonly string[];
  /** Check every JSON response against its schema in core (tests and `--dev`). */
  readonly checkResponses: boolean;
  /** Largest JSON body accepted, in bytes. */
  readonly bodyLimit: number;
  readonly accessTokenTtl: number;
  readonly refreshTokenTtl: number;
  readonly codeTtl: number;
  readonly codeAttempts: number;
  readonly resendCooldown: number;
  readonly maxCodeSends: number;
  /** Wrong passwords in a row that lock an account. */
  readonly lockoutThreshold: number;
  readonly lockoutDuration: number;
  /** Failed logins from one IP (any accounts) within the window that block the IP. */
  readonly ipFailureThreshold: number;
  readonly ipFailureWindow: number;
  readonly ipBlockDuration: number;
  /** Failed school links (roster mismatches) one account may make within a day. */
  readonly linkFailureLimit: number;
  /** Requests per minute per IP on login, verify, recovery and other guessing-sensitive routes. */
  readonly authRateLimit: number;
  /** Secret for hashing one-time codes (HMAC); generated and kept in the database when absent. */
  readonly secret?: string;
  /** Directory of uploaded files; by default `files/` beside the database file. */
  readonly storageDir?: string;
  /** Seconds between `: ping` comments on a live-event stream (proxies drop silent connections). */
  readonly heartbeatSeconds: number;
  /**
   * Seconds between checks whether a weekly or monthly mark digest is due; 0 turns digests off.
   * Unset: hourly on the system clock, off with an injected clock (tests call `runDueDigests`).
   */
  readonly digestCheckSeconds?: number;
  /** Bounds of the in-memory cache of serialised diary reads (entries and bytes); 0 turns it off. */
  readonly readCacheEntries: number;
  readonly readCacheBytes: number;
  /** The elements package's `dist/`, served at `/embed/` (the one-script-tag build). */
  readonly embedDir?: string;
  /** A website served at `/` beside the API (the example school site). */
  readonly siteDir?: string;
}

/** Production defaults. */
export const DEFAULT_CONFIG: ServerConfig = {
  dev: false,
  corsOrigins: [],
  checkResponses: false,
  bodyLimit: 1024 * 1024,
  accessTokenTtl: 15 * 60,
  refreshTokenTtl: 30 * 24 * 3600,
  codeTtl: 5 * 60,
  codeAttempts: 5,
  resendCooldown: 60,
  maxCodeSends: 5,
  lockoutThreshold: 5,
  lockoutDuration: 15 * 60,
  ipFailureThreshold: 20,
  ipFailureWindow: 15 * 60,
  ipBlockDuration: 60 * 60,
  authRateLimit: 30,
  linkFailureLimit: 5,
  heartbeatSeconds: 15,
  readCacheEntries: 5000,
  readCacheBytes: 64 * 1024 * 1024,
};
