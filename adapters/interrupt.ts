/**
 * Ctrl-C ends a command with 130, as shells expect of an interrupted one.
 * src/cli/main.ts does that for a plain SIGINT; the commands that catch
 * Ctrl-C themselves, to stop cleanly (serve drains replies in flight, chat
 * gets it as a keystroke from the terminal), say so here once they have
 * cleaned up, and adapters/main.ts exits 130 instead of 0.
 */
let interrupted = false;

export function stoppedByInterrupt(): void {
  interrupted = true;
}

export function wasInterrupted(): boolean {
  return interrupted;
}
