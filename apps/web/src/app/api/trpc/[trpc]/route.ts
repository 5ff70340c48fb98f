import { answerApiRequest as handler } from "@/server/api-request";

// The API, for the browser and for other apps: `/api/trpc/<router>.<procedure>`. Served here by
// `next dev` and on Vercel; `npm start` answers it before Next.js (src/server/http).
// Every method Next.js routes, so that the API itself answers 405 with an Allow header.
export {
  handler as GET,
  handler as POST,
  handler as HEAD,
  handler as OPTIONS,
  handler as PUT,
  handler as PATCH,
  handler as DELETE,
};
