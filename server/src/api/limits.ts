/**
 * Limits on the size and shape of every GraphQL operation: depth, aliases, directives, tokens, cost
 * and batch size (DESIGN.md, "Security").
 *
 * The same checks run on both transports:
 * - HTTP (Apollo Server): add {@link limitsPlugin} to `plugins` and
 *   `parseOptions: { maxTokens: limits.maxTokens }` to the options. The plugin refuses over-long
 *   sources and checks depth, aliases, directives and cost of the operation to run, with the
 *   request's real variables. `limitValidationRules()` may also go in `validationRules`, but Apollo
 *   passes validation rules no variables (so `first: $n` is costed with the defaults below) and
 *   rewrites their `extensions.code` to `GRAPHQL_VALIDATION_FAILED`; the plugin alone keeps
 *   `BAD_USER_INPUT` and HTTP 400.
 * - WebSocket (graphql-ws), where Apollo's rules and plugins do not run: in `onSubscribe`, call
 *   {@link checkTokenCount} on the source before parsing, then
 *   `validate(schema, document, [...specifiedRules, ...limitValidationRules(DEFAULT_LIMITS, variables)])`.
 *
 * Cost model: every field costs 1 (`__typename` costs nothing: clients add it everywhere). A field
 * with a `first`, `last` or `limit` argument multiplies the cost of its selection by that argument
 * (literal, variable, or the variable's default; else the argument's default in the schema, as in
 * `first: Int = 50`). Without one, a field whose type name ends in
 * `Connection` multiplies by {@link CONNECTION_PAGE_SIZE}, and any other list field by
 * {@link LIST_SIZE} — except lists directly on a `…Connection` type (`edges`, `nodes`), whose size
 * the connection's page already counts. Fragments are expanded (each fragment is analysed once, so
 * fragments spreading fragments cannot make the analysis exponential).
 *
 * Introspection (`__schema`, `__type` and fields of the `__…` types) is served from memory and
 * bounded by the schema's size, so its lists are not multiplied and `__Type.ofType` (the chain that
 * unwraps `[Employee!]!`, nine levels deep in graphql 16.15's introspection query) adds no depth:
 * the standard introspection query of GraphiQL and codegen passes. Introspection that nests its
 * lists in cycles (`types { fields { type { fields { … } } } }`) is refused by graphql's own
 * `MaxIntrospectionDepthRule`, part of `specifiedRules`, which must therefore run alongside these.
 * This is decided by field and type, never by operation or fragment names, which clients choose.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { apiReasons } from './errors.js';
import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
} from 'graphql';

export interface OperationLimits {
  /** Longest chain of nested fields, counting the leaf: `{ me { id } }` is 2 deep. */
  maxDepth: number;
  /** Aliased fields in the operation, fragments expanded. */
  maxAliases: number;
  /** Lexical tokens in the source (names, values, punctuation; not comments). */
  maxTokens: number;
  /** Directive uses in the operation, fragments expanded. */
  maxDirectives: number;
  /** Estimated cost; see the cost model above. */
  maxCost: number;
  /** Operations in one batched HTTP request. */
  maxBatch: number;
}

export const DEFAULT_LIMITS: OperationLimits = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 20_000,
  maxBatch: 5,
});

/** Page size assumed for a `…Connection` field asked without `first`; matches `DEFAULT_PAGE_SIZE`. */
export const CONNECTION_PAGE_SIZE = 20;
/** Size assumed for a list field without a `first`/`limit` argument. */
export const LIST_SIZE = 10;

const PAGE_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'last', 'limit']);

/**
 * Expected sizes of lists that are small by nature (a plan has a few RHK, an RHK a few IKI, a
 * plan exactly seven core values, a year four checkpoints), so that a normal nested query of a
 * supervisor's queue is not priced as if every list held ten items. Keyed `Type.field`.
 */
