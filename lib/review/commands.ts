/**
 * One named command per review event, each a thin call of `transitionSection` (one
 * transaction, optimistic concurrency, audit row, live state broadcast after commit).
 */
import type { Db } from "@/db/client";
import { transitionSection, type TransitionInput, type TransitionResult } from "./transition-section";

type Opts = Omit<TransitionInput, "event">;

/** Editor of the assigned department hands the section in: freezes a submitted version; refused while placeholders remain. */
export const submitSection = (db: Db, o: Opts): Promise<TransitionResult> => transitionSection(db, { ...o, event: "submit" });
/** Editor takes a submission back (in_review → draft). */
export const withdrawSection = (db: Db, o: Opts): Promise<TransitionResult> => transitionSection(db, { ...o, event: "withdraw" });
/** Reviewer/admin approves: freezes an approved copy of the submitted version. */
export const approveSection = (db: Db, o: Opts): Promise<TransitionResult> => transitionSection(db, { ...o, event: "approve" });
/** Reviewer/admin returns the section with a required comment. */
export const requestChanges = (db: Db, o: Opts): Promise<TransitionResult> => transitionSection(db, { ...o, event: "request_changes" });
/** Admin reopens an approved section (approved → draft) with a required reason. */
export const reopenSection = (db: Db, o: Opts): Promise<TransitionResult> => transitionSection(db, { ...o, event: "reopen" });
