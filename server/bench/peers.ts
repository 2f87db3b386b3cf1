import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

/**
 * The limit: the same employee page (with unit and supervisor, and the total) answered by
 * hand-written SQL through `pg` behind a bare `node:http` server, GraphQL-shaped JSON out.
 * No sign-in, no GraphQL parsing or validation: what is left is HTTP, SQL and JSON.
 */
export async function startHandWrittenSql(
  databaseUrl: string,
  poolSize: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const { unitId, first } = JSON.parse(Buffer.concat(chunks).toString()) as {
            unitId: string;
            first: number;
          };
          const unit = await pool.query<{ path: string }>(
            'select path from org_unit where id = $1',
            [unitId],
          );
          const like = `${unit.rows[0].path}%`;
          const [page, total] = await Promise.all([
            pool.query(
              `select e.id, e.nip, e.name, e.position_title, u.id as unit_id, u.name as unit_name,
                      s.id as supervisor_id, s.name as supervisor_name
                 from employee e
                 join org_unit u on u.id = e.org_unit_id
                 left join employee s on s.id = e.supervisor_id
                where e.active and u.path like $1
                order by e.name, e.id
                limit $2`,
              [like, first],
            ),
            pool.query<{ n: number }>(
              `select count(*)::int as n from employee e join org_unit u on u.id = e.org_unit_id
                where e.active and u.path like $1`,
              [like],
            ),
          ]);
          const nodes = page.rows.map((r: Record<string, string | null>) => ({
            id: r.id,
            nip: r.nip,
            name: r.name,
            positionTitle: r.position_title,
            orgUnit: { id: r.unit_id, name: r.unit_name },
            supervisor: r.supervisor_id ? { id: r.supervisor_id, name: r.supervisor_name } : null,
          }));
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ data: { employees: { totalCount: total.rows[0].n, nodes } } }));
        } catch (error) {
          res.statusCode = 500;
          res.end(String(error));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

/**
 * PostGraphile 4 (its CLI, in a child process) over the same database, for a peer: reads the
 * public schema by introspection and serves /graphql. Resolves once it answers.
 */
export async function startPostGraphile(
  databaseUrl: string,
  port: number,
  poolSize: number,
  log: (line: string) => void,
): Promise<{ url: string; child: ChildProcess; close(): Promise<void> }> {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('postgraphile/package.json')), 'cli.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      '--connection',
      databaseUrl,
      '--schema',
      'public',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--max-pool-size',
      String(poolSize),
      '--disable-query-log',
      '--disable-graphiql',
      '--no-setof-functions-contain-nulls',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostGraphile exited: ${output.slice(-2000)}`);
    try {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`PostGraphile did not answer within 60 s: ${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`PostGraphile 4 answering on ${url}`);
  return {
    url,
    child,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
