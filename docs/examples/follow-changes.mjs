// Follows Kinerja's change feed: prints every change once, in order, and keeps its place in a
// file, so that a restart goes on where it stopped. Node.js 20+, no dependencies.
//
//   KINERJA_URL=https://kinerja.denpasarkota.go.id KINERJA_TOKEN=kja_… node follow-changes.mjs
//   (add --once to stop when caught up; CURSOR_FILE to choose where the place is kept)
import fs from 'node:fs';

const url = `${process.env.KINERJA_URL ?? 'http://127.0.0.1:4000'}/graphql`;
const token = process.env.KINERJA_TOKEN;
const cursorFile = process.env.CURSOR_FILE ?? 'kinerja-cursor.txt';
const once = process.argv.includes('--once');
const QUERY = `query FollowChanges($after: String) {
  changes(after: $after, first: 500) {
    endCursor hasNextPage
    nodes { cursor type at subjectType subjectId employeeIds opdIds ids }
  }
}`;

let after = fs.existsSync(cursorFile) ? fs.readFileSync(cursorFile, 'utf8').trim() || null : null;
for (;;) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { after } }),
  });
  const body = await res.json();
  if (body.errors) {
    // realtime.unknownPosition: the saved place is older than the feed keeps (72 h by default):
    // read everything again (a full sync), then follow from the new cursor.
    console.error(
      body.errors
        .map((e) => `${e.extensions?.reason ?? e.extensions?.code}: ${e.message}`)
        .join('\n'),
    );
    process.exit(1);
  }
  const page = body.data.changes;
  for (const change of page.nodes) {
    // Here a tool reads what changed (e.g. performancePlan(id: change.ids.planId)) and stores it.
    console.log(`${change.at} ${change.type} ${change.subjectType} ${change.subjectId}`);
  }
  if (page.endCursor) {
    after = page.endCursor;
    fs.writeFileSync(cursorFile, after); // only after the page is handled: nothing is skipped
  }
  if (!page.hasNextPage) {
    if (once) break;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}
