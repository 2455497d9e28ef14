/**
 * A lease held by one process at a time, kept in the shared database: how
 * several replicas of `serve` agree that exactly one of them runs the digest
 * scheduler. It expires unless renewed, so a replica that dies without
 * releasing it is replaced once `ttlMs` has passed.
 */
export interface Lease {
  /** This process's owner id, as written into the lease. */
  readonly owner: string;
  /** Takes the lease when it is free or expired, or renews it when we hold it; true while we hold it. */
  claim(): Promise<boolean>;
  /** Gives the lease up at once (so a standby need not wait for it to expire); no-op when another holds it. */
  release(): Promise<void>;
  /** Who holds the lease now, for logs; undefined when nobody has taken it yet. */
  holder(): Promise<LeaseHolder | undefined>;
}

export type LeaseHolder = { owner: string; expiresAt: Date };

/** `now` in epoch milliseconds; a clock the tests can move. */
export type LeaseOptions = { owner: string; ttlMs: number; now: () => number };
