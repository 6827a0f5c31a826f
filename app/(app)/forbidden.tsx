import { forbiddenPage } from "@/app/_components/forbidden";

/** HTTP 403 for every page under the header that calls `forbidden()` without a nearer file. */
export default function Forbidden() {
  return forbiddenPage();
}
