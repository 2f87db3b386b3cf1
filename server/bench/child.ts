/**
 * The life of a server the benchmark forks (instance.ts, hand-written.ts): it reports `{ url }`
 * over IPC once listening, answers `'stats'` with `{ statements }` when it counts them, and closes
 * on `'close'` or when the parent goes away.
 */
export function serveToParent(
  url: string,
  close: () => Promise<void>,
  statements?: () => number,
): void {
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'close') void stop();
    if (message === 'stats' && statements) process.send?.({ statements: statements() });
  });
  process.on('disconnect', () => void stop());
  process.send?.({ url });
}
