import { pino, type DestinationStream, type Logger } from 'pino';
// A CommonJS module: its class is a property of the default export in Node's ESM.
import sonicBoom from 'sonic-boom';
import type { Config } from './config.js';

export type { Logger };

/** Log bytes waiting for a slow reader beyond which lines are dropped rather than queued. */
const MAX_PENDING_BYTES = 1024 * 1024;

/**
 * Standard output that never blocks the process. pino's default destination writes
 * synchronously and, when the reader stops reading (a full pipe), retries in a sleeping loop for
 * ever, on every log line and again at exit: a vanished or stuck log reader froze the server
 * and SIGTERM could not end it. Here the lines are written asynchronously, off the main thread;
 * while more than 1 MiB waits, lines are dropped and counted (the count is logged once the
 * reader catches up); after EPIPE nothing more is written. Nothing is flushed synchronously at
 * exit: losing the last lines beats never exiting.
 */
export function nonBlockingStdout(fd = 1): DestinationStream {
  // Node opens its standard output on a pipe in non-blocking mode: a write to a full pipe then
  // fails with EAGAIN (retried later) instead of waiting in a thread for ever, which also kept
  // the process from exiting (it waits for its threads). So open it first.
  if (fd === 1) void process.stdout;
  const stream = new sonicBoom.SonicBoom({ fd, sync: false, maxLength: MAX_PENDING_BYTES });
  let dropped = 0;
  let failed = false;
  stream.on('drop', () => {
    dropped++;
  });
  stream.on('error', () => {
    // EPIPE and the like: the reader is gone for good.
    failed = true;
  });
  return {
    write(line: string) {
      if (failed) return;
      if (dropped > 0 && stream.write(droppedLine(dropped))) dropped = 0;
      stream.write(line);
    },
  };
}

function droppedLine(dropped: number): string {
  return `${JSON.stringify({
    level: 40,
    time: new Date().toISOString(),
    service: 'kinerja',
    dropped,
    msg: 'log lines dropped: the log reader was not keeping up',
  })}\n`;
}

let stdout: DestinationStream | null = null;

/** Structured JSON logs, one object per line, to standard output unless told otherwise. */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  destination: DestinationStream = (stdout ??= nonBlockingStdout()),
): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'kinerja' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'password', 'token'],
    },
    destination,
  );
}
