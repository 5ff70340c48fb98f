export { applyMigrations, type MigrationResult } from "./apply";
export { pgConnection, pgliteConnection, type MigrationConnection } from "./connection";
export { MigrationError } from "./errors";
export { readMigrationFiles, type MigrationFile } from "./migration-files";
