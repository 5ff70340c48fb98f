import { parse, protocol, type PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { StatementObserver } from "./statement-observer";

/** A parameterised statement: `text` holds `$1`, `$2`, … for `values`. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** `sql\`SELECT … WHERE id = ${id}\`` as a statement: every interpolation is a parameter. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  return { text: strings.reduce((text, part, index) => `${text}$${index}${part}`), values };
}

/**
 * Statements sent straight through the driver, past Prisma's query engine: for the few hot
 * statements where that engine's work per query costs more than the query itself. Each
 * `name` is prepared once per connection, so the database parses and plans it once too.
 * Rows come back as the driver parses them (timestamps as Date, json as objects, int4 as
 * number). Everything else goes through Prisma.
 */
export interface SqlClient {
  /** How many statements the database runs at once for this client: its pool's size. */
  connections: number;
  query<Row>(name: string, statement: Statement): Promise<Row[]>;
}

/** PostgreSQL's unique_violation, as both drivers report it. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "23505";
}

export function postgresSqlClient(pool: pg.Pool, observe?: StatementObserver): SqlClient {
  return {
    connections: pool.options.max,
    async query<Row>(name: string, { text, values }: Statement) {
      observe?.(text);
      return (await pool.query({ name, text, values })).rows as Row[];
    },
  };
}

/**
 * PGlite runs one statement at a time, a transaction's included, so these queue behind them.
 * Its own `query` plans every statement again; here each `name` is prepared once, as on
 * PostgreSQL, which for the send statement costs PGlite less than planning did.
 */
export function pgliteSqlClient(pglite: PGlite, observe?: StatementObserver): SqlClient {
  const parameterTypes = new Map<string, number[]>();
  return {
    connections: 1,
    query<Row>(name: string, statement: Statement) {
      observe?.(statement.text);
      // As PGlite's own `query`: never inside another caller's transaction.
      return pglite._runExclusiveTransaction(() =>
        runPrepared<Row>(pglite, parameterTypes, name, statement),
      );
    },
  };
}

/** The extended protocol's steps, as PGlite's `query` takes them, on a named statement. */
async function runPrepared<Row>(
  pglite: PGlite,
  parameterTypes: Map<string, number[]>,
  name: string,
  { text, values }: Statement,
): Promise<Row[]> {
  const { serialize } = protocol;
  const replies: Awaited<ReturnType<PGlite["execProtocol"]>>["messages"] = [];
  const send = async (message: Uint8Array) =>
    replies.push(...(await pglite.execProtocol(message, { syncToFs: false })).messages);
  try {
    if (!parameterTypes.has(name)) {
      await send(serialize.parse({ name, text }));
      await send(serialize.describe({ type: "S", name }));
      const description = replies.find(
        (reply) => reply instanceof protocol.messages.ParameterDescriptionMessage,
      );
      parameterTypes.set(name, description?.dataTypeIDs ?? []);
      replies.length = 0;
    }
    const types = parameterTypes.get(name)!;
    const serialized = values.map((value, index) => {
      if (value === null || value === undefined) return null;
      const serializer = pglite.serializers[types[index]!];
      return serializer ? serializer(value) : String(value);
    });
    await send(serialize.bind({ statement: name, values: serialized }));
    await send(serialize.describe({ type: "P" }));
    await send(serialize.execute({}));
  } finally {
    await send(serialize.sync());
  }
  await pglite.syncToFs();
  return parse.parseResults(replies, pglite.parsers)[0]!.rows as Row[];
}
