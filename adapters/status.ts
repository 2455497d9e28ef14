/**
 * What an adapter says about its connection, for /healthz and the logs.
 * "down" means it will not recover by itself (a rejected token, disallowed
 * intents): someone has to fix the configuration and restart.
 */
export type AdapterState = "starting" | "ready" | "reconnecting" | "down";

export type AdapterStatus = { state: AdapterState; reason?: string; since: Date };

export type StatusListener = (state: AdapterState, reason?: string) => void;

/** Keys whose values must never reach a log line, wherever they sit in a platform payload. */
const SECRET_KEY = /token|secret|password|authorization|signature|cookie/i;

/** `token=…` in a form body, `"token":"…"` in raw JSON. */
const SECRET_PAIR = /("?[\w-]*(?:token|secret|password|authorization|signature)[\w-]*"?\s*[:=]\s*)("[^"]*"|[^&\s,}]*)/gi;

/** A short, secret-free rendering of an input we dropped, so the log says what it was. */
export function preview(value: unknown, limit = 300): string {
  let text: string;
  try {
    text = typeof value === "string" ? value.replace(SECRET_PAIR, "$1[redacted]") : (JSON.stringify(value, (key, inner: unknown) => (key && SECRET_KEY.test(key) ? "[redacted]" : inner)) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;
}
