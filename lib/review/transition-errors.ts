/**
 * Maps the state machine's TransitionError to the application's error codes (and so to HTTP
 * statuses): not_allowed → 403 forbidden; not_approver (not this stage's approver, separation
 * of duties) and invalid_state → 409 conflict when the caller's version is stale (someone else
 * moved the section), else 403 forbidden / 422 refused; comment_required → 422 validation on
 * the `comment` field; invalid_target → 422 validation on `to`.
 */
import { AppError, conflict, forbidden, refused, validation } from "@/lib/errors";
import { TransitionError } from "@/lib/workflow";

/** The AppError for `err` (other errors are returned unchanged). */
export function transitionToAppError(err: unknown, staleVersion: boolean): unknown {
  if (!(err instanceof TransitionError)) return err;
  switch (err.reason) {
    case "not_allowed":
      return forbidden(err.message);
    case "not_approver":
      return staleVersion ? conflict() : forbidden(err.message);
    case "invalid_state":
      return staleVersion ? conflict() : refused(err.message);
    case "invalid_target":
      return validation(err.message, "to");
    case "comment_required":
      return validation(err.message, "comment");
  }
}

/** True for an AppError with the given code. */
export function isAppError(err: unknown, code: AppError["code"]): boolean {
  return err instanceof AppError && err.code === code;
}
