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
/** An approver of the current stage approves; after the last stage it freezes an approved copy of the submitted version. */
export const approveSection = (db: Db, o: Opts): Promise<TransitionResult> => transitionSection(db, { ...o, event: "approve" });
/** An approver of the current stage returns the section (to the editors, or with `returnToPrevious` to the previous stage) with a required comment. */
export const requestChanges = (db: Db, o: Opts): Promise<TransitionResult> => transitionSection(db, { ...o, event: "request_changes" });
/** Admin reopens an approved section (approved → draft) with a required reason. */
export const reopenSection = (db: Db, o: Opts): Promise<TransitionResult> => transitionSection(db, { ...o, event: "reopen" });
/** A pending approver (or an admin, naming `from`) hands the approval of the current stage to `to` (转交). */
export const delegateApproval = (db: Db, o: Opts): Promise<TransitionResult> => transitionSection(db, { ...o, event: "delegate" });
