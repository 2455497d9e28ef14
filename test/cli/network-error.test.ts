import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { describeNetworkError } from "../../src/network-error.ts";

/** A local HTTP server; nothing here leaves 127.0.0.1. */
async function listen(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((_, response) => response.end("plain http"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function failureOf(url: string): Promise<unknown> {
  try {
    await fetch(url);
  } catch (error) {
    return error;
  }
  throw new Error(`${url} did not fail`);
}

describe("network failures name their cause instead of 'fetch failed'", () => {
  it("says the connection was refused, and where", async () => {
    const server = await listen();
    await server.close();
    const text = describeNetworkError(await failureOf(`http://127.0.0.1:${server.port}/`), {});
    expect(text).toBe(`connection refused by 127.0.0.1:${server.port} (is the server running?)`);
  });

  it("says TLS failed when https meets a server that does not speak it", async () => {
    const server = await listen();
    try {
      expect(describeNetworkError(await failureOf(`https://127.0.0.1:${server.port}/`), {})).toMatch(/^TLS failed: wrong version number \((ERR_SSL_|EPROTO)[A-Z_]*\)$/);
    } finally {
      await server.close();
    }
  });

  it("says a DNS lookup failed, naming the host (an error as undici reports it; no lookup is made)", () => {
    const error = new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND hf.example"), { code: "ENOTFOUND", hostname: "hf.example" }) });
    expect(describeNetworkError(error, {})).toBe("DNS lookup failed for hf.example (ENOTFOUND)");
  });

  it("points out a proxy variable Node's fetch ignores", () => {
    const error = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    expect(describeNetworkError(error, { HTTPS_PROXY: "http://proxy:3128" })).toBe("connection refused (is the server running?); HTTPS_PROXY is set, but Node uses it only with NODE_USE_ENV_PROXY=1");
    expect(describeNetworkError(error, { HTTPS_PROXY: "http://proxy:3128", NODE_USE_ENV_PROXY: "1" })).toBe("connection refused (is the server running?)");
  });
});
