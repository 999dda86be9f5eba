#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests: `scripts/postgres_server.sh start DIR [PORT]`
# creates it in DIR (initdb, run as the `postgres` user when called as root, since the server refuses to
# run as root) and prints the superuser's URL; `scripts/postgres_server.sh stop DIR` stops it.
# Loopback connections need a password (scram-sha-256), so the tests log in as the roles they create.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?the cluster directory}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
    echo "postgres_server.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
fi
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    password=warehouse-test-superuser
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        printf '%s\n' "$password" | as_owner tee "$dir/pwfile" >/dev/null
        as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-local=trust \
            --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start -o \
        "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" \
        >/dev/null
    echo "postgresql://postgres:$password@127.0.0.1:$port/postgres"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
*)
    echo "postgres_server.sh: start or stop, not $action" >&2
    exit 1
    ;;
esac
