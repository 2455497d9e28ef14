import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { isTimeOfDay, isTimeZone } from "./digest/days.ts";
import { ConfigError } from "./errors.ts";
import { SETTINGS } from "./search/settings.ts";

/**
 * The only place that reads the environment. The core receives the typed
 * `Config` this returns; each chat platform's adapter declares its own
 * variables as a zod schema and reads them through `readEnv`, so the core
 * knows no platform. Each message names the variable and says how to fix it.
 */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

export const optionalUrl = (example: string) =>
  optionalText.pipe(z.url({ protocol: /^https?$/, message: `must be an http(s) URL such as ${example}` }).optional());

export const optionalPositiveInt = optionalText.pipe(
  z
    .string()
    .regex(/^\d+$/, "must be a whole number above 0")
    .transform(Number)
    .pipe(z.number().positive("must be a whole number above 0"))
    .optional(),
);

const EnvSchema = z.object({
  PAPERBOT_DB: optionalText,
  PAPERBOT_SEARCH_CACHE: optionalText,
  LANCEDB_API_KEY: optionalText,
  LANCEDB_REGION: optionalText,
  AWS_ENDPOINT_URL: optionalUrl("https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000"),
  AWS_REGION: optionalText,
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  AWS_SESSION_TOKEN: optionalText,
  LOG_LEVEL: optionalText.pipe(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "must be one of fatal, error, warn, info, debug, trace, silent" }).optional(),
  ),
  PAPERBOT_EMBEDDER: optionalText.pipe(
    z.enum(["local", "openai", "transformers"], { message: "must be 'local' (offline, the default), 'openai' or 'transformers' (a local neural model, fetched once with `paperbot model pull`)" }).optional(),
  ),
  PAPERBOT_EMBEDDER_MODEL: optionalText.pipe(
    z.string().regex(/^[\w.-]+\/[\w.-]+$/, "must name a model repository as owner/name, e.g. Xenova/bge-small-en-v1.5").refine((name) => !name.split("/").includes(".."), "must not contain '..'").optional(),
  ),
  PAPERBOT_MODEL_CACHE: optionalText,
  PAPERBOT_MODEL_HOST: optionalUrl("https://huggingface.co"),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl("https://api.openai.com/v1 or http://127.0.0.1:11434/v1"),
  OPENAI_EMBEDDING_MODEL: optionalText,
  OPENAI_EMBEDDING_DIMENSIONS: optionalPositiveInt,
  OPENAI_TIMEOUT_MS: optionalPositiveInt,
  OPENAI_CHAT_MODEL: optionalText,
  HF_API_URL: optionalUrl("https://huggingface.co"),
  ARXIV_API_URL: optionalUrl("https://export.arxiv.org"),
  PAPERBOT_SCHEDULED_FETCH: optionalText.pipe(
    z.string().regex(/^(?:hf|arxiv:[\w.-]+)(?:\s*,\s*(?:hf|arxiv:[\w.-]+))*$/, "must list sources such as 'hf' or 'hf,arxiv:cs.CL,arxiv:cs.LG'").optional(),
  ),
  PAPERBOT_DIGEST_LIMIT: optionalPositiveInt,
  PAPERBOT_DIGEST_TIME: optionalText.pipe(z.string().refine(isTimeOfDay, "must be a time of day as HH:MM, e.g. 08:30").optional()),
  PAPERBOT_DIGEST_TIMEZONE: optionalText.pipe(z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin or UTC").optional()),
  PAPERBOT_DIGEST_EMPTY: optionalText.pipe(z.enum(["post", "skip"], { message: "must be 'post' (a short note on days without new papers) or 'skip'" }).optional()),
  PORT: optionalText.pipe(
    z.string().regex(/^\d+$/, "must be a port number (0 picks a free one)").transform(Number).pipe(z.number().max(65_535, "must be a port number up to 65535")).optional(),
  ),
  PAPERBOT_QUESTIONS_PER_MINUTE: optionalPositiveInt,
  PAPERBOT_MAX_QUESTION_CHARS: optionalPositiveInt,
  // Which platforms exist is the adapters' business; here an entry is only "platform:user id".
  PAPERBOT_ADMINS: optionalText.pipe(
    z.string().regex(/^[a-z][\w-]*:[\w-]+(?:\s*,\s*[a-z][\w-]*:[\w-]+)*$/, "must list users as platform:user-id pairs separated by commas (the README's section on each platform shows its form)").optional(),
  ),
  PAPERBOT_LLM: optionalText.pipe(z.enum(["auto", "off"], { message: "must be 'auto' (use a language model when OPENAI_API_KEY or OPENAI_BASE_URL is set) or 'off'" }).optional()),
  PAPERBOT_LLM_RETRIEVAL: optionalText.pipe(
    z.enum(["auto", "off"], { message: "must be 'auto' (the language model also rewrites questions and grades search results) or 'off' (it only writes answers)" }).optional(),
  ),
  PAPERBOT_LLM_RETRIEVAL_TIMEOUT_MS: optionalPositiveInt,
  OPENAI_MAX_RETRIES: optionalText.pipe(z.string().regex(/^\d+$/, "must be a whole number (0 turns retries off)").transform(Number).optional()),
});

