CREATE TABLE "star_pending_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"candidate_ids" uuid[] NOT NULL,
	"receipt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "star_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"receipt" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "star_votes_receipt_candidate_uq";--> statement-breakpoint
ALTER TABLE "star_pending_votes" ADD CONSTRAINT "star_pending_votes_category_id_star_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."star_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_receipts" ADD CONSTRAINT "star_receipts_category_id_star_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."star_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "star_pending_votes_receipt_uq" ON "star_pending_votes" USING btree ("category_id","receipt");--> statement-breakpoint
CREATE UNIQUE INDEX "star_receipts_category_receipt_uq" ON "star_receipts" USING btree ("category_id","receipt");--> statement-breakpoint
CREATE INDEX "star_receipts_receipt_idx" ON "star_receipts" USING btree ("receipt");--> statement-breakpoint
ALTER TABLE "star_ballots" DROP COLUMN "sealed";--> statement-breakpoint
ALTER TABLE "star_votes" DROP COLUMN "receipt";