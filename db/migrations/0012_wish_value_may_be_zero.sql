ALTER TABLE "wishes" DROP CONSTRAINT "wishes_value_positive";--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_value_not_negative" CHECK ("wishes"."value" >= 0);--> statement-breakpoint
-- Help and company had to be given a value of at least 1 and showed as "about ¥1": that 1 meant nothing.
UPDATE "wishes" SET "value" = 0 WHERE "category" IN ('service', 'companionship') AND "value" = 1;
