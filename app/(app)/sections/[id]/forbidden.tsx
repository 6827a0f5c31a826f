import { forbiddenPage } from "@/app/_components/forbidden";

/** HTTP 403 for this page: the section belongs to another department. */
export default function Forbidden() {
  return forbiddenPage("此章节不属于您的部门，您没有权限查看");
}
