CREATE TABLE "point_rules" (
	"kind" text PRIMARY KEY NOT NULL,
	"basis" text NOT NULL,
	"points" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_rules_kind_valid" CHECK ("point_rules"."kind" in ('patrol', 'culture_session', 'training', 'shift_served', 'wish_fulfilled')),
	CONSTRAINT "point_rules_basis_valid" CHECK ("point_rules"."basis" in ('each', 'hour')),
	CONSTRAINT "point_rules_points_range" CHECK ("point_rules"."points" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "reward_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid,
	"household_member_id" uuid,
	"name" text NOT NULL,
	"points" integer NOT NULL,
	"min_points" integer NOT NULL,
	"reward" text NOT NULL,
	"handed_at" timestamp with time zone,
	"handed_by" uuid,
	CONSTRAINT "reward_awards_someone" CHECK ("reward_awards"."user_id" is not null or "reward_awards"."household_member_id" is not null),
	CONSTRAINT "reward_awards_in_band" CHECK ("reward_awards"."points" >= "reward_awards"."min_points")
);
--> statement-breakpoint
CREATE TABLE "reward_bands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"min_points" integer NOT NULL,
	"reward" text NOT NULL,
	CONSTRAINT "reward_bands_min_positive" CHECK ("reward_bands"."min_points" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reward_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	CONSTRAINT "reward_rounds_status_valid" CHECK ("reward_rounds"."status" in ('draft', 'recorded')),
	CONSTRAINT "reward_rounds_recorded" CHECK (("reward_rounds"."status" = 'recorded') = ("reward_rounds"."recorded_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "point_entries" DROP CONSTRAINT "point_entries_kind_valid";--> statement-breakpoint
DROP INDEX "point_entries_ref_uq";--> statement-breakpoint
ALTER TABLE "point_entries" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "point_entries" ADD COLUMN "household_member_id" uuid;--> statement-breakpoint
ALTER TABLE "point_entries" ADD COLUMN "post_id" uuid;--> statement-breakpoint
ALTER TABLE "point_entries" ADD COLUMN "rule" jsonb;--> statement-breakpoint
ALTER TABLE "point_rules" ADD CONSTRAINT "point_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_awards" ADD CONSTRAINT "reward_awards_round_id_reward_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reward_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_awards" ADD CONSTRAINT "reward_awards_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_awards" ADD CONSTRAINT "reward_awards_household_member_id_household_members_id_fk" FOREIGN KEY ("household_member_id") REFERENCES "public"."household_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_awards" ADD CONSTRAINT "reward_awards_handed_by_users_id_fk" FOREIGN KEY ("handed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_bands" ADD CONSTRAINT "reward_bands_round_id_reward_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reward_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_rounds" ADD CONSTRAINT "reward_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_rounds" ADD CONSTRAINT "reward_rounds_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reward_awards_user_uq" ON "reward_awards" USING btree ("round_id","user_id") WHERE "reward_awards"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reward_awards_member_uq" ON "reward_awards" USING btree ("round_id","household_member_id") WHERE "reward_awards"."user_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reward_bands_min_uq" ON "reward_bands" USING btree ("round_id","min_points");--> statement-breakpoint
CREATE UNIQUE INDEX "reward_rounds_year_uq" ON "reward_rounds" USING btree ("year");--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_household_member_id_household_members_id_fk" FOREIGN KEY ("household_member_id") REFERENCES "public"."household_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "point_entries_member_idx" ON "point_entries" USING btree ("household_member_id","year");--> statement-breakpoint
CREATE INDEX "point_entries_post_idx" ON "point_entries" USING btree ("post_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "point_entries_service_user_uq" ON "point_entries" USING btree ("kind","ref_id","user_id") WHERE "point_entries"."ref_id" is not null and "point_entries"."user_id" is not null and "point_entries"."kind" not in ('manual', 'redemption');--> statement-breakpoint
CREATE UNIQUE INDEX "point_entries_service_member_uq" ON "point_entries" USING btree ("kind","ref_id","household_member_id") WHERE "point_entries"."ref_id" is not null and "point_entries"."user_id" is null and "point_entries"."kind" not in ('manual', 'redemption');--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_someone" CHECK ("point_entries"."user_id" is not null or "point_entries"."household_member_id" is not null);--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_kind_valid" CHECK ("point_entries"."kind" in ('wish_fulfilled', 'shift_served', 'patrol', 'culture_session', 'training', 'manual', 'redemption'));--> statement-breakpoint
-- The points already earned keep the rule they were given by (the fixed numbers of before).
UPDATE "point_entries" SET "rule" = jsonb_build_object('basis', 'each', 'points', "points", 'minutes', 0) WHERE "kind" IN ('wish_fulfilled', 'shift_served') AND "rule" IS NULL;--> statement-breakpoint
-- Patrols walked and sessions led before there were rules for them earn by the first rules.
INSERT INTO "point_entries" ("user_id", "household_member_id", "kind", "points", "ref_id", "post_id", "rule", "year", "created_by", "created_at")
SELECT "user_id", CASE WHEN "user_id" IS NULL THEN "household_member_id" END, "kind",
  CASE "kind" WHEN 'patrol' THEN 10 ELSE 5 END, "ref_id", "post_id",
  jsonb_build_object('basis', 'each', 'points', CASE "kind" WHEN 'patrol' THEN 10 ELSE 5 END, 'minutes', "minutes"),
  "year", "created_by", "created_at"
FROM "service_hours" WHERE "kind" IN ('patrol', 'culture_session')
ON CONFLICT DO NOTHING;
