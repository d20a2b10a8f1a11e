CREATE TABLE "household_link_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_link_requests_status_valid" CHECK ("household_link_requests"."status" in ('waiting', 'approved', 'refused'))
);
--> statement-breakpoint
ALTER TABLE "festivals" ADD COLUMN "registration_needs_household" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "community_settings" ADD COLUMN "household_code_cap" integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_link_requests" ADD CONSTRAINT "household_link_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_link_requests" ADD CONSTRAINT "household_link_requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_link_requests" ADD CONSTRAINT "household_link_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_link_requests_waiting_uq" ON "household_link_requests" USING btree ("user_id") WHERE "household_link_requests"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "household_link_requests_status_idx" ON "household_link_requests" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "community_settings" ADD CONSTRAINT "community_settings_household_code_cap" CHECK ("community_settings"."household_code_cap" between 1 and 50);