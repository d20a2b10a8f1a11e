CREATE TABLE "patrol_team_members" (
	"team_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"day" date NOT NULL,
	"leads" boolean DEFAULT false NOT NULL,
	CONSTRAINT "patrol_team_members_team_id_member_id_pk" PRIMARY KEY("team_id","member_id"),
	CONSTRAINT "patrol_team_members_day_uq" UNIQUE("member_id","day")
);
--> statement-breakpoint
CREATE TABLE "patrol_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"day" date NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"started_by" uuid,
	"closed_unended" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_teams_day_uq" UNIQUE("post_id","day"),
	CONSTRAINT "patrol_teams_end_after_start" CHECK ("patrol_teams"."ended_at" is null or "patrol_teams"."started_at" < "patrol_teams"."ended_at")
);
--> statement-breakpoint
CREATE TABLE "post_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"group_id" uuid,
	"user_id" uuid,
	"household_member_id" uuid,
	"name" text NOT NULL,
	"standing" text DEFAULT 'activist' NOT NULL,
	"leader" boolean DEFAULT false NOT NULL,
	"since" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"show_name" boolean DEFAULT false NOT NULL,
	"available_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"available_periods" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_members_someone" CHECK ("post_members"."user_id" is not null or "post_members"."household_member_id" is not null),
	CONSTRAINT "post_members_standing_valid" CHECK ("post_members"."standing" in ('party_member', 'activist')),
	CONSTRAINT "post_members_leader_party" CHECK (not "post_members"."leader" or "post_members"."standing" = 'party_member'),
	CONSTRAINT "post_members_status_valid" CHECK ("post_members"."status" in ('requested', 'active', 'declined', 'left')),
	CONSTRAINT "post_members_days_valid" CHECK ("post_members"."available_days" <@ array[1,2,3,4,5,6,7]),
	CONSTRAINT "post_members_periods_valid" CHECK ("post_members"."available_periods" <@ array['morning','evening']::text[])
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"team_size" integer DEFAULT 3 NOT NULL,
	"period" text DEFAULT 'evening' NOT NULL,
	"starts_at" time DEFAULT '19:00' NOT NULL,
	"ends_at" time DEFAULT '21:00' NOT NULL,
	"max_minutes" integer DEFAULT 240 NOT NULL,
	"swaps_need_approval" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posts_kind_valid" CHECK ("posts"."kind" in ('patrol', 'culture', 'publicity', 'other')),
	CONSTRAINT "posts_period_valid" CHECK ("posts"."period" in ('morning', 'evening')),
	CONSTRAINT "posts_team_size_range" CHECK ("posts"."team_size" between 1 and 10),
	CONSTRAINT "posts_max_minutes_range" CHECK ("posts"."max_minutes" between 15 and 480),
	CONSTRAINT "posts_times_order" CHECK ("posts"."starts_at" < "posts"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "patrol_team_members" ADD CONSTRAINT "patrol_team_members_team_id_patrol_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."patrol_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_team_members" ADD CONSTRAINT "patrol_team_members_member_id_post_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."post_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_teams" ADD CONSTRAINT "patrol_teams_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_teams" ADD CONSTRAINT "patrol_teams_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_groups" ADD CONSTRAINT "post_groups_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_members" ADD CONSTRAINT "post_members_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_members" ADD CONSTRAINT "post_members_group_id_post_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."post_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_members" ADD CONSTRAINT "post_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_members" ADD CONSTRAINT "post_members_household_member_id_household_members_id_fk" FOREIGN KEY ("household_member_id") REFERENCES "public"."household_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_members" ADD CONSTRAINT "post_members_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_team_members_leader_uq" ON "patrol_team_members" USING btree ("team_id") WHERE "patrol_team_members"."leads";--> statement-breakpoint
CREATE INDEX "patrol_team_members_day_idx" ON "patrol_team_members" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "post_groups_name_uq" ON "post_groups" USING btree ("post_id","name");--> statement-breakpoint
CREATE INDEX "post_members_post_idx" ON "post_members" USING btree ("post_id","status");--> statement-breakpoint
CREATE INDEX "post_members_user_idx" ON "post_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "post_members_user_uq" ON "post_members" USING btree ("post_id","user_id") WHERE "post_members"."user_id" is not null and "post_members"."status" in ('requested', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "post_members_household_member_uq" ON "post_members" USING btree ("post_id","household_member_id") WHERE "post_members"."household_member_id" is not null and "post_members"."status" in ('requested', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "posts_slug_uq" ON "posts" USING btree ("slug");