export const LIST_SIZE_HINTS: Readonly<Record<string, number>> = {
  'PerformancePlan.workResults': 5,
  // A page of the change feed is sized by `changes(first)`; a change names about one person
  // and one OPD.
  'ChangePage.nodes': 1,
  'Change.employeeIds': 1,
  'Change.opdIds': 1,
  'PerformancePlan.behaviourExpectations': 7,
  'PerformancePlan.approvedVersions': 2,
  'WorkResult.indicators': 3,
  'Indicator.realisations': 4,
  'Period.checkpoints': 4,
  'ReviewQueue.peerFeedbackRequests': 5,
  'ReviewQueue.appealsToDecide': 5,
  'ReviewQueue.explanationsRequested': 5,
  'ReviewQueuePerson.appraisalsToComplete': 1,
  'Appraisal.valueNotes': 7,
  'Appraisal.history': 2,
  'Appeal.explanations': 3,
  'Distribution.counts': 5,
  'Distribution.rules': 3,
  'ReviewQueuePerson.plansAwaitingApproval': 2,
  'ReviewQueuePerson.activitiesAwaitingReview': 20,
  'ReviewQueuePerson.monthlyReportsAwaitingVerification': 3,
  'Feedback.replies': 3,
  'Viewer.roles': 4,
  'TalentGrid.boxes': 9,
  'Training.competencies': 3,
};

type Variables = Readonly<Record<string, unknown>>;

interface Stats {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

const ZERO: Stats = Object.freeze({ depth: 0, aliases: 0, directives: 0, cost: 0 });

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const capped = (n: number) => Math.min(n, Number.MAX_SAFE_INTEGER);

function limitError(
  message: string,
  limit: string,
  allowed: number,
  actual: number,
  nodes?: OperationDefinitionNode,
) {
  return new GraphQLError(message, {
    nodes,
    extensions: {
      code: 'BAD_USER_INPUT',
      reason: apiReasons.limitExceeded.code,
      params: { limit, allowed, actual },
      limit,
      allowed,
      actual,
    },
  });
}

/** Measures one operation; create one per operation, since variable defaults belong to it. */
class OperationAnalyzer {
  private readonly fragmentStats = new Map<string, Stats>();
  private readonly inProgress = new Set<string>();
  private readonly variableDefaults = new Map<string, ValueNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    operation: OperationDefinitionNode,
    private readonly variables: Variables | undefined,
  ) {
    for (const definition of operation.variableDefinitions ?? []) {
      if (definition.defaultValue)
        this.variableDefaults.set(definition.variable.name.value, definition.defaultValue);
    }
  }

  operation(operation: OperationDefinitionNode): Stats {
    const stats = this.selectionSet(
      operation.selectionSet,
      this.schema.getRootType(operation.operation) ?? undefined,
    );
    const variableDirectives = (operation.variableDefinitions ?? []).reduce(
      (n, v) => n + (v.directives?.length ?? 0),
      0,
    );
    return {
      ...stats,
      directives: stats.directives + count(operation.directives) + variableDirectives,
    };
  }

  private selectionSet(
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType | undefined,
  ): Stats {
    const total: Stats = { ...ZERO };
    for (const selection of selectionSet.selections) {
      let stats: Stats;
      if (selection.kind === Kind.FIELD) {
        stats = this.field(selection, parentType);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parentType;
        const inner = this.selectionSet(selection.selectionSet, type ?? undefined);
        stats = { ...inner, directives: inner.directives + count(selection.directives) };
      } else {
        const inner = this.fragment(selection.name.value);
        stats = { ...inner, directives: inner.directives + count(selection.directives) };
      }
      total.depth = Math.max(total.depth, stats.depth);
      total.aliases = capped(total.aliases + stats.aliases);
      total.directives = capped(total.directives + stats.directives);
      total.cost = capped(total.cost + stats.cost);
    }
    return total;
  }

  private fragment(name: string): Stats {
    const known = this.fragmentStats.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // Unknown fragments and cycles are reported by graphql's own rules.
    if (!fragment || this.inProgress.has(name)) return ZERO;
    this.inProgress.add(name);
    const type = this.schema.getType(fragment.typeCondition.name.value) ?? undefined;
    const inner = this.selectionSet(fragment.selectionSet, type);
    this.inProgress.delete(name);
    const stats = { ...inner, directives: inner.directives + count(fragment.directives) };
    this.fragmentStats.set(name, stats);
    return stats;
  }

  private field(node: FieldNode, parentType: GraphQLNamedType | undefined): Stats {
    const name = node.name.value;
    const fieldType = outputTypeOf(this.schema, parentType, name);
    const type = fieldType && namedTypeOf(fieldType);
    const child = node.selectionSet ? this.selectionSet(node.selectionSet, type) : ZERO;
    const introspective =
      name === '__schema' || name === '__type' || !!parentType?.name.startsWith('__');
    const isList = !!fieldType && isListOutput(fieldType);
    const multiplier = introspective ? 1 : this.multiplier(node, parentType, type, isList);
    return {
      depth: child.depth + (parentType?.name === '__Type' && name === 'ofType' ? 0 : 1),
      aliases: child.aliases + (node.alias ? 1 : 0),
      directives: child.directives + count(node.directives),
      cost: capped((name === '__typename' ? 0 : 1) + multiplier * child.cost),
    };
  }

