#!/usr/bin/env bash
# Booking p50/p99 with email/SMS senders delayed by 2 s or failing every time, against instant senders, in
# one run on a fresh in-memory Azurite (each variant on its own in-process local host, tables and queues).
# After a shared warm-up the three take turns booking by booking, so no variant gets a warmer or quieter
# machine than another. Bookings never wait on a send, so both ratios stay at or under 1.1. It then prints
# how many sends each variant's senders were asked for, which must be all of that variant's.
# Usage: benchmarks/notification-senders.sh [measured bookings per variant: 1000]
set -euo pipefail
set -m

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$REPO_ROOT"

STORAGE="UseDevelopmentStorage=true"

ensure_node_modules
dotnet build benchmarks/Clinic.NotificationBenchmarks -c Release -v quiet -nologo >/dev/null
start_benchmark_azurite

dotnet benchmarks/Clinic.NotificationBenchmarks/bin/Release/net10.0/Clinic.NotificationBenchmarks.dll \
    "$STORAGE" "$@"
