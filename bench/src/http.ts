// The bench's HTTP client: node:http over kept-alive connections, as a load generator would
// send. A request through `fetch` costs the bench more CPU than this, taken from the same
// cores as the server it measures.
import { Agent, request } from "node:http";

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpAnswer {
  status: number;
  body: string;
}

export function httpRequest(
  url: string,
  init: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  const headers = { ...init.headers };
  if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: init.method ?? "GET", headers, agent }, (answer) => {
      let body = "";
      answer.setEncoding("utf8");
      answer.on("data", (chunk: string) => (body += chunk));
      answer.on("end", () => resolve({ status: answer.statusCode ?? 0, body }));
      answer.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}
