#!/usr/bin/env bash
# Runs every test Duban has: unit, integration (SQLite and a real PostgreSQL started here on loopback; email
# against Debian's aiosmtpd; documents opened by LibreOffice and read back with poppler), and browser journeys in Debian's Chromium. Installs what is missing first. Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
artifacts="$root/.test-artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts"

log() { printf '\n== %s\n' "$*"; }

# --- System packages -------------------------------------------------------------------------
need=()
for pkg in postgresql chromium fonts-noto-cjk python3-aiosmtpd libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  log "Installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- PostgreSQL on loopback, owned by this run ------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_dir=$(mktemp -d /tmp/duban-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
run_as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
stop_pg() { run_as_pg "$pg_bin/pg_ctl -D $pg_dir/data -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
log "Starting PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
run_as_pg "$pg_bin/initdb -D $pg_dir/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
run_as_pg "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/log -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null
export DUBAN_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
# Word and Excel files the tests had LibreOffice open, with the PDFs it made of them, for a person to look at.
export DUBAN_TEST_DOCUMENTS="$artifacts/documents"

# --- Build, style, tests ----------------------------------------------------------------------
log "Building (warnings are errors)"
dotnet build Duban.slnx -c Release -nologo -v quiet

log "Checking formatting"
dotnet format Duban.slnx --verify-no-changes --no-restore -v quiet

status=0
for project in tests/Duban.UnitTests tests/Duban.IntegrationTests tests/Duban.BrowserTests; do
  name=$(basename "$project")
  log "Running $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$artifacts" || status=1
done

# --- One summary line, counted from the result files ------------------------------------------
python3 - "$artifacts" Duban.UnitTests Duban.IntegrationTests Duban.BrowserTests <<'PY'
import os, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for name in sys.argv[2:]:
    f = os.path.join(sys.argv[1], name + ".trx")
    if not os.path.exists(f):
        print(f"{name}: no results (the test run crashed or did not start); counted as one failure")
        failed += 1
        continue
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    skipped += int(c.get("notExecuted"))
print()
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