  private multiplier(
    node: FieldNode,
    parentType: GraphQLNamedType | undefined,
    type: GraphQLNamedType | undefined,
    isList: boolean,
  ): number {
    for (const argument of node.arguments ?? []) {
      if (!PAGE_ARGUMENTS.has(argument.name.value)) continue;
      const size = this.intValue(argument.value);
      if (size !== undefined) return size;
    }
    const fallback = pageArgumentDefault(parentType, node.name.value);
    if (fallback !== undefined) return fallback;
    if (type?.name.endsWith('Connection')) return CONNECTION_PAGE_SIZE;
    if (!isList) return 1;
    if (parentType?.name.endsWith('Connection')) return 1;
    const hint = parentType ? LIST_SIZE_HINTS[`${parentType.name}.${node.name.value}`] : undefined;
    if (hint !== undefined) return hint;
    if (isList) return LIST_SIZE;
    return 1;
  }

  /** The argument's size, or undefined when it is absent, null or not known without variables. */
  private intValue(value: ValueNode): number | undefined {
    if (value.kind === Kind.INT) return Math.max(0, Number.parseInt(value.value, 10));
    if (value.kind !== Kind.VARIABLE) return undefined;
    const name = value.name.value;
    if (this.variables && Object.hasOwn(this.variables, name)) {
      const given = this.variables[name];
      return typeof given === 'number' && Number.isFinite(given)
        ? Math.max(0, Math.floor(given))
        : undefined;
    }
    const fallback = this.variableDefaults.get(name);
    return fallback ? this.intValue(fallback) : undefined;
  }
}

function count(directives: readonly DirectiveNode[] | undefined): number {
  return directives?.length ?? 0;
}

// Types are told apart by their `Symbol.toStringTag` rather than graphql's `isListType` & co., whose
// `instanceof` checks throw when the schema comes from another copy of graphql (in vitest, type-graphql
// and Apollo load graphql's CommonJS build while our sources get its ES module build).
const tagOf = (type: unknown) => Object.prototype.toString.call(type).slice(8, -1);

function nullableOf(type: GraphQLOutputType): GraphQLOutputType {
  return tagOf(type) === 'GraphQLNonNull' ? (type as { ofType: GraphQLOutputType }).ofType : type;
}

function isListOutput(type: GraphQLOutputType): boolean {
  return tagOf(nullableOf(type)) === 'GraphQLList';
}

function namedTypeOf(type: GraphQLOutputType): GraphQLNamedType {
  let current = type;
  while (tagOf(current) === 'GraphQLNonNull' || tagOf(current) === 'GraphQLList') {
    current = (current as { ofType: GraphQLOutputType }).ofType;
  }
  return current as GraphQLNamedType;
}

/** The type of `parentType.name`, meta fields included; undefined for unknown fields. */
function outputTypeOf(
  schema: GraphQLSchema,
  parentType: GraphQLNamedType | undefined,
  name: string,
): GraphQLOutputType | undefined {
  if (!parentType || name === '__typename') return undefined;
  if (parentType === schema.getQueryType()) {
    if (name === '__schema') return schema.getType('__Schema') as GraphQLOutputType | undefined;
    if (name === '__type') return schema.getType('__Type') as GraphQLOutputType | undefined;
  }
  const tag = tagOf(parentType);
  if (tag !== 'GraphQLObjectType' && tag !== 'GraphQLInterfaceType') return undefined;
  return (
    parentType as { getFields(): Record<string, { type: GraphQLOutputType } | undefined> }
  ).getFields()[name]?.type;
}

