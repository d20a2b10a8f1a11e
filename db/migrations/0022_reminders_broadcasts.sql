CREATE TABLE "broadcasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" uuid,
	"audience" jsonb NOT NULL,
	"audience_label" text NOT NULL,
	"body" text NOT NULL,
	"sms" boolean NOT NULL,
	"status" text NOT NULL,
	"send_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" integer,
	"text_messages" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "broadcasts_status_valid" CHECK ("broadcasts"."status" in ('scheduled', 'sent', 'cancelled')),
	CONSTRAINT "broadcasts_body_length" CHECK (char_length("broadcasts"."body") between 1 and 500)
);
--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_topic_valid";--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_template_valid";--> statement-breakpoint
ALTER TABLE "sms_preferences" DROP CONSTRAINT "sms_preferences_topic_valid";--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broadcasts_created_idx" ON "broadcasts" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_topic_valid" CHECK ("deliveries"."topic" in ('waitlist', 'claims', 'reminders', 'changes', 'voting', 'broadcasts'));--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_template_valid" CHECK ("deliveries"."template" in ('signup_code', 'signup_existing', 'reset_code', 'reset_no_account', 'phone_change_code', 'waitlist_promoted', 'claim_lapsing', 'claim_lapsed', 'shift_reminder', 'item_reminder', 'slot_moved', 'voting_opens', 'voting_closes', 'broadcast'));--> statement-breakpoint
ALTER TABLE "sms_preferences" ADD CONSTRAINT "sms_preferences_topic_valid" CHECK ("sms_preferences"."topic" in ('waitlist', 'claims', 'reminders', 'changes', 'voting', 'broadcasts'));