import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';

/**
 * A calendar date without time, `YYYY-MM-DD`. Values travel as strings end to end (the database
 * column is `date`), so no time zone can shift them by a day.
 */
export const DateScalar = new GraphQLScalarType({
  ...DateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date without time, as YYYY-MM-DD (e.g. 2027-01-31).',
  serialize(value: unknown): string {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return DateResolver.serialize(value) as string;
  },
  parseValue(value: unknown): string {
    return toIsoDate(DateResolver.parseValue(value));
  },
  parseLiteral(ast, variables): string {
    return toIsoDate(DateResolver.parseLiteral(ast, variables));
  },
});

function toIsoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export const DateTimeScalar = DateTimeResolver;
