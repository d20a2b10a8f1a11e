CREATE TABLE "patrol_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"passed_to" text,
	"passed_at" timestamp with time zone,
	"passed_by" uuid,
	"handled_at" timestamp with time zone,
	"handled_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_notes_kind_valid" CHECK ("patrol_notes"."kind" in ('passage', 'lighting', 'stranger', 'hazard', 'other')),
	CONSTRAINT "patrol_notes_passed_valid" CHECK ("patrol_notes"."passed_to" is null or "patrol_notes"."passed_to" in ('council', 'property')),
	CONSTRAINT "patrol_notes_passed_when" CHECK (("patrol_notes"."passed_to" is null) = ("patrol_notes"."passed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "patrol_swaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"from_member_id" uuid NOT NULL,
	"from_team_id" uuid NOT NULL,
	"to_member_id" uuid NOT NULL,
	"to_team_id" uuid,
	"status" text DEFAULT 'asked' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"asked_by" uuid,
	"answered_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_swaps_status_valid" CHECK ("patrol_swaps"."status" in ('asked', 'accepted', 'done', 'declined', 'withdrawn', 'refused', 'void')),
	CONSTRAINT "patrol_swaps_two_people" CHECK ("patrol_swaps"."from_member_id" <> "patrol_swaps"."to_member_id")
);
--> statement-breakpoint
ALTER TABLE "patrol_team_members" ADD COLUMN "walked" boolean;--> statement-breakpoint
ALTER TABLE "patrol_teams" ADD COLUMN "planned_end_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patrol_teams" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "patrol_notes" ADD CONSTRAINT "patrol_notes_team_id_patrol_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."patrol_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_notes" ADD CONSTRAINT "patrol_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_notes" ADD CONSTRAINT "patrol_notes_passed_by_users_id_fk" FOREIGN KEY ("passed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_swaps" ADD CONSTRAINT "patrol_swaps_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_swaps" ADD CONSTRAINT "patrol_swaps_from_member_id_post_members_id_fk" FOREIGN KEY ("from_member_id") REFERENCES "public"."post_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_swaps" ADD CONSTRAINT "patrol_swaps_from_team_id_patrol_teams_id_fk" FOREIGN KEY ("from_team_id") REFERENCES "public"."patrol_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_swaps" ADD CONSTRAINT "patrol_swaps_to_member_id_post_members_id_fk" FOREIGN KEY ("to_member_id") REFERENCES "public"."post_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_swaps" ADD CONSTRAINT "patrol_swaps_to_team_id_patrol_teams_id_fk" FOREIGN KEY ("to_team_id") REFERENCES "public"."patrol_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_swaps" ADD CONSTRAINT "patrol_swaps_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_swaps" ADD CONSTRAINT "patrol_swaps_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patrol_notes_team_idx" ON "patrol_notes" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "patrol_notes_passed_idx" ON "patrol_notes" USING btree ("passed_to","handled_at");--> statement-breakpoint
CREATE INDEX "patrol_swaps_post_idx" ON "patrol_swaps" USING btree ("post_id","status");--> statement-breakpoint
CREATE INDEX "patrol_swaps_from_idx" ON "patrol_swaps" USING btree ("from_member_id");--> statement-breakpoint
CREATE INDEX "patrol_swaps_to_idx" ON "patrol_swaps" USING btree ("to_member_id");--> statement-breakpoint
ALTER TABLE "patrol_teams" ADD CONSTRAINT "patrol_teams_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;