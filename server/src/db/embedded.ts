import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Longest wait for the socket server's client connections to end when closing. */
const SOCKET_SERVER_STOP_TIMEOUT_MS = 3_000;

export interface EmbeddedDatabase {
  /** postgres:// URL of the socket server in front of PGlite. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts PGlite in this process (persisted under `dataDir`, or in memory when null) behind a
 * PostgreSQL wire-protocol socket on 127.0.0.1, so MikroORM and `pg` use it exactly like a server.
 * PGlite runs one query at a time; the socket server queues the pool's connections onto it.
 */
export async function startEmbeddedDatabase(
  dataDir: string | null,
  maxConnections: number,
): Promise<EmbeddedDatabase> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:port"
  const port = Number(conn.split(':').pop());
  if (!Number.isInteger(port) || port <= 0) {
    await server.stop();
    await db.close();
    throw new Error(`Embedded database did not report a port (got "${conn}").`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async close() {
      // stop() resolves only once every client connection has ended. The app closes its pool
      // first, so that is at once; a connection still stuck in a query is dropped after a while
      // rather than keeping the files open for ever. PGlite is then closed (flushed) regardless.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        server.stop(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SOCKET_SERVER_STOP_TIMEOUT_MS);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
      await db.close();
    },
  };
}
