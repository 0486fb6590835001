# Helpers of bench/run (sourced). Every process started here is remembered by pid and stopped by pid.

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RUN_LOG" >&2; }

# A failed step ends the run with a non-zero status (what CI checks); a missed target does not.
fail() {
    log "FAILED: $*"
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 || fail "$1 is required ($2)"
}

ensure_wrk() {
    if ! command -v wrk >/dev/null 2>&1; then
        log "installing wrk (apt-get install -y wrk)"
        apt-get install -y wrk >>"$RUN_LOG" 2>&1 || { apt-get update >>"$RUN_LOG" 2>&1 && apt-get install -y wrk >>"$RUN_LOG" 2>&1; } \
            || fail "could not install wrk"
    fi
}

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The embedded PostgreSQL admits only the password the service generated into its data directory.
pg_password() {
    cat "$DATA/postgres-password"
}

psql_bench() {
    PGPASSWORD="$(pg_password)" PGCONNECT_TIMEOUT=10 \
        psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres -d docketwatch "$@"
}

# ---- the receiver ----

start_receiver() {
    port_free "$RECV_PORT" || fail "port $RECV_PORT (receiver) is in use; set BENCH_RECEIVER_PORT"
    java -Xmx256m -XX:+UseSerialGC -cp target/test-classes com.docketwatch.bench.BenchReceiver "$RECV_PORT" 16 \
        >"$WORK/receiver.log" 2>&1 &
    RECV_PID=$!
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$RECV_PORT/stats" >/dev/null 2>&1 && return 0
        kill -0 "$RECV_PID" 2>/dev/null || fail "the receiver did not start: $(tail -5 "$WORK/receiver.log")"
        sleep 0.1
    done
    fail "the receiver did not answer on port $RECV_PORT"
}

