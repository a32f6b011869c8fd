# Shared by the bench scripts (source it): throwaway PostgreSQL and MariaDB servers on loopback.
#
#   bench_tools HINT TOOL…           exits with "TOOL is missing: HINT" for the first TOOL that is not installed
#   bench_free_port                  prints a free TCP port on 127.0.0.1
#   bench_pg_find [TOOL…]            sets pgbin to the newest PostgreSQL server binaries (pg_ctl and each TOOL), or
#                                    exits saying what to install
#   bench_pg_init DATA PASSWORD      initdb DATA, superuser postgres with PASSWORD (read from a file, never an
#                                    argument): trust on the socket, scram-sha-256 over TCP; as the postgres user when
#                                    run as root, who then owns DATA's folder
#   bench_pg_start DATA PORT [SETTING…]  starts DATA on 127.0.0.1:PORT, its socket in DATA's folder and its log in
#                                    DATA.log, each SETTING a server setting (fsync=off); shows the log's end on failure
#   bench_pg_stop DATA [MODE]        stops DATA (pg_ctl's MODE, fast by default)
#   bench_pg_login FOLDER PASSWORD   writes FOLDER/pgpass (postgres on 127.0.0.1, any port) and exports PGPASSFILE,
#                                    PGHOST and PGUSER for psql and the other client tools
#   bench_pg_cluster FOLDER PASSWORD [SETTING…]  the three above: a cluster in FOLDER/data on a free port, exported
#                                    in PGPORT, that the client tools log in to
#   bench_pg_throwaway NAME [SETTING…]  a work folder /tmp/NAME.XXXXXX (in work) with a cluster in it (bench_pg_cluster,
#                                    a random password in password), both gone when the script exits
#   bench_mariadb_start DIR PORT [OPTION…]  a new MariaDB in DIR/data on 127.0.0.1:PORT, socket DIR/sock (root logs in
#                                    through it), each OPTION one of mariadbd's; waits until it answers; its process id
#                                    in BENCH_MARIADB_PID
#   bench_mariadb_stop DIR           shuts it down

bench_as_pg=()
[[ $(id -u) -ne 0 ]] || bench_as_pg=(runuser -u postgres --)

bench_tools() {
  local hint="$1" tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing: $hint" >&2; exit 1; }
  done
}

bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

bench_pg_find() {
  local tool
  pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  for tool in pg_ctl "$@"; do
    [[ -x "$pgbin/$tool" ]] || { echo "bench: PostgreSQL's $tool not found: apt-get install postgresql" >&2; exit 1; }
  done
}

bench_pg_init() {
  local folder pwfile
  folder="$(dirname "$1")"
  pwfile="$folder/pw"
  mkdir -p "$folder"
  (umask 077; echo "$2" >"$pwfile")
  if [[ ${#bench_as_pg[@]} -gt 0 ]]; then chown postgres: "$folder" "$pwfile"; fi
  "${bench_as_pg[@]}" "$pgbin/initdb" -D "$1" -U postgres --pwfile="$pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
}

bench_pg_start() {
  local data="$1" setting
  local options="-c listen_addresses=127.0.0.1 -p $2 -k $(dirname "$1")"
  shift 2
  for setting in "$@"; do options+=" -c $setting"; done
  "${bench_as_pg[@]}" "$pgbin/pg_ctl" -D "$data" -l "$data.log" -w -t 600 -o "$options" start >/dev/null \
    || { echo "bench: PostgreSQL in $data did not start:" >&2; tail -5 "$data.log" >&2; return 1; }
}

bench_pg_stop() {
  "${bench_as_pg[@]}" "$pgbin/pg_ctl" -D "$1" -m "${2:-fast}" -w stop >/dev/null
}

bench_pg_login() {
  echo "127.0.0.1:*:*:postgres:$2" >"$1/pgpass"
  chmod 600 "$1/pgpass"
  export PGPASSFILE="$1/pgpass" PGHOST=127.0.0.1 PGUSER=postgres
}

bench_pg_cluster() {
  PGPORT="$(bench_free_port)"
  bench_pg_init "$1/data" "$2"
  bench_pg_start "$1/data" "$PGPORT" "${@:3}"
  bench_pg_login "$1" "$2"
  export PGPORT
}

bench_pg_throwaway() {
  work="$(mktemp -d "/tmp/$1.XXXXXX")"
  chmod 755 "$work"
  password="bench-$RANDOM$RANDOM"
  trap 'bench_pg_stop "$work/data" immediate 2>/dev/null; rm -rf "$work"' EXIT
  bench_pg_cluster "$work" "$password" "${@:2}"
}

bench_mariadb_start() {
  local dir="$1" port="$2"
  shift 2
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown mysql: "$dir"; fi
  mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db >/dev/null
  mariadbd --no-defaults --user=mysql --datadir="$dir/data" --bind-address=127.0.0.1 --port="$port" \
    --socket="$dir/sock" --pid-file="$dir/pid" --log-error="$dir/error.log" --skip-name-resolve "$@" &
  BENCH_MARIADB_PID=$!
  for _ in $(seq 120); do
    mariadb-admin --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: MariaDB in $dir did not start:" >&2
  tail -5 "$dir/error.log" >&2
  return 1
}

bench_mariadb_stop() {
  mariadb-admin --no-defaults --socket="$1/sock" -uroot shutdown >/dev/null
}
