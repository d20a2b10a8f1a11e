CREATE TABLE "programme_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"venue_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"people" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_items_times_ordered" CHECK ("programme_items"."ends_at" > "programme_items"."starts_at"),
	CONSTRAINT "programme_items_capacity_positive" CHECK ("programme_items"."capacity" is null or "programme_items"."capacity" > 0),
	CONSTRAINT "programme_items_kind_valid" CHECK ("programme_items"."kind" in ('performance_block', 'single_act', 'sport_event', 'card_chess', 'ceremony', 'fair_booth', 'wish_ceremony'))
);
--> statement-breakpoint
CREATE TABLE "programme_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"venues" jsonb NOT NULL,
	"items" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"festival_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venues_capacity_positive" CHECK ("venues"."capacity" is null or "venues"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "programme_items" ADD CONSTRAINT "programme_items_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_items" ADD CONSTRAINT "programme_items_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_items" ADD CONSTRAINT "programme_items_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."programme_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_publications" ADD CONSTRAINT "programme_publications_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_festival_id_festivals_id_fk" FOREIGN KEY ("festival_id") REFERENCES "public"."festivals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_items_festival_start_idx" ON "programme_items" USING btree ("festival_id","starts_at");--> statement-breakpoint
CREATE INDEX "programme_items_venue_start_idx" ON "programme_items" USING btree ("venue_id","starts_at");--> statement-breakpoint
CREATE INDEX "programme_items_parent_idx" ON "programme_items" USING btree ("parent_id","position");--> statement-breakpoint
CREATE INDEX "programme_publications_festival_idx" ON "programme_publications" USING btree ("festival_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_festival_name_uq" ON "venues" USING btree ("festival_id","name");