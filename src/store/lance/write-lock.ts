import { link, mkdir, readFile, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { PaperbotError } from "../../errors.ts";

export const LOCK_FILE = "paperbot-ingest.lock";
/** The holder touches the lock this often while it works... */
const HEARTBEAT_MS = 30_000;
/** ...so one untouched for this long belongs to a process that is gone, even one we cannot ask (another host or container). */
export const STALE_AFTER_MS = 5 * 60_000;

type Holder = { pid: number; host: string; startedAt: string };

/** Gives the lock back; safe to call more than once. */
export type ReleaseLock = () => Promise<void>;

/**
 * One writer at a time per library directory: two ingests merging into the
 * same table at once would each build indexes over the other's half-written
 * state. The lock is a file holding the writer's pid and host, created
 * atomically (written aside, then hard-linked into place, which fails if
 * one exists). A lock whose process is gone (killed, crashed) is stale and
 * taken over: on this host when its pid no longer runs, anywhere when its
 * heartbeat stopped (a pid means nothing on another host, and containers
 * reuse pids). Remote URIs (s3://, db://) have no local directory to lock.
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
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
          throw new PaperbotError("STORE_FAILED", `Could not create the ingest lock ${path}: ${(error as Error).message}. Check that the library's directory is writable.`, { cause: error });
        }
        if (attempt > 0) throw busy(path, await holderOf(path), error);
        const holder = await holderOf(path);
        if (holder && !(await isStale(path, holder))) throw busy(path, holder, error);
        // The holder died without releasing: take the lock over (once; a live racer wins the retry).
        await unlink(path).catch(() => undefined);
      }
    }
  } finally {
    await unlink(aside).catch(() => undefined);
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  // The heartbeat alone must not keep a finished command alive.
  heartbeat.unref();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
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

async function isStale(path: string, holder: Holder): Promise<boolean> {
  const touched = await stat(path).then((info) => info.mtimeMs, () => 0);
  if (Date.now() - touched > STALE_AFTER_MS) return true;
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
