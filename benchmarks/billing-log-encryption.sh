#!/usr/bin/env bash
# Billing log encryption, in one run: throughput of encrypted billing-event logging against plain logging of
# the same events into the same JSON-formatting sink (target ratio >= 0.8), and the key-encryption-key calls
# (Key Vault calls) per 10,000 events (target <= 10). Needs no Azure and no Azurite: the local RSA key stands
# in for Key Vault behind a counter, and each counted wrap would be one Key Vault call.
# Usage: benchmarks/billing-log-encryption.sh [events: 200000] [max events per data key: 100000]
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$REPO_ROOT"

dotnet build benchmarks/Clinic.LoggingBenchmarks -c Release -v quiet -nologo >/dev/null
dotnet benchmarks/Clinic.LoggingBenchmarks/bin/Release/net10.0/Clinic.LoggingBenchmarks.dll "$@"
