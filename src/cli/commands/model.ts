import type { Command } from "commander";
import { pullModel } from "../../embed/transformers/pull.ts";
import { writeJson, type CliContext } from "../context.ts";

type PullFlags = { model?: string; json?: boolean };

/** `paperbot model pull`: the one step of the local neural embedder that uses the network. */
export function registerModel(program: Command, context: () => CliContext): void {
  const model = program.command("model").description("Manage the local neural embedding model (PAPERBOT_EMBEDDER=transformers)");
  model
    .command("pull")
    .description("Fetch the embedding model's files once into the model cache (PAPERBOT_MODEL_CACHE) from PAPERBOT_MODEL_HOST")
    .option("--model <owner/name>", "a model repository with a quantised ONNX export (default: PAPERBOT_EMBEDDER_MODEL, or Xenova/bge-small-en-v1.5)")
    .option("--json", 'print {"model","dir","fetched","kept","bytes"}')
    .action(async (flags: PullFlags) => {
      const ctx = context();
      const { host, cacheDir } = ctx.config.models;
      const name = flags.model ?? ctx.config.models.model;
      const result = await pullModel({
        model: name,
        cacheDir,
        host,
        onFile: ({ file, bytes, skipped }) => {
          if (!flags.json) ctx.stderr.write(skipped ? `  ${file}: already here\n` : `  ${file}: ${formatBytes(bytes)}\n`);
        },
      });
      if (flags.json) return writeJson(ctx.stdout, result);
      const what = result.fetched.length === 0 ? "was already in the cache" : `fetched (${formatBytes(result.bytes)})`;
      const selected = ctx.config.embedder.kind === "transformers" && ctx.config.embedder.model === name;
      const next = selected
        ? "Run `paperbot reindex` if the library was built with another embedder."
        : `Use it with PAPERBOT_EMBEDDER=transformers${name === ctx.config.models.model ? "" : ` PAPERBOT_EMBEDDER_MODEL=${name}`}, then run \`paperbot reindex\`.`;
      ctx.stdout.write(`Model ${name} ${what} in ${result.dir}.\n${next}\n`);
    });
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1_000).toFixed(1)} kB`;
}
