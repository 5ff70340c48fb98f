import { z } from "zod";
import { canonicalTag } from "../translation/language-tags";

// The building blocks of every input schema, so that a new field gets the database's limits
// without having to remember them. Each message names the field and says what is allowed.

export const id = (field: string) => z.uuid({ error: `${field} must be an id (a UUID)` });

/**
 * A string that can be stored: PostgreSQL text cannot hold U+0000, and a lone UTF-16
 * surrogate is not Unicode (it would reach the database as U+FFFD, silently changed).
 */
export const text = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .refine((value) => !value.includes("\0"), `${field} must not contain U+0000 (NUL)`)
    .refine(
      // With the u flag only an unpaired surrogate is a code point of category Cs.
      (value) => !/\p{Cs}/u.test(value),
      `${field} must be valid Unicode: it has a lone UTF-16 surrogate`,
    );

/** PostgreSQL's `integer`, which sequences are stored as. */
export const int4Max = 2 ** 31 - 1;

export const sequence = (field: string, min: number) =>
  z
    .int({ error: `${field} must be a whole number` })
    .min(min, `${field} is at least ${min}`)
    .max(int4Max, `${field} is at most ${int4Max}`);

/** Moments the database and ISO 8601's four-digit years agree on. */
export const timestampRange = {
  min: new Date("0001-01-01T00:00:00.000Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
} as const;

export const timestamp = (field: string) =>
  z
    .date({ error: `${field} must be a valid date` })
    .min(timestampRange.min, `${field} is a date from year 1 to 9999`)
    .max(timestampRange.max, `${field} is a date from year 1 to 9999`);

/**
 * An object that refuses keys it does not know, so a misspelt `prority` or an ignored
 * `createdAt` is an error instead of a silent default. The allowed keys are read from the
 * schema that refused, so `.extend()` lists its own.
 */
export const input = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const known = issue.inst instanceof z.ZodObject ? Object.keys(issue.inst.shape) : [];
      const plural = issue.keys.length > 1;
      return (
        `unknown key${plural ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}; ` +
        (known.length > 0 ? `allowed: ${known.join(", ")}` : "no keys are allowed")
      );
    },
  });

/** A BCP 47 language tag (`es`, `pt-BR`), in its canonical form. */
export const language = (field: string) =>
  text(field)
    .max(35, `${field} has at most 35 characters`)
    .refine(
      (value) => canonicalTag(value) !== null,
      `${field} must be a BCP 47 language tag such as es or pt-BR`,
    )
    .transform((value) => canonicalTag(value)!);
