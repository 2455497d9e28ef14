import { ButtonStyle, ComponentType } from "discord.js";
import { actionsOf, encodeAction, feedbackOf, MAX_ACTIONS } from "../../src/chat/actions.ts";
import type { ChatResponse } from "../../src/chat/response.ts";

/** Every paperbot button's custom_id starts so; the adapter answers only these. */
export const BUTTON_PREFIX = "paperbot:";

type Button = { type: ComponentType.Button; style: ButtonStyle; label: string; custom_id: string; emoji?: { name: string } };
export type ButtonRow = { type: ComponentType.ActionRow; components: Button[] };

const row = (components: Button[]): ButtonRow => ({ type: ComponentType.ActionRow, components });
const customId = (encoded: string) => `${BUTTON_PREFIX}${encoded}`.slice(0, 100);

/**
 * The response's buttons as message components: the paper buttons in one
 * row (Discord takes five per row), an answer's thumbs up and down in a row
 * of their own. The custom_id carries what to do and to what, so a click
 * after a restart still works.
 */
export function buttonRows(response: ChatResponse): ButtonRow[] {
  const actions = actionsOf(response).slice(0, MAX_ACTIONS);
  const papers = actions.map((action): Button => ({
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
  return [...(papers.length > 0 ? [row(papers)] : []), ...(votes.length > 0 ? [row(votes)] : [])];
}

export function actionFromCustomId(customId: string): string | undefined {
  return customId.startsWith(BUTTON_PREFIX) ? customId.slice(BUTTON_PREFIX.length) : undefined;
}
