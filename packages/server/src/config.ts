import type { OidcProviderConfig } from './services/oidc-providers';

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
  /** One-time codes one account may be sent in a day, over all its challenges. */
  readonly maxCodesPerDay: number;
  /** Wrong one-time codes one account may enter in a day, over all its challenges. */
  readonly maxCodeTriesPerDay: number;
  /** Wrong passwords in a row that lock an account. */
  readonly lockoutThreshold: number;
  readonly lockoutDuration: number;
  /** Failed logins from one IP (any accounts) within the window that block the IP. */
  readonly ipFailureThreshold: number;
  readonly ipFailureWindow: number;
  readonly ipBlockDuration: number;
  /** scrypt's cost of new password hashes, log2 N (OWASP: 17); lower hashes are redone at sign-in. */
  readonly passwordHashCost: number;
  /** Seconds a session lives without a refresh (OWASP ASVS 3.3.2 level 2: 30 minutes). */
  readonly sessionIdleTimeout: number;
  /** Seconds a session lives from its sign-in, however active (ASVS 3.3.2 level 2: 12 hours). */
  readonly sessionAbsoluteTimeout: number;
  /** Failed school links (roster mismatches) one account may make within a day. */
  readonly linkFailureLimit: number;
  /** Requests per minute per IP on login, verify, recovery and other guessing-sensitive routes. */
  readonly authRateLimit: number;
  /** Secret for hashing one-time codes (HMAC); generated and kept in the database when absent. */
  readonly secret?: string;
  /** Directory of uploaded files; by default `files/` beside the database file. */
  readonly storageDir?: string;
  /** Largest file an import takes, in bytes; by default core's `MAX_IMPORT_BYTES` (64 MB). */
  readonly importMaxBytes?: number;
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
  /** Serve `/metrics` on the API's port to requests bearing this token; unset: not served there. */
  readonly metricsToken?: string;
  /** Reverse proxies (IPs, CIDR ranges) whose `X-Forwarded-For` names the client; empty: none. */
  readonly trustProxy: readonly string[];
  /** Days live events are kept (a stream resumes from them); older ones are pruned hourly. */
  readonly eventRetentionDays: number;
  /** OpenID Connect providers parents may sign in with and confirm their identity through. */
  readonly oidcProviders: readonly OidcProviderConfig[];
  /**
   * Where browsers and providers reach this server (`https://diary.example`): the base of the
   * providers' callback address. Unset: the address it listens on.
   */
  readonly publicUrl?: string;
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
  maxCodesPerDay: 20,
  maxCodeTriesPerDay: 15,
  lockoutThreshold: 5,
  lockoutDuration: 15 * 60,
  ipFailureThreshold: 20,
  ipFailureWindow: 15 * 60,
  ipBlockDuration: 60 * 60,
  authRateLimit: 30,
  linkFailureLimit: 5,
  passwordHashCost: 17,
  sessionIdleTimeout: 30 * 60,
  sessionAbsoluteTimeout: 12 * 3600,
  heartbeatSeconds: 15,
  readCacheEntries: 5000,
  readCacheBytes: 64 * 1024 * 1024,
  trustProxy: [],
  eventRetentionDays: 30,
  oidcProviders: [],
};
