/**
 * The hand-written SQL server (peers.ts) in its own process, for the peer comparison: forked with
 * DATABASE_URL set, it reports `{ url }` over IPC once listening and closes on `'close'` (or when
 * the parent goes away). Like Kinerja and PostGraphile there, it runs fresh, alone in its process.
 */
import { startHandWrittenSql } from './peers.js';

const server = await startHandWrittenSql(process.env.DATABASE_URL!, 10);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('message', (message) => {
  if (message === 'close') void stop();
});
process.on('disconnect', () => void stop());
process.send?.({ url: server.url });