/** The schema's default for the field's `first`, `last` or `limit` argument (`first: Int = 50`). */
function pageArgumentDefault(
  parentType: GraphQLNamedType | undefined,
  name: string,
): number | undefined {
  if (!parentType) return undefined;
  const tag = tagOf(parentType);
  if (tag !== 'GraphQLObjectType' && tag !== 'GraphQLInterfaceType') return undefined;
  const field = (
    parentType as {
      getFields(): Record<
        string,
        { args: readonly { name: string; defaultValue: unknown }[] } | undefined
      >;
    }
  ).getFields()[name];
  for (const arg of field?.args ?? []) {
    if (PAGE_ARGUMENTS.has(arg.name) && typeof arg.defaultValue === 'number') {
      return Math.max(0, Math.floor(arg.defaultValue));
    }
  }
  return undefined;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  return fragments;
}

function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables | undefined,
): Stats {
  return new OperationAnalyzer(schema, fragmentsOf(document), operation, variables).operation(
    operation,
  );
}

/**
 * The estimated cost of an operation (see the cost model at the top of this file). With several
 * operations in the document, the one named `operationName`, or else the most expensive one.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: Variables,
  operationName?: string,
): number {
  let cost = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName !== undefined && definition.name?.value !== operationName) continue;
    cost = Math.max(cost, measure(schema, document, definition, variables).cost);
  }
  return cost;
}

type Check = (
  stats: Stats,
  operation: OperationDefinitionNode,
  limits: OperationLimits,
) => GraphQLError | null;

const plural = (n: number, one: string, many: string) => `${fmt(n)} ${n === 1 ? one : many}`;
const allowed = (n: number, noun = '') =>
  `at most ${fmt(n)}${noun} ${n === 1 ? 'is' : 'are'} allowed`;

const checkDepth: Check = (stats, operation, limits) =>
  stats.depth > limits.maxDepth
    ? limitError(
        `The ${operation.operation} is ${plural(stats.depth, 'level', 'levels')} deep; ${allowed(limits.maxDepth)}.`,
        'depth',
        limits.maxDepth,
        stats.depth,
        operation,
      )
    : null;

const checkAliases: Check = (stats, operation, limits) =>
  stats.aliases > limits.maxAliases
    ? limitError(
        `The ${operation.operation} uses ${plural(stats.aliases, 'alias', 'aliases')}; ${allowed(limits.maxAliases)}.`,
        'aliases',
        limits.maxAliases,
        stats.aliases,
        operation,
      )
    : null;

const checkDirectives: Check = (stats, operation, limits) =>
  stats.directives > limits.maxDirectives
    ? limitError(
        `The ${operation.operation} uses ${plural(stats.directives, 'directive', 'directives')}; ` +
          `${allowed(limits.maxDirectives)}.`,
        'directives',
        limits.maxDirectives,
        stats.directives,
        operation,
      )
    : null;

const checkCost: Check = (stats, operation, limits) =>
  stats.cost > limits.maxCost
    ? limitError(
        `The ${operation.operation} costs ${fmt(stats.cost)}; at most ${fmt(limits.maxCost)} is allowed. ` +
          'Ask for fewer items per page or fewer nested lists.',
        'cost',
        limits.maxCost,
        stats.cost,
        operation,
      )
    : null;

const CHECKS: readonly Check[] = [checkDepth, checkAliases, checkDirectives, checkCost];

/** All limit errors of one operation, in the order depth, aliases, directives, cost. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: OperationLimits = DEFAULT_LIMITS,
  variables?: Variables,
): GraphQLError[] {
  const stats = measure(schema, document, operation, variables);
  return CHECKS.map((check) => check(stats, operation, limits)).filter(
    (e): e is GraphQLError => e !== null,
  );
}

/**
 * graphql-js validation rules for depth, aliases, directives and cost, one per limit.
 *
 * Validation rules see no variables: pass the operation's `variables` when you have them (graphql-ws
 * `onSubscribe`). Apollo's `validationRules` path passes none, so `first: $n` is costed as if absent
 * (or with the variable's default value); {@link limitsPlugin} re-checks with the real variables.
 */
export function limitValidationRules(
  limits: OperationLimits = DEFAULT_LIMITS,
  variables?: Variables,
): ValidationRule[] {
  // The four rules run in one validation pass; measure each operation once for all of them.
  const measured = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, Stats>>();
  const statsFor = (context: ValidationContext, operation: OperationDefinitionNode): Stats => {
    const schema = context.getSchema();
    let bySchema = measured.get(schema);
    if (!bySchema) measured.set(schema, (bySchema = new WeakMap()));
    let stats = bySchema.get(operation);
    if (!stats)
      bySchema.set(
        operation,
        (stats = measure(schema, context.getDocument(), operation, variables)),
      );
    return stats;
  };
  return CHECKS.map((check): ValidationRule => (context) => ({
    OperationDefinition(operation) {
      const error = check(statsFor(context, operation), operation, limits);
      if (error) context.reportError(error);
    },
  }));
}

