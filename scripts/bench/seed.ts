import { join } from "node:path";
import { runChild } from "./child.ts";
import type { SeedPaper } from "./corpus.ts";

const SAMPLES = join(import.meta.dirname, "..", "..", "data", "samples");

/** The bundled papers as the library stores them: ingested and listed through the CLI, as any user would. */
export async function seedPapers(workDir: string): Promise<SeedPaper[]> {
  const db = join(workDir, "seed-db");
  await runChild("bin/paperbot.js", ["ingest", SAMPLES, "--db", db, "--json"], workDir);
  const { stdout } = await runChild("bin/paperbot.js", ["list", "--db", db, "--json"], workDir);
  return JSON.parse(stdout) as SeedPaper[];
}
