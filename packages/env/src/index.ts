import { join } from "node:path";
import { config } from "dotenv";
import { createSpoolEnv } from "./create-env";
import { findWorkspaceRoot } from "./workspace-root";

export { EnvError, createSpoolEnv, type SpoolEnv } from "./create-env";
export { findWorkspaceRoot } from "./workspace-root";

// The repository's .env (optional) fills in what the real environment leaves unset.
config({ path: join(findWorkspaceRoot(), ".env"), quiet: true });

/** The validated environment. Importing it fails fast, naming every bad variable. */
// eslint-disable-next-line no-restricted-properties -- the one place that reads process.env
export const env = createSpoolEnv(process.env);
