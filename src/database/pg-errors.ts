/** PostgreSQL's SQLSTATE for a violated constraint, as TypeORM's QueryFailedError carries it. */
function violation(error: unknown, sqlState: string, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? error;
  const { code, constraint: violated } = driverError as { code?: string; constraint?: string };
  return code === sqlState && (constraint === undefined || violated === constraint);
}

export const isUniqueViolation = (error: unknown, constraint?: string) => violation(error, '23505', constraint);
export const isForeignKeyViolation = (error: unknown, constraint?: string) => violation(error, '23503', constraint);
export const isCheckViolation = (error: unknown, constraint?: string) => violation(error, '23514', constraint);
export const isExclusionViolation = (error: unknown, constraint?: string) => violation(error, '23P01', constraint);
