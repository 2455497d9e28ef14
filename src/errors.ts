/**
 * Every failure a user can cause or fix is one of these: a stable `code` for
 * programs, a message that says what went wrong and what to do, and the
 * underlying `cause` for the logs.
 */
export type ErrorCode =
  | "CONFIG_INVALID"
  | "INPUT_UNREADABLE"
  | "INPUT_EMPTY"
  | "INPUT_BINARY"
  | "INPUT_NOT_A_PAGE"
  | "INPUT_TRUNCATED"
  | "INPUT_INVALID_RECORD"
  | "INPUT_TOO_LARGE"
  | "EMBEDDER_MISMATCH"
  | "EMBEDDER_FAILED"
  | "LLM_FAILED"
  | "SOURCE_FAILED"
  | "STORE_FAILED"
  | "LIBRARY_MISSING"
  | "LIBRARY_BUSY"
  | "PLATFORM_FAILED"
  | "USAGE";

export class PaperbotError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PaperbotError";
    this.code = code;
  }
}

/** A problem with one input file; `line` is 1-based when known. */
export class InputError extends PaperbotError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(code: ErrorCode, file: string, line: number | undefined, problem: string, options?: { cause?: unknown }) {
    super(code, `${line === undefined ? file : `${file}:${line}`}: ${problem}`, options);
    this.name = "InputError";
    this.file = file;
    this.line = line;
  }
}

export class ConfigError extends PaperbotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFIG_INVALID", message, options);
    this.name = "ConfigError";
  }
}

export function isPaperbotError(error: unknown): error is PaperbotError {
  return error instanceof PaperbotError;
}
