import { forbiddenPage } from "@/app/_components/forbidden";

/** HTTP 403 for this page: editors do not review. */
export default function Forbidden() {
  return forbiddenPage("只有审核人和管理员可以审核章节");
}
