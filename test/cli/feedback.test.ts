import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LanceFeedback } from "../../src/state/feedback-table.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { runPaperbot } from "../helpers/cli.ts";
import { SAMPLES_DIR } from "../helpers/files.ts";

let dir: string;
let db: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-feedback-"));
  db = join(dir, "db");
  expect((await runPaperbot(["ingest", SAMPLES_DIR, "--db", db])).code).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("paperbot feedback", () => {
  it("says there is none yet, without creating anything, before anyone has voted", async () => {
    const result = await runPaperbot(["feedback", "--db", db]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^No feedback yet in .*db\. People vote with the thumbs under each answer/) });
    const store = await LancePaperStore.open({ uri: db });
    expect(await store.connection.tableNames()).not.toContain("chat_feedback");
    store.close();
  });

  it("lists the votes newest first, with question and answer ids and what was asked; --down, --limit and --json", async () => {
    const store = await LancePaperStore.open({ uri: db });
    const feedback = new LanceFeedback(store.connection);
    const vote = { platform: "slack", channel: "slack:C1", thread: "slack:T1:C1:1.1", user: "U1" };
    await feedback.record({ ...vote, at: "2026-11-22T09:00:00.000Z", vote: "up", questionId: "1.1", answerId: "1.2", question: "which papers cover KV cache compression?", answer: "5 papers in the library speak to kv cache compression" });
    await feedback.record({ ...vote, at: "2026-11-22T10:00:00.000Z", vote: "down", questionId: "2.1", answerId: "2.2", user: "U2", question: "anything on   protein\nfolding?" });
    await feedback.record({ ...vote, platform: "discord", channel: "discord:9", thread: "discord:9", at: "2026-11-22T11:00:00.000Z", vote: "up", questionId: "q-abc", answerId: "77" });
    store.close();

    const text = await runPaperbot(["feedback", "--db", db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^3 votes in .*db: 2 up, 1 down\n/);
    const lines = text.stdout.split("\n");
    expect(lines[2]).toBe("2026-11-22 11:00  up    discord:9  by discord:U1");
    expect(text.stdout).toContain("2026-11-22 10:00  down  slack:C1  by slack:U2\n  question 2.1, answer 2.2\n  asked: anything on protein folding?\n");
    expect(text.stdout).toContain("  answered: 5 papers in the library speak to kv cache compression");

    const down = await runPaperbot(["feedback", "--db", db, "--down"]);
    expect(down.stdout).toContain("question 2.1, answer 2.2");
    expect(down.stdout).not.toContain("question 1.1");

    const json = JSON.parse((await runPaperbot(["feedback", "--db", db, "--json", "--limit", "1"])).stdout);
    expect(json).toEqual({ up: 2, down: 1, votes: [expect.objectContaining({ vote: "up", questionId: "q-abc", answerId: "77", platform: "discord" })] });
  }, 60_000);

  it("refuses a location that holds no library, as the other commands do", async () => {
    const result = await runPaperbot(["feedback", "--db", join(dir, "nothing-here")]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^paperbot: /);
  });
});
