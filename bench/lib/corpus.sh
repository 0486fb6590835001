# The corpus of bench/run and bench/search-scaling (sourced after common.sh): generated once per size by
# CorpusGen, COPYd into the schema the service itself created, indexes rebuilt, analysed. Reads CASES FILINGS
# SUBS REMINDERS FANOUT WORK CORPUS DATA jar RECEIVER; writes $WORK/loaded.env.

# generate_corpus: CorpusGen's files into $CORPUS, with the secret key their webhook secrets are sealed with
# ($WORK/secret.key). meta.env is written last: a corpus directory that has it is complete.
generate_corpus() {
    rm -rf "$CORPUS"
    mkdir -p "$CORPUS"
    head -c 32 /dev/urandom | base64 >"$WORK/secret.key"
    generate_corpus_files
}

generate_corpus_files() {
    java -Xmx1g -cp "$jar:target/test-classes" com.docketwatch.bench.CorpusGen --out "$CORPUS" --cases "$CASES" \
        --filings "$FILINGS" --subscriptions "$SUBS" --reminders "$REMINDERS" --fanout "$FANOUT" --owner-key 1 \
        --secret-key "$(cat "$WORK/secret.key")" --receiver "$RECEIVER" >>"$RUN_LOG" 2>&1 || fail "CorpusGen failed (see $RUN_LOG)"
}

# load_corpus: a fresh data directory loaded with the corpus; the files are generated again unless
# REGENERATE=false and a complete corpus for these sizes is already there.
load_corpus() {
    log "corpus: $CASES cases, $FILINGS docket entries, $SUBS subscriptions (+$FANOUT fan-out), $REMINDERS pending reminders"
    rm -rf "$WORK/data" "$WORK/loaded.env" "$WORK/service.log"
    local t0
    t0=$(date +%s)
    if [[ ${REGENERATE:-true} == false && -f $CORPUS/meta.env && -f $WORK/secret.key ]] \
        && grep -qx "NFILINGS=$FILINGS" "$CORPUS/meta.env" && grep -qx "FORMAT=2" "$CORPUS/meta.env"; then
        log "reusing the generated files in $CORPUS"
        launch_service # a fresh data directory: initdb, then Flyway creates the schema
    else
        rm -rf "$CORPUS"
        mkdir -p "$CORPUS"
        head -c 32 /dev/urandom | base64 >"$WORK/secret.key" # before the service starts: it seals with it
        launch_service
        generate_corpus_files
    fi
    wait_healthy
    log "corpus generated and schema created in $(($(date +%s) - t0)) s; loading with COPY"
    [[ $(psql_bench -Atc "select id from api_keys where name = 'bootstrap admin'") == 1 ]] \
        || fail "expected the bootstrap admin key to have id 1 on a fresh database"
    psql_bench -f bench/sql/load_prepare.sql >>"$RUN_LOG" 2>&1 || fail "load_prepare.sql failed"
    psql_bench -v file="$CORPUS/filings_0.tsv" -f bench/sql/load_copy_filings.sql >>"$RUN_LOG" 2>&1 &
    local f0=$!
    psql_bench -v file="$CORPUS/filings_1.tsv" -f bench/sql/load_copy_filings.sql >>"$RUN_LOG" 2>&1 &
    local f1=$!
    psql_bench -v dir="$CORPUS" -f bench/sql/load_copy_main.sql >>"$RUN_LOG" 2>&1 || fail "load_copy_main.sql failed"
    wait "$f0" || fail "COPY filings_0 failed"
    wait "$f1" || fail "COPY filings_1 failed"
    log "COPY done at $(($(date +%s) - t0)) s; ordering the docket entries by filing date (CLUSTER)"
    psql_bench -f bench/sql/load_cluster.sql >>"$RUN_LOG" 2>&1 || fail "load_cluster.sql failed"
    log "CLUSTER done at $(($(date +%s) - t0)) s; rebuilding the secondary indexes"
    # The full-text GIN index in one session, every other index in another.
    printf "set maintenance_work_mem = '1GB';\nselect indexdef from bench.dropped_indexes where indexname = 'filings_search' \\\\gexec\n" \
        | psql_bench >>"$RUN_LOG" 2>&1 &
    local gin=$!
    printf "set maintenance_work_mem = '512MB';\nselect indexdef from bench.dropped_indexes where indexname <> 'filings_search' order by tablename <> 'filings', indexname \\\\gexec\n" \
        | psql_bench >>"$RUN_LOG" 2>&1 || fail "rebuilding the indexes failed"
    wait "$gin" || fail "rebuilding filings_search failed"
    # Search terms for pgbench: queries as typed, party filters as the service turns them into LIKE patterns.
    { awk '{ printf "q\t%d\t%s\n", NR, $0 }' "$CORPUS/queries.txt"
      awk '{ t = tolower($0); gsub(/\\/, "\\\\", t); gsub(/%/, "\\%", t); gsub(/_/, "\\_", t);
             gsub(/\\/, "\\\\", t); printf "p\t%d\t%%%s%%\n", NR, t }' "$CORPUS/party_terms.txt"; } >"$CORPUS/terms.tsv"
    psql_bench -v terms="$CORPUS/terms.tsv" -f bench/sql/load_finish.sql >>"$RUN_LOG" 2>&1 || fail "load_finish.sql failed"
    LOAD_S=$(($(date +%s) - t0))
    cp "$CORPUS/meta.env" "$WORK/loaded.env"
    echo "LOAD_S=$LOAD_S" >>"$WORK/loaded.env"
    echo "DB_SIZE='$(psql_bench -Atc "select pg_size_pretty(pg_database_size('docketwatch'))")'" >>"$WORK/loaded.env"
    log "loaded in $LOAD_S s ($(grep DB_SIZE "$WORK/loaded.env" | cut -d= -f2)); stopping the service"
    stop_service
}
