import type { PaperFilters } from "../paper-store.ts";

export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `column IN ('a', 'b', …)`: a keyed lookup LanceDB answers from a scalar index when the column has one. */
export function inList(column: string, values: string[]): string {
  return `${column} IN (${values.map(sqlString).join(", ")})`;
}

/** The filters as a LanceDB SQL predicate, applied inside each query rather than after it. */
export function filterSql(filters: PaperFilters = {}): string | undefined {
  const clauses: string[] = [];
  if (filters.from) clauses.push(`published_at >= ${sqlString(filters.from)}`);
  if (filters.to) clauses.push(`published_at <= ${sqlString(filters.to)}`);
  if (filters.minUpvotes !== undefined) clauses.push(`upvotes >= ${Math.floor(filters.minUpvotes)}`);
  return clauses.length > 0 ? clauses.join(" AND ") : undefined;
}
