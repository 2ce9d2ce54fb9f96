import { parseArgs } from 'node:util';
import { CliUsageError } from './cli-error';
import { isPostgresUrl, redactUrl } from './db/dialect';
import { openDatabase } from './db/open';
import { systemClock } from './clock';
import { DeliveryQueue, type OutboxRow } from './delivery/outbox';

/** Options of `school-diary-server deliveries`. */
export type DeliveriesOptions =
  | { readonly db: string; readonly action: 'failed' }
  | { readonly db: string; readonly action: 'retry'; readonly which: number | 'all' };

/** Parses the arguments after `deliveries`. */
export function parseDeliveriesArgs(
  args: readonly string[],
  fallbackDb: string,
): DeliveriesOptions {
  let values: { db?: string; failed?: boolean; retry?: string };
  try {
    values = parseArgs({
      args: [...args],
      options: {
        db: { type: 'string' },
        failed: { type: 'boolean', default: false },
        retry: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliUsageError(
      `deliveries: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  const db = values.db ?? fallbackDb;
  if (values.failed && values.retry === undefined) return { db, action: 'failed' };
  if (!values.failed && values.retry !== undefined) {
    if (values.retry === 'all') return { db, action: 'retry', which: 'all' };
    if (/^\d{1,15}$/.test(values.retry))
      return { db, action: 'retry', which: Number(values.retry) };
    throw new CliUsageError(
      `--retry takes a message id (a number from --failed) or 'all', got '${values.retry}'`,
    );
  }
  throw new CliUsageError('deliveries needs one of --failed or --retry ID|all');
}

function line(row: OutboxRow): string {
  return [
    String(row.id).padStart(6),
    row.channel.padEnd(5),
    (row.provider ?? '-').padEnd(6),
    row.status_at ?? row.sent_at,
    `attempts ${row.attempts}`,
    row.last_error ?? '',
  ].join('  ');
}

/**
 * Lists the failed messages or queues them again, on the database a server uses (it may be
 * running: the worker picks requeued messages up). Never prints a message's text or recipient.
 */
export async function runDeliveries(options: DeliveriesOptions): Promise<string> {
  const database = await openDatabase(options.db);
  try {
    const queue = new DeliveryQueue(database.db, systemClock);
    const where = isPostgresUrl(options.db) ? redactUrl(options.db) : options.db;
    if (options.action === 'failed') {
      const rows = await queue.failed(500);
      if (rows.length === 0) return `No failed messages in ${where}.`;
      return [
        `Failed messages in ${where} (newest first):`,
        '    id  chan.  prov.   when                      attempts  reason',
        ...rows.map(line),
        '',
        'Send again with: school-diary-server deliveries --retry ID|all',
      ].join('\n');
    }
    const { requeued, refused } = await queue.retry(options.which);
    const lines = [
      requeued.length
        ? `Queued again: ${requeued.join(', ')}.`
        : options.which === 'all'
          ? 'No failed message to queue again.'
          : `No failed message ${options.which}.`,
    ];
    if (refused.length)
      lines.push(
        `Not queued: ${refused.join(', ')} (one-time codes, wiped when they failed; the user asks for a new code).`,
      );
    return lines.join('\n');
  } finally {
    await database.close();
  }
}
