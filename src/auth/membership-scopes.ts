import { Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { GrantMembershipInput } from './dto/grant-membership.input.js';

/** A kind of organisation users can be members of, as the module that owns it registers it. */
export interface MembershipScope {
  /** The organisation kind, also the access rule's scope kind: "company", "regulator". */
  kind: string;
  /** The field of GrantMembershipInput that names an organisation of this kind: "companyId". */
  inputField: string;
  description?: string;
}

const scopes: MembershipScope[] = [];

/**
 * Called by the module that owns a kind of organisation, when its files load (before the schema is built): adds
 * the `inputField` to `grantMembership`'s input, so that auth itself names no feature.
 */
export function registerMembershipScope(scope: MembershipScope): void {
  if (scopes.some((known) => known.kind === scope.kind)) return;
  const target = GrantMembershipInput.prototype as unknown as object;
  Field(() => ID, { nullable: true, description: scope.description })(target, scope.inputField);
  IsOptional()(target, scope.inputField);
  IsUUID()(target, scope.inputField);
  scopes.push(scope);
  scopes.sort((a, b) => a.kind.localeCompare(b.kind));
}

/** The registered scopes, by kind. */
export function membershipScopes(): readonly MembershipScope[] {
  return scopes;
}
