import { getTableName, sql, type Column, type SQL } from "drizzle-orm";

/**
 * A column written with its table's name, for correlated subqueries. In a one-table select
 * drizzle writes a bare column name ("id"), which inside `(select … from other where x = "id")`
 * is read as the subquery's own column — the count then silently matches nothing.
 */
export function outer(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/**
 * `column in ('a', 'b', …)` written from a vocabulary list, so a check constraint or a partial
 * index allows exactly what the TypeScript type allows. The values are the code's own constants,
 * written inline (a constraint cannot take parameters).
 */
export function oneOf(column: Column, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", "))})`;
}
