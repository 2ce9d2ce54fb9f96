import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
  DataKeyError,
  SEALED_PREFIX,
  sealedKeyId,
  unknownKeyMessage,
  type DataKeyring,
  type DocumentKind,
} from './data-keys';

/** The setting listing the ids of the data keys documents may be sealed under. */
export const DATA_KEYS_SETTING = 'data_keys';

type Column = { readonly column: string; readonly kind: DocumentKind };
type Table = {
  readonly table: 'users' | 'children';
  readonly columns: readonly Column[];
  /** The column holding the keyed hash of `snils` (exact look-ups, uniqueness). */
  readonly hash: 'snils_hash';
};

/** Every column holding a document number, by table. */
const SEALED: readonly Table[] = [
  {
    table: 'users',
    columns: [
      { column: 'snils', kind: 'snils' },
      { column: 'passport', kind: 'passport' },
    ],
    hash: 'snils_hash',
  },
  {
    table: 'children',
    columns: [
      { column: 'snils', kind: 'snils' },
      { column: 'inn', kind: 'inn' },
      { column: 'birth_certificate', kind: 'birth_certificate' },
    ],
    hash: 'snils_hash',
  },
];

const BATCH = 200;

/** What {@link sealDocuments} changed. */
export interface SealReport {
  /** Values encrypted that were stored in plain text. */
  readonly sealed: number;
  /** Values re-encrypted from an older key to the current one. */
  readonly rotated: number;
  /** Rows updated. */
  readonly rows: number;
}

type Row = Record<string, string | null>;

/**
 * Encrypts every document number still stored in plain text (rows written before encryption at
 * rest, or by the demo seed) and, with `rotate`, re-encrypts those sealed under an older key. Works
 * in short batches of its own transactions, so servers holding both keys keep answering meanwhile.
 * Idempotent.
 */
export async function sealDocuments(
  db: Kysely<Database>,
  keys: DataKeyring,
  options: { rotate: boolean },
): Promise<SealReport> {
  let sealed = 0;
  let rotated = 0;
  let rows = 0;
  for (const spec of SEALED) {
    let after = '';
    for (;;) {
      const batch = (await db
        .selectFrom(spec.table)
        .select(['id', ...spec.columns.map((c) => c.column), spec.hash] as never[])
        .where('id', '>', after)
        .where(
          needsWork(spec, options.rotate ? `${SEALED_PREFIX}${keys.currentId}.` : SEALED_PREFIX),
        )
        .orderBy('id')
        .limit(BATCH)
        .execute()) as unknown as Row[];
      if (batch.length === 0) break;
      after = batch[batch.length - 1]?.id as string;
      for (const row of batch) {
        const change = resealed(spec, row, keys, options.rotate);
        if (!change) continue;
        sealed += change.sealed;
        rotated += change.rotated;
        rows += 1;
        await writeRow(db, spec, row.id as string, change.values);
      }
    }
  }
  return { sealed, rotated, rows };
}

/** Rows with a document not starting with `prefix`: plaintext, or sealed under an older key. */
function needsWork(spec: Table, prefix: string) {
  const checks = spec.columns.map(
    ({ column }) =>
      sql<boolean>`(${sql.ref(column)} is not null and substr(${sql.ref(column)}, 1, ${prefix.length}) <> ${prefix})`,
  );
  return sql<boolean>`(${sql.join(checks, sql` or `)})`;
}

function resealed(spec: Table, row: Row, keys: DataKeyring, rotate: boolean) {
  const values: Row = {};
  let sealed = 0;
  let rotated = 0;
  let snils: string | null = null;
  for (const { column, kind } of spec.columns) {
    const stored = row[column];
    if (stored === null || stored === undefined) continue;
    const keyId = sealedKeyId(stored);
    if (keyId !== null && (keyId === keys.currentId || !rotate)) continue;
    const plaintext = keyId === null ? stored : keys.open(kind, stored);
    values[column] = keys.seal(kind, plaintext);
    if (kind === 'snils') snils = plaintext;
    if (keyId === null) sealed += 1;
    else rotated += 1;
  }
  if (snils !== null) values[spec.hash] = keys.index('snils', snils);
  return Object.keys(values).length === 0 ? null : { values, sealed, rotated };
}

