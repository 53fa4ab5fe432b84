#!/usr/bin/env bash
# Slot lookups of one doctor over 14 days, cached against uncached (Cache:Enabled=false), in one run on a
# fresh in-memory Azurite (each variant on its own in-process local host and tables). Prints p50/p99 of both
# and their ratio; the target is at least 20x at p50.
# Usage: benchmarks/slot-cache.sh [measured lookups per variant: 2000]
set -euo pipefail
set -m

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$REPO_ROOT"

STORAGE="UseDevelopmentStorage=true"

ensure_node_modules
dotnet build benchmarks/Clinic.CacheBenchmarks -c Release -v quiet -nologo >/dev/null
start_benchmark_azurite

dotnet benchmarks/Clinic.CacheBenchmarks/bin/Release/net10.0/Clinic.CacheBenchmarks.dll "$STORAGE" "$@"
