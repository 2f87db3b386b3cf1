#!/usr/bin/env bash
# Regenerates every generated file and fails when the result differs from what is committed:
# schema.graphql (from the server's resolvers), the web's GraphQL types (codegen), and the
# migrations (the entities must match what the committed migrations and snapshot build).
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm generate
pnpm --filter @kinerja/server exec node dist/src/scripts/migrations.js check

paths=(schema.graphql web/src/lib/gql server/src/db/migrations)
if ! git diff --quiet -- "${paths[@]}" || [ -n "$(git ls-files --others --exclude-standard -- "${paths[@]}")" ]; then
  echo "Generated files are stale; run 'pnpm generate' (and 'pnpm --filter @kinerja/server migration:create' for entity changes) and commit:" >&2
  git status --short -- "${paths[@]}" >&2
  git diff --stat -- "${paths[@]}" >&2
  exit 1
fi
echo "Generated files are up to date."
