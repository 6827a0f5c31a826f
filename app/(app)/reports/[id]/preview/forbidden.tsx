import { forbiddenPage } from "@/app/_components/forbidden";

/** HTTP 403 for this page: editors see their own sections only. */
export default function Forbidden() {
  return forbiddenPage("只有审核人和管理员可以预览全文");
}
