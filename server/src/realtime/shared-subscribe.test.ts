import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isEventOnly } from './shared-subscribe.js';

const operation = (source: string) => getOperationAST(parse(source))!;

describe('which subscriptions share one execution per event', () => {
  it.each([
    ['myPerformance with scalar fields', 'subscription { myPerformance { id type at } }', true],
    [
      'the same with a resume cursor',
      'subscription($a: ID) { myPerformance(after: $a) { id } }',
      true,
    ],
    ['an alias on a field', 'subscription { myPerformance { eventId: id } }', true],
    [
      'a nested plan (access depends on the viewer)',
      'subscription { myPerformance { id plan { id } } }',
      false,
    ],
    [
      'a fragment',
      'subscription { myPerformance { ...F } } fragment F on PerformanceEvent { id }',
      false,
    ],
    ['a directive', 'subscription($s: Boolean!) { myPerformance { id @include(if: $s) } }', false],
    ['another subscription', 'subscription { reviewQueue { id counts { total } } }', false],
    ['two root fields', 'subscription { myPerformance { id } other: myPerformance { id } }', false],
    ['a query', 'query { me { id } }', false],
  ])('%s: %s', (_name, source, expected) => {
    expect(isEventOnly(operation(source))).toBe(expected);
  });
});
