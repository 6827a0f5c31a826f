/**
 * Input of a 催报 at the boundaries (JSON API, server action): `{ departmentId?, note? }`.
 * An empty note or department id counts as absent.
 */
import { z } from "zod";
import { NOTE_MAX } from "./chase-report";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const chaseBodySchema = z.object({
  departmentId: z.preprocess(blankToUndefined, z.string().max(100, "部门无效").optional()),
  note: z.preprocess(blankToUndefined, z.string().max(NOTE_MAX, `留言过长（最多 ${NOTE_MAX} 字）`).optional()),
}).strict();

export type ChaseBody = z.infer<typeof chaseBodySchema>;
