import {
  type z,
  boolean,
  enum as enumOf,
  maxLength,
  minLength,
  object,
  optional,
  string,
} from 'zod/mini';
import { idSchema, timestampSchema } from './common.js';
import { sessionSchema } from './user.js';

/**
 * Where a hand-off to another device stands: shown as a QR code (`waiting`), scanned by a device
 * that waits for the owner's answer (`claimed`), allowed (`confirmed`) or refused (`declined`) on
 * the first device, spent by the new device's sign-in (`used`), or out of time (`expired`).
 */
export const HANDOFF_STATUSES = [
  'waiting',
  'claimed',
  'confirmed',
  'declined',
  'used',
  'expired',
] as const;
/** A hand-off's status. */
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** The one-time token a hand-off's QR code carries (opaque; only its hash is kept). */
export const handoffTokenSchema = string().check(minLength(1), maxLength(128));

/** A hand-off as its owner sees it on the first device. */
export const handoffSchema = object({
  id: idSchema,
  status: enumOf(HANDOFF_STATUSES),
  expiresAt: timestampSchema,
  /** The device that scanned the code, read from its `User-Agent`: `Safari, iOS`. */
  device: optional(string()),
});
/** A hand-off to another device. */
export type Handoff = z.infer<typeof handoffSchema>;

/** A new hand-off: its one-time token, answered once, to put into the QR code. */
export const handoffCreatedSchema = object({
  id: idSchema,
  token: handoffTokenSchema,
  expiresAt: timestampSchema,
});
/** A new hand-off with its token. */
export type HandoffCreated = z.infer<typeof handoffCreatedSchema>;

/** The owner's answer on the first device: let the device that scanned the code in, or not. */
export const handoffDecisionSchema = object({ approve: boolean() });

/** The new device presents the scanned token. */
export const handoffClaimInputSchema = object({ token: handoffTokenSchema });

/**
 * The claim of a scanned token: the secret with which only this device may collect the session
 * once the owner allows it.
 */
export const handoffClaimSchema = object({
  id: idSchema,
  claimSecret: string().check(minLength(1), maxLength(128)),
  expiresAt: timestampSchema,
});
/** A claimed hand-off, on the new device. */
export type HandoffClaim = z.infer<typeof handoffClaimSchema>;

/** The new device asks whether the owner has answered. */
export const handoffRedeemInputSchema = object({
  id: idSchema,
  claimSecret: string().check(minLength(1), maxLength(128)),
});

/**
 * The answer to a redeem: still `waiting` for the owner, or `signed_in` with the new device's own
 * session (a new sign-in of the owner, listed among their sessions).
 */
export const handoffRedeemSchema = object({
  status: enumOf(['waiting', 'signed_in']),
  session: optional(sessionSchema),
});
/** The answer to a redeem. */
export type HandoffRedeem = z.infer<typeof handoffRedeemSchema>;
