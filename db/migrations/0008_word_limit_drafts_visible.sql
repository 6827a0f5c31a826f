ALTER TABLE "reports" ADD COLUMN "drafts_visible_to_all" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "word_limit" integer;