async function writeRow(db: Kysely<Database>, spec: Table, id: string, values: Row) {
  try {
    await db
      .updateTable(spec.table)
      .set(values as never)
      .where('id', '=', id)
      .execute();
  } catch (error) {
    // The unique index on users.snils_hash: two accounts were made for one SNILS before it existed.
    if (spec.table === 'users' && values.snils_hash)
      throw new DataKeyError(
        `user ${id} has the SNILS of another account: one person has one account, so merge or ` +
          `correct the two before starting (${error instanceof Error ? error.message : error})`,
      );
    throw error;
  }
}

/** The key ids any stored document is sealed under (a full scan; for checks and rotation). */
export async function keyIdsInUse(db: Kysely<Database>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const spec of SEALED) {
    const rows = (await db
      .selectFrom(spec.table)
      .select(spec.columns.map((c) => c.column) as never[])
      .execute()) as unknown as Row[];
    for (const row of rows)
      for (const value of Object.values(row)) {
        const id = value === null ? null : sealedKeyId(value);
        if (id !== null) ids.add(id);
      }
  }
  return ids;
}

async function recordedKeyIds(db: Kysely<Database>): Promise<string[] | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', DATA_KEYS_SETTING)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as string[]) : null;
}

async function recordKeyIds(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  const value = JSON.stringify([...new Set(ids)]);
  await db
    .insertInto('settings')
    .values({ key: DATA_KEYS_SETTING, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Throws {@link DataKeyError} unless every key the database's documents use is among `keys`. */
async function assertKeysOpenData(db: Kysely<Database>, keys: DataKeyring): Promise<string[]> {
  const used = (await recordedKeyIds(db)) ?? [...(await keyIdsInUse(db))];
  const missing = used.filter((id) => !keys.ids.includes(id));
  if (missing.length > 0) throw new DataKeyError(unknownKeyMessage(missing, keys.ids));
  return used;
}

/**
 * What a server does with its data keys as it starts: refuses keys that cannot open the stored
 * documents, encrypts any stored in plain text, and records the current key as in use.
 */
export async function prepareDataKeys(db: Kysely<Database>, keys: DataKeyring): Promise<void> {
  const used = await assertKeysOpenData(db, keys);
  await sealDocuments(db, keys, { rotate: false });
  if (!used.includes(keys.currentId)) await recordKeyIds(db, [...used, keys.currentId]);
}

/** What {@link rotateDataKey} did. */
export interface RotationReport extends SealReport {
  readonly keyId: string;
  /** Keys nothing is sealed under any more: they may be dropped from the configuration. */
  readonly retired: readonly string[];
}

/**
 * Re-encrypts every document under the current key (the first given) and re-computes its keyed
 * hash. The servers must already hold the new key first and the old one after it.
 */
export async function rotateDataKey(
  db: Kysely<Database>,
  keys: DataKeyring,
): Promise<RotationReport> {
  const used = await assertKeysOpenData(db, keys);
  const report = await sealDocuments(db, keys, { rotate: true });
  const left = [...(await keyIdsInUse(db))].filter((id) => id !== keys.currentId);
  if (left.length > 0)
    throw new DataKeyError(
      `documents under key ${left.join(', ')} were written while rotating: a server still seals ` +
        'with the old key; restart every server with the new key first, then run rotate-key again',
    );
  await recordKeyIds(db, [keys.currentId]);
  const retired = [...new Set([...used, ...keys.ids])].filter((id) => id !== keys.currentId);
  return { ...report, keyId: keys.currentId, retired };
}
