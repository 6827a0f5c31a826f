ALTER TABLE "reports" ADD COLUMN "addressee" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "sign_off_unit" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "sign_off_date" date;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "intended_placeholders" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "kind" text DEFAULT 'body' NOT NULL;