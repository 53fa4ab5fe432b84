#!/usr/bin/env bash
# Builds and runs every test project. Integration and browser tests start their own Azurite and Redis, so only
# the npm tools, Chromium for the browser tests and the Redis server program are installed here.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ensure_node_modules
ensure_test_tools

# Each project writes its TRX file to its own TestResults folder; one shared folder would let two projects
# that finish in the same second overwrite each other's file. Old files would be counted again below.
find . -path ./node_modules -prune -o -type d -name TestResults -prune -exec rm -rf {} +

status=0
dotnet test Clinic.slnx -c Release --logger trx || status=$?

# dotnet test prints one summary per test project; one total line is easier to read and for CI to find.
passed=0 failed=0 skipped=0
while IFS= read -r trx; do
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)" || continue
    total="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
    executed="$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    ok="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed=$((passed + ${ok:-0}))
    failed=$((failed + ${executed:-0} - ${ok:-0}))
    skipped=$((skipped + ${total:-0} - ${executed:-0}))
done < <(find . -path ./node_modules -prune -o -path '*/TestResults/*.trx' -print)

if ((status != 0 && failed == 0)); then
    log "dotnet test failed (exit $status) outside the tests themselves; see its output above"
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
