// The public surface of @spool/api; see README.md for what this package owns.
export {};
