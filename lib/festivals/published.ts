import type { ProgrammeItem, PublishedItem, PublishedVenue, Venue } from "@/db/schema";

/** What a publication keeps of an item and a venue: what residents may see. */
export const toPublishedItem = (i: ProgrammeItem): PublishedItem => ({
  id: i.id,
  venueId: i.venueId,
  kind: i.kind,
  title: i.title,
  description: i.description,
  startsAt: i.startsAt.toISOString(),
  endsAt: i.endsAt.toISOString(),
  parentId: i.parentId,
  position: i.position,
  people: i.people,
});
export const toPublishedVenue = (v: Venue): PublishedVenue => ({
  id: v.id,
  name: v.name,
  description: v.description,
  position: v.position,
});
