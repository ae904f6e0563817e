interface PostgresError {
  code?: string;
  constraint?: string;
}

/** SQLSTATE 23505, optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as PostgresError;
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}

/** SQLSTATE 23503: the referenced row does not exist. */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as PostgresError)?.code === '23503';
}

/** SQLSTATE 42P01: the table does not exist. */
export function isUndefinedTable(error: unknown): boolean {
  return (error as PostgresError)?.code === '42P01';
}
