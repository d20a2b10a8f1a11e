CREATE TABLE "service_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"household_member_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"post_id" uuid,
	"minutes" integer NOT NULL,
	"served_on" date NOT NULL,
	"year" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_hours_someone" CHECK ("service_hours"."user_id" is not null or "service_hours"."household_member_id" is not null),
	CONSTRAINT "service_hours_kind_valid" CHECK ("service_hours"."kind" in ('patrol', 'shift', 'culture_session', 'training', 'wish')),
	CONSTRAINT "service_hours_minutes_range" CHECK ("service_hours"."minutes" between 1 and 1440),
	CONSTRAINT "service_hours_year_matches" CHECK ("service_hours"."year" = extract(year from "service_hours"."served_on"))
);
--> statement-breakpoint
ALTER TABLE "service_hours" ADD CONSTRAINT "service_hours_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_hours" ADD CONSTRAINT "service_hours_household_member_id_household_members_id_fk" FOREIGN KEY ("household_member_id") REFERENCES "public"."household_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_hours" ADD CONSTRAINT "service_hours_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_hours" ADD CONSTRAINT "service_hours_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_hours_user_idx" ON "service_hours" USING btree ("user_id","year");--> statement-breakpoint
CREATE INDEX "service_hours_member_idx" ON "service_hours" USING btree ("household_member_id","year");--> statement-breakpoint
CREATE INDEX "service_hours_year_idx" ON "service_hours" USING btree ("year","served_on");--> statement-breakpoint
CREATE UNIQUE INDEX "service_hours_user_uq" ON "service_hours" USING btree ("kind","ref_id","user_id") WHERE "service_hours"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "service_hours_member_uq" ON "service_hours" USING btree ("kind","ref_id","household_member_id") WHERE "service_hours"."user_id" is null;