receiver_stat() { # receiver_stat NAME -> the counter's value
    curl -sf "http://127.0.0.1:$RECV_PORT/stats" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

# ---- the service ----

# launch_service [extra JVM options...]: starts the jar on $DATA in the background (SVC_PID).
launch_service() {
    for p in "$HTTP_PORT" "$ADMIN_PORT" "$PG_PORT"; do
        port_free "$p" || fail "port $p is in use (set BENCH_HTTP_PORT, BENCH_ADMIN_PORT, BENCH_PG_PORT)"
    done
    SVC_T0=$(date +%s%N)
    env -u DOCKETWATCH_DATABASE_URL -u DOCKETWATCH_DATABASE_USER -u DOCKETWATCH_DATABASE_PASSWORD \
        DOCKETWATCH_DATA_DIR="$DATA" DOCKETWATCH_HTTP_PORT="$HTTP_PORT" DOCKETWATCH_ADMIN_PORT="$ADMIN_PORT" \
        DOCKETWATCH_BOOTSTRAP_ADMIN_KEY="$KEY" DOCKETWATCH_WEBHOOK_ALLOW_HOSTS=localhost \
        DOCKETWATCH_SECRET_KEY="$(cat "$WORK/secret.key")" \
        DOCKETWATCH_RATE_LIMIT_PER_MINUTE=100000000 DOCKETWATCH_RATE_LIMIT_BURST=100000 \
        java -Xmx512m "$@" -Ddw.database.embeddedPort="$PG_PORT" -jar "$jar" server config.yml \
        >>"$WORK/service.log" 2>&1 &
    SVC_PID=$!
}

# wait_healthy [MAX_SECONDS]: waits (300 s unless told) for /healthcheck on the admin port to answer 200;
# STARTUP_S is the time from launch_service to that first 200.
wait_healthy() {
    local code max=${1:-300} i
    for i in $(seq 1 $((max * 10))); do
        (( i % 600 != 0 )) || log "still starting after $((i / 10)) s: $(tail -1 "$WORK/service.log" | cut -c1-160)"
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$ADMIN_PORT/healthcheck" || true)
        if [[ $code == 200 ]]; then
            STARTUP_S=$(awk -v a="$SVC_T0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
            return 0
        fi
        kill -0 "$SVC_PID" 2>/dev/null || { SVC_PID=; fail "the service exited during start-up: $(tail -20 "$WORK/service.log")"; }
        sleep 0.1
    done
    fail "the service was not healthy after $max s: $(tail -20 "$WORK/service.log")"
}

stop_service() {
    [[ -n ${SVC_PID:-} ]] || return 0
    kill -TERM "$SVC_PID" 2>/dev/null || true
    for _ in $(seq 1 900); do
        kill -0 "$SVC_PID" 2>/dev/null || { SVC_PID=; return 0; }
        sleep 0.1
    done
    jstack "$SVC_PID" >"$WORK/service-stuck-at-stop.jstack" 2>&1 || true
    log "the service did not stop in 90 s (threads: $WORK/service-stuck-at-stop.jstack); killing it and its PostgreSQL"
    kill -KILL "$SVC_PID" 2>/dev/null || true
    local pm
    pm=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)
    [[ -n $pm ]] && kill -TERM "$pm" 2>/dev/null || true
    SVC_PID=
}

wait_for_no_due_deliveries() { # waits until the worker has sent everything due (paused ones wait on purpose)
    local left
    for _ in $(seq 1 "$1"); do
        left=$(psql_bench -Atc "select count(*) from deliveries d join subscriptions s on s.id = d.subscription_id
                                where d.status in ('pending', 'retrying') and d.next_attempt_at <= now() and not s.paused")
        [[ $left == 0 ]] && return 0
        sleep 1
    done
    log "note: $left deliveries still due after $1 s"
}

# ---- measurements ----

WRK_TIMEOUT=30 # seconds: a slower answer counts as a timeout (reported, not a failure)

# run_wrk CONCURRENCY SECONDS SCRIPT URL -> prints the WRK line
run_wrk() {
    local out
    out=$(wrk -t2 -c"$1" -d"$2"s --timeout "${WRK_TIMEOUT}s" -s "bench/lib/wrk/$3" "$4" 2>&1) || fail "wrk $3 -c$1 failed: $out"
    printf '%s\n' "$out" >>"$RUN_LOG"
    printf '%s\n' "$out" | grep '^WRK ' || fail "wrk $3 printed no result: $out"
}

field() { # field NAME LINE
    printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

# run_pgbench CONCURRENCY SECONDS SCRIPT -> "PG tps=... p50_ms=... p99_ms=... failed=..."
run_pgbench() {
    local dir="$WORK/pgbench-logs/$3-c$1"
    rm -rf "$dir"
    mkdir -p "$dir"
    local out mode=prepared
    # A script whose statements the service sends unnamed (planned for each value: Filter.planPerValue)
    # says so on a line "-- pgbench-mode: extended"; pgbench then does the same.
    grep -q '^-- pgbench-mode: extended' "$ROOT/bench/sql/pgbench/$3" && mode=extended
    out=$(cd "$dir" && PGPASSWORD="$(pg_password)" PGCONNECT_TIMEOUT=10 pgbench -n -M "$mode" -h localhost -p "$PG_PORT" -U postgres \
        -c "$1" -j 2 -T "$2" --log --log-prefix=tx \
        -D lim=51 -D maxint=2147483647 -D ncases="$NCASES" -D nqueries="$NQUERIES" -D nterms="$NTERMS" -D hbase="$HBASE" -D hspan="$HSPAN" \
        -f "$ROOT/bench/sql/pgbench/$3" docketwatch 2>&1) || fail "pgbench $3 -c$1 failed: $(printf '%s\n' "$out" | tail -5)"
    printf '%s\n' "$out" >>"$RUN_LOG"
    local tps failed
    tps=$(printf '%s\n' "$out" | sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p')
    failed=$(printf '%s\n' "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
    [[ -n $tps ]] || fail "pgbench $3 printed no tps: $(printf '%s\n' "$out" | tail -5)"
    # Per-transaction log lines: client_id transaction_no latency_us script_no epoch epoch_us
    local pct
    pct=$(cat "$dir"/tx.* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 } END {
        if (NR == 0) { print "0 0"; exit }
        i50 = int(NR * 0.50); if (i50 < 1) i50 = 1; i99 = int(NR * 0.99); if (i99 < 1) i99 = 1;
        printf "%.3f %.3f", a[i50] / 1000, a[i99] / 1000 }')
    local processed
    processed=$(printf '%s\n' "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
    echo "PG tps=$tps p50_ms=${pct% *} p99_ms=${pct#* } failed=${failed:-0} processed=${processed:-0}"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# ---- CPU accounting (the machine is shared: CPU time per request is what contention cannot skew much) ----

# cpu_ticks -> "JVM PG": clock ticks used so far by the service JVM, and by its PostgreSQL (the
# postmaster, its live children, and the children it has reaped, e.g. pgbench's finished backends).
cpu_ticks() {
    local pm
    pm=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || echo 0)
    # cat, not awk's own file list: a process that exits between the glob and the read is skipped.
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v jvm="$SVC_PID" -v pm="$pm" '
        {
            pid = $1; line = $0; sub(/^.*\) /, "", line); split(line, f, " ")
            # after "pid (comm) ": f[1]=state f[2]=ppid ... f[12]=utime f[13]=stime f[14]=cutime f[15]=cstime
            if (pid == jvm) j += f[12] + f[13]
            if (pid == pm) p += f[12] + f[13] + f[14] + f[15]
            else if (f[2] == pm) p += f[12] + f[13]
        }
        END { printf "%d %d\n", j, p }' || true
}

# cpu_ms_per PER_COUNT BEFORE AFTER WHICH(jvm|pg|both) -> CPU ms per unit
cpu_ms_per() {
    awk -v n="$1" -v b="$2" -v a="$3" -v w="$4" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        split(b, x, " "); split(a, y, " ")
        t = (w == "jvm") ? y[1] - x[1] : (w == "pg") ? y[2] - x[2] : (y[1] - x[1]) + (y[2] - x[2])
        if (n > 0) printf "%.3f", t * 1000 / hz / n; else print "0" }'
}
