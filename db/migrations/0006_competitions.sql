CREATE TABLE "competition_entrants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"name" text NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skill" integer DEFAULT 1 NOT NULL,
	"checked_in" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"seed" integer,
	"group_no" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"group_no" integer,
	"position" integer NOT NULL,
	"entrant_a" uuid,
	"entrant_b" uuid,
	"feeds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"label" text,
	"table_name" text,
	"starts_at" timestamp with time zone,
	"outcome" text,
	"score" jsonb,
	"entered_by" uuid,
	"entered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "competition_matches_place_uq" UNIQUE NULLS NOT DISTINCT("competition_id","round","group_no","position"),
	CONSTRAINT "competition_matches_outcome_valid" CHECK ("competition_matches"."outcome" is null or "competition_matches"."outcome" in ('a', 'b', 'draw')),
	CONSTRAINT "competition_matches_two_sides" CHECK ("competition_matches"."entrant_a" is null or "competition_matches"."entrant_b" is null or "competition_matches"."entrant_a" <> "competition_matches"."entrant_b")
);
--> statement-breakpoint
CREATE TABLE "competition_referees" (
	"competition_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_referees_competition_id_user_id_pk" PRIMARY KEY("competition_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"format" text NOT NULL,
	"game" text NOT NULL,
	"entrant_kind" text DEFAULT 'individual' NOT NULL,
	"group_size" integer,
	"third_place" boolean DEFAULT false NOT NULL,
	"rounds" integer,
	"best_of" integer,
	"seeding" text DEFAULT 'random' NOT NULL,
	"status" text DEFAULT 'setup' NOT NULL,
	"draw_seed" integer,
	"drawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitions_format_valid" CHECK ("competitions"."format" in ('round_robin', 'single_elimination', 'swiss')),
	CONSTRAINT "competitions_game_valid" CHECK ("competitions"."game" in ('chess', 'go', 'table_tennis', 'badminton', 'guandan', 'bridge', 'tug_of_war', 'relay')),
	CONSTRAINT "competitions_entrant_kind_valid" CHECK ("competitions"."entrant_kind" in ('individual', 'pair', 'team')),
	CONSTRAINT "competitions_status_valid" CHECK ("competitions"."status" in ('setup', 'drawn', 'locked', 'finished')),
	CONSTRAINT "competitions_group_size_range" CHECK ("competitions"."group_size" is null or "competitions"."group_size" between 3 and 16),
	CONSTRAINT "competitions_rounds_range" CHECK ("competitions"."rounds" is null or "competitions"."rounds" between 1 and 15),
	CONSTRAINT "competitions_best_of_valid" CHECK ("competitions"."best_of" is null or "competitions"."best_of" in (1, 3, 5))
);
--> statement-breakpoint
ALTER TABLE "competition_entrants" ADD CONSTRAINT "competition_entrants_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_matches" ADD CONSTRAINT "competition_matches_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_matches" ADD CONSTRAINT "competition_matches_entrant_a_competition_entrants_id_fk" FOREIGN KEY ("entrant_a") REFERENCES "public"."competition_entrants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_matches" ADD CONSTRAINT "competition_matches_entrant_b_competition_entrants_id_fk" FOREIGN KEY ("entrant_b") REFERENCES "public"."competition_entrants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_matches" ADD CONSTRAINT "competition_matches_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_referees" ADD CONSTRAINT "competition_referees_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_referees" ADD CONSTRAINT "competition_referees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_referees" ADD CONSTRAINT "competition_referees_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_item_id_programme_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."programme_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_entrants_name_uq" ON "competition_entrants" USING btree ("competition_id","name");--> statement-breakpoint
CREATE INDEX "competition_entrants_competition_idx" ON "competition_entrants" USING btree ("competition_id","seed");--> statement-breakpoint
CREATE INDEX "competition_matches_entrant_a_idx" ON "competition_matches" USING btree ("entrant_a");--> statement-breakpoint
CREATE INDEX "competition_matches_entrant_b_idx" ON "competition_matches" USING btree ("entrant_b");--> statement-breakpoint
CREATE UNIQUE INDEX "competitions_item_uq" ON "competitions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "competitions_festival_idx" ON "competitions" USING btree ("festival_id");