#!/usr/bin/env bash
# Generates a migration with the same name for both providers. Usage: scripts/add-migration.sh Name
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "src/Hamgam.Migrations.$provider" \
    --startup-project "src/Hamgam.Migrations.$provider" \
    --output-dir Migrations
done
