// Next.js calls register() once when a server starts (dev, and under `npm start`'s own server,
// which has started up already: startUp runs once per process; never during a build).
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself; the database needs Node.js, not the edge runtime
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseUnfetchableMethods } = await import("./server/refuse-unfetchable-methods");
  refuseUnfetchableMethods();
  // Imported only here so the edge bundle never pulls in the database code.
  const { startUp } = await import("./server/start-up");
  // eslint-disable-next-line no-restricted-properties -- Next.js sets the address it listens on just before register()
  await startUp(process.env.__NEXT_PRIVATE_ORIGIN);
}
