import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import type { BusEvent } from './bus.js';

/**
 * Subscriptions whose payload, for a selection of scalar fields only, depends on nothing but the
 * event: `myPerformance` answers with the event's own id, type, time and subject. Nested objects
 * (a plan, its people) go through access checks that depend on the viewer, so a selection with
 * any object field is executed per subscriber as usual.
 */
const EVENT_ONLY_FIELDS: ReadonlySet<string> = new Set(['myPerformance']);

/** How long an executed payload is kept for the other subscribers of the same event. */
const SHARED_FOR_MS = 10_000;

/** Whether the operation is one root field of EVENT_ONLY_FIELDS selecting scalars only. */
export function isEventOnly(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'subscription') return false;
  const [root, ...more] = operation.selectionSet.selections;
  if (more.length > 0 || root?.kind !== Kind.FIELD || root.directives?.length) return false;
  if (!EVENT_ONLY_FIELDS.has(root.name.value)) return false;
  return (root.selectionSet?.selections ?? []).every(
    (s) => s.kind === Kind.FIELD && !s.selectionSet && !s.directives?.length,
  );
}

/**
 * graphql-ws's `subscribe`, doing what graphql-js's does (the source stream, then `execute` of
 * the document for each event) except that for event-only selections (see {@link isEventOnly})
 * each event is executed once per document and variables and the result shared by every
 * subscriber: at 10,000 subscribers of one event that is 10,000 executions saved.
 */
export function sharingSubscribe(): (
  args: ExecutionArgs,
) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const documentIds = new WeakMap<object, number>();
  let nextDocumentId = 0;
  const shared = new Map<string, { at: number; result: Promise<ExecutionResult> }>();
  const sweep = (now: number) => {
    for (const [key, entry] of shared) {
      if (now - entry.at < SHARED_FOR_MS) break; // insertion order: the rest are newer
      shared.delete(key);
    }
  };

  return async (args) => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const operation = getOperationAST(args.document, args.operationName);
    const eventOnly = operation != null && isEventOnly(operation);
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) {
      documentId = nextDocumentId++;
      documentIds.set(args.document, documentId);
    }
    const prefix = `${documentId}|${JSON.stringify(args.variableValues ?? null)}|`;
    const events = source[Symbol.asyncIterator]();
    const run = (event: unknown) =>
      Promise.resolve(execute({ ...args, rootValue: event })) as Promise<ExecutionResult>;

    const iterator: AsyncIterableIterator<ExecutionResult> = {
      [Symbol.asyncIterator]() {
        return iterator;
      },
      async next() {
        const step = await events.next();
        if (step.done) return { value: undefined, done: true };
        if (!eventOnly) return { value: await run(step.value), done: false };
        const key = prefix + (step.value as BusEvent).id;
        let entry = shared.get(key);
        if (!entry) {
          const now = Date.now();
          sweep(now);
          entry = { at: now, result: run(step.value) };
          shared.set(key, entry);
        }
        return { value: await entry.result, done: false };
      },
      async return() {
        await events.return?.();
        return { value: undefined, done: true };
      },
      async throw(error: unknown) {
        await events.return?.();
        throw error;
      },
    };
    return iterator;
  };
}
