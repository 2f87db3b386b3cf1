import 'reflect-metadata';
import { ConfigError, loadConfig } from '../kernel/config.js';
import { seedDemoIfEmpty, printDemoLogins } from '../seed/demo.js';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { openKinerjaOrm } from '../api/entities.js';
import { ensureReferenceUnits } from '../seed/reference.js';
import { createLogger } from '../kernel/logger.js';

/**
 * `pnpm seed [--employees N] [--seed S] [--activities-per-person A]`: seeds the demo city (and
 * its year of plans and activities) into the configured database
 * (DATABASE_URL, or the embedded one in KINERJA_DATA_DIR) when it has no employees yet.
 */
function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

let config;
try {
  config = loadConfig({
    ...process.env,
    KINERJA_DEMO_EMPLOYEES: option('employees') ?? process.env.KINERJA_DEMO_EMPLOYEES,
    KINERJA_DEMO_SEED: option('seed') ?? process.env.KINERJA_DEMO_SEED,
    KINERJA_DEMO_ACTIVITIES: option('activities-per-person') ?? process.env.KINERJA_DEMO_ACTIVITIES,
  });
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
const logger = createLogger({ logLevel: 'warn' });
const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir, 4);
const orm = await openKinerjaOrm(config.databaseUrl ?? embedded!.url, 2);
const tty = process.stderr.isTTY;
let lastShown = '';
const progress = (step: string, done: number, total: number) => {
  const line = `Seeding ${step}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round((done / total) * 100)}%)`;
  if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || line.slice(0, 20) !== lastShown) process.stderr.write(`${line}\n`);
  lastShown = line.slice(0, 20);
};
try {
  const started = Date.now();
  await orm.getMigrator().up();
  await ensureReferenceUnits(orm.em.fork());
  const seeded = await seedDemoIfEmpty(orm, config, logger, progress);
  if (seeded) {
    const n = (x: number) => x.toLocaleString('en');
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    process.stdout.write(
      `Seeded ${n(seeded.employees)} employees (seed ${config.demoSeed}) in ${seconds(seeded.directoryMs)} s, ` +
        `then ${n(seeded.plans)} approved plans and ${n(seeded.activities)} activities in ${seconds(seeded.planningMs)} s ` +
        `(${n(Math.round(seeded.activities / (seeded.planningMs / 1000)))} activities/s); ${seconds(Date.now() - started)} s in all.\n`,
    );
  } else {
    process.stdout.write('The database already has employees; nothing was seeded.\n');
  }
  await printDemoLogins(orm.em.fork(), (line) => process.stdout.write(`${line}\n`));
} finally {
  await orm.close();
  await embedded?.close();
}
