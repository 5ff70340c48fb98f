import fc from "fast-check";

// Generators of what a hostile client sends: every value is either something a field should
// refuse or something that looks valid enough to reach the database.

const loneSurrogate = fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF");

/** Strings with NUL, lone surrogates, huge lengths, or nothing odd at all. */
export const hostileString = fc.oneof(
  { arbitrary: fc.string(), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}\0${b}`), weight: 3 },
  {
    arbitrary: fc.tuple(fc.string(), loneSurrogate, fc.string()).map(([a, s, b]) => a + s + b),
    weight: 3,
  },
  {
    // Past each limit: topic and name, content, the URL and the body.
    arbitrary: fc.constantFrom(300, 30_000, 300_000, 1_200_000).map((size) => "x".repeat(size)),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\t\n",
      "👍",
      "👍👍",
      "<script>alert(1)</script>",
      "__proto__",
    ),
    weight: 2,
  },
);

/** Integers at the edges of int4, of safe integers and of floats. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    -(2 ** 31) - 1,
    2 ** 53 - 1,
    2 ** 53,
    -(2 ** 53),
    2 ** 64,
    0.5,
    -0,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
  fc.integer(),
  fc.double(),
);

/** Dates PostgreSQL cannot hold, invalid ones, and ordinary ones. */
export const hostileDate = fc.oneof(
  fc.constantFrom(
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date("0000-06-01T00:00:00Z"),
    new Date("-000001-01-01T00:00:00Z"),
    new Date(Number.NaN),
    new Date(0),
  ),
  fc.date({ noInvalidDate: false }),
);

/** Arrays or objects nested around the depth limit and far past it. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: 800 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = "bottom";
    for (let level = 0; level < depth; level++) value = arrays ? [value] : { a: value };
    return value;
  });

/** A value of any kind, hostile more often than not. */
export function hostileValue(ids: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    hostileString,
    hostileNumber,
    hostileDate,
    { arbitrary: deepNesting, weight: 1 },
    fc.constantFrom(...ids),
    fc.uuid(),
    fc.constantFrom(null, true, false, undefined, [], {}),
    fc.bigInt(),
    fc.jsonValue({ maxDepth: 3 }),
    fc.array(fc.oneof(fc.constantFrom(...ids), hostileString), { maxLength: 5 }),
    fc.dictionary(hostileString, hostileString, { maxKeys: 40 }),
  );
}

/** Keys a schema does not know, some of them tempting. */
export const unknownKey = fc.oneof(
  fc.constantFrom("createdAt", "senderId", "id", "prority", "role", "__proto__", "constructor"),
  fc.string({ minLength: 1, maxLength: 20 }),
);

/**
 * Serialises as superjson does, with what superjson refuses to produce: an invalid Date goes
 * out as a Date-marked string. U+FFFD is kept out so that a stored one shows that a lone
 * surrogate slipped through.
 */
export function superjsonWire(value: unknown): { json: unknown; meta?: unknown } {
  const values: Record<string, [string]> = {};
  const walk = (node: unknown, path: string[]): unknown => {
    const mark = (type: string) => {
      values[path.map((key) => key.replaceAll(".", "\\.")).join(".")] = [type];
    };
    if (node instanceof Date) {
      mark("Date");
      return Number.isNaN(node.getTime()) ? "not a date" : node.toISOString();
    }
    if (typeof node === "bigint") {
      mark("bigint");
      return node.toString();
    }
    if (typeof node === "number" && !Number.isFinite(node)) {
      mark("number");
      return String(node);
    }
    if (node === undefined && path.length > 0) return undefined;
    if (typeof node === "string") return node.replaceAll("\uFFFD", "?");
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, String(index)]));
    if (node && typeof node === "object") {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [
          key.replaceAll("\uFFFD", "?"),
          walk(item, [...path, key]),
        ]),
      );
    }
    return node;
  };
  const json = walk(value, []);
  return Object.keys(values).length > 0 ? { json, meta: { values, v: 1 } } : { json };
}
