CREATE TABLE "review_chain_templates" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"name" text NOT NULL,
	"stages" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_chain_templates_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "section_approvals" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"section_id" text NOT NULL,
	"round" integer NOT NULL,
	"stage" integer NOT NULL,
	"approver_id" text NOT NULL,
	"on_behalf_of_id" text,
	"version_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "section_delegations" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"section_id" text NOT NULL,
	"round" integer NOT NULL,
	"stage" integer NOT NULL,
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	"by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "review_chain" jsonb DEFAULT '[{"name":"审核","mode":"any","approvers":{"role":"reviewer"}}]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "review_chain_name" text DEFAULT '默认（一级审核）' NOT NULL;--> statement-breakpoint
ALTER TABLE "review_events" ADD COLUMN "stage" integer;--> statement-breakpoint
ALTER TABLE "review_events" ADD COLUMN "stage_name" text;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "stage" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "review_round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "stage_since_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "stage_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_department_lead" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "section_approvals" ADD CONSTRAINT "section_approvals_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_approvals" ADD CONSTRAINT "section_approvals_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_approvals" ADD CONSTRAINT "section_approvals_on_behalf_of_id_users_id_fk" FOREIGN KEY ("on_behalf_of_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_delegations" ADD CONSTRAINT "section_delegations_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_delegations" ADD CONSTRAINT "section_delegations_from_id_users_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_delegations" ADD CONSTRAINT "section_delegations_to_id_users_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_delegations" ADD CONSTRAINT "section_delegations_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "section_approvals_once" ON "section_approvals" USING btree ("section_id","round","stage","approver_id") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "section_approvals_section" ON "section_approvals" USING btree ("section_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "section_delegations_once" ON "section_delegations" USING btree ("section_id","round","stage","from_id");--> statement-breakpoint
-- Existing data: every report keeps the default one-stage chain (column default); a section in
-- review waits at stage 1 of its first round, valid for approvals made from its current version.
UPDATE "sections" SET "review_round" = 1, "stage" = 1, "stage_since_version" = "version", "stage_since" = "last_activity_at" WHERE "state" = 'in_review';
