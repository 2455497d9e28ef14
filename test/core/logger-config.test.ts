import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";

describe("logger", () => {
  it("writes JSON lines with secrets redacted when not on a terminal", () => {
    const stream = new PassThrough();
    let written = "";
    stream.on("data", (chunk) => (written += chunk));
    const logger = createLogger("info", stream as unknown as NodeJS.WriteStream);
    logger.info({ openai: { apiKey: "sk-secret" }, token: "xoxb-secret", nested: { deeper: { botToken: "t" } } }, "hello");
    const line = JSON.parse(written.trim());
    expect(line.msg).toBe("hello");
    expect(written).not.toContain("secret");
    expect(line.openai.apiKey).toBe("[redacted]");
  });

  it("writes readable lines, secrets redacted, at a terminal", async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true });
    let written = "";
    stream.on("data", (chunk) => (written += chunk));
    const logger = createLogger("info", stream as unknown as NodeJS.WriteStream);
    logger.info({ token: "xoxb-secret" }, "hello");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toContain("hello");
    expect(written).toContain("[redacted]");
    expect(written).not.toContain("secret");
    expect(() => JSON.parse(written.trim())).toThrow();
  });
});

describe("config", () => {
  it("runs offline with nothing set", () => {
    expect(loadConfig({})).toMatchObject({ db: { uri: "./data/lancedb" }, embedder: { kind: "local" }, logLevel: "info" });
  });

  it("names the variable and the fix in every error", () => {
    expect(() => loadConfig({ OPENAI_BASE_URL: "localhost:11434" })).toThrow(/OPENAI_BASE_URL must be an http\(s\) URL such as/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ OPENAI_TIMEOUT_MS: "soon" })).toThrow(/OPENAI_TIMEOUT_MS must be a whole number/);
    expect(() => loadConfig({ PAPERBOT_EMBEDDER: "openai" })).toThrow(/set OPENAI_API_KEY/);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PAPERBOT_DB: "", OPENAI_API_KEY: " " })).toMatchObject({ db: { uri: "./data/lancedb" }, openai: {} });
  });
});
