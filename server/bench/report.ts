import type { BenchResults } from './run.js';

const n0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '—');
const n1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const ms = (x: number) =>
  Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : Math.round(x).toString()) : '—';
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');

/** BENCHMARKS.md from one run's results. */
export function writeReport(r: BenchResults): string {
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const m = r.machine;
  line('# Benchmarks');
  line();
  line(
    `Written by \`pnpm bench${r.mode === 'quick' ? ' -- --quick' : ''}\` on ${r.date.slice(0, 16).replace('T', ' ')} UTC ` +
      `(commit ${m.commit}; ${r.mode} mode, ${r.durationSeconds} s per measurement, ${n0(r.totalSeconds)} s in all). ` +
      'Figures are reported, not asserted. How to run and read them: [docs/benchmarks.md](docs/benchmarks.md).',
  );
  line();
  line(
    `- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}; ` +
      `load average ${m.loadAverageAtStart.toFixed(1)} at the start` +
      (m.loadAverageAtStart > m.cores / 2 ? ' (other work was running: figures are noisy)' : ''),
  );
  line(`- Versions: Node.js ${m.node}, PostgreSQL ${m.postgres}`);
  const d = r.dataset;
  line(
    `- Dataset \`${d.name}\` (database \`${d.database}\`): ${n0(d.employees)} employees, ${d.activitiesPerPerson} activities each; ` +
      `${n0(d.totalRows)} rows, ${n0(d.databaseBytes / 2 ** 20)} MiB; ` +
      (d.seeded
        ? `seeded ${d.seededInThisRun ? 'in this run' : 'by an earlier run'} in ${n1(d.seeded.seconds)} s ` +
          `(${n0(d.seeded.rowsPerSecond)} rows/s; directory ${n1(d.seeded.directorySeconds)} s, ` +
          `plans, activities and appraisals ${n1(d.seeded.planningSeconds)} s)`
        : 'reused from an earlier run'),
  );
  line(
    `- Subjects: largest OPD ${r.subjects.largestOpd}; largest unit ${r.subjects.largestUnit}; ${r.subjects.opds} OPDs; ` +
      `busiest supervisor has ${r.subjects.busiestSupervisorReports} direct reports; checkpoint ${r.subjects.checkpoint}`,
  );
  line(
    '- Kinerja runs in the benchmark process (`createApp`, NODE_ENV=test because production refuses the public demo password, pool of 10; ' +
      'for the comparison with the limit and a peer, in a process of its own); the load generator ' +
      '(autocannon 8) and the WebSocket clients run in child processes on the same 127.0.0.1. ' +
      'Server CPU is CPU seconds per wall second (2.0 = both cores).',
  );
  line();

  line('## Queries');
  line();
  line(
    '| Query | Conc. | req/s | p50 ms | p95 ms | p99 ms | SQL/req | KiB/resp | server CPU | server RSS MiB | failed |',
  );
  line('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const q of r.queries) {
    for (const x of q.measurements) {
      line(
        `| ${q.name} | ${x.connections} | ${n0(x.requestsPerSecond)} | ${ms(x.latencyMs.p50)} | ${ms(x.latencyMs.p95)} | ` +
          `${ms(x.latencyMs.p99)} | ${x.sqlPerRequest === null ? '—' : n1(x.sqlPerRequest)} | ${n1(x.responseKiB)} | ` +
          `${x.serverCpuCores.toFixed(2)} | ${n0(x.serverPeakRssMiB)} | ${x.failed} |`,
      );
    }
  }
  line();
  for (const q of r.queries) line(`- **${q.name}**: ${q.description}`);
  line(
    `- **unitDashboard summary** (the work each unitDashboard subscriber does on each change, called in process): ` +
      `p50 ${ms(r.unitSummaryInProcess.p50Ms)} ms, p99 ${ms(r.unitSummaryInProcess.p99Ms)} ms, ` +
      `${n1(r.unitSummaryInProcess.statements)} SQL statements.`,
  );
  line();
  line('### SQL statements against list length');
  line();
  line('| Query | length | SQL statements |');
  line('|---|--:|--:|');
  for (const s of r.statementsByLength) line(`| ${s.query} | ${s.length} | ${s.statements} |`);
  line();

  line('## Against the limit and a peer');
  line();
  line(
    'Each server runs fresh in a process of its own (Kinerja as a second instance of the same code), is first warmed up for a few seconds, ' +
      (r.mode === 'quick'
        ? 'then measured in one short round per concurrency (quick mode), the servers in turn.'
        : 'then measured in three short rounds per concurrency taken in turn (the order reversed at every other round); each row is the ' +
          "server's round of median throughput."),
  );
  line();
  for (const peer of r.peers) {
    line(`### ${peer.name}`);
    line();
    line(`Same data, same page: ${peer.description}.`);
    line();
    const kinerja = peer.rows[0];
    const sql = peer.rows.find((x) => x.target.startsWith('hand-written'));
    const graphile = peer.rows.find((x) => x.target.startsWith('PostGraphile'));
    line(
      '| Server | Conc. | req/s | p50 ms | p95 ms | p99 ms | SQL/req | server CPU | Kinerja p50 ÷ this p50 | Kinerja req/s ÷ this req/s |',
    );
    line('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const row of peer.rows) {
      row.measurements.forEach((x, i) => {
        const k = kinerja.measurements[i];
        line(
          `| ${row.target} | ${x.connections} | ${n0(x.requestsPerSecond)} | ${ms(x.latencyMs.p50)} | ${ms(x.latencyMs.p95)} | ` +
            `${ms(x.latencyMs.p99)} | ${x.sqlPerRequest === null ? '—' : n1(x.sqlPerRequest)} | ` +
            `${x.serverCpuCores.toFixed(2)} | ${ratio(k.latencyMs.p50 / x.latencyMs.p50)} | ${ratio(k.requestsPerSecond / x.requestsPerSecond)} |`,
        );
      });
    }
    line();
    const c1 = (rows?: { measurements: BenchResults['queries'][0]['measurements'] }) =>
      rows?.measurements;
    if (sql)
      line(
        `- Target "p50 within 2× of hand-written SQL": ${kinerja.measurements
          .map(
            (k, i) => `c=${k.connections}: ${ratio(k.latencyMs.p50 / c1(sql)![i].latencyMs.p50)}`,
          )
          .join(', ')}.`,
      );
    if (graphile)
      line(
        `- Target "throughput ≥ PostGraphile's": ${kinerja.measurements
          .map(
            (k, i) =>
              `c=${k.connections}: ${ratio(k.requestsPerSecond / c1(graphile)![i].requestsPerSecond)}`,
          )
          .join(', ')}.`,
      );
    line();
  }
  if (r.peers.length > 0) {
    line(
      '- The hand-written server does no sign-in, no GraphQL parsing or validation and no access checks; ' +
        'PostGraphile runs without authentication (as superuser) in its own process. Kinerja checks ' +
        'the bearer token on every request: one SQL statement when the server does not remember it ' +
        '(it remembers a token for KINERJA_SESSION_CACHE_SECONDS, 30 s), and access checks on every row.',
    );
  } else {
    line('Not measured in this run.');
  }
  line();

  line('## What batching buys (DataLoaders off)');
  line();
  if (r.dataLoadersOff.length > 0) {
    line(
      'The same requests on a second Kinerja started with `KINERJA_DATALOADER_BATCHING=off`: each relation a list resolves is then its own SQL statement (repeated keys are still cached within a request).',
    );
    line();
    line(
      '| Query | Conc. | req/s batched | req/s not batched | p50 ms batched | p50 ms not batched | SQL/req batched | SQL/req not batched |',
    );
    line('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const off of r.dataLoadersOff) {
      const on = r.queries.find((q) => q.name === off.name);
      for (const [i, m] of off.measurements.entries()) {
        const b = on?.measurements[i];
        line(
          `| ${off.name} | ${m.connections} | ${b ? n0(b.requestsPerSecond) : '—'} | ${n0(m.requestsPerSecond)} | ${b ? ms(b.latencyMs.p50) : '—'} | ${ms(m.latencyMs.p50)} | ${b?.sqlPerRequest?.toFixed(1) ?? '—'} | ${m.sqlPerRequest?.toFixed(1) ?? '—'} |`,
        );
      }
    }
  } else {
    line('Not measured in this run.');
  }
  line();

  line('## Subscription fan-out');
  line();
  if (r.fanout.length > 0) {
    line(
      'One event committed to the database (an outbox row and NOTIFY, as a real change writes) must reach every subscriber; ' +
        'latency is from sending the COMMIT to each client receiving its message (the server shares the event loop of the process that commits, so the time after COMMIT returns would come too late). The floor is a bare `ws` server ' +
        'in the same process sending the same payload to as many sockets of the same client process, timed from the first send.',
    );
    line();
    line(
      '| Subscription | clients (accounts) | received | p50 ms | p99 ms | floor p50 ms | floor p99 ms | p99 ÷ floor p99 | server RSS/conn KiB | heap/conn KiB | connect s |',
    );
    line('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const f of r.fanout) {
      const last = f.rounds.at(-1);
      const floor = f.floorRounds.at(-1);
      const worstP99 = Math.max(...f.rounds.map((x) => x.p99Ms));
      const floorP99 = Math.max(...f.floorRounds.map((x) => x.p99Ms));
      line(
        `| ${f.subscription}${f.instances > 1 ? ` (${f.instances} processes)` : ''} | ${n0(f.opened)} of ${n0(f.clients)} (${n0(f.accounts)}) | ${last ? `${last.received}/${last.expected}` : '—'} | ` +
          `${ms(Math.max(...f.rounds.map((x) => x.p50Ms)))} | ${ms(worstP99)} | ${ms(floor?.p50Ms ?? NaN)} | ${ms(floorP99)} | ` +
          `${ratio(worstP99 / floorP99)} | ${f.serverRssPerConnectionKiB > 0 ? n1(f.serverRssPerConnectionKiB) : '—'} | ${n1(f.serverHeapPerConnectionKiB)} | ${n1(f.connectSeconds)} |`,
      );
    }
    line();
    line(
      '- RSS per connection is left out (—) when the process gave memory back during the measurement (after a larger run); the heap figure still holds; and for the run split over two processes, where the other process holds half the connections. ' +
        'Latencies are the worst of the timed rounds (3 for myPerformance, 2 for unitDashboard, after a warm-up round). unitDashboard coalesces changes for 250 ms by design ' +
        '("at most about four a second") and then computes the unit summary once, shared by all its subscribers, so its floor is 250 ms plus that work.',
    );
    line(
      '- Targets: 10,000 myPerformance subscribers on one process, p99 within 3× of the floor, < 64 KB per connection. ' +
        "For comparison, Hasura publishes 10,000 live queries on 2 vCPU with latency under 1 s (Hasura's live queries poll the database; these are pushed).",
    );
  } else {
    line('Not measured in this run.');
  }
  line();

  line('## Query plans');
  line();
  if (r.explain) {
    line(
      `EXPLAIN (ANALYZE, BUFFERS) of every SQL statement the hot operations ran, on \`${r.explain.dataset}\` ` +
        `(${r.explain.statements.length} distinct statements; full plans in the JSON results).`,
    );
    line();
    line('| Operation | execution ms | sequential scans (rows kept) | statement |');
    line('|---|--:|---|---|');
    for (const e of r.explain.statements) {
      const sql = e.sql.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
      line(
        `| ${e.operation} | ${ms(e.executionMs)} | ${e.seqScans.map((x) => `${x.table} (${n0(x.rows)})`).join(', ') || '—'} | \`${sql.length > 140 ? `${sql.slice(0, 140)}…` : sql}\` |`,
      );
    }
    line();
    if (r.explain.largeSeqScans.length === 0)
      line('No statement scans a table of 10,000 rows or more sequentially.');
    else {
      line(
        'Sequential scans of tables of 10,000 rows or more (see docs/benchmarks.md for the suggested indexes):',
      );
      line();
      for (const x of r.explain.largeSeqScans)
        line(`- ${x.operation}: \`${x.table}\` (${n0(x.rows)} rows kept by the scan's filter)`);
    }
  } else {
    line('Not run.');
  }
  line();
  if (r.notes.length > 0) {
    line('## Notes from this run');
    line();
    for (const note of r.notes) line(`- ${note}`);
    line();
  }
  return out.join('\n');
}
