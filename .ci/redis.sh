# Makes sure the Redis the tests name in TEST_REDIS_URL (the machine's own on 127.0.0.1:6379)
# answers; where none runs, starts one from Debian's packages, without persistence.

ensure_redis() {
  if redis_answers; then return; fi
  echo "No Redis on 127.0.0.1:6379: starting one from Debian's packages."
  if ! command -v redis-server >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  redis-server --port 6379 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 1 50); do redis_answers && return; sleep 0.2; done
  echo "Redis did not start on 127.0.0.1:6379." >&2
  return 1
}

redis_answers() {
  node -e '
    const socket = require("node:net").connect({ host: "127.0.0.1", port: 6379 });
    socket.setTimeout(2000, () => process.exit(1));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => process.exit(String(data).startsWith("+PONG") ? 0 : 1));
    socket.on("error", () => process.exit(1));
  '
}
