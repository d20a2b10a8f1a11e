CREATE TABLE "group_attendance" (
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "group_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "group_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"slot_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"day" date NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"place" text NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_sessions_kind_valid" CHECK ("group_sessions"."kind" in ('regular', 'special')),
	CONSTRAINT "group_sessions_times_order" CHECK ("group_sessions"."starts_at" < "group_sessions"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "group_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"place" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_slots_weekday_valid" CHECK ("group_slots"."weekday" between 1 and 7),
	CONSTRAINT "group_slots_times_order" CHECK ("group_slots"."starts_at" < "group_slots"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "group_attendance" ADD CONSTRAINT "group_attendance_session_id_group_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."group_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_attendance" ADD CONSTRAINT "group_attendance_member_id_post_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."post_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_group_id_post_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."post_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_slot_id_group_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."group_slots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_slots" ADD CONSTRAINT "group_slots_group_id_post_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."post_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_attendance_member_idx" ON "group_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_sessions_uq" ON "group_sessions" USING btree ("group_id","day","starts_at");--> statement-breakpoint
CREATE INDEX "group_sessions_day_idx" ON "group_sessions" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "group_slots_uq" ON "group_slots" USING btree ("group_id","weekday","starts_at");