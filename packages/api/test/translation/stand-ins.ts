import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// Local stand-ins for the paid translation services, speaking each one's documented request
// and response format, errors included. They check every request the way the service would
// (path, method, headers, body shape) and answer 400 with a note when one is wrong, so an
// adapter that drifts from the format fails its test. A text that is one of the trigger words
// makes the service fail the way it documents: BUSY (rate limited), QUOTA (quota used up),
// CRASH (internal error). "Translation" upper-cases the text and tags it with the target.

export interface StandIn {
  url: string;
  /** Requests received: method, path with query, headers and parsed body. */
  requests: { method: string; path: string; headers: IncomingMessage["headers"]; body: unknown }[];
  close(): Promise<void>;
}

type Handler = (request: {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: unknown;
}) => { status: number; body: unknown };

async function serve(handler: Handler): Promise<StandIn> {
  const requests: StandIn["requests"] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const type = req.headers["content-type"] ?? "";
    const body =
      raw === ""
        ? undefined
        : type.startsWith("application/json")
          ? JSON.parse(raw)
          : Object.fromEntries(new URLSearchParams(raw));
    const url = new URL(req.url ?? "/", "http://stand-in");
    requests.push({
      method: req.method ?? "",
      path: url.pathname + url.search,
      headers: req.headers,
      body,
    });
    const answer = handler({ method: req.method ?? "", url, headers: req.headers, body });
    res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" });
    res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const wrong = (note: string) => ({ status: 400, body: { standInRefused: note } });
const fake = (text: string, to: string) => `${to}:${text.toUpperCase()}`;
const trigger = (texts: string[]) =>
  texts.find((text) => ["BUSY", "QUOTA", "CRASH"].includes(text));

/** Azure AI Translator v3.0, global endpoint. Key "good-key", region "westeurope". */
export function azureStandIn(): Promise<StandIn> {
  const error = (status: number, code: number, message: string) => ({
    status,
    body: { error: { code, message } },
  });
  return serve(({ method, url, headers, body }) => {
    if (url.searchParams.get("api-version") !== "3.0") return wrong("api-version=3.0 missing");
    if (method === "GET" && url.pathname === "/languages") {
      if (url.searchParams.get("scope") !== "translation") return wrong("scope=translation");
      return {
        status: 200,
        body: {
          translation: {
            en: { name: "English", nativeName: "English", dir: "ltr" },
            es: { name: "Spanish", nativeName: "Español", dir: "ltr" },
            "pt-pt": {
              name: "Portuguese (Portugal)",
              nativeName: "Português (Portugal)",
              dir: "ltr",
            },
            "zh-Hans": { name: "Chinese Simplified", nativeName: "中文 (简体)", dir: "ltr" },
          },
        },
      };
    }
    if (method !== "POST" || url.pathname !== "/translate") return wrong("POST /translate");
    // A wrong key gets 401 and, as Azure is known to do, sometimes no body at all.
    if (headers["ocp-apim-subscription-key"] !== "good-key")
      return { status: 401, body: undefined };
    if (headers["ocp-apim-subscription-region"] !== "westeurope") {
      return error(
        401,
        401000,
        "The request is not authorized because credentials are missing or invalid.",
      );
    }
    if (!String(headers["content-type"]).startsWith("application/json")) return wrong("JSON body");
    const to = url.searchParams.get("to");
    if (!to || !["en", "es", "pt-pt", "zh-Hans"].includes(to)) {
      return error(400, 400036, "The target language is not valid.");
    }
    const from = url.searchParams.get("from");
    if (from && !["en", "es"].includes(from))
      return error(400, 400035, "The source language is not valid.");
    const textType = url.searchParams.get("textType");
    if (textType && textType !== "html") return wrong("textType is plain or html");
    if (
      !Array.isArray(body) ||
      body.some((item) => typeof item?.Text !== "string" || Object.keys(item).length !== 1)
    ) {
      return wrong('body is [{"Text": …}]');
    }
    const texts = body.map((item: { Text: string }) => item.Text);
    if (texts.length > 1000)
      return error(400, 400077, "The maximum request size has been exceeded.");
    switch (trigger(texts)) {
      case "BUSY":
        return error(
          429,
          429001,
          "The server rejected the request because the client has exceeded request limits.",
        );
      case "QUOTA":
        return error(
          403,
          403001,
          "The operation is not allowed because the subscription has exceeded its free quota.",
        );
      case "CRASH":
        return error(500, 500000, "An unexpected error occurred.");
    }
    return {
      status: 200,
      body: texts.map((text) => ({
        ...(!from && { detectedLanguage: { language: "en", score: 1.0 } }),
        translations: [
          {
            text:
              textType === "html"
                ? text.replace(/>([^<]+)</g, (_, inner: string) => `>${fake(inner, to)}<`)
                : fake(text, to),
            to,
          },
        ],
      })),
    };
  });
}

/** DeepL API v2. Key "good-key:fx" (a Free key). */
export function deepLStandIn(): Promise<StandIn> {
  const error = (status: number, message: string) => ({ status, body: { message } });
  return serve(({ method, url, headers, body }) => {
    if (headers.authorization !== "DeepL-Auth-Key good-key:fx") {
      return error(403, "Authorization failed. Please supply a valid auth_key parameter.");
    }
    if (method === "GET" && url.pathname === "/v2/languages") {
      if (url.searchParams.get("type") !== "target") return wrong("type=target");
      return {
        status: 200,
        body: [
          { language: "DE", name: "German", supports_formality: true },
          { language: "EN-GB", name: "English (British)", supports_formality: false },
          { language: "EN-US", name: "English (American)", supports_formality: false },
          { language: "ES", name: "Spanish", supports_formality: true },
          { language: "PT-BR", name: "Portuguese (Brazilian)", supports_formality: true },
        ],
      };
    }
    if (method !== "POST" || url.pathname !== "/v2/translate") return wrong("POST /v2/translate");
    if (!String(headers["content-type"]).startsWith("application/json")) return wrong("JSON body");
    const { text, target_lang, source_lang, tag_handling, ...rest } = body as Record<
      string,
      unknown
    >;
    if (Object.keys(rest).length > 0)
      return wrong(`unknown fields ${Object.keys(rest).join(", ")}`);
    if (!Array.isArray(text) || text.some((item) => typeof item !== "string"))
      return wrong("text is an array of strings");
    if (text.length > 50) return error(413, "Request Entity Too Large");
    if (!["DE", "EN-GB", "EN-US", "ES", "PT-BR"].includes(String(target_lang))) {
      return error(400, "Value for 'target_lang' not supported.");
    }
    if (source_lang !== undefined && !["EN", "DE", "ES", "PT"].includes(String(source_lang))) {
      return error(400, "Value for 'source_lang' not supported.");
    }
    if (tag_handling !== undefined && tag_handling !== "html")
      return wrong("tag_handling is html or xml");
    switch (trigger(text as string[])) {
      case "BUSY":
        return error(429, "Too many requests");
      case "QUOTA":
        return error(456, "Quota Exceeded");
      case "CRASH":
        return error(500, "Internal Server Error");
    }
    return {
      status: 200,
      body: {
        translations: (text as string[]).map((item) => ({
          detected_source_language: source_lang ?? "EN",
          text: fake(item, String(target_lang)),
        })),
      },
    };
  });
}

/** LibreTranslate. Key "good-key". */
export function libreTranslateStandIn(): Promise<StandIn> {
  const error = (status: number, message: string) => ({ status, body: { error: message } });
  const codes = ["en", "es", "fr"];
  return serve(({ method, url, body }) => {
    if (method === "GET" && url.pathname === "/languages") {
      return {
        status: 200,
        body: [
          { code: "en", name: "English", targets: codes },
          { code: "es", name: "Spanish", targets: codes },
          { code: "fr", name: "French", targets: codes },
        ],
      };
    }
    if (method !== "POST" || url.pathname !== "/translate") return wrong("POST /translate");
    const { q, source, target, format, api_key, ...rest } = body as Record<string, unknown>;
    if (Object.keys(rest).length > 0)
      return wrong(`unknown fields ${Object.keys(rest).join(", ")}`);
    if (api_key !== "good-key") {
      return error(403, "Visit https://portal.libretranslate.com to get an API key");
    }
    if (!Array.isArray(q)) return wrong("q is an array here");
    if (format !== "text" && format !== "html") return wrong("format is text or html");
    if (source !== "auto" && !codes.includes(String(source))) {
      return error(400, `${String(source)} is not supported`);
    }
    if (!codes.includes(String(target))) return error(400, `${String(target)} is not supported`);
    switch (trigger(q as string[])) {
      case "BUSY":
        return error(429, "Slowdown: 30 per 1 minute");
      case "QUOTA":
        return error(403, "Too many request limits violations");
      case "CRASH":
        return error(500, "Cannot translate text: internal error");
    }
    return {
      status: 200,
      body: {
        translatedText: (q as string[]).map((item) => fake(item, String(target))),
        ...(source === "auto" && {
          detectedLanguage: (q as string[]).map(() => ({ confidence: 90, language: "en" })),
        }),
      },
    };
  });
}
