CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"notification_id" uuid,
	"channel" text DEFAULT 'sms' NOT NULL,
	"topic" text NOT NULL,
	"template" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"subject_id" uuid,
	"status" text NOT NULL,
	"skip_reason" text,
	"send_after" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"recipient" text,
	"locale" text,
	"provider" text,
	"provider_message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_status_valid" CHECK ("deliveries"."status" in ('queued', 'held', 'sending', 'sent', 'retrying', 'failed', 'skipped')),
	CONSTRAINT "deliveries_topic_valid" CHECK ("deliveries"."topic" in ('waitlist', 'claims')),
	CONSTRAINT "deliveries_template_valid" CHECK ("deliveries"."template" in ('signup_code', 'signup_existing', 'reset_code', 'reset_no_account', 'phone_change_code', 'waitlist_promoted', 'claim_lapsing', 'claim_lapsed')),
	CONSTRAINT "deliveries_skip_valid" CHECK ("deliveries"."skip_reason" is null or "deliveries"."skip_reason" in ('turned_off', 'daily_cap', 'no_longer_true', 'account_closed')),
	CONSTRAINT "deliveries_attempts_range" CHECK ("deliveries"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "job_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"job_id" uuid NOT NULL,
	"run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_preferences" (
	"user_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"sms" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_preferences_user_id_topic_pk" PRIMARY KEY("user_id","topic"),
	CONSTRAINT "sms_preferences_topic_valid" CHECK ("sms_preferences"."topic" in ('waitlist', 'claims'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text DEFAULT 'zh-CN' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "delivery_id" uuid;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_preferences" ADD CONSTRAINT "sms_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_created_idx" ON "deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "deliveries_user_sent_idx" ON "deliveries" USING btree ("user_id","sent_at");--> statement-breakpoint
CREATE INDEX "deliveries_status_idx" ON "deliveries" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_delivery_uq" ON "outbox_messages" USING btree ("delivery_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_locale_valid" CHECK ("users"."locale" in ('zh-CN', 'en'));