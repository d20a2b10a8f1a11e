CREATE TABLE "daily_counts" (
	"key" text NOT NULL,
	"day" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "daily_counts_key_day_pk" PRIMARY KEY("key","day")
);
