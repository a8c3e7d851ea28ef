#!/usr/bin/env bash
# A private MariaDB for tests: `scripts/mariadb.sh start DIR` prints the DATABASE_URL to use;
# `scripts/mariadb.sh stop DIR` stops it; `restart DIR` starts it again on its data (after a crash).
# Loopback only, its own data folder, no systemd needed.
# Replication (tests/scale): `MARIADB_BINLOG=1 scripts/mariadb.sh start DIR` starts a primary with a
# binary log (GTID, row format, sync_binlog=1); `scripts/mariadb.sh replica PRIMARY_DIR DIR` then starts
# a read-only replica of it in DIR, replicating from the primary's first transaction, and prints its URL.
set -euo pipefail
cmd=${1:?start|restart|stop} dir=${2:?folder}
sock="$dir/mariadb.sock"

# launch PORT: runs mariadbd on this folder's data and waits until it answers. Extra server options
# (binary log, replica settings) are kept in DIR/options, so a restart runs it the same way.
launch() {
  # Its temporary tables go in its own folder, not the machine's /tmp (whose state other work can change).
  mkdir -p "$dir/tmp"
  chown -R mysql:mysql "$dir"
  local extra=()
  [ -f "$dir/options" ] && read -r -a extra <"$dir/options"
  # Durable commits (the defaults, stated): every acknowledged write survives a crash.
  mariadbd --no-defaults --user=mysql --datadir="$dir/data" --tmpdir="$dir/tmp" --socket="$sock" --port="$1" "${extra[@]}" \
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
  # A primary for replicas: binary log in row format, as durable as the redo log.
  [ "${MARIADB_BINLOG:-}" = 1 ] && echo "--server-id=1 --log-bin=mysql-bin --binlog-format=ROW --sync-binlog=1" >"$dir/options"
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
replica)
  # replica PRIMARY_DIR DIR: a second mariadbd replicating the primary (GTID) from its first transaction.
  primary=$dir dir=${3:?replica folder} sock="$dir/mariadb.sock"
  psock="$primary/mariadb.sock"
  [ -f "$primary/options" ] || { echo "the primary in $primary runs without a binary log (start it with MARIADB_BINLOG=1)" >&2; exit 1; }
  mkdir -p "$dir"
  mariadb-install-db --user=mysql --datadir="$dir/data" --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1
  port=${MARIADB_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
  echo "--server-id=2 --read-only=1 --relay-log=relay-bin --skip-slave-start" >"$dir/options"
  launch "$port"
  mariadb -S "$psock" -u root -e "CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY 'pingjia-repl'; GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';"
  mariadb -S "$sock" -u root <<SQL
CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$(cat "$primary/port"), MASTER_USER='repl', MASTER_PASSWORD='pingjia-repl', MASTER_USE_GTID=slave_pos;
START SLAVE;
SQL
  # Caught up once the primary's users and database have arrived.
  db=${MARIADB_DATABASE:-pingjia_test}
  for _ in $(seq 1 100); do
    mariadb -S "$sock" -u root -e "SELECT 1 FROM mysql.user WHERE user='pingjia'" 2>/dev/null | grep -q 1 &&
      mariadb -S "$sock" -u root -e "USE \`$db\`" 2>/dev/null && break
    sleep 0.1
  done
  mariadb -S "$sock" -u root -e "USE \`$db\`" || { mariadb -S "$sock" -u root -e 'SHOW SLAVE STATUS\G' >&2; exit 1; }
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
*) echo "usage: $0 start|restart|stop DIR, or replica PRIMARY_DIR DIR" >&2; exit 2 ;;
esac
