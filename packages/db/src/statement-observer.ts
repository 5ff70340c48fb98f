import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** Called with the SQL of every statement sent to the database. */
export type StatementObserver = (sql: string) => void;

/**
 * The driver adapter factory, telling `observe` of every statement it sends, a transaction's
 * BEGIN and COMMIT or ROLLBACK included: what tests count to keep the round trips of a
 * request from growing unnoticed.
 */
export function observeStatements(
  factory: SqlDriverAdapterFactory,
  observe: StatementObserver,
): SqlDriverAdapterFactory {
  const queries = (target: SqlQueryable) => ({
    queryRaw: (query: SqlQuery) => (observe(query.sql), target.queryRaw(query)),
    executeRaw: (query: SqlQuery) => (observe(query.sql), target.executeRaw(query)),
  });
  // Prisma sends COMMIT and ROLLBACK itself, as a query, unless the adapter's transaction says
  // it ends itself ("phantom" queries, as PGlite's does).
  const ending = (tx: Transaction, sql: string, end: () => Promise<void>) => () => {
    if (tx.options.usePhantomQuery) observe(sql);
    return end();
  };
  const transaction = (tx: Transaction): Transaction =>
    overlay(tx, {
      ...queries(tx),
      commit: ending(tx, "COMMIT", () => tx.commit()),
      rollback: ending(tx, "ROLLBACK", () => tx.rollback()),
    });
  const adapter = (target: SqlDriverAdapter): SqlDriverAdapter =>
    overlay(target, {
      ...queries(target),
      startTransaction: async (isolationLevel) => {
        observe("BEGIN");
        return transaction(await target.startTransaction(isolationLevel));
      },
    });
  return overlay(factory, { connect: async () => adapter(await factory.connect()) });
}

/** The target with some members replaced; the others still act on the target itself. */
function overlay<T extends object>(target: T, replaced: Partial<T>): T {
  return new Proxy(target, {
    get(object, key) {
      if (key in replaced) return replaced[key as keyof T];
      const value: unknown = Reflect.get(object, key);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
