import { z } from "zod";
import { LIMITS } from "../limits.ts";

/**
 * One item of Hugging Face's `/api/daily_papers`, as much of it as paperbot
 * reads. Unknown fields are allowed (the API grows); the ones read are
 * checked, so a changed API fails loudly instead of storing nonsense.
 */
export const HfDailyItem = z.object({
  paper: z.object({
    id: z.string().min(1),
    title: z.string().min(1).max(LIMITS.titleChars),
    summary: z.string().max(LIMITS.abstractChars),
    authors: z.array(z.object({ name: z.string() }).loose()).default([]),
    publishedAt: z.string().optional(),
    submittedOnDailyAt: z.string().optional(),
    upvotes: z.number().int().nonnegative().default(0),
    ai_summary: z.string().optional(),
    ai_keywords: z.array(z.string()).optional(),
    githubRepo: z.string().nullable().optional(),
    organization: z.object({ name: z.string(), fullname: z.string().optional() }).loose().optional(),
  }).loose(),
  publishedAt: z.string().optional(),
  title: z.string().optional(),
}).loose();

export type HfDailyItem = z.infer<typeof HfDailyItem>;
