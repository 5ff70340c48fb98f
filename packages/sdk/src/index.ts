// The public surface of @spool/sdk; see README.md for what this package owns.
export {};
