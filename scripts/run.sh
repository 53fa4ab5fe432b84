#!/usr/bin/env bash
# Runs the Clinic API locally against Azurite (data kept in .data/azurite between runs) with the Static Web
# Apps emulator in front of it for sign-in. Ctrl-C stops all three.
set -euo pipefail

# Job control puts each background command in its own process group, so stopping the local host also
# stops the app that dotnet run starts, and Ctrl-C reaches this script first, which then stops both in order.
set -m

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

API_URL="http://127.0.0.1:7071/api"
SITE_URL="http://127.0.0.1:4280"
AZURITE_PID=""
HOST_PID=""
SWA_PID=""

cleanup() {
    # Stopping must finish even if the terminal or a pipe reading our output is already gone.
    trap - EXIT INT TERM
    trap '' PIPE
    set +e
    if [[ -n "$SWA_PID" ]] && pid_alive "$SWA_PID"; then
        log "stopping the Static Web Apps emulator"
        stop_pid "$SWA_PID"
    fi
    if [[ -n "$HOST_PID" ]] && pid_alive "$HOST_PID"; then
        log "stopping the local host"
        stop_pid "$HOST_PID"
    fi
    # If dotnet run itself died first, the app it started may still hold port 7071 in the same group.
    if [[ -n "$HOST_PID" ]]; then
        kill -KILL -- "-$HOST_PID" 2>/dev/null
    fi
    if [[ -n "$AZURITE_PID" ]] && pid_alive "$AZURITE_PID"; then
        log "stopping Azurite"
        stop_pid "$AZURITE_PID"
    fi
}

trap cleanup EXIT
# Exiting from these traps runs cleanup once through the EXIT trap.
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_node_modules

# The host would otherwise fail deep in Kestrel's start-up, after a long build; the emulator would ask on a
# terminal for another port.
for port in 7071 4280; do
    if port_open "$port"; then
        die "port $port is taken; stop whatever listens there first"
    fi
done

start_azurite "$REPO_ROOT/.data/azurite"

log "starting the local host at $API_URL (the first build takes a minute or two)"
# dotnet run starts the app in its project folder; logs, the billing log key and the notification outbox
# belong in the repository's data folder.
ASPNETCORE_ENVIRONMENT=Development Logging__File__Path="$REPO_ROOT/.data/logs/clinic-.jsonl" \
    Notifications__Outbox__Path="$REPO_ROOT/.data/outbox" \
    BillingLogs__LocalKeyPath="$REPO_ROOT/.data/keys/billing-log-key.pem" \
    dotnet run --project functions/Clinic.LocalHost -c Release &
HOST_PID=$!

while pid_alive "$HOST_PID" && ! port_open 7071; do
    sleep 0.5
done
pid_alive "$HOST_PID" || die "the local host exited during start-up"
log "Clinic API listening at $API_URL"

start_static_web_app
log "Static Web Apps emulator (sign-in at $SITE_URL/.auth/login/aad) listening at $SITE_URL (Ctrl-C to stop)"

# wait returns the host's own exit status; set -e then carries a failure to the caller.
wait "$HOST_PID"
