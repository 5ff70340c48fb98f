// One app instance's rate limits, in a process of its own: `node --import tsx` this file with
// a Redis URL, a key prefix, a key and a count; it consumes that many sendMessage points and
// prints what each attempt got, one JSON line.
import { RateLimits } from "../../src/rate-limits";

const [redisUrl, keyPrefix, key, count] = process.argv.slice(2);
const limits = new RateLimits({ redisUrl, keyPrefix });
const outcomes: string[] = [];
for (let attempt = 0; attempt < Number(count); attempt++) {
  outcomes.push(
    await limits.consume("sendMessage", key!).then(
      () => "allowed",
      (error: { code?: string }) => error.code ?? String(error),
    ),
  );
}
await limits.close();
console.log(JSON.stringify(outcomes));
