// Errors whose message already says what is wrong and what to do; a stack would bury it.
// Matched by name: the modules that define them may be the very imports that failed.
const SELF_EXPLAINING = new Set(["EnvError", "DataDirLockedError", "MigrationError"]);

export function exitOnStartUpFailure(error: unknown): never {
  console.error("\nSpool could not start.");
  if (error instanceof Error && SELF_EXPLAINING.has(error.name)) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
}
