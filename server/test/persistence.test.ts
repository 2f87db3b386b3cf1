import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gql, postgresUrl, seedDirectory, signIn, startTestApp } from './helpers.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-persist-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(Boolean(postgresUrl))('the embedded database', () => {
  // Skipped on PostgreSQL runs: there the database outlives the server by nature; this is about PGlite's files.
  it('keeps all data when the server restarts on the same data directory', async () => {
    const first = await startTestApp({ dataDir });
    const dir = await seedDirectory(first.app, 300);
    const token = await signIn(first.url, dir.logins.employee, dir.password);
    const before = await gql(
      first.url,
      '{ employees { totalCount } orgUnits { id } }',
      {},
      { token },
    );
    await first.close();

    const second = await startTestApp({ dataDir });
    try {
      const ready = await fetch(`${second.url}/readyz`);
      expect(ready.status).toBe(200);
      const after = await gql(
        second.url,
        '{ employees { totalCount } orgUnits { id } }',
        {},
        { token },
      );
      expect(after.errors).toBeUndefined();
      expect(after.data).toEqual(before.data);
      expect(after.data!.employees.totalCount).toBe(300);
    } finally {
      await second.close();
    }
  });
});
