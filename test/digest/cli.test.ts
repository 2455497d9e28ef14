import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shiftDay } from "../../src/search/time-phrases.ts";
import { dayIn } from "../../src/digest/days.ts";
import { runPaperbot } from "../helpers/cli.ts";

let dir: string;
let db: string;
const today = () => dayIn("UTC", new Date());
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-digest-preview-"));
  db = join(dir, "db");
  // Dated relative to the real clock, since the CLI digests up to today.
  const lines = [
    { title: "KV cache compression for long context", abstract: "We propose KVC, which compresses key-value caches eightfold.", publishedAt: shiftDay(today(), -2), upvotes: 4 },
    { title: "An old paper on parsing", abstract: "We propose a parser that is old.", publishedAt: "2019-05-01", upvotes: 40 },
  ];
  await writeFile(join(dir, "papers.jsonl"), lines.map((line) => JSON.stringify(line)).join("\n"));
  expect((await runPaperbot(["ingest", join(dir, "papers.jsonl"), "--db", db])).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("paperbot digest previews and dates", () => {
  it("previews what a new subscription would get with --dry-run and no channel, when there is none yet", async () => {
    const result = await runPaperbot(["digest", "--db", db, "--dry-run", "--json"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toMatchObject({ channel: null, first: true, from: shiftDay(today(), -6), date: today(), posted: false, papers: [{ title: "KV cache compression for long context" }] });
    const text = await runPaperbot(["digest", "--db", db, "--dry-run"]);
    expect(text.stdout).toMatch(/^A new subscription \(none yet\): would post\n\*\*New papers, .* \(the past week\)\n1\. \*\*\[KV cache compression/);
  });

  it("refuses days that are not on the calendar, and posting a day that has not come yet", async () => {
    const impossible = await runPaperbot(["digest", "--db", db, "--dry-run", "--date", "2026-02-30"]);
    expect(impossible).toMatchObject({ code: 2, stdout: "" });
    expect(impossible.stderr).toMatch(/--date 2026-02-30 is not a real date \(2026-02 has 28 days\); give a day of the calendar as YYYY-MM-DD/);
    const future = await runPaperbot(["digest", "--db", db, "--channel", "slack:C1", "--date", shiftDay(today(), 2)]);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/is in the future \(today is \d{4}-\d\d-\d\d in UTC for slack:C1\); give a day up to today, or add --dry-run/);
  });

  it("previews every subscription with --dry-run and no channel, and still needs a channel to post", async () => {
    expect((await runPaperbot(["digest", "--db", db])).stderr).toMatch(/No subscriptions yet: .* or preview with --dry-run/);
    await runPaperbot(["digest", "subscribe", "--db", db, "--channel", "slack:C9", "--topic", "parsing"]);
    const result = await runPaperbot(["digest", "--db", db, "--dry-run", "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({ channel: "slack:C9", first: true, papers: [] });
  });
});
