import { forbiddenPage } from "@/app/_components/forbidden";

/** HTTP 403 for this page: accounts and departments are the admin's. */
export default function Forbidden() {
  return forbiddenPage("只有管理员可以管理部门和账号");
}
