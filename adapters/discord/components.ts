import { ButtonStyle, ComponentType } from "discord.js";
import { actionsOf, encodeAction, MAX_ACTIONS } from "../../src/chat/actions.ts";
import type { ChatResponse } from "../../src/chat/response.ts";

/** Every paperbot button's custom_id starts so; the adapter answers only these. */
export const BUTTON_PREFIX = "paperbot:";

export type ButtonRow = { type: ComponentType.ActionRow; components: { type: ComponentType.Button; style: ButtonStyle; label: string; custom_id: string }[] };

/**
 * The response's buttons as one row of message components (Discord takes
 * five per row). The custom_id carries what to do and to which paper, so a
 * click after a restart still works.
 */
export function buttonRows(response: ChatResponse): ButtonRow[] {
  const actions = actionsOf(response).slice(0, MAX_ACTIONS);
  if (actions.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: actions.map((action) => ({
        type: ComponentType.Button,
        style: action.kind === "paper" ? ButtonStyle.Primary : ButtonStyle.Secondary,
        label: action.label,
        custom_id: `${BUTTON_PREFIX}${encodeAction(action)}`.slice(0, 100),
      })),
    },
  ];
}

export function actionFromCustomId(customId: string): string | undefined {
  return customId.startsWith(BUTTON_PREFIX) ? customId.slice(BUTTON_PREFIX.length) : undefined;
}
