import { forbiddenPage } from "@/app/_components/forbidden";

/** HTTP 403 fallback at the root (pages under the header have their own files). */
export default function Forbidden() {
  return <main className="px-4 py-5">{forbiddenPage()}</main>;
}
