CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"name" text NOT NULL,
	"birth_year" integer NOT NULL,
	"relation" text NOT NULL,
	"added_by" uuid,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_relation_valid" CHECK ("household_members"."relation" in ('self', 'spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling', 'other')),
	CONSTRAINT "household_members_birth_year_valid" CHECK ("household_members"."birth_year" between 1900 and 2100)
);
--> statement-breakpoint
ALTER TABLE "star_ballots" ALTER COLUMN "voter_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "household_member_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "registered_at_desk_by" uuid;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD COLUMN "member_id" uuid;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD COLUMN "channel" text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD COLUMN "recorded_by" uuid;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_name_uq" ON "household_members" USING btree ("household_id",lower("name")) WHERE "household_members"."removed_at" is null;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_household_member_id_household_members_id_fk" FOREIGN KEY ("household_member_id") REFERENCES "public"."household_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_registered_at_desk_by_users_id_fk" FOREIGN KEY ("registered_at_desk_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD CONSTRAINT "star_ballots_member_id_household_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."household_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD CONSTRAINT "star_ballots_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ballots" ADD CONSTRAINT "star_ballots_has_voter" CHECK ("star_ballots"."voter_id" is not null or "star_ballots"."member_id" is not null);--> statement-breakpoint
ALTER TABLE "star_ballots" ADD CONSTRAINT "star_ballots_channel_valid" CHECK ("star_ballots"."channel" in ('online', 'desk'));