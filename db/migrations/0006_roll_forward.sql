ALTER TABLE "reports" ADD COLUMN "previous_report_id" text;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "previous_section_id" text;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "imported_text" text;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "imported_json" jsonb;