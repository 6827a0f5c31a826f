/** Body of `PATCH /api/sections/<id>`: the department the section is assigned to (null: unassigned). */
import { z } from "zod";

export const sectionPatchSchema = z.strictObject(
  { departmentId: z.string({ error: "departmentId 必须是部门 id（字符串）或 null" }).min(1, "departmentId 不能为空").nullable() },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `不支持的字段：${iss.keys.join("、")}（可用 departmentId）` : "请求体必须是 JSON 对象：{ departmentId }") },
);
