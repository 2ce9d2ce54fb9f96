/**
 * The `settings` key of the ETag prefix every instance of a database shares (see app.ts); the
 * restore subcommand deletes it so that a restored database gets a new one.
 */
export const ETAG_PREFIX_SETTING = 'etag_prefix';
