/**
 * A room's section no longer exists in the database (deleted while people typed in it, here or
 * on another instance). Writes for it can never succeed: the room is closed with 4404
 * (CLOSE_CODES.sectionDeleted), its pending batch is discarded, one line is logged, and it is
 * never retried (group-commit.ts, saver.ts, rooms.ts).
 */
export class SectionGoneError extends Error {
  constructor(readonly sectionId: string) {
    super(`section ${sectionId} no longer exists`);
    this.name = "SectionGoneError";
  }
}

/** True when `err` says the section is gone. */
export const isSectionGone = (err: unknown): err is SectionGoneError => err instanceof SectionGoneError;
