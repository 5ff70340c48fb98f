import type { PGlite } from "@electric-sql/pglite";
import type { Client } from "pg";

/** The little the migrator needs from a database: one connection, scripts and transactions. */
export interface MigrationConnection {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a multi-statement script. */
  exec(script: string): Promise<void>;
  transaction<T>(work: (tx: Pick<MigrationConnection, "query" | "exec">) => Promise<T>): Promise<T>;
}

export function pgliteConnection(db: PGlite): MigrationConnection {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    exec: async (script) => {
      await db.exec(script);
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params?: unknown[]) =>
            (await tx.query<Row>(sql, params)).rows,
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
  };
}

/** A single pg connection, so that the session's advisory lock covers every statement. */
export function pgConnection(client: Client): MigrationConnection {
  const query = async <Row>(sql: string, params?: unknown[]) =>
    (await client.query(sql, params)).rows as Row[];
  const exec = async (script: string) => {
    await client.query(script);
  };
  return {
    query,
    exec,
    async transaction(work) {
      await client.query("BEGIN");
      try {
        const result = await work({ query, exec });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
}
