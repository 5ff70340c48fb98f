/**
 * A value that changes, for any UI: `subscribe` and `getSnapshot` are what React's
 * `useSyncExternalStore` asks for. A snapshot is never changed in place; each change makes a
 * new one, so comparing references tells whether anything changed.
 */
export abstract class Store<Snapshot> {
  private readonly listeners = new Set<() => void>();

  protected constructor(private snapshot: Snapshot) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = (): Snapshot => this.snapshot;

  protected update(change: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
