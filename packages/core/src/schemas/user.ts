import {
  type z,
  boolean,
  enum as enumOf,
  int,
  literal,
  maxLength,
  minLength,
  number,
  object,
  optional,
  positive,
  string,
  union,
} from 'zod/mini';
import {
  emailSchema,
  firstNameSchema,
  lastNameSchema,
  oneTimeCodeSchema,
  optionalMiddleNameSchema,
  passportSchema,
  passwordSchema,
  phoneSchema,
  snilsSchema,
} from './identifiers.js';
import { idSchema, timestampSchema } from './common.js';

/** Who a user is in the diary. */
export const ROLES = ['parent', 'student', 'teacher', 'school_admin'] as const;
/** A user's role. */
export type Role = (typeof ROLES)[number];
/** Zod schema of {@link Role}. */
export const roleSchema = enumOf(ROLES);

/**
 * How far a user's identity has been confirmed: by SMS code, in person at an MFC or school, or by
 * an identity provider whose verified SNILS matched the account's.
 */
export const IDENTITY_STATUSES = [
  'unconfirmed',
  'confirmed_sms',
  'confirmed_in_person',
  'confirmed_provider',
] as const;
/** Zod schema of the identity status. */
export const identityStatusSchema = enumOf(IDENTITY_STATUSES);

/** A person's full name as stored (already normalised). */
export const fullNameSchema = object({
  lastName: string(),
  firstName: string(),
  middleName: optional(string()),
});

/** A user as the API shows it. Secrets never appear here. */
export const userSchema = object({
  id: idSchema,
  role: roleSchema,
  phone: string(),
  lastName: string(),
  firstName: string(),
  middleName: optional(string()),
  email: optional(string()),
  schoolId: optional(idSchema),
  identityStatus: identityStatusSchema,
  createdAt: timestampSchema,
});
/** A user. */
export type User = z.infer<typeof userSchema>;

/** Parent self-registration. Every field is checked by core's validators. */
export const registerInputSchema = object({
  phone: phoneSchema,
  password: passwordSchema,
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  middleName: optionalMiddleNameSchema,
  snils: snilsSchema,
  passport: passportSchema,
  email: optional(emailSchema),
});
/** Registration input as typed. */
export type RegisterInput = z.input<typeof registerInputSchema>;

/** A one-time-code challenge sent by SMS (login, identity, child card, recovery). */
export const challengeSchema = object({
  challengeId: idSchema,
  expiresAt: timestampSchema,
  resendAfter: timestampSchema,
  /** The phone the code went to, masked: `+7 999 ***-**-01`. */
  sentTo: string(),
});
/** A pending one-time-code challenge. */
export type Challenge = z.infer<typeof challengeSchema>;

/** Registration result: the new user and the challenge that confirms their phone and identity. */
export const registerResultSchema = object({
  user: userSchema,
  challenge: challengeSchema,
});

/** Login with phone and password; a one-time code follows. */
export const loginInputSchema = object({
  phone: phoneSchema,
  password: string().check(minLength(1), maxLength(256)),
});

/** Answering a challenge with its one-time code. */
export const verifyInputSchema = object({
  challengeId: idSchema,
  code: oneTimeCodeSchema,
});

/** Asking for the code again once the cooldown has passed. */
export const resendInputSchema = object({ challengeId: idSchema });

/** A signed-in session's tokens and user. */
export const sessionSchema = object({
  accessToken: string(),
  refreshToken: string(),
  /** Seconds until the access token expires. */
  expiresIn: number().check(int(), positive()),
  user: userSchema,
});
/** Tokens and user returned by verify and refresh. */
export type Session = z.infer<typeof sessionSchema>;

/**
 * One signed-in session of the caller (a sign-in and its refreshes), for the list of one's
 * sessions: when it began, when it was last refreshed, and whether it is the one asking.
 */
export const signInSessionSchema = object({
  id: idSchema,
  startedAt: timestampSchema,
  lastActiveAt: timestampSchema,
  current: boolean(),
  /** The browser and system, read from the `User-Agent` it signed in with: `Chrome, Windows`. */
  device: optional(string()),
  /** Where it signed in from, as far as the server knows: the IP address. */
  place: optional(string()),
});
/** A signed-in session as its owner sees it. */
export type SignInSession = z.infer<typeof signInSessionSchema>;

/** Exchanging a refresh token (rotated on every use). */
export const refreshInputSchema = object({
  refreshToken: string().check(minLength(1)),
});

/** Logging out: the refresh token's whole session family is revoked. */
export const logoutInputSchema = object({
  refreshToken: optional(string()),
});

/**
 * A school admin's look-up of a parent: by phone among the users connected to the school, or by
 * phone and SNILS together (the in-person identity check) for anyone.
 */
export const findUserQuerySchema = object({
  phone: phoneSchema,
  snils: optional(snilsSchema),
});

/** Starting password recovery by phone. */
export const recoveryStartInputSchema = object({ phone: phoneSchema });

/**
 * Changing one's password while signed in: the current one proves it is the owner at the
 * keyboard. Every other session ends.
 */
export const changePasswordInputSchema = object({
  currentPassword: loginInputSchema.shape.password,
  newPassword: passwordSchema,
});

/**
 * Changes to one's own profile: names and e-mail (an empty e-mail removes it). The phone changes
 * through {@link phoneChangeInputSchema}, confirmed by a code sent to the new number.
 */
export const profilePatchSchema = object({
  lastName: optional(lastNameSchema),
  firstName: optional(firstNameSchema),
  middleName: optionalMiddleNameSchema,
  email: optional(union([literal(''), emailSchema])),
});
/** A profile change as typed. */
export type ProfilePatch = z.input<typeof profilePatchSchema>;

/** Asking to move the account to a new phone: a code goes to that number. */
export const phoneChangeInputSchema = object({
  phone: phoneSchema,
});

/** Confirming a phone change with the code sent to the new number. */
export const phoneConfirmInputSchema = object({
  challengeId: idSchema,
  code: oneTimeCodeSchema,
});

/** Completing password recovery with the code and a new password. */
export const recoveryCompleteInputSchema = object({
  challengeId: idSchema,
  code: oneTimeCodeSchema,
  newPassword: passwordSchema,
});

/**
 * A school admin marks an identity confirmed in person (the MFC path). The person is named by
 * their phone and SNILS together, as read from the documents they show.
 */
export const confirmInPersonInputSchema = object({
  phone: phoneSchema,
  snils: snilsSchema,
  document: enumOf(['passport', 'mfc_certificate']),
  note: optional(string().check(maxLength(500))),
});
