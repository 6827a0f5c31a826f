import { forbiddenPage } from "@/app/_components/forbidden";

/** HTTP 403 for this page: only the admin lays out a report. */
export default function Forbidden() {
  return forbiddenPage("只有管理员可以编辑提纲");
}
