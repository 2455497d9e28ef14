import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { PaperbotError } from "../../errors.ts";

export const LOCK_FILE = "paperbot-ingest.lock";

type Holder = { pid: number; host: string; startedAt: string };

/** Gives the lock back; safe to call more than once. */
export type ReleaseLock = () => Promise<void>;

/**
 * One writer at a time per library directory: two ingests merging into the
 * same table at once would each build indexes over the other's half-written
 * state. The lock is a file holding the writer's pid and host, created
 * atomically (written aside, then hard-linked into place, which fails if
 * one exists). A lock whose process is gone (killed, crashed) is stale and
 * taken over. Remote URIs (s3://, db://) have no local directory to lock.
 */
export async function acquireWriteLock(dir: string): Promise<ReleaseLock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const aside = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(aside, JSON.stringify(me));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(aside, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw busy(path, await holderOf(path), error);
        const holder = await holderOf(path);
        if (holder && !isStale(holder)) throw busy(path, holder, error);
        // The holder died without releasing: take the lock over (once; a live racer wins the retry).
        await unlink(path).catch(() => undefined);
      }
    }
  } finally {
    await unlink(aside).catch(() => undefined);
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const holder = await holderOf(path);
    if (holder?.pid === me.pid && holder.host === me.host) await unlink(path).catch(() => undefined);
  };
}

async function holderOf(path: string): Promise<Holder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<Holder>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string" ? (parsed as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** Only a holder on this machine can be checked; one elsewhere (a shared disk) is taken to be alive. */
function isStale(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function busy(path: string, holder: Holder | undefined, cause: unknown): PaperbotError {
  const who = holder ? `process ${holder.pid} on ${holder.host} (since ${holder.startedAt})` : "another process";
  return new PaperbotError(
    "LIBRARY_BUSY",
    `Another ingest is writing to this library: ${who}. Wait for it to finish and run again; if no ingest is running, delete ${path}.`,
    { cause },
  );
}
