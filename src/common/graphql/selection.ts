import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields selected directly in `selectionSet`, through fragments and inline fragments too. */
function fieldsIn(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined): FieldNode[] {
  return (selectionSet?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsIn(info, selection.selectionSet);
    return fieldsIn(info, info.fragments[selection.name.value]?.selectionSet);
  });
}

/**
 * The fields selected under the field being resolved, following `path` (for a connection: ['edges', 'node']),
 * through fragments and aliases.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): FieldNode[] {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    level = level.flatMap((node) => fieldsIn(info, node.selectionSet)).filter((field) => field.name.value === name);
  }
  return level.flatMap((node) => fieldsIn(info, node.selectionSet));
}

/** Whether the client selected `name` directly under the field being resolved (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectedFields(info).some((field) => field.name.value === name);
}
