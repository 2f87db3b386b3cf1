import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { Express, Request, Response } from 'express';

/**
 * GraphQL over HTTP for Apollo Server, in two lanes.
 *
 * The usual one is Express's: the request passes the app's middlewares (request log, security
 * headers, JSON body) and reaches {@link apolloHandler}. The other, {@link GraphqlLane}, takes the
 * one request that makes up nearly all the traffic, a JSON `POST /graphql`, straight from the
 * HTTP server: the same steps, called directly instead of through Express's router and its
 * body parser. Under load Express's part was a tenth of the server's CPU for a short answer
 * (the employee page), about as much as the query's SQL. Every other request (GET, other content
 * types, compressed bodies, other paths) goes through Express as before.
 */

/** A reply in GraphQL's error shape, for requests refused before Apollo sees them. */
export function replyError(
  res: ServerResponse,
  status: number,
  message: string,
  code = 'BAD_USER_INPUT',
): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

export const BATCH_REFUSED = 'Batched requests are not accepted: send one operation per request.';

/** The 413 answer's words. */
export function tooLargeMessage(length: number, limit: number): string {
  return `The request body is ${Math.ceil(length / 1024)} KB; at most ${Math.floor(limit / 1024)} KB is allowed.`;
}

export const NOT_JSON = 'The request body is not valid JSON.';

/**
 * Runs one request's operation through Apollo Server and writes its answer. `body` is the parsed
 * JSON body (undefined for a GET, whose operation is in the query string).
 */
export async function runApollo<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  req: Request,
  res: Response,
  body: unknown,
  context: (req: Request, res: Response) => Promise<TContext>,
): Promise<void> {
  if (Array.isArray(body)) {
    replyError(res, 400, BATCH_REFUSED);
    return;
  }
  const headers = new HeaderMap();
  for (const key in req.headers) {
    const value = req.headers[key];
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: query >= 0 ? url.slice(query) : '',
      body,
    },
    context: () => context(req, res),
  });
  for (const [key, value] of answer.headers) res.setHeader(key, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    if (res.statusCode === 400 && acceptsOnlyLegacyJson(headers.get('accept'))) {
      res.statusCode = legacyJsonStatus(answer.body.string);
    }
    res.setHeader('content-length', Buffer.byteLength(answer.body.string));
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * Whether a client takes `application/json` but not `application/graphql-response+json`: a
 * client of the older convention, which reads every well-formed GraphQL answer with status 200.
 */
function acceptsOnlyLegacyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  return types.includes('application/json') && !types.includes('application/graphql-response+json');
}

/** GraphQL's own refusals of a well-formed request: the document or its variables. */
const GRAPHQL_REQUEST_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

/**
 * GraphQL over HTTP: with `application/json`, a well-formed request whose document does not
 * parse or validate, or whose variables do not coerce, SHOULD be answered with 200 (the errors
 * are in the body). Any other 400 (no query, a batch, a body that is not a GraphQL request) stays.
 */
function legacyJsonStatus(body: string): number {
  try {
    const parsed = JSON.parse(body) as {
      data?: unknown;
      errors?: { extensions?: { code?: unknown } }[];
    };
    if (parsed.data !== undefined || !parsed.errors?.length) return 400;
    const ours = parsed.errors.every((e) => GRAPHQL_REQUEST_ERRORS.has(String(e.extensions?.code)));
    return ours ? 200 : 400;
  } catch {
    return 400;
  }
}

/** Express's handler for `/graphql`, after its JSON body parser. */
export function apolloHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: Request, res: Response) => Promise<TContext>,
  onError: (error: unknown, res: Response) => void,
): (req: Request, res: Response) => void {
  return (req, res) => {
    runApollo(apollo, req, res, (req as { body?: unknown }).body, context).catch((error) =>
      onError(error, res),
    );
  };
}

/** Why a body could not be read, in body-parser's terms (so one error handler serves both). */
class BodyError extends Error {
  constructor(
    readonly type: 'entity.too.large' | 'entity.parse.failed' | 'request.aborted',
    readonly length = 0,
  ) {
    super(type);
  }
}

/** The body of a request, at most `limit` bytes, as UTF-8 text. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) {
      reject(new BodyError('entity.too.large', declared));
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const done = (error: Error | null) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onEnd);
      req.off('aborted', onAborted);
      if (error) reject(error);
      else
        resolve(
          chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'),
        );
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        // The rest is not read; the answer closes the connection (see GraphqlLane.serve).
        done(new BodyError('entity.too.large', Number.isFinite(declared) ? declared : received));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (error?: Error) => done(error ?? null);
    const onAborted = () => done(new BodyError('request.aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onEnd);
    req.on('aborted', onAborted);
  });
}

/**
 * JSON as body-parser reads it in its strict mode: an object or an array (an empty body is an
 * empty object), anything else refused.
 */
export function parseJsonBody(text: string): unknown {
  const first = /^[ \t\n\r]*(.)/s.exec(text)?.[1];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw new BodyError('entity.parse.failed');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError('entity.parse.failed');
  }
}

export interface GraphqlLaneOptions<TContext extends BaseContext> {
  /** The Express app whose request and response prototypes (req.ip, res.cookie…) the lane lends. */
  app: Express;
  apollo: ApolloServer<TContext>;
  context: (req: Request, res: Response) => Promise<TContext>;
  /**
   * What the app's first middlewares do for every request (request id, log line, security
   * headers), then `next` inside the request's async context.
   */
  begin: (req: Request, res: Response, next: () => void) => void;
  bodyLimit: number;
  onError: (error: unknown, res: Response) => void;
}

/** A content type body-parser's JSON parser takes, in its default UTF-8. */
const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export class GraphqlLane<TContext extends BaseContext> {
  constructor(private readonly options: GraphqlLaneOptions<TContext>) {}

  /** Whether the lane serves this request: a plain JSON POST to /graphql. */
  takes(req: IncomingMessage): boolean {
    if (req.method !== 'POST') return false;
    const url = req.url;
    if (url !== '/graphql' && !url?.startsWith('/graphql?')) return false;
    const type = req.headers['content-type'];
    if (type === undefined || !JSON_TYPE.test(type)) return false;
    const encoding = req.headers['content-encoding'];
    return encoding === undefined || encoding.toLowerCase() === 'identity';
  }

  handle(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const { app, begin } = this.options;
    // What Express's own first step does: its request and response methods on these objects.
    const req = Object.setPrototypeOf(incoming, app.request) as Request;
    const res = Object.setPrototypeOf(outgoing, app.response) as Response;
    (req as { res: Response }).res = res;
    (res as { req: Request }).req = req;
    res.locals = Object.create(null) as Response['locals'];
    begin(req, res, () => {
      this.serve(req, res).catch((error: unknown) => this.options.onError(error, res));
    });
  }

  private async serve(req: Request, res: Response): Promise<void> {
    const { apollo, bodyLimit, context } = this.options;
    let body: unknown;
    try {
      body = parseJsonBody(await readBody(req, bodyLimit));
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      if (error.type === 'request.aborted') {
        res.destroy();
        return;
      }
      if (error.type === 'entity.too.large') {
        // The rest of the body is not read: it would be taken for the next request.
        res.setHeader('connection', 'close');
        replyError(res, 413, tooLargeMessage(error.length, bodyLimit));
      } else {
        replyError(res, 400, NOT_JSON);
      }
      return;
    }
    await runApollo(apollo, req, res, body, context);
  }
}
