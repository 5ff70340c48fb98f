// The public surface of @spool/ui; see README.md for what this package owns.
export {};
