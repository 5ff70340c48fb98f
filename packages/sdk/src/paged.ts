/** An async iterable over items that also gives the pages as the API returns them. */
export interface Paged<T> extends AsyncIterable<T> {
  byPage(): AsyncIterableIterator<T[]>;
}

/**
 * Pages fetched one at a time as the caller iterates, following `nextCursor` until null.
 * `order` turns each page around for iteration by item (history read backwards).
 */
export function paged<T, Cursor>(
  fetchPage: (cursor: Cursor | undefined) => Promise<{ items: T[]; nextCursor: Cursor | null }>,
  order: (items: T[]) => T[] = (items) => items,
): Paged<T> {
  async function* byPage(): AsyncIterableIterator<T[]> {
    let cursor: Cursor | undefined;
    for (;;) {
      const page = await fetchPage(cursor);
      yield page.items;
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }
  return {
    byPage,
    async *[Symbol.asyncIterator]() {
      for await (const page of byPage()) yield* order(page);
    },
  };
}
