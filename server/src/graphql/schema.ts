import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiClientResolver } from '../modules/api-clients/api-clients.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { AccountResolver, AuthResolver } from '../modules/auth/auth.resolver.js';
import { EmployeeResolver, OrgUnitResolver } from '../modules/directory/directory.resolver.js';
import { DateTimeScalar } from './scalars.js';

let cached: Promise<GraphQLSchema> | null = null;

/** The GraphQL schema, built once per process from the resolver classes. */
export function buildKinerjaSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      AuthResolver,
      AccountResolver,
      OrgUnitResolver,
      EmployeeResolver,
      ApiClientResolver,
      AuditResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
  return cached;
}
