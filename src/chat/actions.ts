import type { ChatResponse } from "./response.ts";

/**
 * A button the core offers under a response, for adapters to render in
 * their own way (Slack Block Kit buttons, Discord components): "paper"
 * opens a paper's card, "similar" finds papers like it. The console has no
 * buttons and types the equivalent command instead.
 */
export type ChatAction = { kind: "paper" | "similar"; paperId: string; label: string };

/** Buttons per message: Discord takes five per row, and more would crowd either platform. */
export const MAX_ACTIONS = 5;
/** Slack caps button text at 75 characters, Discord at 80. */
const LABEL_LIMIT = 70;

/** The buttons under a response: one per candidate of a choice, and "Similar papers" for each paper it lists. */
export function actionsOf(response: ChatResponse): ChatAction[] {
  switch (response.kind) {
    case "choose":
      return response.papers.slice(0, MAX_ACTIONS).map((paper, index) => ({ kind: "paper", paperId: paper.id, label: clip(`${index + 1}. ${paper.title}`) }));
    case "paper":
      return [{ kind: "similar", paperId: response.paper.id, label: "Similar papers" }];
    case "answer": {
      const { citations } = response.reply;
      if (citations.length === 1) return [{ kind: "similar", paperId: citations[0]!.id, label: "Similar papers" }];
      return citations.slice(0, MAX_ACTIONS).map((citation) => ({ kind: "similar", paperId: citation.id, label: clip(`Similar to [${citation.n}]`) }));
    }
    default:
      return [];
  }
}

/** A button's value on the wire ("similar:2406.02069"): what it does and to which paper. */
export function encodeAction(action: Pick<ChatAction, "kind" | "paperId">): string {
  return `${action.kind}:${action.paperId}`;
}

export function decodeAction(value: string): Pick<ChatAction, "kind" | "paperId"> | undefined {
  const match = /^(paper|similar):(.+)$/s.exec(value);
  return match ? { kind: match[1] as ChatAction["kind"], paperId: match[2]! } : undefined;
}

function clip(text: string): string {
  return text.length > LABEL_LIMIT ? `${text.slice(0, LABEL_LIMIT - 1)}…` : text;
}
