import { ButtonStyle, ComponentType } from "discord.js";
import { actionsOf, encodeAction, feedbackOf } from "../../src/chat/actions.ts";
import type { ChatResponse } from "../../src/chat/response.ts";

/** Every paperbot button's custom_id starts so; the adapter answers only these. */
export const BUTTON_PREFIX = "paperbot:";

type Button = { type: ComponentType.Button; style: ButtonStyle; label: string; custom_id: string; emoji?: { name: string } };
export type ButtonRow = { type: ComponentType.ActionRow; components: Button[] };

/** Discord takes five buttons per row (and five rows per message). */
const ROW = 5;
const row = (components: Button[]): ButtonRow => ({ type: ComponentType.ActionRow, components });
const customId = (encoded: string) => `${BUTTON_PREFIX}${encoded}`.slice(0, 100);

/**
 * The response's buttons as message components: the paper buttons in rows
 * of five (an answer's "Similar to" row above its "Details" row), an
 * answer's thumbs up and down in a row of their own. The custom_id carries what to do and to what, so a click
 * after a restart still works.
 */
export function buttonRows(response: ChatResponse): ButtonRow[] {
  const papers = actionsOf(response).map((action): Button => ({
    type: ComponentType.Button,
    style: action.kind === "paper" ? ButtonStyle.Primary : ButtonStyle.Secondary,
    label: action.label,
    custom_id: customId(encodeAction(action)),
  }));
  const votes = feedbackOf(response).map((action): Button => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: action.label,
    emoji: { name: action.vote === "up" ? "👍" : "👎" },
    custom_id: customId(encodeAction(action)),
  }));
  const rows: ButtonRow[] = [];
  for (let start = 0; start < papers.length; start += ROW) rows.push(row(papers.slice(start, start + ROW)));
  return [...rows, ...(votes.length > 0 ? [row(votes)] : [])];
}

export function actionFromCustomId(customId: string): string | undefined {
  return customId.startsWith(BUTTON_PREFIX) ? customId.slice(BUTTON_PREFIX.length) : undefined;
}
