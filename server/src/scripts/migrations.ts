import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { openKinerjaOrm } from '../api/entities.js';
import { migrationsSourceDir } from '../db/orm.js';

/**
 * `create [name]`: writes a migration for the difference between the entities and the
 * committed snapshot, and lists it in migrations/index.ts.
 * `check`: on a fresh database, applies every migration and fails if the entities still differ
 * from the result (a missing migration) or from the snapshot (a stale snapshot).
 */
const [command = 'check', name] = process.argv.slice(2);
const db = await startEmbeddedDatabase(null, 4);
const orm = await openKinerjaOrm(process.env.MIGRATION_DATABASE_URL ?? db.url, 2);
let failed = false;
try {
  const migrator = orm.getMigrator();
  if (command === 'create') {
    await migrator.up();
    const result = await migrator.createMigration(migrationsSourceDir, false, false, name);
    if (!result.fileName) {
      process.stdout.write('No changes: the entities match the migrations.\n');
    } else {
      const className = result.fileName.replace(/\.ts$/, '');
      const indexFile = path.join(migrationsSourceDir, 'index.ts');
      let index = fs.readFileSync(indexFile, 'utf8');
      index = `import { ${className} } from './${className}.js';\n${index}`.replace(
        /(migrationsList: MigrationObject\[\] = \[)([^\]]*)\]/,
        (_m, head: string, body: string) =>
          `${head}${body.trim() ? `${body.trimEnd()}\n` : '\n'}  { name: '${className}', class: ${className} },\n]`,
      );
      fs.writeFileSync(indexFile, index);
      process.stdout.write(`Wrote ${result.fileName} and listed it in migrations/index.ts.\n`);
    }
  } else if (command === 'check') {
    await migrator.up();
    const diff = await orm.schema.getUpdateSchemaSQL({
      wrap: false,
      safe: false,
      dropTables: true,
    });
    if (diff.trim()) {
      failed = true;
      process.stderr.write(
        `The entities differ from what the migrations build; run pnpm migration:create.\n${diff}\n`,
      );
    }
    if (await migrator.checkMigrationNeeded()) {
      failed = true;
      process.stderr.write('The migration snapshot is stale; run pnpm migration:create.\n');
    }
    if (!failed) process.stdout.write('Migrations and snapshot match the entities.\n');
  } else {
    throw new Error(`Unknown command "${command}"; use create or check.`);
  }
} finally {
  await orm.close();
  await db.close();
}
process.exit(failed ? 1 : 0);
