import type { Lease, LeaseOptions } from "./lease.ts";
import type { Subscription } from "./types.ts";

/**
 * A paper a channel got, or was about to get (`state: "intent"`) when a run
 * stopped. `titleKey` (the normalised title) still recognises the paper if
 * it later gets an arXiv id and so a new `paperId`.
 */
export type PostedEntry = { channel: string; paperId: string; titleKey: string; key: string; state: "intent" | "posted"; date: string };

/**
 * Persistent digest state: who subscribes, and which papers each channel
 * was sent. Kept in the library's own database.
 */
export interface DigestStore {
  subscriptions(): Promise<Subscription[]>;
  subscription(channel: string): Promise<Subscription | undefined>;
  saveSubscription(subscription: Subscription): Promise<void>;
  removeSubscription(channel: string): Promise<boolean>;
  /** Everything logged for a channel, intents and posts. */
  log(channel: string): Promise<PostedEntry[]>;
  /** Records entries (an intent before posting, or the confirmation after), replacing same channel+paper. */
  record(entries: PostedEntry[]): Promise<void>;
  /** Forgets intents that never went out, so their papers are due again. */
  forget(channel: string, key: string): Promise<void>;
  /** A lease in the same database, so that of several processes sharing it exactly one runs the scheduler. Stores without one run it everywhere. */
  lease?(name: string, options: LeaseOptions): Lease;
}
