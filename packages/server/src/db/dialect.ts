import {
  DataTypeNode,
  type ColumnDefinitionNode,
  OperationNodeTransformer,
  PostgresAdapter,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/** The database engines the server runs on. */
export type Engine = 'sqlite' | 'postgres';

/** Whether a `--db` value names a PostgreSQL server (`postgres://…` or `postgresql://…`). */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A PostgreSQL URL with its password replaced by `***`, safe to print and log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** Anything that runs queries: a `Kysely` of any schema, or a transaction. */
export interface QueryRunner {
  getExecutor(): { readonly adapter: unknown };
}

/** The engine behind a query layer (the handlers do not care; a few raw expressions do). */
export function engineOf(db: QueryRunner): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * An expression that orders rows of a table the way they were inserted: SQLite's `rowid`, or on
 * PostgreSQL the `seq` column that migrations 006 and 031 add to the tables that need it.
 */
export function insertionOrder(db: QueryRunner, table?: string): RawBuilder<number> {
  const column = engineOf(db) === 'postgres' ? 'seq' : 'rowid';
  return sql<number>`${sql.ref(table ? `${table}.${column}` : column)}`;
}

class PostgresSchemaTransformer extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    const type = DataTypeNode.is(column.dataType) ? column.dataType.dataType : undefined;
    if (column.autoIncrement)
      return Object.freeze({
        ...column,
        autoIncrement: undefined,
        dataType: DataTypeNode.create('bigserial'),
      });
    if (type === 'real')
      return Object.freeze({ ...column, dataType: DataTypeNode.create('double precision') });
    return column;
  }
}

/**
 * Runs the SQLite-flavoured migrations on PostgreSQL unchanged: an `autoIncrement()` integer key
 * becomes `bigserial` and `real` becomes `double precision` (SQLite's REAL is 8 bytes; PostgreSQL's
 * is 4). Everything else in the migrations is portable SQL.
 */
export class PostgresSchemaPlugin implements KyselyPlugin {
  readonly #transformer = new PostgresSchemaTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
