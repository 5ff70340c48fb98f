import { z } from "zod";

// Zod compiles faster validators with Function() when it may. The page's CSP allows no eval,
// so in the browser Zod's probe for it would only be refused and reported as a violation.
z.config({ jitless: true });
