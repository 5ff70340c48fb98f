/** A migration that failed, or an earlier failure that must be resolved before going on. */
export class MigrationError extends Error {
  override name = "MigrationError";

  constructor(
    message: string,
    readonly migrationName: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
