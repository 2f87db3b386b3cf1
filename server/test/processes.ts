import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server run as in production, `node <build>/src/main.js`, as child processes a test can stop
 * with SIGTERM or kill -9. Each test file builds into its own folder (`dist-test/<name>`), so
 * files running in parallel never read a build another is writing.
 */
const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Compiles the server into dist-test/<name> and returns the path of its main.js. */
export function buildServer(name: string): string {
  const outDir = path.join(serverRoot, 'dist-test', name);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], {
    cwd: serverRoot,
    stdio: 'pipe',
  });
  return path.join(outDir, 'src', 'main.js');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  exited: Promise<Exit>;
}

const children = new Set<ChildProcess>();

/** Kills (-9) every server process still running; for afterAll. */
export function killAllServers(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * Starts `node <mainJs>` on `port` with `env` (over the test's own) and waits until /readyz
 * answers 200. Throws, with the server's output, if it exits or is not ready within a minute.
 */
export async function startServer(
  mainJs: string,
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [mainJs], {
    cwd: serverRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`The server exited while starting:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The server did not become ready:\n${output}`);
    const status = await fetch(`${url}/readyz`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url, port, output: () => output, exited };
}

/** The server's exit, or 'timeout' if it has not exited within `ms`. */
export async function waitForExit(server: ServerProcess, ms: number): Promise<Exit | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const result = await Promise.race([server.exited, timeout]);
  clearTimeout(timer);
  return result;
}

export function removeBuild(name: string): void {
  fs.rmSync(path.join(serverRoot, 'dist-test', name), { recursive: true, force: true });
}
