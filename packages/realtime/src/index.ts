// The public surface of @spool/realtime; see README.md for what this package owns.
export {};
