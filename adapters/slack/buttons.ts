import { actionsOf, encodeAction, feedbackOf } from "../../src/chat/actions.ts";
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
  return [...(actions.length > 0 ? [paperButtons(actions)] : []), ...feedbackBlocks(response)];
}

function paperButtons(actions: ReturnType<typeof actionsOf>): SlackBlock {
  return {
      type: "actions",
      block_id: "paperbot_actions",
      elements: actions.map((action, index) => ({
        type: "button",
        action_id: `${ACTION_PREFIX}${action.kind}:${index}`,
        text: { type: "plain_text", text: action.label.replace(/</g, "‹"), emoji: false },
        value: encodeAction(action),
      })),
  };
}

/**
 * Thumbs up and down under an answer, as Slack's own feedback buttons (a
 * `context_actions` block, the AI-app pattern): a click arrives as a
 * block action like any other button, with the chosen button's value.
 */
function feedbackBlocks(response: ChatResponse): SlackBlock[] {
  const [up, down] = feedbackOf(response);
  if (!up || !down) return [];
  const button = (action: typeof up, label: string) => ({ text: { type: "plain_text", text: action.label }, accessibility_label: label, value: encodeAction(action) });
  return [
    {
      type: "context_actions",
      block_id: "paperbot_feedback",
      elements: [{ type: "feedback_buttons", action_id: `${ACTION_PREFIX}feedback`, positive_button: button(up, "This answer helped"), negative_button: button(down, "This answer did not help") }],
    },
  ];
}
