interface PostgresError {
  code?: string;
}

/** SQLSTATE 23503: the referenced row does not exist. */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as PostgresError)?.code === '23503';
}

/** SQLSTATE 42P01: the table does not exist. */
export function isUndefinedTable(error: unknown): boolean {
  return (error as PostgresError)?.code === '42P01';
}
