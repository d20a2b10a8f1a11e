CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "training_attendance_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"title" text NOT NULL,
	"day" date NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"place" text NOT NULL,
	"trainer" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_status_valid" CHECK ("training_sessions"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "training_sessions_times_order" CHECK ("training_sessions"."starts_at" < "training_sessions"."ends_at"),
	CONSTRAINT "training_sessions_length" CHECK ("training_sessions"."ends_at" - "training_sessions"."starts_at" <= interval '480 minutes'),
	CONSTRAINT "training_sessions_held_taken" CHECK (("training_sessions"."status" = 'held') = ("training_sessions"."taken_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_member_id_post_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."post_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_attendance_member_idx" ON "training_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "training_sessions_post_idx" ON "training_sessions" USING btree ("post_id","day");--> statement-breakpoint
CREATE INDEX "training_sessions_day_idx" ON "training_sessions" USING btree ("day");