import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/** What {@link selectedFields} reads of a resolver's info. */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** The fields of a selection set, through inline fragments and fragment spreads. */
function fieldsOf(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  out: FieldNode[],
): FieldNode[] {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      fieldsOf(selection.selectionSet, fragments, out);
    else fieldsOf(fragments[selection.name.value]?.selectionSet, fragments, out);
  }
  return out;
}

/** Answers of {@link selectedFields}, per field of a parsed operation and per paths asked. */
const remembered = new WeakMap<readonly FieldNode[], Map<string, ReadonlySet<string>>>();

/**
 * The names of the fields an operation selects at each of `paths` below the field being resolved
 * (field names, not aliases), through fragments, merged over every path. `@skip` and `@include`
 * are not evaluated, so the answer may hold more fields than will be resolved, never fewer: a
 * resolver may read less for fields not in it, and must read what is.
 *
 * `selectedFields(info, ['nodes', 'activities'], ['edges', 'node', 'activities'])` names the
 * activity fields asked for through either shape of a connection.
 *
 * Remembered per field of a parsed operation (a list's items share their field nodes, and a
 * compiled operation its nodes across requests), so a resolver may ask on every call.
 */
export function selectedFields(
  info: SelectionInfo,
  ...paths: readonly string[][]
): ReadonlySet<string> {
  let byPaths = remembered.get(info.fieldNodes);
  if (!byPaths) remembered.set(info.fieldNodes, (byPaths = new Map()));
  const key = paths.map((p) => p.join('.')).join('|');
  let names = byPaths.get(key);
  if (!names) byPaths.set(key, (names = collectFields(info, paths)));
  return names;
}

function collectFields(info: SelectionInfo, paths: readonly string[][]): Set<string> {
  const names = new Set<string>();
  for (const path of paths) {
    let level: FieldNode[] = [...info.fieldNodes];
    for (const step of path) {
      const next: FieldNode[] = [];
      for (const node of level) {
        for (const field of fieldsOf(node.selectionSet, info.fragments, [])) {
          if (field.name.value === step) next.push(field);
        }
      }
      level = next;
    }
    for (const node of level) {
      for (const field of fieldsOf(node.selectionSet, info.fragments, [])) {
        names.add(field.name.value);
      }
    }
  }
  return names;
}

/** Whether a set of selected field names holds nothing but `id` (and `__typename`). */
export function onlyIdIn(names: Iterable<string>): boolean {
  for (const name of names) if (name !== 'id' && name !== '__typename') return false;
  return true;
}

/** Whether the selection at the field being resolved asks for nothing but `id` (and `__typename`). */
export function selectsOnlyId(info: SelectionInfo): boolean {
  return onlyIdIn(selectedFields(info, []));
}
