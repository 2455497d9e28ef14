import { actionsOf, encodeAction } from "../../src/chat/actions.ts";
import type { ChatResponse } from "../../src/chat/response.ts";
import type { SlackBlock } from "./blocks.ts";

/** Every paperbot button's action_id starts so; the adapter listens for this prefix. */
export const ACTION_PREFIX = "paperbot:";

/**
 * The response's buttons as one Block Kit `actions` block: the value
 * carries what to do and to which paper, the action_id only has to be
 * unique in the block. Button text is plain text, which Slack never turns
 * into a mention, but `<` is swapped anyway so no payload carries `<!here>`.
 */
export function buttonBlocks(response: ChatResponse): SlackBlock[] {
  const actions = actionsOf(response);
  if (actions.length === 0) return [];
  return [
    {
      type: "actions",
      block_id: "paperbot_actions",
      elements: actions.map((action, index) => ({
        type: "button",
        action_id: `${ACTION_PREFIX}${action.kind}:${index}`,
        text: { type: "plain_text", text: action.label.replace(/</g, "‹"), emoji: false },
        value: encodeAction(action),
      })),
    },
  ];
}
