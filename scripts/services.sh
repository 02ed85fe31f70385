# PostgreSQL and Redis for the test suite. Sourced by scripts/test, after ensure_venv.
# Uses the running servers when they answer; otherwise starts throwaway ones from the
# installed server binaries (installing them with apt-get when root), or stops with a
# message saying what to install. Never lets the suite skip the real-database tests.

: "${TONGBAN_TEST_POSTGRES_URL:=postgres://postgres@127.0.0.1:5432/test}"
: "${TONGBAN_TEST_REDIS_URL:=redis://127.0.0.1:6379/0}"
export TONGBAN_TEST_POSTGRES_URL TONGBAN_TEST_REDIS_URL
THROWAWAY="${TMPDIR:-/tmp}/tongban-test-services"

postgres_answers() {
  "$PY" - "$1" <<'PY' 2>/dev/null
import asyncio, sys, asyncpg
async def main(url):
    conn = await asyncio.wait_for(asyncpg.connect(url.replace("postgres://", "postgresql://", 1)), 5)
    await conn.close()
asyncio.run(main(sys.argv[1]))
PY
}

redis_answers() {
  "$PY" -c 'import sys, redis; redis.Redis.from_url(sys.argv[1], socket_timeout=3).ping()' "$1" 2>/dev/null
}

start_throwaway_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ]; then
    apt_install postgresql || die "PostgreSQL does not answer at $TONGBAN_TEST_POSTGRES_URL and no server is installed. Install it (apt-get install postgresql) or set TONGBAN_TEST_POSTGRES_URL."
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  local dir="$THROWAWAY/postgres" port=55432 as=()
  rm -rf "$dir"; mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$dir"; as=(runuser -u postgres --)
  fi
  log "starting a throwaway PostgreSQL on port $port"
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" \
    -l "$dir/log" -w start >/dev/null || die "throwaway PostgreSQL did not start: $(cat "$dir/log")"
  STOP_SERVICES+=("${as[*]} $bin/pg_ctl -D $dir/data -m fast stop")
  TONGBAN_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

start_throwaway_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install redis-server || die "Redis does not answer at $TONGBAN_TEST_REDIS_URL and no server is installed. Install it (apt-get install redis-server) or set TONGBAN_TEST_REDIS_URL."
  fi
  local dir="$THROWAWAY/redis" port=56379
  mkdir -p "$dir"
  log "starting a throwaway Redis on port $port"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/log" >/dev/null
  STOP_SERVICES+=("kill \$(cat $dir/redis.pid)")
  TONGBAN_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
}

STOP_SERVICES=()
stop_services() {
  local command
  for command in "${STOP_SERVICES[@]}"; do eval "$command" >/dev/null 2>&1 || true; done
}

ensure_services() {
  postgres_answers "$TONGBAN_TEST_POSTGRES_URL" || start_throwaway_postgres
  redis_answers "$TONGBAN_TEST_REDIS_URL" || start_throwaway_redis
  local tries=0
  until postgres_answers "$TONGBAN_TEST_POSTGRES_URL" && redis_answers "$TONGBAN_TEST_REDIS_URL"; do
    tries=$((tries + 1)); [ "$tries" -gt 50 ] && die "PostgreSQL or Redis still does not answer"
    sleep 0.2
  done
  log "PostgreSQL: ${TONGBAN_TEST_POSTGRES_URL}  Redis: ${TONGBAN_TEST_REDIS_URL}"
}
