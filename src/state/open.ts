/**
 * What the bot remembers between messages (digest subscriptions, seen chat
 * events, rate limits, threads' recent turns) lives in the library's own
 * LanceDB database, so restarts and replicas share it. These open it from a
 * library store; the store itself knows nothing of chat or digests.
 */
import type { LancePaperStore } from "../store/lance/lance-store.ts";
import { LanceChatState, type ChatStateOptions } from "./chat-state-tables.ts";
import { LanceConversations } from "./conversation-tables.ts";
import { LanceDigestStore } from "./digest-tables.ts";

/** Digest subscriptions and the log of what each channel was sent. */
export function openDigests(store: LancePaperStore): LanceDigestStore {
  return new LanceDigestStore(store.connection);
}

/** Seen chat events and recent questions per user. */
export function openChatState(store: LancePaperStore, options: ChatStateOptions): LanceChatState {
  return new LanceChatState(store.connection, options);
}

/** Chat threads' recent turns, so follow-ups work after a restart and across replicas. */
export function openConversations(store: LancePaperStore, onError?: (error: unknown) => void): LanceConversations {
  return new LanceConversations(store.connection, onError ? { onError } : {});
}
