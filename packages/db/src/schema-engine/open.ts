import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";

// Prisma's schema engine compiled to WebAssembly: the one piece of Prisma's migration tooling
// that runs offline. Its JS API is internal and changes between versions, so it lives only
// here, pinned to the exact version that matches `prisma`, and the drift test exercises it.

const require = createRequire(import.meta.url);

// @types/node 20 does not declare the WebAssembly global that Node has had for years.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};
let loaded: Promise<typeof bindings> | undefined;

function loadBindings(): Promise<typeof bindings> {
  loaded ??= (async () => {
    const packageDir = dirname(require.resolve("@prisma/schema-engine-wasm"));
    const wasmPath = join(packageDir, "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loaded;
}

/**
 * pglite-prisma-adapter 0.7.2 does not await `executeScript`, so a failing migration would look
 * applied. This factory hands out adapters whose scripts are awaited.
 */
class AwaitingPGliteFactory extends PrismaPGlite {
  constructor(private readonly pglite: PGlite) {
    super(pglite);
  }

  override async connect() {
    return withAwaitedScripts(await super.connect(), this.pglite);
  }

  /** A fresh in-memory database, closed when the engine lets go of it. */
  override async connectToShadowDb() {
    const shadow = new PGlite();
    const adapter = withAwaitedScripts(await new PrismaPGlite(shadow).connect(), shadow);
    adapter.dispose = () => shadow.close();
    return adapter;
  }
}

type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;

function withAwaitedScripts(adapter: Adapter, pglite: PGlite): Adapter {
  adapter.executeScript = async (script: string) => {
    await pglite.exec(script);
  };
  return adapter;
}

/** An adapter factory for PGlite whose scripts are awaited. */
export function pgliteAdapterFactory(database: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return new AwaitingPGliteFactory(database);
}

/**
 * Starts a schema engine for one schema file, connected through a Prisma driver adapter
 * (PGlite here, or `@prisma/adapter-pg` for PostgreSQL). Free it with `engine.free()`.
 */
export async function openSchemaEngine(
  schema: { path: string; content: string },
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  return SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
