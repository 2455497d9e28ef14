import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import { localDirOf } from "../store/lance/lance-store.ts";

/**
 * Where a library's search indexes are cached between processes: the
 * configured folder, else inside a local library (so they go wherever it
 * goes), else a folder per remote URI in the user's cache.
 */
export function searchCacheDir(uri: string, configured?: string): string {
  if (configured) return configured;
  const local = localDirOf(uri);
  if (local !== undefined) return join(local, ".paperbot-search");
  return join(homedir(), ".cache", "paperbot", `search-${createHash("sha256").update(uri).digest("hex").slice(0, 16)}`);
}
