#!/usr/bin/env bash
# Booking throughput and latency through the local host (16 clients) against Azurite's raw single-entity
# insert rate, in one run on a fresh in-memory Azurite. Prints both and their ratio. By default billing and
# notifications handle every booking on the same Azurite meanwhile, as they would; BOOKING_BENCH_TRIGGERS=false
# turns the local host's queue and timer triggers off, to measure the booking path alone (its own writes and
# the publish of its change).
set -euo pipefail
set -m

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$REPO_ROOT"

HOST_URL="http://127.0.0.1:7181"
STORAGE="UseDevelopmentStorage=true"

ensure_node_modules
dotnet build Clinic.slnx -c Release -v quiet -nologo >/dev/null
start_benchmark_azurite

# Warning-level logs: a log line per request would measure the console, not the booking.
LocalHost__Triggers__Enabled="${BOOKING_BENCH_TRIGGERS:-true}" Logging__LogLevel__Default=Warning \
    Storage__ConnectionString="$STORAGE" ASPNETCORE_ENVIRONMENT=Development \
    dotnet functions/Clinic.LocalHost/bin/Release/net10.0/Clinic.LocalHost.dll --urls "$HOST_URL" \
    --contentRoot "$REPO_ROOT/functions/Clinic.LocalHost/bin/Release/net10.0" &
BENCHMARK_PIDS+=($!)
until curl -fs "$HOST_URL/api/doctors" >/dev/null; do
    pid_alive "${BENCHMARK_PIDS[0]}" || die "the local host exited during start-up"
    sleep 0.5
done

dotnet benchmarks/Clinic.Benchmarks/bin/Release/net10.0/Clinic.Benchmarks.dll "$HOST_URL" "$STORAGE"
