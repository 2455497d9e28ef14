import type { Vote } from "./feedback.ts";
import type { ChatResponse } from "./response.ts";

/**
 * A button the core offers under a response, for adapters to render in
 * their own way: "paper" opens a paper's card, "similar" finds papers like
 * it, "feedback" records a thumbs up or down on an answer. The console has
 * no buttons and types the equivalent command instead.
 */
export type PaperAction = { kind: "paper" | "similar"; paperId: string; label: string };
export type FeedbackAction = { kind: "feedback"; vote: Vote; questionId: string; label: string };
export type ChatAction = PaperAction | FeedbackAction;
/** What a button carries on the wire: the action without its label. */
export type EncodedAction = Pick<PaperAction, "kind" | "paperId"> | Pick<FeedbackAction, "kind" | "vote" | "questionId">;

/** Papers given buttons per message: five fill a row on the platforms with rows, and more would crowd any of them. */
export const MAX_ACTIONS = 5;
/** Button text stays under the shortest platform limit on button labels (75 characters). */
const LABEL_LIMIT = 70;

/**
 * The paper buttons under a response: one per candidate of a choice (which
 * opens it, or lists papers like it for a choice `similar` offered); for
 * every paper an answer or a list cites, "Similar to [n]" (more like it)
 * and then "Details [n]" (its card), each kind together so they line up.
 */
export function actionsOf(response: ChatResponse): PaperAction[] {
  switch (response.kind) {
    case "choose":
      return response.papers.slice(0, MAX_ACTIONS).map((paper, index) => ({ kind: response.action ?? "paper", paperId: paper.id, label: clip(`${index + 1}. ${paper.title}`) }));
    case "paper":
      return [{ kind: "similar", paperId: response.paper.id, label: "Similar papers" }];
    case "answer": {
      const { citations } = response.reply;
      if (citations.length === 1) {
        const only = citations[0]!.id;
        return [{ kind: "similar", paperId: only, label: "Similar papers" }, { kind: "paper", paperId: only, label: "Details" }];
      }
      const shown = citations.slice(0, MAX_ACTIONS);
      return [
        ...shown.map((citation): PaperAction => ({ kind: "similar", paperId: citation.id, label: clip(`Similar to [${citation.n}]`) })),
        ...shown.map((citation): PaperAction => ({ kind: "paper", paperId: citation.id, label: clip(`Details [${citation.n}]`) })),
      ];
    }
    default:
      return [];
  }
}

/** Thumbs up and down under an answer (none under anything else): adapters show them apart from the paper buttons. */
export function feedbackOf(response: ChatResponse): FeedbackAction[] {
  if (response.kind !== "answer" || !response.questionId) return [];
  const { questionId } = response;
  return [
    { kind: "feedback", vote: "up", questionId, label: "Helpful" },
    { kind: "feedback", vote: "down", questionId, label: "Not helpful" },
  ];
}

/** A button's value on the wire ("similar:2406.02069", "feedback:up:1712.000100"): what it does, and to what. */
export function encodeAction(action: EncodedAction): string {
  return action.kind === "feedback" ? `feedback:${action.vote}:${action.questionId}` : `${action.kind}:${action.paperId}`;
}

export function decodeAction(value: string): EncodedAction | undefined {
  const feedback = /^feedback:(up|down):(.+)$/s.exec(value);
  if (feedback) return { kind: "feedback", vote: feedback[1] as Vote, questionId: feedback[2]! };
  const match = /^(paper|similar):(.+)$/s.exec(value);
  return match ? { kind: match[1] as PaperAction["kind"], paperId: match[2]! } : undefined;
}

function clip(text: string): string {
  return text.length > LABEL_LIMIT ? `${text.slice(0, LABEL_LIMIT - 1)}…` : text;
}
