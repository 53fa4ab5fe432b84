#!/usr/bin/env bash
# Booking p50/p99 with email/SMS senders delayed by 2 s or failing every time, against instant senders, in
# one run on a fresh in-memory Azurite (each variant on its own in-process local host, tables and queues).
# After a shared warm-up the three take turns booking by booking, so no variant gets a warmer or quieter
# machine than another. Bookings never wait on a send, so both ratios stay at or under 1.1. It then prints
# how many sends each variant's senders were asked for, which must be all of that variant's.
# The failing variant's senders are asked five times per message within the run (retry delays are shortened to
# 0.1-0.3 s), so storage work grows with it: at 1,000 bookings per variant one Azurite process on two cores
# saturates, the app's storage circuit opens and bookings answer 503, which measures Azurite, not the booking.
# Usage: benchmarks/notification-senders.sh [measured bookings per variant: 300]
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
