/**
 * The hand-written SQL server (peers.ts) in its own process, for the peer comparison: forked with
 * DATABASE_URL set (see child.ts; it counts no statements). Like Kinerja and PostGraphile there,
 * it runs fresh, alone in its process.
 */
import { serveToParent } from './child.js';
import { startHandWrittenSql } from './peers.js';

const server = await startHandWrittenSql(process.env.DATABASE_URL!, 10);
serveToParent(server.url, () => server.close());
