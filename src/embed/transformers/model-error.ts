import { PaperbotError } from "../../errors.ts";

/** Why a local neural model could not be used or fetched; the message says what to do. */
export type ModelProblem = "MODEL_MISSING" | "MODEL_RUNTIME_MISSING" | "MODEL_LOAD_FAILED" | "MODEL_PULL_FAILED";

export class ModelError extends PaperbotError {
  readonly problem: ModelProblem;

  constructor(problem: ModelProblem, message: string, options?: { cause?: unknown }) {
    super("EMBEDDER_FAILED", message, options);
    this.name = "ModelError";
    this.problem = problem;
  }
}
