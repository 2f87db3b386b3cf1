import {
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  isObjectType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Param = 'root' | 'context' | 'info';
/** A class, as type-graphql's metadata names them. */
type Class = abstract new (...args: never[]) => unknown;

/** The fields whose resolver {@link bindFieldResolversDirectly} replaced, as `Type.field`. */
export const directlyBound = new Set<string>();

/**
 * The parameter a field resolver's argument takes, when it needs nothing of type-graphql at call
 * time: the whole root, the whole context, or the resolve info. Null for anything else
 * (arguments, which type-graphql converts and may validate; a property of the root or context;
 * custom decorators).
 */
function directParam(param: { kind: string; propertyName?: string }): Param | null {
  if (param.kind === 'info') return 'info';
  if (param.kind === 'context' || param.kind === 'root') {
    return param.propertyName ? null : (param.kind as Param);
  }
  return null;
}

/**
 * The class type-graphql turns a root of this declared type into (a copy per call when the root
 * is not an instance of it already); none for an interface or type alias, declared as Object.
 */
function rootClass(params: readonly { kind: string; getType?: () => unknown }[]): Class | null {
  const type = params.find((p) => p.kind === 'root')?.getType?.();
  return typeof type === 'function' && type !== Object ? (type as Class) : null;
}

/**
 * Field resolvers called without type-graphql's per-call wrapper.
 *
 * type-graphql calls every field resolver of a `@Resolver` class through a wrapper that, on each
 * call, builds a resolver-data object, asks its container for the class's instance, runs the
 * middleware chain (even an empty one) and builds the argument list by sorting and mapping the
 * parameter metadata. For the relations of a list (each employee's unit and supervisor, each
 * activity's IKI) that wrapper cost more than the resolver: 4–5% of the server's CPU for a page
 * of 50 employees. Where a resolver needs nothing of it (no middlewares, roles or arguments, and
 * only the root, the context and the info as parameters), this binds the method directly to the
 * schema's field: the same method on an instance of the same class, given the same values. A
 * root declared as a class goes the direct way only when it is an instance of it already (an
 * entity), which type-graphql passes unchanged; a plain object still goes through type-graphql,
 * which copies it into one. Everything else keeps type-graphql's resolver.
 */
export function bindFieldResolversDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const typeNames = new Map(storage.objectTypes.map((t) => [t.target, t.name]));
  const instances = new Map<unknown, Record<string, (...args: unknown[]) => unknown>>();
  for (const meta of storage.fieldResolvers) {
    if (meta.kind !== 'external' || meta.middlewares?.length || meta.roles) continue;
    const typeName = typeNames.get(meta.getObjectType?.() as Class);
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = (type as GraphQLObjectType).getFields()[meta.schemaName];
    if (!field) continue;
    const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index).map(directParam);
    if (params.some((p) => p === null)) continue;
    let instance = instances.get(meta.target);
    if (!instance) {
      instance = new (meta.target as new () => Record<string, (...args: unknown[]) => unknown>)();
      instances.set(meta.target, instance);
    }
    const method = instance[meta.methodName];
    const original = field.resolve;
    if (typeof method !== 'function' || !original) continue;
    const direct = directResolver(instance, method, params as Param[]);
    const asClass = rootClass(meta.params ?? []);
    field.resolve = asClass
      ? (root, args, context, info) =>
          root instanceof asClass
            ? direct(root, args, context, info)
            : original(root, args, context, info)
      : direct;
    directlyBound.add(`${type.name}.${field.name}`);
  }
}

function directResolver(
  self: object,
  method: (...args: unknown[]) => unknown,
  params: Param[],
): GraphQLFieldResolver<unknown, unknown> {
  const [a, b, c] = params;
  // The shapes the resolvers have, without building an argument list per call.
  if (params.length === 2 && a === 'root' && b === 'context')
    return (root, _args, context) => method.call(self, root, context);
  if (params.length === 3 && a === 'root' && b === 'context' && c === 'info')
    return (root, _args, context, info) => method.call(self, root, context, info);
  return (root, _args, context, info) =>
    method.apply(
      self,
      params.map((p) => (p === 'root' ? root : p === 'context' ? context : info)),
    );
}

/** The fields {@link resolvePlainFieldsByDefault} left without a resolver, as `Class.field`. */
export const resolvedByDefault = new Set<string>();

/**
 * Plain fields (a property of the object, no field resolver) resolved by GraphQL's default, not
 * by a resolver of type-graphql's. type-graphql gives every plain field a resolver of its own
 * unless it is marked `simple` (its "simple resolvers"), which only runs the middlewares and the
 * authorization checks and reads the property. Kinerja has neither on any field, so those
 * resolvers do nothing but cost: graphql-jit, which reads a field without a resolver straight from
 * the object, has to call one for each field of each object instead, with an info object, a path
 * and two callbacks each. The review queue's 250 activities of 6 fields made 1,500 such calls and
 * about 2 MB of garbage per request. This marks as `simple` every field with no middleware, no
 * authorization and its own name in the schema; a field given either (or renamed) keeps its
 * resolver. To be called before the schema is built, which reads the marks. (A global middleware
 * given to buildSchema would not run for the fields marked: there is none, and adding one means
 * dropping this.)
 */
export function resolvePlainFieldsByDefault(
  storage: Pick<
    ReturnType<typeof getMetadataStorage>,
    'fields' | 'middlewares' | 'authorizedFields'
  > = getMetadataStorage(),
): void {
  // By class, not class name: two classes may share a name.
  const guarded = new Map<object, Set<string>>();
  for (const m of [...storage.middlewares, ...storage.authorizedFields]) {
    const names = guarded.get(m.target) ?? new Set<string>();
    guarded.set(m.target, names.add(m.fieldName));
  }
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName) continue;
    if (guarded.get(field.target)?.has(field.name)) continue;
    if (field.middlewares?.length || field.roles) continue;
    field.simple = true;
    resolvedByDefault.add(`${field.target.name}.${field.name}`);
  }
}
