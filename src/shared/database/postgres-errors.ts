interface PostgresError {
  code?: string;
  constraint?: string;
}

/** SQLSTATE 23505, optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = error as PostgresError;
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}