/**
 * Counts the source's tokens with graphql's lexer, stopping one past the limit, so that an
 * oversized query is refused without being parsed. Returns null for sources within the limit and for
 * sources the lexer cannot read (the parser then reports the syntax error).
 */
export function checkTokenCount(source: string, maxTokens: number): GraphQLError | null {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > maxTokens) {
        return new GraphQLError(
          `The query has more than ${fmt(maxTokens)} tokens; ${allowed(maxTokens)}. ` +
            'Ask for fewer fields, or split it into several queries.',
          // No reason code: the dashboard never sends such a query; its generic message serves.
          { extensions: { code: 'BAD_USER_INPUT', limit: 'tokens', allowed: maxTokens } },
        );
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** Refuses a batched HTTP body (a JSON array) with more than `maxBatch` operations. */
export function checkBatchSize(body: unknown, maxBatch: number): GraphQLError | null {
  if (!Array.isArray(body) || body.length <= maxBatch) return null;
  return new GraphQLError(
    `The request batches ${plural(body.length, 'operation', 'operations')}; ${allowed(maxBatch)}.`,
    {
      extensions: {
        code: 'BAD_USER_INPUT',
        limit: 'batch',
        allowed: maxBatch,
        actual: body.length,
      },
    },
  );
}

function withStatus400(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, http: { status: 400 } },
  });
}

/**
 * At most `size` entries, the oldest dropped first; keys longer than 20,000 characters are
 * computed every time rather than kept.
 */
class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly size: number) {}

  get(key: K, compute: () => V): V {
    if (this.entries.has(key)) return this.entries.get(key)!;
    const value = compute();
    if (typeof key === 'string' && key.length > 20_000) return value;
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}

/**
 * Apollo Server plugin applying the limits over HTTP, refusing with `BAD_USER_INPUT` and status 400:
 * the token count once the source is known, then depth, aliases, directives and cost of the
 * operation to run, with its variables.
 *
 * Apollo turns anything thrown before parsing into a 500, so an over-long source is remembered in
 * `didResolveSource` and refused at the next point that can refuse: `didResolveOperation`, or, when
 * parsing or validation failed first, `willSendResponse`, which swaps their errors for the token
 * error. To keep Apollo from parsing a huge source at all, also give Apollo
 * `parseOptions: { maxTokens: limits.maxTokens }`; the parser then stops at the limit and this
 * plugin still answers with its own message.
 */
export function limitsPlugin<TContext extends BaseContext = BaseContext>(
  limits: OperationLimits = DEFAULT_LIMITS,
): ApolloServerPlugin<TContext> {
  // Clients send the same few operations over and over: the verdicts are kept, the token count
  // by source and the operation's measure by its (cached, parsed) operation and variables.
  const tokenVerdicts = new BoundedCache<string, GraphQLError | null>(1_000);
  const operationVerdicts = new WeakMap<
    OperationDefinitionNode,
    BoundedCache<string, GraphQLError | null>
  >();
  return {
    async requestDidStart() {
      let tokenError: GraphQLError | null = null;
      return {
        async didResolveSource({ source }) {
          tokenError = tokenVerdicts.get(source, () => checkTokenCount(source, limits.maxTokens));
        },
        async didResolveOperation({ schema, document, operation, request }) {
          if (tokenError) throw withStatus400(tokenError);
          if (!operation) return;
          let verdicts = operationVerdicts.get(operation);
          if (!verdicts) operationVerdicts.set(operation, (verdicts = new BoundedCache(100)));
          const error = verdicts.get(
            JSON.stringify(request.variables ?? null),
            () =>
              checkOperationLimits(schema, document, operation, limits, request.variables)[0] ??
              null,
          );
          if (error) throw withStatus400(error);
        },
        async willSendResponse({ response }) {
          if (
            !tokenError ||
            response.body.kind !== 'single' ||
            response.body.singleResult.data !== undefined
          )
            return;
          response.body.singleResult = {
            errors: [{ message: tokenError.message, extensions: { ...tokenError.extensions } }],
          };
          response.http.status = 400;
        },
      };
    },
  };
}
