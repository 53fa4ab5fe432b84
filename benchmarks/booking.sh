#!/usr/bin/env bash
# Booking throughput and latency through the local host (16 clients) against Azurite's raw single-entity
# insert rate, in one run on a fresh in-memory Azurite. Prints both and their ratio.
set -euo pipefail
set -m

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$REPO_ROOT"

HOST_URL="http://127.0.0.1:7181"
STORAGE="UseDevelopmentStorage=true"
AZURITE_PID=""
HOST_PID=""
DATA_DIR="$(mktemp -d)"

cleanup() {
    trap - EXIT INT TERM
    set +e
    [[ -n "$HOST_PID" ]] && stop_pid "$HOST_PID"
    [[ -n "$AZURITE_PID" ]] && stop_pid "$AZURITE_PID"
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_node_modules
dotnet build Clinic.slnx -c Release -v quiet -nologo >/dev/null
start_azurite "$DATA_DIR" inMemory

# Warning-level logs: a log line per request would measure the console, not the booking.
Logging__LogLevel__Default=Warning Storage__ConnectionString="$STORAGE" ASPNETCORE_ENVIRONMENT=Development \
    dotnet functions/Clinic.LocalHost/bin/Release/net10.0/Clinic.LocalHost.dll --urls "$HOST_URL" \
    --contentRoot "$REPO_ROOT/functions/Clinic.LocalHost/bin/Release/net10.0" &
HOST_PID=$!
until curl -fs "$HOST_URL/api/doctors" >/dev/null; do
    pid_alive "$HOST_PID" || die "the local host exited during start-up"
    sleep 0.5
done

dotnet benchmarks/Clinic.Benchmarks/bin/Release/net10.0/Clinic.Benchmarks.dll "$HOST_URL" "$STORAGE"
