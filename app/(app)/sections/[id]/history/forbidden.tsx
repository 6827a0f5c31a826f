import { forbiddenPage } from "@/app/_components/forbidden";

/** HTTP 403 for this page: the section belongs to another department. */
export default function Forbidden() {
  return forbiddenPage("该章节分配给其他部门，您无权查看");
}
