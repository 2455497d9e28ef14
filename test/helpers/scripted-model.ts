import { afterAll, beforeAll, beforeEach } from "vitest";
import { startOpenAICompatibleServer } from "../servers/openai-compatible.ts";

export type ScriptedModelServer = Awaited<ReturnType<typeof startOpenAICompatibleServer>>;

/** The scripted OpenAI-compatible server for a whole test file: started once, its queued replies cleared before each test. */
export function useScriptedModelServer(): () => ScriptedModelServer {
  let server: ScriptedModelServer;
  beforeAll(async () => {
    server = await startOpenAICompatibleServer();
  }, 60_000);
  afterAll(() => server.close());
  beforeEach(() => server.reset());
  return () => server;
}
