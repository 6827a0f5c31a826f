import { notFoundPage } from "@/app/_components/forbidden";

/** HTTP 404 for pages under the header that call `notFound()` (unknown report or section id). */
export default function NotFound() {
  return notFoundPage();
}
