import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { type Connection, type KeyPart, pageOfList, withNodes } from './pagination.js';

interface Person {
  id: string;
  name: string;
  jp: number;
}

const people: Person[] = [
  { id: 'a', name: 'Wayan', jp: 12 },
  { id: 'b', name: 'Made', jp: 0 },
  { id: 'c', name: 'Nyoman', jp: 12 },
  { id: 'd', name: 'Ketut', jp: 4 },
  { id: 'e', name: 'Made', jp: 0 },
];
const byJp = (p: Person) => [String(p.jp), p.name, p.id];
const BY_JP: KeyPart[] = ['number', 'text', 'text'];
const ids = (nodes: Person[]) => nodes.map((p) => p.id);

function walk(items: Person[], first: number, parts: KeyPart[]): string[][] {
  const pages: string[][] = [];
  let after: string | null = null;
  for (;;) {
    const page: Connection<Person> = pageOfList(items, { first, after }, byJp, parts);
    pages.push(ids(page.nodes));
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
}

describe('pageOfList', () => {
  it.each([
    { first: 5, parts: BY_JP, pages: [['b', 'e', 'd', 'c', 'a']] },
    { first: 2, parts: BY_JP, pages: [['b', 'e'], ['d', 'c'], ['a']] },
    {
      first: 3,
      parts: BY_JP,
      pages: [
        ['b', 'e', 'd'],
        ['c', 'a'],
      ],
    },
    {
      first: 2,
      parts: ['number-desc', 'text', 'text'] as KeyPart[],
      pages: [['c', 'a'], ['d', 'b'], ['e']],
    },
  ])('orders by key and pages $first at a time', ({ first, parts, pages }) => {
    expect(walk(people, first, parts)).toEqual(pages);
  });

  it('counts every item and says whether a page follows', () => {
    const page = pageOfList(people, { first: 2 }, byJp, BY_JP);
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page.edges.map((e) => e.node.id)).toEqual(['b', 'e']);
  });

  it('continues after the last item seen even when it left the list in between', () => {
    const first = pageOfList(people, { first: 2 }, byJp, BY_JP);
    const changed = people.filter((p) => p.id !== 'e');
    const next = pageOfList(changed, { first: 2, after: first.pageInfo.endCursor }, byJp, BY_JP);
    expect(ids(next.nodes)).toEqual(['d', 'c']);
  });

  it('gives an empty last page after the end', () => {
    const last = pageOfList(people, { first: 5 }, byJp, BY_JP);
    const after = pageOfList(people, { first: 5, after: last.pageInfo.endCursor }, byJp, BY_JP);
    expect(after.nodes).toEqual([]);
    expect(after.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    { args: { first: 101 }, field: 'first' },
    { args: { first: -1 }, field: 'first' },
    { args: { first: 5, after: 'not-a-cursor' }, field: 'after' },
    // A cursor of another list: a key of the wrong length.
    { args: { first: 5, after: Buffer.from('["x"]').toString('base64url') }, field: 'after' },
  ])('refuses $args as BAD_USER_INPUT on $field', ({ args, field }) => {
    expect(() => pageOfList(people, args, byJp, BY_JP)).toThrow(
      // A domain error: the api floor shows its kind as extensions.code and its field.
      expect.objectContaining({ kind: 'BAD_USER_INPUT', field }),
    );
  });
});

describe('withNodes', () => {
  it('keeps the cursors, count and page info, pairing each edge with the new node', () => {
    const items = [3, 1, 2].map((n) => ({ id: `p${n}`, n }));
    const page = pageOfList(items, { first: 2 }, (i) => [String(i.n), i.id], ['number', 'text']);
    const mapped = withNodes(
      page,
      page.nodes.map((i) => ({ label: `#${i.n}` })),
    );
    expect(mapped.nodes).toEqual([{ label: '#1' }, { label: '#2' }]);
    expect(mapped.totalCount).toBe(3);
    expect(mapped.pageInfo).toEqual(page.pageInfo);
    expect(mapped.edges).toEqual([
      { cursor: page.edges[0].cursor, node: { label: '#1' } },
      { cursor: page.edges[1].cursor, node: { label: '#2' } },
    ]);
    expect(mapped.edges[1].cursor).toBe(page.pageInfo.endCursor);
  });
});
