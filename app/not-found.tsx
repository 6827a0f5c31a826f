import { notFoundPage } from "@/app/_components/forbidden";

/** HTTP 404 for addresses that match no page (outside the signed-in layout). */
export default function NotFound() {
  return <main className="px-4 py-5">{notFoundPage("此地址没有页面")}</main>;
}
