import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Longest wait for the socket server's client connections to end when closing. */
const SOCKET_SERVER_STOP_TIMEOUT_MS = 3_000;

export interface EmbeddedDatabase {
  /** postgres:// URL of the socket server in front of PGlite. */
  url: string;
  close(): Promise<void>;
}

/** The file in a data directory naming the process whose server has it open. */
export const PID_FILE = 'kinerja.pid';

function isLive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A reused pid after a reboot is some other program: only a Node.js process counts.
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc: believe it
  }
}

/**
 * The process that has a Kinerja server open on `dataDir`, or null when none does (no pid file,
 * or one left by a process that is gone, as after kill -9).
 */
export function dataDirInUse(dataDir: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, PID_FILE), 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return isLive(pid) ? pid : null;
}

/**
 * Makes sure PGlite can keep its files in `dataDir`: creates it when missing, and refuses with a
 * sentence naming the directory and what is missing when it cannot be created, is not a
 * directory, or is not readable and writable by this process (PGlite itself only says it
 * "failed to initialize properly").
 */
export function checkDataDir(dataDir: string): void {
  const fix = 'Set KINERJA_DATA_DIR to a directory this user may write, or change its permissions.';
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new Error(`The data directory ${dataDir} is a file, not a directory. ${fix}`);
  }
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(`The data directory ${dataDir} cannot be created (${code}). ${fix}`, {
      cause: error,
    });
  }
  try {
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    const user = process.getuid?.() ?? 'this user';
    throw new Error(
      `The data directory ${dataDir} is not readable and writable by this process (uid ${user}). ${fix}`,
    );
  }
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
  if (dataDir) {
    checkDataDir(dataDir);
    const owner = dataDirInUse(dataDir);
    if (owner !== null) {
      // Two processes on one PGlite directory would corrupt it.
      throw new Error(
        `The data directory ${dataDir} is in use by another Kinerja server (process ${owner}). Stop it, or set KINERJA_DATA_DIR to another directory.`,
      );
    }
    fs.writeFileSync(path.join(dataDir, PID_FILE), `${process.pid}\n`);
  }
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
      if (dataDir) fs.rmSync(path.join(dataDir, PID_FILE), { force: true });
    },
  };
}
