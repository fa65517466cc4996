#!/usr/bin/env bash
# Checks a published single file the way a user runs it: copied alone into an empty folder, a fresh HOME, no .NET SDK
# on PATH. It must serve /healthz, the demo (sign-in page with the demo entry, the stylesheet and the font), answer
# --version, and, with the environment compose.yaml gives it, migrate a PostgreSQL database and serve from it.
# Usage: scripts/smoke-published.sh [path/to/hamgam]   (PostgreSQL checks need HAMGAM_TEST_POSTGRES)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-artifacts/publish/linux-x64/hamgam}")
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/app" "$work/home"
cp "$binary" "$work/app/hamgam"
# A PATH with every system tool except dotnet (on merged-/usr Debian, /usr/bin and /bin are one folder).
mkdir -p "$work/bin"
for tool in /usr/local/bin/* /usr/bin/*; do
  [ "$(basename "$tool")" = dotnet ] || ln -sf "$tool" "$work/bin/"
done
clean_path="$work/bin"

# Runs the copied file with nothing of the build around it (env -i: no DOTNET_ROOT, no SDK, a fresh HOME).
run() { (cd "$work/app" && env -i PATH="$clean_path" HOME="$work/home" TMPDIR="$work/tmp" "$@"); }
mkdir -p "$work/tmp"
! run sh -c 'command -v dotnet' >/dev/null || { echo "dotnet is still on PATH" >&2; exit 1; }

wait_healthy() { # url, pid, log
  for _ in $(seq 1 1200); do
    curl -fsS -o /dev/null "$1/healthz" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "hamgam exited:" >&2; cat "$3" >&2; return 1; }
    sleep 0.1
  done
  echo "no /healthz within 120 s:" >&2; cat "$3" >&2; return 1
}

echo "version: $(run ./hamgam --version)"
port=$(( 20000 + RANDOM % 20000 ))
url="http://127.0.0.1:$port"
started=$(date +%s.%N)
run ./hamgam --urls "$url" >"$work/demo.log" 2>&1 & pids+=($!)
wait_healthy "$url" "${pids[-1]}" "$work/demo.log"
echo "first /healthz after $(echo "$(date +%s.%N) - $started" | bc) s ($(du -h "$binary" | cut -f1) file)"
page=$(curl -fsS "$url/signin")
grep -q 'action="/signin/demo"' <<<"$page" || { echo "no demo entry on the sign-in page" >&2; exit 1; }
css=$(grep -o 'href="[^"]*hamgam[^"]*\.css"' <<<"$page" | head -1 | sed 's/href="//; s/"$//')
curl -fsS -o /dev/null "$url/${css#/}" || { echo "stylesheet $css not served" >&2; exit 1; }
curl -fsS -o /dev/null "$url/fonts/Vazirmatn-Regular.woff2" || { echo "the Vazirmatn font is not served" >&2; exit 1; }
cookies="$work/cookies"
page=$(curl -fsS -c "$cookies" -b "$cookies" "$url/signin")
token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"\|name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "returnUrl=/" "$url/signin/demo"
dashboard=$(curl -fsS -b "$cookies" "$url/")
grep -q 'data-testid="signin-demo"' <<<"$dashboard" && { echo "the demo sign-in did not sign in" >&2; exit 1; }
grep -q 'همگام' <<<"$dashboard" || { echo "the demo dashboard did not render" >&2; exit 1; }
[ -f "$work/home/.local/share/hamgam/hamgam.db" ] || { echo "no database in the fresh HOME's data folder" >&2; exit 1; }
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
echo "demo: /healthz, sign-in page, stylesheet, font, demo sign-in and dashboard served"

if [ -n "${HAMGAM_TEST_POSTGRES:-}" ]; then
  # compose.yaml's environment for Hamgam, with its database host replaced by this machine's test server.
  db="hamgam_smoke_$RANDOM$RANDOM"
  admin="${HAMGAM_TEST_POSTGRES}"
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" >/dev/null
  trap 'PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; cleanup' EXIT
  compose_env=(Database__Provider=postgres "ConnectionStrings__Hamgam=$admin;Database=$db" Database__DataDirectory="$work/data"
    NOTION_API_KEY= NOTION_TASKS_DB_ID= NOTION_PROJECTS_DB_ID= NOTION_HABITS_DB_ID= NOTION_DAILY_LOGS_DB_ID=)
  for name in Database__Provider ConnectionStrings__Hamgam Database__DataDirectory NOTION_API_KEY; do
    grep -q "^ *$name:" compose.yaml || { echo "compose.yaml no longer sets $name: update this check" >&2; exit 1; }
  done
  run env "${compose_env[@]}" ./hamgam migrate
  port=$(( 20000 + RANDOM % 20000 )); url="http://127.0.0.1:$port"
  run env "${compose_env[@]}" ./hamgam --urls "$url" >"$work/pg.log" 2>&1 & pids+=($!)
  wait_healthy "$url" "${pids[-1]}" "$work/pg.log"
  run ./hamgam healthcheck --url "$url/healthz" >/dev/null
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
  echo "compose environment: migrate, then /healthz and the healthcheck verb on PostgreSQL"
fi
echo "smoke test passed"