export type Config = {
  /** `storageOptions`: LanceDB's object-store settings for s3:// URIs (endpoint, region, credentials), from the AWS_* variables. */
  db: { uri: string; apiKey?: string; region?: string; storageOptions?: Record<string, string> };
  /** Where search indexes are cached between processes; by default inside a local library, or the user's cache folder for a remote one. */
  searchCache?: string;
  logLevel: string;
  embedder:
    | { kind: "local" }
    | { kind: "openai"; model: string; dimensions?: number; batchSize: number }
    | { kind: "transformers"; model: string; cacheDir: string };
  /** Where local neural models are fetched from (`paperbot model pull`) and kept. */
  models: ModelsConfig;
  openai: { apiKey?: string; baseURL?: string; timeoutMs: number; maxRetries: number };
  /** Present when answers are written by a language model; absent means extractive answers. */
  llm?: LlmConfig;
  chat: ChatConfig;
  digest: DigestConfig;
  sources: SourcesConfig;
};

export type ModelsConfig = { host: string; cacheDir: string; model: string };

/** The local neural embedder's default: small (33M parameters, 384 dimensions), quantised ONNX, good at retrieval. */
export const DEFAULT_EMBEDDER_MODEL = "Xenova/bge-small-en-v1.5";

/** Beside the word-vector cache, anchored at the package rather than the working directory. */
const DEFAULT_MODEL_CACHE = join(import.meta.dirname, "..", "node_modules", ".cache", "paperbot", "models");

export type SourcesConfig = { hfApiUrl: string; arxivApiUrl: string; scheduled: { hf: boolean; arxivCategories: string[] } };

export type DigestConfig = { limit: number; time: string; timeZone: string; emptyDays: "post" | "skip"; catchUpDays: number };

/** `retrieval`: present when the model also helps retrieval (src/search/llm-assist.ts), with the timeout of each call. */
export type LlmConfig = { model: string; timeoutMs: number; retrieval?: { timeoutMs: number } };

export type ChatConfig = {
  port: number;
  limits: { questionsPerWindow: number; windowMs: number; maxQuestionChars: number };
  /** "platform:user" entries who may change any channel's digest, besides the channel's managers. */
  admins?: string[];
};

const DEFAULT_DB = "./data/lancedb";

/**
 * Reads and checks the variables `schema` declares, from `env` (the
 * process's own by default): the core's below, and each adapter's own.
 */
