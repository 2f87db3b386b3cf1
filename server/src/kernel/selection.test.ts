import {
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields, selectsOnlyId, type SelectionInfo } from './selection.js';

/** The info a resolver of the operation's first root field would get. */
function infoOf(source: string, field = 0): SelectionInfo {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD,
  )[field];
  return { fieldNodes: [root], fragments };
}

const sorted = (names: ReadonlySet<string>) => [...names].sort();

describe('selectedFields', () => {
  it('names the fields at a path, by field name and not by alias', () => {
    const info = infoOf(`{ people { nodes { activities { id when: date description } } } }`);
    expect(sorted(selectedFields(info, ['nodes', 'activities']))).toEqual([
      'date',
      'description',
      'id',
    ]);
  });

  it('follows fragment spreads and inline fragments, at the path and on the way to it', () => {
    const info = infoOf(`
      query { people { ...Page nodes { ... on Person { activities { status } } } } }
      fragment Page on PersonConnection { nodes { activities { ...A } } }
      fragment A on Activity { id ... on Activity { output indicator { id } } }`);
    expect(sorted(selectedFields(info, ['nodes', 'activities']))).toEqual([
      'id',
      'indicator',
      'output',
      'status',
    ]);
    expect(sorted(selectedFields(info, ['nodes', 'activities', 'indicator']))).toEqual(['id']);
  });

  it('merges several paths and the same field selected twice under aliases', () => {
    const info = infoOf(`{ people {
      nodes { a: activities { id } b: activities { description } }
      edges { node { activities { status } } } } }`);
    expect(
      sorted(selectedFields(info, ['nodes', 'activities'], ['edges', 'node', 'activities'])),
    ).toEqual(['description', 'id', 'status']);
  });

  it('counts fields under @skip and @include (more, never fewer)', () => {
    const info = infoOf(`{ people { nodes { activities { id output @skip(if: true) } } } }`);
    expect(sorted(selectedFields(info, ['nodes', 'activities']))).toEqual(['id', 'output']);
  });

  it('is empty when the path is not selected', () => {
    const info = infoOf(`{ people { totalCount } }`);
    expect(selectedFields(info, ['nodes', 'activities']).size).toBe(0);
  });

  it('with no path, names the fields of the field being resolved', () => {
    expect(sorted(selectedFields(infoOf(`{ indicator { id text } }`), []))).toEqual(['id', 'text']);
  });
});

describe('selectsOnlyId', () => {
  it('holds for id and __typename alone, through fragments', () => {
    expect(selectsOnlyId(infoOf(`{ indicator { id } }`))).toBe(true);
    expect(
      selectsOnlyId(infoOf(`{ indicator { __typename ...F } } fragment F on Indicator { id }`)),
    ).toBe(true);
  });

  it('fails as soon as anything else is asked', () => {
    expect(selectsOnlyId(infoOf(`{ indicator { id text } }`))).toBe(false);
    expect(selectsOnlyId(infoOf(`{ indicator { ...F } } fragment F on Indicator { aspect }`))).toBe(
      false,
    );
  });
});
