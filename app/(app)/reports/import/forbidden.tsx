import { forbiddenPage } from "@/app/_components/forbidden";

/** HTTP 403 for this page: only the admin creates reports. */
export default function Forbidden() {
  return forbiddenPage("只有管理员可以新建或导入总结");
}
