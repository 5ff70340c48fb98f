# Finds a PostgreSQL server for the tests: the machine's own on 127.0.0.1:5432 when it answers,
# otherwise one started from Debian's packages in a temporary folder (stopped by stop_postgres).
# Sets POSTGRES_URL to a superuser URL ending in /postgres.

postgres_answers() {
  node -e '
    const net = require("node:net");
    const socket = net.connect({ host: "127.0.0.1", port: Number(process.argv[1]) });
    socket.setTimeout(2000, () => process.exit(1));
    socket.on("connect", () => process.exit(0)).on("error", () => process.exit(1));
  ' "$1"
}

start_postgres() {
  if postgres_answers 5432; then
    POSTGRES_URL="postgresql://postgres@127.0.0.1:5432/postgres"
    return
  fi
  echo "No PostgreSQL on 127.0.0.1:5432: starting one from Debian's packages."
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_TEMP=$(mktemp -d)
  chown postgres "$PG_TEMP"
  su postgres -c "$bin/initdb -D $PG_TEMP/data -A trust -U postgres" >/dev/null
  su postgres -c "$bin/pg_ctl -D $PG_TEMP/data -l $PG_TEMP/log -w \
    -o '-p 55432 -k $PG_TEMP -c listen_addresses=127.0.0.1' start" >/dev/null
  PG_CTL="$bin/pg_ctl"
  POSTGRES_URL="postgresql://postgres@127.0.0.1:55432/postgres"
}

stop_postgres() {
  if [ -n "${PG_TEMP:-}" ]; then
    su postgres -c "$PG_CTL -D $PG_TEMP/data -m fast stop" >/dev/null || true
    rm -rf "$PG_TEMP"
  fi
}
