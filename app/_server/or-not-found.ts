/**
 * Pages: turn a domain lookup's `not_found` AppError (unknown report or section id) into Next's
 * `notFound()`, so the page answers HTTP 404 with the not-found card instead of a 500.
 */
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Awaits `lookup`; on AppError `not_found` calls `notFound()`. Other errors propagate. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
