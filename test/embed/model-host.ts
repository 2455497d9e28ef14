import { startHttpServer } from "../servers/http.ts";
import { tinyModelFiles, TINY_MODEL_ID } from "../fixtures/tiny-model/build.ts";

/**
 * A local stand-in for the Hugging Face hub: serves the tiny model's files at
 * `/<model>/resolve/main/<file>` on 127.0.0.1, and records every request.
 */
export async function startModelHost(model = TINY_MODEL_ID) {
  const files = tinyModelFiles();
  const requests: string[] = [];
  const host = await startHttpServer((request, _body, response) => {
    requests.push(request.url ?? "");
    const prefix = `/${model}/resolve/main/`;
    const file = request.url?.startsWith(prefix) ? files.get(request.url.slice(prefix.length)) : undefined;
    if (!file) return response.writeHead(404, { "content-type": "text/plain" }).end("Entry not found");
    response.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.length) }).end(file);
  });
  return { ...host, requests, files };
}
