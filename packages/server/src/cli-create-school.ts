import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  firstNameSchema,
  lastNameSchema,
  optionalMiddleNameSchema,
  passwordSchema,
  phoneSchema,
  schoolCodeSchema,
  textSchema,
  timeZoneSchema,
  validate,
  type Schema,
} from '@school-diary/core';
import { CliError, CliUsageError } from './cli-error';
import { openDatabase } from './db/open';
import { randomIds } from './ids';
import { assertUncommonPassword } from './services/password-policy';
import { hashPassword } from './services/secrets';
import { staffAccountRow } from './services/users';

/** Options of `school-diary-server create-school`. */
export interface CreateSchoolOptions {
  readonly db: string;
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  readonly region: string;
  readonly address: string;
  readonly timeZone: string;
  readonly admin: {
    readonly phone: string;
    readonly lastName: string;
    readonly firstName: string;
    readonly middleName: string | null;
  };
  /** From `DIARY_ADMIN_PASSWORD`; null: a random one is made and printed once. */
  readonly password: string | null;
}

const FLAGS = {
  db: { type: 'string' },
  code: { type: 'string' },
  name: { type: 'string' },
  'short-name': { type: 'string' },
  region: { type: 'string', default: '' },
  address: { type: 'string', default: '' },
  'time-zone': { type: 'string', default: 'Europe/Moscow' },
  'admin-phone': { type: 'string' },
  'admin-last-name': { type: 'string' },
  'admin-first-name': { type: 'string' },
  'admin-middle-name': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A flag's value checked by core's schema; a usage error names the flag and says what is wrong. */
function checked<T>(flag: string, schema: Schema, value: unknown): T {
  const result = validate(schema, value, 'en');
  if (!result.ok) throw new CliUsageError(`--${flag}: ${result.errors[0]?.message ?? 'invalid'}`);
  return result.value as T;
}

/**
 * Parses `create-school --code … --name … --admin-phone … --admin-last-name … --admin-first-name …`;
 * `null` asks for the help text.
 */
export function parseCreateSchoolArgs(
  args: readonly string[],
  fallbackDb: string,
  env: Readonly<Record<string, string | undefined>>,
): CreateSchoolOptions | null {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: FLAGS, strict: true }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return null;
  for (const flag of [
    'code',
    'name',
    'admin-phone',
    'admin-last-name',
    'admin-first-name',
  ] as const)
    if (values[flag] === undefined) throw new CliUsageError(`create-school needs --${flag}`);
  const name = checked<string>('name', textSchema(300), values.name);
  const password = env.DIARY_ADMIN_PASSWORD ? env.DIARY_ADMIN_PASSWORD : null;
  if (password !== null) checked('DIARY_ADMIN_PASSWORD', passwordSchema, password);
  return {
    db: values.db ?? fallbackDb,
    code: checked('code', schoolCodeSchema, values.code),
    name,
    shortName: checked('short-name', textSchema(100), values['short-name'] ?? name),
    region: values.region,
    address: values.address,
    timeZone: checked('time-zone', timeZoneSchema, values['time-zone']),
    admin: {
      phone: checked('admin-phone', phoneSchema, values['admin-phone']),
      lastName: checked('admin-last-name', lastNameSchema, values['admin-last-name']),
      firstName: checked('admin-first-name', firstNameSchema, values['admin-first-name']),
      middleName:
        checked<string | undefined>(
          'admin-middle-name',
          optionalMiddleNameSchema,
          values['admin-middle-name'],
        ) ?? null,
    },
    password,
  };
}

/** What `create-school` made. */
export interface CreatedSchool {
  readonly schoolId: string;
  readonly adminId: string;
  /** The password made for the admin, when none was given; shown once. */
  readonly generatedPassword: string | null;
}

/**
 * `create-school`: a school and its first admin on a database (a fresh one included: migrations
 * run first). Refuses a school code or an admin phone that is already there.
 *
 * @example
 * await createSchool({ db: 'diary.sqlite', code: '770042', name: 'Школа № 42', … });
 */
export async function createSchool(options: CreateSchoolOptions): Promise<CreatedSchool> {
  if (options.password !== null) {
    try {
      assertUncommonPassword(options.password, 'password');
    } catch {
      throw new CliUsageError('DIARY_ADMIN_PASSWORD is a common password: choose another');
    }
  }
  const generated = options.password === null ? randomBytes(15).toString('base64url') : null;
  const hash = await hashPassword(options.password ?? generated ?? '');
  const database = await openDatabase(options.db);
  try {
    const db = database.db;
    const schoolId = randomIds('sch');
    const adminId = randomIds('usr');
    await db.transaction().execute(async (trx) => {
      const school = await trx
        .selectFrom('schools')
        .select('id')
        .where('code', '=', options.code)
        .executeTakeFirst();
      if (school) throw new CliError(`a school with code ${options.code} exists`, 'exists');
      const user = await trx
        .selectFrom('users')
        .select('id')
        .where('phone', '=', options.admin.phone)
        .executeTakeFirst();
      if (user) throw new CliError(`an account with phone ${options.admin.phone} exists`, 'exists');
      await trx
        .insertInto('schools')
        .values({
          id: schoolId,
          code: options.code,
          name: options.name,
          short_name: options.shortName,
          region: options.region,
          address: options.address,
          levels: JSON.stringify(['primary', 'basic', 'secondary']),
          profiles: '[]',
          diary_connected: 0,
          time_zone: options.timeZone,
          requires_snils: 0,
        })
        .execute();
      const now = new Date().toISOString();
      await trx
        .insertInto('users')
        .values(
          staffAccountRow({
            ...options.admin,
            id: adminId,
            role: 'school_admin',
            passwordHash: hash,
            schoolId,
            createdAt: now,
          }),
        )
        .execute();
      await trx
        .insertInto('audit')
        .values({
          id: randomIds('aud'),
          at: now,
          actor_id: null,
          actor_role: 'operator',
          school_id: schoolId,
          action: 'setup.school_created',
          target: adminId,
          detail: `create-school ${options.code}`,
          outcome: 'success',
          ip: 'cli',
        })
        .execute();
    });
    return { schoolId, adminId, generatedPassword: generated };
  } finally {
    await database.close();
  }
}

/** The lines printed after `create-school`. */
export function describeCreatedSchool(options: CreateSchoolOptions, made: CreatedSchool): string {
  const lines = [
    `Created school ${options.code} (${options.shortName}, id ${made.schoolId}) and its admin ` +
      `${options.admin.lastName} ${options.admin.firstName}, ${options.admin.phone} (id ${made.adminId}).`,
    'The diary is closed to families until the admin opens it (PATCH /schools/{id}/profile).',
  ];
  if (made.generatedPassword)
    lines.push(
      `Admin password (shown once; the admin changes it after the first sign-in): ${made.generatedPassword}`,
    );
  return lines.join('\n');
}
