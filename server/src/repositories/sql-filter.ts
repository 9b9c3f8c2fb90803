/**
 * A WHERE clause built from optional filters: each condition is added only when its value is given, with the value
 * as a named parameter (never spliced into the SQL). `limit` is always a parameter.
 */
export function sqlFilter(limit: number) {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit };
  return {
    /** Adds `sql` (using `@name`) when `value` is not undefined. */
    add(sql: string, name: string, value: unknown): void {
      if (value === undefined) return;
      where.push(sql);
      params[name] = value;
    },
    /** "WHERE a AND b", or '' when no filter was given. */
    clause: (): string => (where.length ? `WHERE ${where.join(' AND ')}` : ''),
    params,
  };
}
