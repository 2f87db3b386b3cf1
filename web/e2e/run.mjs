// Browser tests of the dashboard against the real server on the embedded database with demo data.
//
// Builds nothing: run `pnpm build` first (server/dist and web/build). Starts the server on a free
// port with a fresh data directory, reads the demo logins it prints, drives Debian's Chromium with
// playwright-core, saves a screenshot of each main page under web/e2e/screenshots/ and ends with
// "N passed, N failed" (exit code 1 when anything failed).
//
//   node web/e2e/run.mjs            (from the repository root)
//   pnpm --filter @kinerja/web e2e  (the same, through the web package's script)
//
// Environment: CHROMIUM (default /usr/bin/chromium), E2E_EMPLOYEES (default 400), E2E_ONLY (run
// only tests whose name contains it), E2E_KEEP=1 (keep the data directory for a look afterwards),
// E2E_SERVER (another built server entry instead of server/dist/src/main.js).

/* global document, HTMLCanvasElement -- used inside page.evaluate(), which runs in the browser */

import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const screenshots = join(here, 'screenshots');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const employees = process.env.E2E_EMPLOYEES ?? '400';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts `node server/dist/src/main.js` with demo data and resolves once it says where it runs,
 * with the demo logins it printed ({ HR_ADMIN: { nip, password }, … }).
 */
