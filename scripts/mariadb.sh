#!/usr/bin/env bash
# A private MariaDB for tests: `scripts/mariadb.sh start DIR` prints the DATABASE_URL to use;
# `scripts/mariadb.sh stop DIR` stops it; `restart DIR` starts it again on its data (after a crash).
# Loopback only, its own data folder, no systemd needed.
set -euo pipefail
cmd=${1:?start|restart|stop} dir=${2:?folder}
sock="$dir/mariadb.sock"

# launch PORT: runs mariadbd on this folder's data and waits until it answers.
launch() {
  chown -R mysql:mysql "$dir"
  # Durable commits (the defaults, stated): every acknowledged write survives a crash.
  mariadbd --no-defaults --user=mysql --datadir="$dir/data" --socket="$sock" --port="$1" \
    --bind-address=127.0.0.1 --pid-file="$dir/mariadb.pid" --log-error="$dir/error.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-flush-log-at-trx-commit=1 --innodb-doublewrite=1 \
    --innodb-buffer-pool-size=256M --max-connections=500 \
    --skip-name-resolve >/dev/null 2>&1 &
  for _ in $(seq 1 150); do
    [ -S "$sock" ] && mariadb -S "$sock" -u root -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.2
  done
  mariadb -S "$sock" -u root -e 'SELECT 1' >/dev/null || { cat "$dir/error.log" >&2; exit 1; }
}

case "$cmd" in
start)
  mkdir -p "$dir"
  db=${MARIADB_DATABASE:-pingjia_test}
  # Already running from this folder: hand back its URL.
  if [ -S "$sock" ] && [ -f "$dir/port" ] && mariadb -S "$sock" -u root -e 'SELECT 1' >/dev/null 2>&1; then
    mariadb -S "$sock" -u root -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    echo "mysql://pingjia:pingjia-test@127.0.0.1:$(cat "$dir/port")/$db"
    exit 0
  fi
  port=${MARIADB_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --user=mysql --datadir="$dir/data" --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1
  fi
  launch "$port"
  mariadb -S "$sock" -u root <<SQL
DROP DATABASE IF EXISTS \`$db\`;
CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'pingjia'@'127.0.0.1' IDENTIFIED BY 'pingjia-test';
GRANT ALL PRIVILEGES ON *.* TO 'pingjia'@'127.0.0.1';
SQL
  echo "$port" >"$dir/port"
  echo "mysql://pingjia:pingjia-test@127.0.0.1:$port/$db"
  ;;
restart)
  # After a crash (fault tests): the same data and port again, databases untouched.
  port=$(cat "$dir/port")
  launch "$port"
  echo "mysql://pingjia:pingjia-test@127.0.0.1:$port/${MARIADB_DATABASE:-pingjia_test}"
  ;;
stop)
  if [ -f "$dir/mariadb.pid" ]; then
    kill "$(cat "$dir/mariadb.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$dir/mariadb.pid" ] || break; sleep 0.2; done
  fi
  ;;
*) echo "usage: $0 start|restart|stop DIR" >&2; exit 2 ;;
esac
