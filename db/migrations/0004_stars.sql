CREATE TABLE "star_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"voter_id" uuid NOT NULL,
	"household_id" uuid,
	"sealed" text NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "star_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"winners" integer DEFAULT 1 NOT NULL,
	"votes_per_voter" integer DEFAULT 1 NOT NULL,
	"mode" text DEFAULT 'resident' NOT NULL,
	"nomination_cap" integer DEFAULT 2 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "star_categories_mode_valid" CHECK ("star_categories"."mode" in ('resident', 'household')),
	CONSTRAINT "star_categories_numbers" CHECK ("star_categories"."winners" between 1 and 50 and "star_categories"."votes_per_voter" between 1 and 10 and "star_categories"."nomination_cap" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "star_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"nominator_id" uuid NOT NULL,
	"nominee_user_id" uuid,
	"nominee_name" text NOT NULL,
	"building" text,
	"unit" text,
	"story" text NOT NULL,
	"photo_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"merged_into" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "star_nominations_status_valid" CHECK ("star_nominations"."status" in ('pending', 'approved', 'rejected', 'declined', 'merged'))
);
--> statement-breakpoint
CREATE TABLE "star_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "star_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"receipt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "star_winners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"votes" integer NOT NULL,
	"tie_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "festivals" ADD COLUMN "stars_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD CONSTRAINT "star_ballots_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD CONSTRAINT "star_ballots_category_id_star_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."star_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD CONSTRAINT "star_ballots_voter_id_users_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD CONSTRAINT "star_ballots_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_categories" ADD CONSTRAINT "star_categories_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_nominations" ADD CONSTRAINT "star_nominations_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_nominations" ADD CONSTRAINT "star_nominations_category_id_star_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."star_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_nominations" ADD CONSTRAINT "star_nominations_nominator_id_users_id_fk" FOREIGN KEY ("nominator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_nominations" ADD CONSTRAINT "star_nominations_nominee_user_id_users_id_fk" FOREIGN KEY ("nominee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_nominations" ADD CONSTRAINT "star_nominations_photo_id_star_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."star_photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_votes" ADD CONSTRAINT "star_votes_category_id_star_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."star_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_votes" ADD CONSTRAINT "star_votes_candidate_id_star_nominations_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."star_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_winners" ADD CONSTRAINT "star_winners_category_id_star_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."star_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_winners" ADD CONSTRAINT "star_winners_nomination_id_star_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."star_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "star_ballots_once_uq" ON "star_ballots" USING btree ("category_id","voter_key");--> statement-breakpoint
CREATE INDEX "star_ballots_festival_time_idx" ON "star_ballots" USING btree ("festival_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "star_categories_festival_name_uq" ON "star_categories" USING btree ("festival_id","name");--> statement-breakpoint
CREATE INDEX "star_nominations_category_status_idx" ON "star_nominations" USING btree ("category_id","status");--> statement-breakpoint
CREATE INDEX "star_nominations_nominator_idx" ON "star_nominations" USING btree ("nominator_id","category_id");--> statement-breakpoint
CREATE INDEX "star_votes_category_candidate_idx" ON "star_votes" USING btree ("category_id","candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "star_votes_receipt_candidate_uq" ON "star_votes" USING btree ("receipt","candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "star_winners_uq" ON "star_winners" USING btree ("category_id","nomination_id");