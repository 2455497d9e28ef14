import cliProgress from "cli-progress";

/** A progress bar on a terminal, nothing otherwise (so piped output stays clean). */
export function progressBar(stream: NodeJS.WriteStream, label: string): { update(done: number, total: number): void; stop(): void } {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
