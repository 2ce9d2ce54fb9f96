// The schemas the SDK checks its storage, other tabs' messages and error answers with (live
// events have their own: `live-event-check.ts`). Loaded on first use (`loadChecks`), so that zod is not part of the page's first load.
import { fieldErrorSchema, idSchema, userSchema } from '@school-diary/core';
import { z } from 'zod/mini';

export { errorResponseSchema, messageInputSchema } from '@school-diary/core';

/** A kept session: tokens, access-token expiry (the client's clock, in ms) and user. */
export const storedSessionSchema = /* @__PURE__ */ z.object({
  accessToken: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  refreshToken: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  expiresAt: /* @__PURE__ */ z.number(),
  user: userSchema,
});

/** What one tab tells the others (see `TabMessage`). */
export const tabMessageSchema = /* @__PURE__ */ z.object({
  session: /* @__PURE__ */ z.nullable(storedSessionSchema),
  previous: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
});

/** A cached read as it is kept. */
export const cacheEntrySchema = /* @__PURE__ */ z.object({
  body: /* @__PURE__ */ z.unknown(),
  etag: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  savedAt: /* @__PURE__ */ z.number(),
});

/** The outbox's queue as it is kept. */
export const keptOutboxSchema = /* @__PURE__ */ z.array(
  /* @__PURE__ */ z.object({
    id: idSchema,
    threadId: idSchema,
    text: /* @__PURE__ */ z.string(),
    attachmentIds: /* @__PURE__ */ z.array(idSchema),
    createdAt: /* @__PURE__ */ z.number(),
    state: /* @__PURE__ */ z.enum(['pending', 'failed']),
    error: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.object({
        code: /* @__PURE__ */ z.string(),
        message: /* @__PURE__ */ z.string(),
        fields: /* @__PURE__ */ z.array(fieldErrorSchema),
      }),
    ),
  }),
);
