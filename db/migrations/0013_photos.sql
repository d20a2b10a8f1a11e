ALTER TABLE "star_photos" RENAME TO "photos";--> statement-breakpoint
ALTER TABLE "photos" RENAME CONSTRAINT "star_photos_pkey" TO "photos_pkey";--> statement-breakpoint
ALTER TABLE "star_nominations" RENAME CONSTRAINT "star_nominations_photo_id_star_photos_id_fk" TO "star_nominations_photo_id_photos_id_fk";--> statement-breakpoint
ALTER TABLE "wish_claims" RENAME CONSTRAINT "wish_claims_photo_id_star_photos_id_fk" TO "wish_claims_photo_id_photos_id_fk";--> statement-breakpoint
ALTER TABLE "wishes" RENAME CONSTRAINT "wishes_photo_id_star_photos_id_fk" TO "wishes_photo_id_photos_id_fk";