export function readEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message} (set it in your environment or .env file, or unset it)`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = readEnv(EnvSchema, env);
  if (e.PAPERBOT_EMBEDDER === "openai" && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    throw new ConfigError(
      "PAPERBOT_EMBEDDER is 'openai' but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server), or unset PAPERBOT_EMBEDDER to use the offline embedder",
    );
  }
  const models: ModelsConfig = {
    host: (e.PAPERBOT_MODEL_HOST ?? "https://huggingface.co").replace(/\/+$/, ""),
    cacheDir: e.PAPERBOT_MODEL_CACHE ?? DEFAULT_MODEL_CACHE,
    model: e.PAPERBOT_EMBEDDER_MODEL ?? DEFAULT_EMBEDDER_MODEL,
  };
  const llmWanted = e.PAPERBOT_LLM !== "off" && Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  return {
    chat: chatConfig(e),
    sources: {
      hfApiUrl: e.HF_API_URL ?? "https://huggingface.co",
      arxivApiUrl: e.ARXIV_API_URL ?? "https://export.arxiv.org",
      scheduled: scheduledFetch(e.PAPERBOT_SCHEDULED_FETCH),
    },
    digest: {
      limit: e.PAPERBOT_DIGEST_LIMIT ?? 10,
      time: e.PAPERBOT_DIGEST_TIME ?? "08:00",
      timeZone: e.PAPERBOT_DIGEST_TIMEZONE ?? "UTC",
      emptyDays: e.PAPERBOT_DIGEST_EMPTY ?? "post",
      catchUpDays: 7,
    },
    ...(llmWanted && {
      llm: {
        model: e.OPENAI_CHAT_MODEL ?? "gpt-4o-mini",
        timeoutMs: e.OPENAI_TIMEOUT_MS ?? 30_000,
        ...(e.PAPERBOT_LLM_RETRIEVAL !== "off" && { retrieval: { timeoutMs: e.PAPERBOT_LLM_RETRIEVAL_TIMEOUT_MS ?? SETTINGS.llm.timeoutMs } }),
      },
    }),
    db: {
      uri: e.PAPERBOT_DB ?? DEFAULT_DB,
      ...(e.LANCEDB_API_KEY && { apiKey: e.LANCEDB_API_KEY }),
      ...(e.LANCEDB_REGION && { region: e.LANCEDB_REGION }),
      ...objectStoreOptions(e),
    },
    ...(e.PAPERBOT_SEARCH_CACHE && { searchCache: e.PAPERBOT_SEARCH_CACHE }),
    logLevel: e.LOG_LEVEL ?? "info",
    models,
    embedder:
      e.PAPERBOT_EMBEDDER === "transformers"
        ? { kind: "transformers", model: models.model, cacheDir: models.cacheDir }
        : e.PAPERBOT_EMBEDDER === "openai"
        ? {
            kind: "openai",
            model: e.OPENAI_EMBEDDING_MODEL ?? "text-embedding-3-small",
            ...(e.OPENAI_EMBEDDING_DIMENSIONS && { dimensions: e.OPENAI_EMBEDDING_DIMENSIONS }),
            batchSize: 256,
          }
        : { kind: "local" },
    openai: {
      ...(e.OPENAI_API_KEY && { apiKey: e.OPENAI_API_KEY }),
      ...(e.OPENAI_BASE_URL && { baseURL: e.OPENAI_BASE_URL }),
      timeoutMs: e.OPENAI_TIMEOUT_MS ?? 30_000,
      maxRetries: e.OPENAI_MAX_RETRIES ?? 3,
    },
  };
}

/**
 * S3 settings in the names the AWS tools use, passed to LanceDB explicitly
 * (not left for its native code to find) so that this file stays the one
 * reader of the environment. An http:// endpoint (a local S3-compatible
 * server) needs allow_http, which LanceDB otherwise refuses.
 */
function objectStoreOptions(e: z.infer<typeof EnvSchema>): { storageOptions?: Record<string, string> } {
  const options: Record<string, string> = {
    ...(e.AWS_ENDPOINT_URL && { aws_endpoint: e.AWS_ENDPOINT_URL }),
    ...(e.AWS_ENDPOINT_URL?.startsWith("http://") && { allow_http: "true" }),
    ...(e.AWS_REGION && { aws_region: e.AWS_REGION }),
    ...(e.AWS_ACCESS_KEY_ID && { aws_access_key_id: e.AWS_ACCESS_KEY_ID }),
    ...(e.AWS_SECRET_ACCESS_KEY && { aws_secret_access_key: e.AWS_SECRET_ACCESS_KEY }),
    ...(e.AWS_SESSION_TOKEN && { aws_session_token: e.AWS_SESSION_TOKEN }),
  };
  return Object.keys(options).length > 0 ? { storageOptions: options } : {};
}

function scheduledFetch(list: string | undefined): SourcesConfig["scheduled"] {
  const sources = (list ?? "").split(",").map((source) => source.trim()).filter(Boolean);
  return { hf: sources.includes("hf"), arxivCategories: sources.filter((source) => source.startsWith("arxiv:")).map((source) => source.slice("arxiv:".length)) };
}

function chatConfig(e: z.infer<typeof EnvSchema>): ChatConfig {
  return {
    port: e.PORT ?? 3000,
    limits: { questionsPerWindow: e.PAPERBOT_QUESTIONS_PER_MINUTE ?? 10, windowMs: 60_000, maxQuestionChars: e.PAPERBOT_MAX_QUESTION_CHARS ?? 1_000 },
    admins: (e.PAPERBOT_ADMINS ?? "").split(",").map((entry) => entry.trim()).filter(Boolean),
  };
}

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
