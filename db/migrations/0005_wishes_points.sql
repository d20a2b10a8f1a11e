CREATE TABLE "beneficiaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"real_name" text NOT NULL,
	"phone" text,
	"household_id" uuid,
	"address" text,
	"age" integer NOT NULL,
	"circumstance" text NOT NULL,
	"user_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"wish_value_cap" integer DEFAULT 200 NOT NULL,
	"claim_cap" integer DEFAULT 3 NOT NULL,
	"claim_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_settings_single" CHECK ("community_settings"."id" = 1),
	CONSTRAINT "community_settings_ranges" CHECK ("community_settings"."wish_value_cap" between 1 and 100000 and "community_settings"."claim_cap" between 1 and 50 and "community_settings"."claim_days" between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "point_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"reason" text,
	"ref_id" uuid,
	"year" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_entries_kind_valid" CHECK ("point_entries"."kind" in ('wish_fulfilled', 'shift_served', 'manual', 'redemption')),
	CONSTRAINT "point_entries_sign" CHECK (("point_entries"."kind" = 'redemption' and "point_entries"."points" < 0) or ("point_entries"."kind" <> 'redemption' and "point_entries"."points" <> 0))
);
--> statement-breakpoint
CREATE TABLE "rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"cost" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wish_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wish_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lapses_at" timestamp with time zone NOT NULL,
	"note" text,
	"photo_id" uuid,
	"fulfilled_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"ended_at" timestamp with time zone,
	CONSTRAINT "wish_claims_status_valid" CHECK ("wish_claims"."status" in ('active', 'fulfilled', 'confirmed', 'withdrawn', 'lapsed'))
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"title" text NOT NULL,
	"story" text NOT NULL,
	"category" text NOT NULL,
	"value" integer NOT NULL,
	"wanted_by" date,
	"alias" text NOT NULL,
	"photo_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"submitted_by" uuid,
	"thanks" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wishes_status_valid" CHECK ("wishes"."status" in ('pending', 'changes', 'rejected', 'open', 'claimed', 'fulfilled', 'done')),
	CONSTRAINT "wishes_value_positive" CHECK ("wishes"."value" > 0)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "points_anonymous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_claims" ADD CONSTRAINT "wish_claims_wish_id_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."wishes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_claims" ADD CONSTRAINT "wish_claims_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_claims" ADD CONSTRAINT "wish_claims_photo_id_star_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."star_photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_claims" ADD CONSTRAINT "wish_claims_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_photo_id_star_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."star_photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "point_entries_user_idx" ON "point_entries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "point_entries_year_idx" ON "point_entries" USING btree ("year","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "point_entries_ref_uq" ON "point_entries" USING btree ("kind","ref_id") WHERE "point_entries"."ref_id" is not null and "point_entries"."kind" in ('wish_fulfilled', 'shift_served');--> statement-breakpoint
CREATE UNIQUE INDEX "wish_claims_one_live_uq" ON "wish_claims" USING btree ("wish_id") WHERE "wish_claims"."status" in ('active', 'fulfilled');--> statement-breakpoint
CREATE INDEX "wish_claims_volunteer_idx" ON "wish_claims" USING btree ("volunteer_id","status");--> statement-breakpoint
CREATE INDEX "wish_claims_lapse_idx" ON "wish_claims" USING btree ("lapses_at") WHERE "wish_claims"."status" = 'active';--> statement-breakpoint
CREATE INDEX "wishes_status_idx" ON "wishes" USING btree ("status","created_at");--> statement-breakpoint
INSERT INTO "community_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;