CREATE TABLE "registration_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"declined_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_links_kind_valid" CHECK ("registration_links"."kind" in ('co_performer', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "shift_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shift_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"served_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"title" text NOT NULL,
	"skill" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"places" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shifts_times_ordered" CHECK ("shifts"."ends_at" > "shifts"."starts_at"),
	CONSTRAINT "shifts_places_positive" CHECK ("shifts"."places" > 0)
);
--> statement-breakpoint
ALTER TABLE "festivals" ADD COLUMN "act_max_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "partner_registration_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "programme_item_id" uuid;--> statement-breakpoint
ALTER TABLE "registration_links" ADD CONSTRAINT "registration_links_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_links" ADD CONSTRAINT "registration_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_assignments" ADD CONSTRAINT "shift_assignments_shift_id_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."shifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_assignments" ADD CONSTRAINT "shift_assignments_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_links_uq" ON "registration_links" USING btree ("registration_id","user_id","kind");--> statement-breakpoint
CREATE INDEX "registration_links_user_idx" ON "registration_links" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shift_assignments_uq" ON "shift_assignments" USING btree ("shift_id","registration_id");--> statement-breakpoint
CREATE INDEX "shift_assignments_registration_idx" ON "shift_assignments" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "shifts_festival_start_idx" ON "shifts" USING btree ("festival_id","starts_at");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_programme_item_id_programme_items_id_fk" FOREIGN KEY ("programme_item_id") REFERENCES "public"."programme_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_item_team_idx" ON "registrations" USING btree ("item_id","team");--> statement-breakpoint
ALTER TABLE "festivals" ADD CONSTRAINT "festivals_act_max_minutes_range" CHECK ("festivals"."act_max_minutes" between 1 and 60);