import { customType, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A photo kept in the database (so a backup has it), already checked and scaled down: a
 * nomination's, a wish's or a fulfilment's.
 */
export const photos = pgTable("photos", {
  id: uuid("id").primaryKey().defaultRandom(),
  mime: text("mime").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  bytes: bytea("bytes").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
