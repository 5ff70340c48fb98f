import type { PGlite } from "@electric-sql/pglite";
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
 * statements where that engine's work per query costs more than the query itself. On
 * PostgreSQL each `name` is prepared once per connection, so the server parses it once too.
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

/** PGlite runs one statement at a time, a transaction's included, so these queue behind them. */
export function pgliteSqlClient(pglite: PGlite, observe?: StatementObserver): SqlClient {
  return {
    connections: 1,
    async query<Row>(_name: string, { text, values }: Statement) {
      observe?.(text);
      return (await pglite.query<Row>(text, values)).rows;
    },
  };
}
