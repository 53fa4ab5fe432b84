# shellcheck shell=bash
# Helpers shared by the scripts in this folder. Source it; it changes no shell options of its caller.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_JS="$REPO_ROOT/node_modules/azurite/dist/src/azurite.js"
AZURITE_PORTS=(10000 10001 10002)

log() {
    printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
    log "error: $*"
    exit 1
}

# Installs the npm tools only when needed: npm ci wipes node_modules, which costs ~30 s on every run.
# npm records what it installed in node_modules/.package-lock.json, so a newer lockfile means a stale install.
# Install scripts are skipped: Azurite needs none, and the Static Web Apps CLI fails to build with them.
ensure_node_modules() {
    local installed="$REPO_ROOT/node_modules/.package-lock.json"

    if [[ -f "$installed" && -f "$AZURITE_JS" && ! "$REPO_ROOT/package-lock.json" -nt "$installed" ]]; then
        return 0
    fi

    command -v npm >/dev/null || die "npm not found; install Node.js 20 or later"
    log "installing npm tools (npm ci)"
    (cd "$REPO_ROOT" && npm ci --ignore-scripts --no-audit --no-fund)
}

# The browser tests drive the machine's Chromium (Playwright's own browser download is never used), and the
# cache's second-level tests start a Redis server of their own. CI runs as root on a clean machine, so there
# what is missing is installed with one apt-get; anyone else is told how, and those tests fail with the same
# advice rather than pass without them.
ensure_test_tools() {
    local missing=() name found=""

    if [[ -n "${CLINIC_CHROMIUM:-}" ]]; then
        [[ -x "$CLINIC_CHROMIUM" ]] || die "CLINIC_CHROMIUM is '$CLINIC_CHROMIUM', which is not an executable"
        found=yes
    fi
    for name in chromium chromium-browser google-chrome google-chrome-stable; do
        [[ -z "$found" ]] && command -v "$name" >/dev/null && found=yes
    done
    [[ -n "$found" ]] || missing+=(chromium)

    if [[ -n "${CLINIC_REDIS_SERVER:-}" ]]; then
        [[ -x "$CLINIC_REDIS_SERVER" ]] ||
            die "CLINIC_REDIS_SERVER is '$CLINIC_REDIS_SERVER', which is not an executable"
    elif ! command -v redis-server >/dev/null; then
        missing+=(redis-server)
    fi

    ((${#missing[@]} > 0)) || return 0
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
        log "installing ${missing[*]} for the tests (apt-get)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
        for name in "${missing[@]}"; do
            command -v "$name" >/dev/null || die "apt-get installed no '$name' command"
        done
        return 0
    fi

    log "warning: ${missing[*]} not found, so the tests that need them will fail. Install them (Debian or" \
        "Ubuntu: 'sudo apt-get install -y ${missing[*]}'), or set CLINIC_CHROMIUM to a Chromium or Chrome" \
        "executable and CLINIC_REDIS_SERVER to a redis-server executable."
}

# True while something accepts TCP connections on 127.0.0.1:<port>.
port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# kill -0 also succeeds for a zombie, which a child of ours stays until we reap it; /proc tells them apart.
pid_alive() {
    local pid="$1" stat

    kill -0 "$pid" 2>/dev/null || return 1
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 0
    stat="${stat##*) }"
    [[ "${stat:0:1}" != "Z" ]]
}

# Process group id of <pid>, read after the command name, which may itself contain spaces or parentheses.
pgid_of() {
    local stat pgid

    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    read -r _ _ pgid _ <<<"$stat"
    printf '%s\n' "$pgid"
}

# Stops <pid> politely, then firmly: Azurite can linger after SIGTERM, and dotnet run leaves its app running
# if only the launcher is signalled. A process that leads its own group (job control) is stopped with it.
stop_pid() {
    local pid="$1" target="$1" i

    [[ -n "$pid" ]] || return 0
    if [[ "$(pgid_of "$pid" || true)" == "$pid" ]]; then
        target="-$pid"
    fi

    kill -TERM -- "$target" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        pid_alive "$pid" || break
        sleep 0.1
    done

    if pid_alive "$pid"; then
        log "pid $pid still running after SIGTERM; sending SIGKILL"
        kill -KILL -- "$target" 2>/dev/null || true
        for ((i = 0; i < 20; i++)); do
            pid_alive "$pid" || break
            sleep 0.1
        done
    fi

    # Reaps our own child; for any other process wait fails at once, which is fine.
    wait "$pid" 2>/dev/null || true
}

# start_azurite <dataDir> [inMemory]
# Starts Azurite on 127.0.0.1 with the default ports and sets AZURITE_PID (also written to
# <dataDir>/azurite.pid). Its output goes to <dataDir>/azurite.log, shown here if it fails to start.
start_azurite() {
    local data_dir="$1" storage port i

    [[ -n "$data_dir" ]] || die "usage: start_azurite <dataDir> [inMemory]"
    [[ -f "$AZURITE_JS" ]] || die "Azurite is not installed; run 'npm ci --ignore-scripts' at the repo root"
    mkdir -p "$data_dir"
    data_dir="$(cd "$data_dir" && pwd)"

    # Azurite refuses --location together with --inMemoryPersistence; it then works in its current folder.
    storage=(--location "$data_dir")
    if [[ "${2:-}" == "inMemory" ]]; then
        storage=(--inMemoryPersistence)
    fi

    # Azurite would fail with a terse EADDRINUSE; say which port and what to do instead.
    for port in "${AZURITE_PORTS[@]}"; do
        if port_open "$port"; then
            die "port $port is taken (another Azurite?); stop it, e.g. 'ss -ltnp | grep $port'"
        fi
    done

    # Telemetry off: offline, its client keeps Node alive after SIGTERM, and no usage data should leave.
    (cd "$data_dir" && exec node "$AZURITE_JS" \
        --blobHost 127.0.0.1 --blobPort "${AZURITE_PORTS[0]}" \
        --queueHost 127.0.0.1 --queuePort "${AZURITE_PORTS[1]}" \
        --tableHost 127.0.0.1 --tablePort "${AZURITE_PORTS[2]}" \
        --skipApiVersionCheck --silent --disableTelemetry "${storage[@]}" \
        >"$data_dir/azurite.log" 2>&1) &
    AZURITE_PID=$!
    echo "$AZURITE_PID" >"$data_dir/azurite.pid"

    # The table service listens last, so once it answers the blob and queue services do too.
    for ((i = 0; i < 300; i++)); do
        if port_open "${AZURITE_PORTS[2]}"; then
            log "Azurite ready (pid $AZURITE_PID, data in $data_dir)"
            return 0
        fi
        if ! pid_alive "$AZURITE_PID"; then
            tail -n 20 "$data_dir/azurite.log" >&2 || true
            die "Azurite exited during start-up; see $data_dir/azurite.log"
        fi
        sleep 0.1
    done

    tail -n 20 "$data_dir/azurite.log" >&2 || true
    stop_pid "$AZURITE_PID"
    die "Azurite did not listen on port ${AZURITE_PORTS[2]} within 30 s"
}

# start_static_web_app: the Static Web Apps CLI emulator on 127.0.0.1:4280 in front of the local host, with
# the site's routes and role rules. Sets SWA_PID. The emulator cannot reach Microsoft Entra ID, so it gets
# the configuration without the custom identity provider and offers its mock sign-in form instead.
start_static_web_app() {
    local config_dir="$REPO_ROOT/.data/swa" i

    mkdir -p "$config_dir"
    node -e '
        const fs = require("fs");
        const config = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        delete config.auth;
        fs.writeFileSync(process.argv[2], JSON.stringify(config, null, 2));
    ' "$REPO_ROOT/frontend/staticwebapp.config.json" "$config_dir/staticwebapp.config.json"

    # No terminal for it: it would otherwise stop to ask questions.
    "$REPO_ROOT/node_modules/.bin/swa" start "$REPO_ROOT/frontend" --swa-config-location "$config_dir" \
        --api-devserver-url http://127.0.0.1:7071 --host 127.0.0.1 --port 4280 \
        </dev/null >"$config_dir/swa.log" 2>&1 &
    SWA_PID=$!

    for ((i = 0; i < 120; i++)); do
        if port_open 4280; then
            return 0
        fi
        if ! pid_alive "$SWA_PID"; then
            tail -n 20 "$config_dir/swa.log" >&2 || true
            die "the Static Web Apps emulator exited during start-up; see $config_dir/swa.log"
        fi
        sleep 0.5
    done

    die "the Static Web Apps emulator did not listen on port 4280 within 60 s"
}

# start_benchmark_azurite: a fresh in-memory Azurite on the default ports for a benchmark script, stopped with
# every pid in BENCHMARK_PIDS when the script exits or is interrupted. Sets AZURITE_PID.
start_benchmark_azurite() {
    BENCHMARK_DATA_DIR="$(mktemp -d)"
    BENCHMARK_PIDS=()
    trap stop_benchmark EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    start_azurite "$BENCHMARK_DATA_DIR" inMemory
}

stop_benchmark() {
    local pid

    trap - EXIT INT TERM
    set +e
    for pid in "${BENCHMARK_PIDS[@]}"; do
        stop_pid "$pid"
    done
    [[ -n "${AZURITE_PID:-}" ]] && stop_pid "$AZURITE_PID"
    rm -rf "$BENCHMARK_DATA_DIR"
}
