/**
 * `npm run load`: a burst of signed Slack mentions (with retries) and a
 * burst of Discord gateway mentions and slash commands, against the local
 * protocol servers the tests use (127.0.0.1 only), with the real Bolt and
 * discord.js clients and the sample library in a temporary LanceDB. Prints
 * acks within 3 s, answered-exactly-once counts and p50/p95 latency; exits
 * 1 if any check fails.
 *
 *   npm run load [-- --mentions 200]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createChatBot } from "../src/chat/create.ts";
import { LocalEmbedder } from "../src/embed/local.ts";
import { ingestRecords } from "../src/ingest/ingest.ts";
import { Library } from "../src/library/library.ts";
import { createLogger } from "../src/logger.ts";
import { loadFiles } from "../src/sources/load.ts";
import { LancePaperStore } from "../src/store/lance/lance-store.ts";
import { discordBurst } from "./load/discord-burst.ts";
import { slackBurst } from "./load/slack-burst.ts";
import { openChatState } from "../src/state/open.ts";

const { values } = parseArgs({ options: { mentions: { type: "string", default: "200" } } });
const mentions = Math.min(2_000, Math.max(1, Number(values.mentions) || 200));
const logger = createLogger(process.env.LOG_LEVEL ?? "error");
const dir = await mkdtemp(join(tmpdir(), "paperbot-load-"));
const store = await LancePaperStore.open({ uri: join(dir, "lancedb") });
try {
  const embedder = await LocalEmbedder.create();
  const files = await loadFiles([join(import.meta.dirname, "..", "data", "samples")], { today: new Date() });
  await ingestRecords(files.flatMap((file) => file.records), { store, embedder, logger });
  const library = new Library(store, embedder);
  await library.warm();
  // As `serve` runs: seen events and per-user counts in the database. Every user asks once; the limit is not what is measured.
  const limits = { questionsPerWindow: 1_000, windowMs: 60_000, maxQuestionChars: 1_000 };
  const chatState = openChatState(store, limits);
  const bot = () => createChatBot(library, { logger, chat: { port: 0, limits }, limiter: chatState });
  process.stdout.write(`Library: ${await store.count()} sample papers in a temporary LanceDB\n\n`);
  const results = [await slackBurst(bot(), logger, mentions, { seen: chatState }), await discordBurst(bot(), logger, mentions, { seen: chatState })];
  for (const result of results) process.stdout.write(`${result.lines.join("\n")}\n  ${result.ok ? "PASS" : "FAIL"}\n\n`);
  process.exitCode = results.every((result) => result.ok) ? 0 : 1;
} finally {
  store.close();
  await rm(dir, { recursive: true, force: true });
}
