import type { GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import { FEATURES } from './features.js';
import { bindFieldResolversDirectly, resolvePlainFieldsByDefault } from './direct-resolvers.js';
import { DateTimeScalar } from '../kernel/scalars.js';

let cached: Promise<GraphQLSchema> | null = null;

/** The GraphQL schema, built once per process from the resolver classes. */
export function buildKinerjaSchema(): Promise<GraphQLSchema> {
  if (!cached) resolvePlainFieldsByDefault();
  cached ??= buildSchema({
    resolvers: FEATURES.flatMap((f) => f.resolvers) as unknown as BuildSchemaOptions['resolvers'],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    // Required by type-graphql for any subscription; ours stream from the event bus instead.
    pubSub: createPubSub(),
  }).then((schema) => {
    bindFieldResolversDirectly(schema);
    return schema;
  });
  return cached;
}
