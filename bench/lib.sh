# What bench/run and bench/profile share: seeded data sets, a server on
# loopback, members signed in through the real forms. Sourced, not run.
# Expects ROOT, WORK, BIN, SEED and PASSWORD; POSTGRES (a server URL) may be set.

say() { echo "bench: $*" >&2; }

SERVER_PID=""
PG_DATABASES=()

# Stops the server we started, drops our PostgreSQL databases, removes WORK.
cleanup() {
  stop_server
  for db in "${PG_DATABASES[@]}"; do
    psql -q "$POSTGRES" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}

stop_server() {
  if [[ -n $SERVER_PID ]]; then
    kill "$SERVER_PID" 2> /dev/null || true
    wait "$SERVER_PID" 2> /dev/null || true
    SERVER_PID=""
  fi
}

# ----- data sets -----
# Seeded SQLite databases are kept under target/bench/, keyed by seed, size and
# what shapes them (the migrations and the seed's code), and copied fresh for
# every run, which writes to its copy.
DATA_KEY=$(cat "$ROOT"/migrations/*/*.sql "$ROOT"/src/seed/*.rs | sha256sum | cut -c1-12)

# prepare SIZE → sets DATABASE_URL and MANIFEST
prepare() {
  local size=$1
  if [[ -n ${POSTGRES:-} ]]; then
    local name="hearth_bench_${size}_$$"
    psql -q "$POSTGRES" -c "CREATE DATABASE $name" > /dev/null
    PG_DATABASES+=("$name")
    DATABASE_URL=$(echo "$POSTGRES" | sed -E "s#^(postgres(ql)?://[^/]+)(/[^?]*)?#\1/$name#")
    MANIFEST=$WORK/$size.tsv
    say "seeding $size on PostgreSQL"
    echo "$PASSWORD" | HEARTH_DATABASE_URL=$DATABASE_URL "$BIN" seed --size "$size" --seed "$SEED" \
      --manifest "$MANIFEST" --password-stdin > /dev/null
    return
  fi
  local cache=$ROOT/target/bench/$size-seed$SEED-$DATA_KEY
  if [[ ! -f $cache/manifest.tsv ]]; then
    say "seeding $size (kept in $cache)"
    rm -rf "$cache.partial" && mkdir -p "$cache.partial"
    echo "$PASSWORD" | HEARTH_DATABASE_URL="sqlite://$cache.partial/hearth.db" "$BIN" seed --size "$size" \
      --seed "$SEED" --manifest "$cache.partial/manifest.tsv" --password-stdin > /dev/null
    rm -f "$cache.partial"/*-lock
    rm -rf "$cache" && mv "$cache.partial" "$cache"
  fi
  mkdir -p "$WORK/$size"
  cp --reflink=auto "$cache/hearth.db" "$WORK/$size/hearth.db"
  DATABASE_URL="sqlite://$WORK/$size/hearth.db"
  MANIFEST=$cache/manifest.tsv
}

# ----- the server -----
free_port() {
  local port
  for port in $(seq 18080 18180); do
    if ! (: < /dev/tcp/127.0.0.1/"$port") 2> /dev/null; then echo "$port"; return; fi
  done
  say "no free port"
  exit 2
}

# start_server [CEILING_BYTES] → sets SERVER_PID, BASE, START_MS. Runs the
# binary under $SERVER_WRAPPER (e.g. valgrind) when that is set.
start_server() {
  local port started
  port=$(free_port)
  BASE=http://127.0.0.1:$port
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # the wrapper is a command line
  env HEARTH_DATABASE_URL="$DATABASE_URL" HEARTH_LISTEN="127.0.0.1:$port" HEARTH_BASE_URL="$BASE" \
    HEARTH_RATE_LIMIT_PER_MINUTE=100000 HEARTH_SIGN_IN_FAILURES_ALLOWED=1000 \
    ${1:+HEARTH_BENCH_CEILING_BYTES=$1} ${SERVER_WRAPPER:-} "$BIN" serve >> "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz") == 200 ]]; do
    kill -0 "$SERVER_PID" 2> /dev/null || { say "the server stopped; its log:"; tail "$WORK/server.log" >&2; exit 1; }
    sleep 0.01
  done
  START_MS=$((($(date +%s%N) - started) / 1000000))
}

# ----- members -----
header_cookie() { tr -d '\r' | sed -n "s/^[Ss]et-[Cc]ookie: $1=\([^;]*\).*/\1/p" | head -1; }
form_token() { grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }

# sign_in PSEUDONYM TOPIC → "session-cookie<TAB>form-token", through the real
# sign-in form (its CSRF token and pre-session cookie included)
sign_in() {
  local pseudonym=$1 topic=$2 headers page pre token session
  headers=$(mktemp)
  page=$(curl -s -D "$headers" "$BASE/sign-in")
  pre=$(header_cookie '__Host-hearth-pre' < "$headers")
  token=$(form_token <<< "$page")
  session=$(curl -s -o /dev/null -D - -H "Cookie: __Host-hearth-pre=$pre" --data-urlencode "csrf=$token" \
    --data-urlencode "pseudonym=$pseudonym" --data-urlencode "password=$PASSWORD" "$BASE/sign-in" |
    header_cookie '__Host-hearth')
  rm -f "$headers"
  [[ -n $session ]] || { say "sign-in failed for $pseudonym"; return 1; }
  # The topic page carries the session's form token (and moves the unread marker, once).
  token=$(curl -s -H "Cookie: __Host-hearth=$session" "$BASE$topic" | form_token)
  printf '%s\t%s\n' "$session" "$token"
}