async function startServer(dataDir, port) {
  const entry = process.env.E2E_SERVER ?? join(root, 'server/dist/src/main.js');
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      ...process.env,
      KINERJA_DEMO: '1',
      KINERJA_DEMO_EMPLOYEES: employees,
      KINERJA_DATA_DIR: dataDir,
      PORT: String(port),
      KINERJA_WEB_DIR: join(root, 'web/build'),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logins = {};
  let output = '';
  const url = await new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`The server did not start within 180 s. Its output:\n${output}`)),
      180_000,
    );
    const read = (chunk) => {
      output += chunk;
      for (const match of output.matchAll(/^Demo login: (\w+) (\d{18}) \/ (\S+)$/gm)) {
        logins[match[1]] = { nip: match[2], password: match[3] };
      }
      const running = /Kinerja is running at (http:\/\/\S+?) /.exec(output);
      if (running) {
        clearTimeout(timer);
        done(running[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(
        new Error(
          `The server stopped (exit code ${code}) before it started. Its output:\n${output}`,
        ),
      );
    });
  });
  return { child, url, logins };
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timeout = new Promise((done) => setTimeout(() => done('timeout'), 15_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}

/** A browser of its own (own process, fresh user-data-dir) for one person. */
async function openBrowser(baseURL) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'kinerja-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

async function signIn(page, login) {
  await page.goto('/login');
  await page.locator('#nip').fill(login.nip);
  await page.locator('#password').fill(login.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** GraphQL operations the page sends, by operation name, from now on. */
function recordOperations(page) {
  const names = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    try {
      names.push(JSON.parse(request.postData() ?? '{}').operationName ?? '?');
    } catch {
      names.push('?');
    }
  });
  return names;
}

// ---------------------------------------------------------------------------------------------

const tests = [];
function test(name, run) {
  tests.push({ name, run });
}

const loggedDescription = `Uji E2E: memutakhirkan rekap data ${Date.now().toString(36)}`;

test('every demo login signs in and sees its own first page', async ({ url, logins }) => {
  for (const role of ['EMPLOYEE', 'SUPERVISOR', 'UNIT_ADMIN', 'HR_ADMIN', 'AUDITOR']) {
    const login = logins[role];
    assert(login, `The server printed no demo login for ${role}.`);
    const browser = await openBrowser(url);
    try {
      await signIn(browser.page, login);
      await browser.page.getByRole('heading', { level: 1, name: 'Kinerja saya' }).waitFor();
      await browser.page.getByRole('heading', { name: 'Langkah Anda' }).waitFor();
      await browser.page.getByRole('heading', { name: 'Kirim laporan bulanan' }).waitFor();
      // Times are shown in Denpasar time.
      await browser.page.getByText(/WITA/).first().waitFor();
      await shot(browser.page, `home-${role.toLowerCase()}`);
      assert(browser.problems.length === 0, browser.problems.join('\n'));
    } finally {
      await browser.close();
    }
  }
});

test("the employee's first page loads with at most 3 GraphQL requests", async ({ url, logins }) => {
  const browser = await openBrowser(url);
  try {
    await signIn(browser.page, logins.EMPLOYEE);
    await browser.page.getByRole('heading', { name: 'Langkah Anda' }).waitFor();
    await browser.page.waitForLoadState('networkidle');
    // A fresh load of the page, as when the person opens the app again.
    const operations = recordOperations(browser.page);
    await browser.page.reload();
    await browser.page.getByRole('heading', { name: /^Aktivitas / }).waitFor();
    await browser.page.waitForLoadState('networkidle');
    assert(
      operations.length <= 3,
      `The first page sent ${operations.length} requests: ${operations.join(', ')}`,
    );
    // Phone width: nothing wider than the screen.
    await browser.page.setViewportSize({ width: 375, height: 800 });
    const overflow = await browser.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert(overflow <= 0, `At phone width the page is ${overflow}px wider than the screen.`);
    await shot(browser.page, 'home-employee-phone');
  } finally {
    await browser.close();
  }
});

test("an activity the employee logs appears in the supervisor's queue, and approving it shows on the employee's page", async ({
  url,
  logins,
}) => {
  const employee = await openBrowser(url);
  const supervisor = await openBrowser(url);
  try {
    // The supervisor has the queue open before the activity exists.
    await signIn(supervisor.page, logins.SUPERVISOR);
    await supervisor.page.goto('/antrian');
    await supervisor.page.getByRole('heading', { level: 1, name: 'Antrian penilaian' }).waitFor();

    await signIn(employee.page, logins.EMPLOYEE);
    const form = employee.page.locator('form', {
      has: employee.page.locator('#activity-description'),
    });
    await form.waitFor();
    await employee.page.locator('#activity-description').fill(loggedDescription);
    if (await employee.page.locator('#activity-output').isVisible()) {
      await employee.page.locator('#activity-output').fill('1');
    }
    await employee.page
      .locator('#activity-link-0')
      .fill('https://drive.denpasarkota.go.id/e2e/bukti.pdf');
    await employee.page.getByRole('button', { name: 'Catat aktivitas' }).click();
    await employee.page.getByText(/tercatat dan menunggu penilaian/).waitFor();
    const logged = employee.page.locator('.activities li', { hasText: loggedDescription });
    await logged.getByText('Menunggu penilaian').waitFor();
    await shot(employee.page, 'home-after-logging');

    // Live: the activity appears in the supervisor's open queue without a reload.
    const item = supervisor.page.locator('li.activity', { hasText: loggedDescription });
    await item.waitFor();
    await shot(supervisor.page, 'queue-supervisor');
    await item.getByRole('button', { name: /^Setujui/ }).click();
    await supervisor.page.getByText('Aktivitas disetujui.').waitFor();
    await item.waitFor({ state: 'detached' });

    // Live: the approval shows on the employee's page without a reload.
    await employee.page
      .locator('.activities li', { hasText: loggedDescription })
      .getByText('Disetujui')
      .waitFor();
    await shot(employee.page, 'home-after-approval');
    assert(employee.problems.length === 0, employee.problems.join('\n'));
    assert(supervisor.problems.length === 0, supervisor.problems.join('\n'));
  } finally {
    await employee.close();
    await supervisor.close();
  }
});

test('a unit dashboard renders its distribution chart', async ({ url, logins }) => {
  const browser = await openBrowser(url);
  try {
    await signIn(browser.page, logins.UNIT_ADMIN);
    await browser.page.getByRole('link', { name: 'Dasbor unit' }).click();
    await browser.page.waitForURL(/\/unit\//);
    await browser.page.getByRole('heading', { name: /^Distribusi predikat/ }).waitFor();
    const chart = browser.page.locator('.chart canvas').first();
    await chart.waitFor();
    // Drawn: the canvas has a size and some pixels are not blank.
    await browser.page.waitForFunction(() => {
      const canvas = document.querySelector('.chart canvas');
      if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0) return false;
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return pixels ? pixels.some((value, i) => i % 4 === 3 && value > 0) : false;
    });
    await browser.page.getByRole('heading', { name: 'Aturan pola' }).waitFor();
    await browser.page.locator('table.people tbody tr').first().waitFor();
    await shot(browser.page, 'unit-dashboard');
    assert(browser.problems.length === 0, browser.problems.join('\n'));
  } finally {
    await browser.close();
  }
});

test('the BKPSDM pages open for an HR admin', async ({ url, logins }) => {
  const browser = await openBrowser(url);
  try {
    await signIn(browser.page, logins.HR_ADMIN);
    const pages = [
      ['kota', /Ringkasan kota/],
      ['periode', /Periode/],
      ['predikat-organisasi', /Predikat organisasi/],
      ['pola-distribusi', /Pola distribusi/],
      ['akun', /Akun dan peran/],
      ['klien-api', /Klien API/],
      ['jejak-audit', /Jejak audit/],
      ['pengaturan', /Pengaturan aturan/],
    ];
    for (const [path, heading] of pages) {
      await browser.page.goto(`/bkpsdm/${path}`);
      await browser.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await browser.page.waitForLoadState('networkidle');
      assert(
        (await browser.page.locator('.load-error').count()) === 0,
        `/bkpsdm/${path} shows a loading error.`,
      );
      await shot(browser.page, `bkpsdm-${path}`);
    }
    assert(browser.problems.length === 0, browser.problems.join('\n'));
  } finally {
    await browser.close();
  }
});

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens the page afresh and counts the GraphQL requests of its first view (`ready` waits for
 * it); then checks that nothing is wider than a phone's screen and saves both screenshots.
 */
async function firstViewAtPhoneWidth(page, ready, name) {
  // Through a blank page, so that what the previous page still had in flight (a reload would
  // let it finish) is not counted as this page's.
  const address = page.url();
  await page.goto('about:blank');
  const operations = recordOperations(page);
  await page.goto(address);
  await ready();
  await page.waitForLoadState('networkidle');
  assert(
    operations.length <= 3,
    `${page.url()} sent ${operations.length} requests for its first view: ${operations.join(', ')}`,
  );
  assert((await page.locator('.load-error').count()) === 0, `${page.url()} shows a loading error.`);
  await shot(page, name);
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert(overflow <= 0, `At phone width ${page.url()} is ${overflow}px wider than the screen.`);
  await shot(page, `${name}-phone`);
  if (desktop) await page.setViewportSize(desktop);
}

test('development: my JP, gaps and recommendations; unit and team development; the catalogue and the talent grid', async ({
  url,
  logins,
}) => {
  // The employee: JP progress, a recommendation with its reason, and enrolling in it.
  const employee = await openBrowser(url);
  let enrolledTitle;
  try {
    const page = employee.page;
    await signIn(page, logins.EMPLOYEE);
    await page.getByRole('link', { name: 'Pengembangan', exact: true }).click();
    await page.waitForURL(/\/pengembangan$/);
    const ready = async () => {
      await page.getByRole('heading', { level: 1, name: 'Pengembangan saya' }).waitFor();
      await page.getByRole('progressbar', { name: /JP tahun ini/ }).waitFor();
    };
    await ready();
    const recommendations = page.locator(
      'section[aria-labelledby="recommendations-title"] ol > li',
    );
    await recommendations.first().waitFor();
    const reason = (await recommendations.first().locator('.reason').innerText()).trim();
    assert(/dibutuhkan/.test(reason), `The first recommendation's reason is "${reason}".`);
    await page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();
    await firstViewAtPhoneWidth(page, ready, 'development-employee');

    const open = recommendations.filter({
      has: page.getByRole('button', { name: /^Daftar/, disabled: false }),
    });
    const chosen = open.first();
    enrolledTitle = (await chosen.locator('h3').innerText()).trim();
    await chosen.getByRole('button', { name: /^Daftar/ }).click();
    await page.getByText(`Anda terdaftar di ${enrolledTitle}.`).waitFor();
    await page
      .locator('section[aria-labelledby="enrolments-title"] li', { hasText: enrolledTitle })
      .getByText('Terdaftar', { exact: true })
      .waitFor();
    await shot(page, 'development-employee-enrolled');
    assert(employee.problems.length === 0, employee.problems.join('\n'));
  } finally {
    await employee.close();
  }

  // The supervisor: their unit's figures and the people they assess, from the unit dashboard, in
  // one request for the unit; assigning a training to one of them.
  const supervisor = await openBrowser(url);
  try {
    const page = supervisor.page;
    await signIn(page, logins.SUPERVISOR);
    await page.getByRole('link', { name: 'Dasbor unit' }).click();
    await page.waitForURL(/\/unit\/[^/]+$/);
    const operations = recordOperations(page);
    await page.getByRole('link', { name: 'Pengembangan kompetensi' }).click();
    await page.waitForURL(/\/unit\/[^/]+\/pengembangan$/);
    const team = page.locator('section[aria-labelledby="team-title"] .people li');
    const ready = async () => {
      await page.getByRole('heading', { name: /^Pegawai dengan 20 JP/ }).waitFor();
      await page.getByRole('heading', { name: 'Kompetensi terlemah' }).waitFor();
      await page.getByRole('heading', { name: 'Tim yang Anda nilai' }).waitFor();
      await team.first().waitFor();
    };
    await ready();
    await page.waitForLoadState('networkidle');
    const unitRequests = operations.filter((name) => name === 'UnitDevelopment');
    assert(
      unitRequests.length === 1 && operations.every((name) => !/^Team/.test(name)),
      `The supervisor's view asked ${operations.join(', ')}; expected one UnitDevelopment request.`,
    );
    const standings = (await team.locator('.jp').allInnerTexts()).map((text) => text.trim());
    assert(
      standings.every((text) => /JP/.test(text)),
      `Not every person the supervisor assesses shows their JP: ${standings.join(' | ')}`,
    );
    await firstViewAtPhoneWidth(page, ready, 'development-team');

    await team.first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Pengembangan / }).waitFor();
    const assignable = page
      .locator('section[aria-labelledby="recommendations-title"] ol > li')
      .filter({ has: page.getByRole('button', { name: /^Tugaskan/ }) });
    await assignable.first().waitFor();
    await assignable
      .first()
      .getByRole('button', { name: /^Tugaskan/ })
      .click();
    await page.getByText(/^Ditugaskan kepada /).waitFor();
    await shot(page, 'development-supervisor-assigned');
    assert(supervisor.problems.length === 0, supervisor.problems.join('\n'));
  } finally {
    await supervisor.close();
  }

  // The unit admin: the whole OPD's JP progress, weakest competencies and who is behind.
  const unitAdmin = await openBrowser(url);
  try {
    const page = unitAdmin.page;
    await signIn(page, logins.UNIT_ADMIN);
    await page.getByRole('link', { name: 'Dasbor unit' }).click();
    await page.getByRole('link', { name: 'Pengembangan kompetensi' }).click();
    const ready = async () => {
      await page.getByRole('heading', { name: /^Pegawai dengan 20 JP/ }).waitFor();
      await page.getByRole('heading', { name: 'Kompetensi terlemah' }).waitFor();
      await page.getByRole('heading', { name: /^Belum mencapai 20 JP/ }).waitFor();
    };
    await ready();
    await firstViewAtPhoneWidth(page, ready, 'development-unit');
    assert(unitAdmin.problems.length === 0, unitAdmin.problems.join('\n'));
  } finally {
    await unitAdmin.close();
  }

  // The HR admin: the catalogue (adding a training, recording the employee's completion) and the
  // talent grid with counts per box and the people of one box.
  const hr = await openBrowser(url);
  try {
    const page = hr.page;
    await signIn(page, logins.HR_ADMIN);
    await page.goto('/bkpsdm/pelatihan');
    const trainings = page.locator('ul.trainings > li');
    const catalogueReady = async () => {
      await page.getByRole('heading', { level: 1, name: 'Pelatihan' }).waitFor();
      await trainings.first().waitFor();
    };
    await catalogueReady();
    await firstViewAtPhoneWidth(page, catalogueReady, 'bkpsdm-pelatihan');

    const title = `Uji E2E: Pelatihan Menulis Naskah Dinas ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Tambah pelatihan' }).click();
    await page.locator('#new-training-title').fill(title);
    await page.locator('#new-training-provider').fill('BPSDM Provinsi Bali');
    await page.locator('#new-training-jp').fill('12');
    await page.getByRole('button', { name: 'Tambahkan ke katalog' }).click();
    await page.getByText(`${title} ditambahkan ke katalog.`).waitFor();

    /** The catalogue's entry of a training, turning its pages (20 each) until it shows. */
    const inCatalogue = async (name) => {
      const entry = trainings.filter({
        has: page.getByRole('heading', {
          level: 3,
          name: new RegExp(`^${escapeRegExp(name)}( Nonaktif)?$`),
        }),
      });
      await trainings.first().waitFor();
      for (let pageNumber = 1; (await entry.count()) === 0; pageNumber += 1) {
        assert(pageNumber < 10, `${name} is not in the first 10 pages of the catalogue.`);
        const first = await trainings.first().locator('h3').textContent();
        await page.getByRole('button', { name: 'Berikutnya' }).click();
        await page.waitForFunction(
          // The next page's first title (while it loads, the list is not there at all).
          (before) => {
            const heading = document.querySelector('ul.trainings > li h3');
            return heading !== null && heading.textContent !== before;
          },
          first,
        );
      }
      return entry;
    };

    // Deactivated, the new training leaves the catalogue; HR finds it among the deactivated ones
    // and offers it again.
    const saveChanges = async (entry, active) => {
      await entry.getByRole('button', { name: /^Ubah/ }).click();
      await page.getByLabel('Masih ditawarkan').setChecked(active);
      await page.getByRole('button', { name: 'Simpan perubahan' }).click();
      await page.getByText(`Perubahan ${title} disimpan.`).waitFor();
    };
    await saveChanges(await inCatalogue(title), false);
    await page.getByRole('heading', { level: 3, name: title }).waitFor({ state: 'detached' });
    await page.getByLabel('Termasuk yang nonaktif').check();
    await page.waitForLoadState('networkidle');
    const deactivated = await inCatalogue(title);
    await deactivated.getByText('Nonaktif', { exact: true }).waitFor();
    await saveChanges(deactivated, true);
    await deactivated.getByText('Nonaktif', { exact: true }).waitFor({ state: 'detached' });
    await page.getByLabel('Termasuk yang nonaktif').uncheck();
    await page.waitForLoadState('networkidle');
    await inCatalogue(title);

    // The training the employee enrolled in, found in the catalogue from its first page: who is
    // on it, and recording the employee's completion from there.
    await page.goto('/bkpsdm/pelatihan');
    const listed = await inCatalogue(enrolledTitle);
    await listed.getByRole('button', { name: /^Peserta/ }).click();
    const people = page.locator('section[aria-labelledby="people-title"]');
    await people.getByRole('heading', { name: `Peserta ${enrolledTitle}` }).waitFor();
    const employeeRow = people.locator('ul.people > li', { hasText: logins.EMPLOYEE.nip });
    await employeeRow.getByText('Terdaftar', { exact: true }).waitFor();
    await employeeRow.getByRole('button', { name: /^Catat selesai/ }).click();
    await people
      .getByText(new RegExp(`^${escapeRegExp(enrolledTitle)} dicatat selesai untuk`))
      .waitFor();
    await employeeRow.getByText('Selesai', { exact: true }).waitFor();
    // Among those still enrolled, the employee is no longer listed.
    await people.locator('#people-status').selectOption('ENROLLED');
    await employeeRow.waitFor({ state: 'detached' });
    await shot(page, 'bkpsdm-pelatihan-completed');

    // The person's own trainings show the completion too.
    await page.locator('#completion-search').fill(logins.EMPLOYEE.nip);
    await page.getByRole('search').getByRole('button', { name: 'Cari' }).click();
    await page.locator('button.result').first().click();
    await page.getByText(/^Pelatihan lain \(\d+\)$/).click();
    await page
      .locator('ul.others > li', { hasText: enrolledTitle })
      .getByText('Selesai', { exact: true })
      .waitFor();

    await page.goto('/bkpsdm/talenta');
    await page.getByRole('heading', { level: 1, name: 'Talenta' }).waitFor();
    // The OPD of the demo employee and supervisor.
    const health = await page
      .locator('#talent-opd option')
      .evaluateAll((options) => options.find((o) => /Kesehatan/.test(o.textContent ?? ''))?.value);
    assert(health, 'No OPD named Kesehatan in the talent page.');
    // A newcomer to the OPD (added over the API in the HR admin's session) has no final appraisal
    // yet, so cannot be placed: the page names them with that reason.
    const newcomer = `Uji E2E Pegawai Baru ${Date.now().toString(36)}`;
    const created = await page.evaluate(
      async ({ name, orgUnitId, sequence }) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query:
              'mutation($input: CreateEmployeeInput!) { createEmployee(input: $input) { id } }',
            variables: {
              input: {
                nip: `199504122024031${sequence}`,
                name,
                birthDate: '1995-04-12',
                sex: 'MALE',
                employmentType: 'PNS',
                jobType: 'EXECUTOR',
                rank: 'III/a',
                positionTitle: 'Pengadministrasi Perkantoran',
                orgUnitId,
              },
            },
          }),
        });
        return response.json();
      },
      {
        name: newcomer,
        orgUnitId: health,
        sequence: String(1 + (Date.now() % 999)).padStart(3, '0'),
      },
    );
    assert(created.data?.createEmployee?.id, `Adding a newcomer: ${JSON.stringify(created)}`);
    await page.locator('#talent-opd').selectOption(health);
    await page.waitForURL(/[?&]opd=/);
    const cells = page.locator('.nine-box button.cell');
    const talentReady = async () => {
      await page.getByRole('heading', { name: /^Sembilan kotak .*Kesehatan/ }).waitFor();
      await page.getByRole('heading', { name: /^Calon promosi/ }).waitFor();
    };
    await talentReady();
    await firstViewAtPhoneWidth(page, talentReady, 'bkpsdm-talenta');
    assert((await cells.count()) === 9, `The grid has ${await cells.count()} boxes, not 9.`);
    const counts = (await page.locator('.nine-box .count').allInnerTexts()).map(Number);
    const placed = counts.reduce((a, b) => a + b, 0);
    assert(placed > 0, `Nobody is placed in the talent grid (counts ${counts.join(', ')}).`);
    // Who could not be placed: by name, each with the reason in Indonesian.
    await page.getByText(/^Belum dapat ditempatkan \(\d+\)$/).click();
    const unplaced = page.locator('ul.unplaced > li', { hasText: newcomer });
    await unplaced.waitFor();
    const unplacedWhy = (await unplaced.locator('.reason').innerText()).trim();
    assert(
      /^Belum ada penilaian final di Periode Penilaian \d{4}\.$/.test(unplacedWhy),
      `${newcomer} could not be placed because "${unplacedWhy}".`,
    );

    const fullest = counts.indexOf(Math.max(...counts));
    // Opening a box asks for that box only.
    const boxRequests = [];
    const onRequest = (request) => {
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      const body = JSON.parse(request.postData() ?? '{}');
      if (body.operationName === 'TalentBox') boxRequests.push(body.variables);
    };
    page.on('request', onRequest);
    await cells.nth(fullest).click();
    const placementsShown = page.locator('section[aria-labelledby="box-title"] .placements li');
    await placementsShown.first().waitFor();
    page.off('request', onRequest);
    const boxNumber = Number(
      /\d+/.exec(await cells.nth(fullest).locator('.number').innerText())?.[0],
    );
    assert(
      boxRequests.length === 1 && boxRequests[0].box === boxNumber,
      `Opening box ${boxNumber} asked ${JSON.stringify(boxRequests)}.`,
    );
    await shot(page, 'bkpsdm-talenta-box');
    assert(hr.problems.length === 0, hr.problems.join('\n'));
  } finally {
    await hr.close();
  }
});

// ---------------------------------------------------------------------------------------------

async function main() {
  const entry = process.env.E2E_SERVER ?? join(root, 'server/dist/src/main.js');
  for (const built of [entry, join(root, 'web/build/index.html')]) {
    try {
      await access(built);
    } catch {
      console.log(`${built} is missing: build first (pnpm build).`);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
      return;
    }
  }
  await mkdir(screenshots, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-e2e-data-'));
  const port = await freePort();
  let server;
  let passed = 0;
  let failed = 0;
  const stop = async () => {
    if (server) await stopServer(server.child);
    if (!process.env.E2E_KEEP) await rm(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    const started = Date.now();
    server = await startServer(dataDir, port);
    console.log(
      `Server at ${server.url} with ${employees} demo employees (${Math.round((Date.now() - started) / 1000)} s); logins: ${Object.keys(server.logins).join(', ')}`,
    );
    const only = process.env.E2E_ONLY;
    for (const { name, run } of tests) {
      if (only && !name.includes(only)) continue;
      const begun = Date.now();
      try {
        await run(server);
        passed += 1;
        console.log(`✓ ${name} (${Date.now() - begun} ms)`);
      } catch (error) {
        failed += 1;
        console.log(
          `✗ ${name} (${Date.now() - begun} ms)\n  ${String(error?.stack ?? error).replaceAll('\n', '\n  ')}`,
        );
      }
    }
  } catch (error) {
    failed += 1;
    console.log(`✗ setup\n  ${String(error?.stack ?? error).replaceAll('\n', '\n  ')}`);
  } finally {
    await stop();
  }
  console.log(`Screenshots in ${screenshots}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
