import { SetMetadata } from '@nestjs/common';
import type { Role } from './role.js';

export const ACCESS_RULE = 'access:rule';

export interface AccessRule {
  /** Anyone, signed in or not. */
  public?: boolean;
  /** Signed-in callers with at least one of these roles; an empty list means any signed-in caller. */
  roles?: Role[];
  /**
   * The resolver acts on one organisation of kind `kind` (a company, a regulator: the owning module names the
   * kind), named by an argument: the caller must be a member of it (ADMIN always passes where the rule lets
   * admins in). `id` picks the id out of the GraphQL arguments.
   */
  scope?: { kind: string; id: (args: Record<string, unknown>) => unknown };
}

/** Readable by anyone. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

/** Any signed-in caller. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { roles: [] } satisfies AccessRule);

/** Signed-in callers holding one of `roles`. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);

/** Signed-in callers holding one of `roles` and a membership of the organisation the call names. */
export const AllowInScope = (roles: Role[], scope: NonNullable<AccessRule['scope']>) =>
  SetMetadata(ACCESS_RULE, { roles, scope } satisfies AccessRule);
