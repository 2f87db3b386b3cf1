import 'reflect-metadata';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  directlyBound,
  resolvedByDefault,
  resolvePlainFieldsByDefault,
} from './direct-resolvers.js';
import { buildKinerjaSchema } from './schema.js';

describe('field resolvers bound without type-graphql’s wrapper', () => {
  it('binds the relations of the busy lists and leaves resolvers with arguments to type-graphql', async () => {
    await buildKinerjaSchema();
    for (const field of [
      'Employee.orgUnit',
      'Employee.supervisor',
      'Activity.indicator',
      'ReviewQueuePerson.employee',
      'OrgUnit.parent',
    ]) {
      expect(directlyBound.has(field), field).toBe(true);
    }
    // Arguments are converted (and may be validated) by type-graphql.
    expect(directlyBound.has('ReviewQueue.people')).toBe(false);
    expect(directlyBound.has('Training.enrolments')).toBe(false);
  });

  it('calls the resolver’s method with the root, the context and the info', async () => {
    const schema = await buildKinerjaSchema();
    const field = (schema.getType('Activity') as GraphQLObjectType).getFields().indicator;
    const info = { fieldNodes: [], fragments: {} } as unknown as GraphQLResolveInfo;
    const loaded: string[] = [];
    const ctx = {
      loaders: { indicator: { get: (id: string) => (loaded.push(id), { id, text: 'IKI' }) } },
    };
    expect(field.resolve!({ indicator: null }, {}, ctx, info)).toBeNull();
    // An empty selection asks for no more than the id: answered without the loader.
    expect(field.resolve!({ indicator: { id: 'i-1' } }, {}, ctx, info)).toEqual({ id: 'i-1' });
    expect(loaded).toEqual([]);
  });

  it('leaves plain fields to GraphQL’s default resolver and keeps the resolvers of the others', async () => {
    const schema = await buildKinerjaSchema();
    const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
    // Plain properties: no resolver, so graphql-jit reads them straight from the object.
    for (const [type, field] of [
      ['Activity', 'id'],
      ['Activity', 'description'],
      ['Activity', 'status'],
      ['Employee', 'name'],
      ['ReviewQueuePerson', 'activityCount'],
    ]) {
      expect(fields(type)[field].resolve, `${type}.${field}`).toBeUndefined();
      expect(resolvedByDefault.has(`${type}.${field}`), `${type}.${field}`).toBe(true);
    }
    // Field resolvers, with arguments or without, keep theirs.
    expect(fields('Activity').indicator.resolve).toBeTypeOf('function');
    expect(fields('ReviewQueue').people.resolve).toBeTypeOf('function');
    expect(fields('Employee').supervisor.resolve).toBeTypeOf('function');
  });

  it('keeps type-graphql’s resolver for a field with a middleware, an authorization rule or a name of its own', () => {
    class Thing {}
    const field = (name: string, schemaName = name) => ({ target: Thing, name, schemaName }) as any;
    const fields = [
      field('plain'),
      field('guarded'),
      field('authorized'),
      field('renamed', 'alias'),
      { ...field('ownMiddleware'), middlewares: [() => undefined] },
      { ...field('decided'), simple: false },
    ];
    resolvePlainFieldsByDefault({
      fields,
      middlewares: [{ target: Thing, fieldName: 'guarded', middlewares: [() => undefined] }],
      authorizedFields: [{ target: Thing, fieldName: 'authorized', roles: ['ADMIN'] }],
    } as any);
    expect(fields.filter((f) => f.simple === true).map((f) => f.name)).toEqual(['plain']);
    expect(fields.find((f) => f.name === 'decided')!.simple).toBe(false);
  });
});
