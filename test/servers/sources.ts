import { existsSync, readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { startHttpServer } from "./http.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

export type Scripted = (response: ServerResponse) => void;

/**
 * Hugging Face's and arXiv's APIs on 127.0.0.1, replaying the bodies in
 * test/fixtures/ by date and page; scripted replies (429, 500, garbage)
 * can be queued ahead of them.
 */
export async function startSourcesServer() {
  const requests: { path: string; params: URLSearchParams; at: number }[] = [];
  const scripted: Scripted[] = [];
  const http = await startHttpServer((request, _body, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push({ path: url.pathname, params: url.searchParams, at: Date.now() });
    const next = scripted.shift();
    if (next) return next(response);
    if (url.pathname === "/api/daily_papers") {
      const file = join(FIXTURES, "hf", `daily_papers-${url.searchParams.get("date")}-p${url.searchParams.get("p") ?? 0}.json`);
      return response.writeHead(200, { "content-type": "application/json" }).end(existsSync(file) ? readFileSync(file) : "[]");
    }
    if (url.pathname === "/api/query") {
      const category = /cat:([\w.-]+)/.exec(url.searchParams.get("search_query") ?? "")?.[1] ?? "cs.CL";
      const file = join(FIXTURES, "arxiv", `query-${category}-start${url.searchParams.get("start") ?? 0}.xml`);
      return response.writeHead(200, { "content-type": "application/atom+xml; charset=utf-8" }).end(existsSync(file) ? readFileSync(file) : emptyFeed);
    }
    response.writeHead(404).end();
  });
  return {
    url: http.url,
    requests,
    script: (...replies: Scripted[]) => scripted.push(...replies),
    close: http.close,
  };
}

export const status = (code: number, headers: Record<string, string> = {}): Scripted => (response) => response.writeHead(code, headers).end(JSON.stringify({ error: `scripted ${code}` }));
export const garbage = (): Scripted => (response) => response.writeHead(200, { "content-type": "application/json" }).end("<html>maintenance</html>");

const emptyFeed = `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:totalResults></feed>`;
