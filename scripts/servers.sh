#!/usr/bin/env bash
# Test servers on 127.0.0.1 for DevEndpoint's connection tests and notebooks: PostgreSQL on port 55432 and MariaDB on
# port 53306, each with a `shop` database (seed data below) and a password user. Idempotent: installs the Debian package
# when missing, initialises a private data folder once, starts the server unless it already answers, and seeds `shop`
# once (again when SERVERS_SEED changes).
#
#   scripts/servers.sh start    start both, then print the export lines (eval "$(scripts/servers.sh start | tail -n 6)")
#   scripts/servers.sh env      print the export lines only
#   scripts/servers.sh stop     stop both
# or source it and call start_postgres / start_mariadb / export_server_env (build.sh does).
#
# Data lives in $DEVENDPOINT_SERVERS (default /tmp/devendpoint-servers). PostgreSQL refuses to run as root: as root the
# servers run as the Debian packages' postgres and mysql users.

DEVENDPOINT_SERVERS="${DEVENDPOINT_SERVERS:-/tmp/devendpoint-servers}"
DEVENDPOINT_PG_PORT="${DEVENDPOINT_PG_PORT:-55432}"
DEVENDPOINT_MYSQL_PORT="${DEVENDPOINT_MYSQL_PORT:-53306}"
# Test-only credentials for servers that listen on loopback alone.
DEVENDPOINT_TEST_USER=devendpoint_test
DEVENDPOINT_TEST_SECRET='Tst-9fQ2;x"pw'
# The seed data's version: `shop` is dropped and seeded again only when it differs (change it with the seed), so that
# test runs sharing the servers do not pull tables from under each other.
SERVERS_SEED="devendpoint seed 1"

servers_as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Runs "$@" as the user a server runs as: $1 is that user when we are root, else ourselves.
servers_run_as() {
    local user=$1
    shift
    if [[ $(id -u) -eq 0 ]]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

servers_install() {
    local package=$1
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' && return 0
    echo "installing $package"
    servers_as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    servers_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$package"
}

# The SQL literal of the test password (single quotes doubled).
servers_secret_literal() {
    printf "'%s'" "${DEVENDPOINT_TEST_SECRET//\'/\'\'}"
}

# ---------------------------------------------------------------- PostgreSQL

postgres_bin() {
    local bin
    bin="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n1)"
    [[ -x $bin/pg_ctl ]] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; return 1; }
    echo "$bin"
}

start_postgres() {
    servers_install postgresql
    local bin data owner=postgres
    bin="$(postgres_bin)"
    data="$DEVENDPOINT_SERVERS/postgres"
    [[ $(id -u) -eq 0 ]] || owner="$(id -un)"
    mkdir -p "$DEVENDPOINT_SERVERS"
    if [[ ! -f $data/PG_VERSION ]]; then
        echo "initialising PostgreSQL in $data"
        rm -rf "$data"
        mkdir -p "$data"
        chown "$owner" "$data"
        chmod 700 "$data"
        servers_run_as "$owner" "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$DEVENDPOINT_PG_PORT"; then
        echo "starting PostgreSQL on 127.0.0.1:$DEVENDPOINT_PG_PORT"
        servers_run_as "$owner" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
            -o "-p $DEVENDPOINT_PG_PORT -c listen_addresses=127.0.0.1 -k $data" start >/dev/null 9>&-
    fi
    servers_run_as "$owner" psql -q -v ON_ERROR_STOP=1 -h "$data" -p "$DEVENDPOINT_PG_PORT" -U postgres -d postgres <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$DEVENDPOINT_TEST_USER')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DEVENDPOINT_TEST_USER')\gexec
ALTER ROLE $DEVENDPOINT_TEST_USER WITH LOGIN CREATEDB CREATEROLE PASSWORD $(servers_secret_literal);
SELECT 'CREATE DATABASE shop OWNER $DEVENDPOINT_TEST_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'shop')\gexec
SQL
    local seeded
    seeded="$(PGPASSWORD="$DEVENDPOINT_TEST_SECRET" psql -qtA -h 127.0.0.1 -p "$DEVENDPOINT_PG_PORT" -U "$DEVENDPOINT_TEST_USER" -d shop \
        -c "SELECT obj_description('public'::regnamespace, 'pg_namespace')")"
    if [[ $seeded == "$SERVERS_SEED" ]]; then
        return 0
    fi
    echo "seeding shop on PostgreSQL ($SERVERS_SEED)"
    PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$DEVENDPOINT_TEST_SECRET" psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DEVENDPOINT_PG_PORT" \
        -U "$DEVENDPOINT_TEST_USER" -d shop -v seed="$SERVERS_SEED" <<'SQL'
DROP SCHEMA IF EXISTS public CASCADE;
DROP SCHEMA IF EXISTS archive CASCADE;
CREATE SCHEMA public;
CREATE SCHEMA archive;
CREATE TABLE public.customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email varchar(200),
    country char(2),
    signed_up timestamptz NOT NULL);
COMMENT ON TABLE public.customers IS 'People who ordered at least once';
COMMENT ON COLUMN public.customers.email IS 'Contact address';
CREATE TABLE public.orders (
    id bigint PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customers (id),
    amount numeric(10,2) NOT NULL,
    quantity smallint NOT NULL,
    status varchar(20) NOT NULL,
    ordered_on date NOT NULL,
    shipped boolean,
    tags text[],
    details jsonb);
INSERT INTO public.customers
SELECT i, 'customer ' || i, CASE WHEN i % 5 = 0 THEN NULL ELSE 'c' || i || '@example.com' END,
       (ARRAY['DE','FR','US','JP'])[1 + i % 4], timestamptz '2024-01-01 00:00:00+00' + i * interval '1 day'
FROM generate_series(1, 40) AS i;
INSERT INTO public.customers VALUES (41, 'O''Brien; DROP TABLE orders', NULL, 'IE', '2024-03-01 12:00:00+00');
INSERT INTO public.orders
SELECT i, 1 + i % 41, round((i * 7.25) % 500, 2), 1 + i % 9,
       (ARRAY['new','shipped','returned'])[1 + i % 3], date '2024-01-01' + i % 365,
       CASE WHEN i % 7 = 0 THEN NULL ELSE i % 2 = 0 END,
       ARRAY['t' || i % 3], jsonb_build_object('channel', CASE WHEN i % 2 = 0 THEN 'web' ELSE 'shop' END)
FROM generate_series(1, 1000) AS i;
CREATE VIEW public.big_orders AS SELECT id, customer_id, amount FROM public.orders WHERE amount > 400;
CREATE TABLE archive.orders_2023 (id bigint PRIMARY KEY, amount numeric(10,2));
INSERT INTO archive.orders_2023 VALUES (1, 10.50), (2, 20.25);
ANALYZE public.customers, public.orders, archive.orders_2023;
COMMENT ON SCHEMA public IS :'seed';
SQL
}

stop_postgres() {
    local bin data="$DEVENDPOINT_SERVERS/postgres" owner=postgres
    bin="$(postgres_bin)" || return 0
    [[ $(id -u) -eq 0 ]] || owner="$(id -un)"
    [[ -f $data/postmaster.pid ]] && servers_run_as "$owner" "$bin/pg_ctl" -D "$data" -m fast -w stop
    return 0
}

# ---------------------------------------------------------------- MariaDB

mariadb_socket() { echo "$DEVENDPOINT_SERVERS/mariadb/server.sock"; }

# Runs the mariadb client as the server's administrator (unix_socket authentication as the OS user).
mariadb_admin() {
    local owner=mysql
    [[ $(id -u) -eq 0 ]] || owner="$(id -un)"
    if [[ $(id -u) -eq 0 ]]; then
        mariadb --socket="$(mariadb_socket)" -uroot "$@"
    else
        mariadb --socket="$(mariadb_socket)" -u"$owner" "$@"
    fi
}

start_mariadb() {
    servers_install mariadb-server
    local data="$DEVENDPOINT_SERVERS/mariadb" owner=mysql attempt
    [[ $(id -u) -eq 0 ]] || owner="$(id -un)"
    mkdir -p "$DEVENDPOINT_SERVERS"
    if [[ ! -d $data/mysql ]]; then
        echo "initialising MariaDB in $data"
        rm -rf "$data"
        mkdir -p "$data"
        chown "$owner" "$data"
        mariadb-install-db --user="$owner" --datadir="$data" --auth-root-authentication-method=socket --skip-test-db >/dev/null
    fi
    if ! mariadb-admin --socket="$(mariadb_socket)" ping >/dev/null 2>&1; then
        echo "starting MariaDB on 127.0.0.1:$DEVENDPOINT_MYSQL_PORT"
        setsid /usr/sbin/mariadbd --no-defaults --user="$owner" --datadir="$data" --port="$DEVENDPOINT_MYSQL_PORT" \
            --bind-address=127.0.0.1 --socket="$(mariadb_socket)" --pid-file="$data/server.pid" \
            --log-error="$data/server.log" --skip-name-resolve </dev/null >/dev/null 2>&1 9>&- &
        for attempt in $(seq 1 60); do
            mariadb-admin --socket="$(mariadb_socket)" ping >/dev/null 2>&1 && break
            ((attempt == 60)) && { echo "MariaDB did not start; see $data/server.log" >&2; return 1; }
            sleep 1
        done
    fi
    mariadb_admin >/dev/null <<SQL
CREATE USER IF NOT EXISTS '$DEVENDPOINT_TEST_USER'@'127.0.0.1';
ALTER USER '$DEVENDPOINT_TEST_USER'@'127.0.0.1' IDENTIFIED BY $(servers_secret_literal);
GRANT ALL PRIVILEGES ON *.* TO '$DEVENDPOINT_TEST_USER'@'127.0.0.1';
SQL
    local seeded
    seeded="$(mariadb_admin -N -e "SELECT SCHEMA_COMMENT FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'shop'")"
    if [[ $seeded == "$SERVERS_SEED" ]]; then
        return 0
    fi
    echo "seeding shop on MariaDB ($SERVERS_SEED)"
    mariadb_admin >/dev/null <<SQL
DROP DATABASE IF EXISTS shop;
CREATE DATABASE shop CHARACTER SET utf8mb4 COMMENT '$SERVERS_SEED';
USE shop;
CREATE TABLE customers (
    id INT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(200) COMMENT 'Contact address',
    country CHAR(2),
    signed_up DATETIME NOT NULL) COMMENT 'People who ordered at least once';
CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    customer_id INT NOT NULL,
    amount DECIMAL(10,2) NOT NULL,
    quantity SMALLINT NOT NULL,
    status VARCHAR(20) NOT NULL,
    ordered_on DATE NOT NULL,
    shipped TINYINT(1),
    details JSON);
INSERT INTO customers
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
SELECT i, CONCAT('customer ', i), IF(i % 5 = 0, NULL, CONCAT('c', i, '@example.com')),
       ELT(1 + i % 4, 'DE', 'FR', 'US', 'JP'), '2024-01-01 00:00:00' + INTERVAL i DAY FROM n;
INSERT INTO customers VALUES (41, 'O''Brien; DROP TABLE orders', NULL, 'IE', '2024-03-01 12:00:00');
INSERT INTO orders
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
SELECT i, 1 + i % 41, ROUND(MOD(i * 7.25, 500), 2), 1 + i % 9, ELT(1 + i % 3, 'new', 'shipped', 'returned'),
       DATE '2024-01-01' + INTERVAL (i % 365) DAY, IF(i % 7 = 0, NULL, i % 2 = 0),
       JSON_OBJECT('channel', IF(i % 2 = 0, 'web', 'shop')) FROM n;
CREATE VIEW big_orders AS SELECT id, customer_id, amount FROM orders WHERE amount > 400;
ANALYZE TABLE customers, orders;
SQL
}

stop_mariadb() {
    mariadb-admin --socket="$(mariadb_socket)" ping >/dev/null 2>&1 || return 0
    mariadb_admin -e 'SHUTDOWN' || true
    local attempt
    for attempt in $(seq 1 60); do
        [[ -f $DEVENDPOINT_SERVERS/mariadb/server.pid ]] || return 0
        sleep 1
    done
    echo "MariaDB did not stop within 60 s" >&2
    return 1
}

# ---------------------------------------------------------------- environment for tests and notebooks

# The variables tests and notebooks find the servers by (tests skip, saying why, when they are absent).
export_server_env() {
    export DEVENDPOINT_TEST_POSTGRES="Host=127.0.0.1;Port=$DEVENDPOINT_PG_PORT;Database=shop"
    export DEVENDPOINT_TEST_POSTGRES_USER="$DEVENDPOINT_TEST_USER"
    export DEVENDPOINT_TEST_POSTGRES_PASSWORD="$DEVENDPOINT_TEST_SECRET"
    export DEVENDPOINT_TEST_MYSQL="Server=127.0.0.1;Port=$DEVENDPOINT_MYSQL_PORT;Database=shop"
    export DEVENDPOINT_TEST_MYSQL_USER="$DEVENDPOINT_TEST_USER"
    export DEVENDPOINT_TEST_MYSQL_PASSWORD="$DEVENDPOINT_TEST_SECRET"
}

print_server_env() {
    export_server_env
    local name
    for name in DEVENDPOINT_TEST_POSTGRES DEVENDPOINT_TEST_POSTGRES_USER DEVENDPOINT_TEST_POSTGRES_PASSWORD \
        DEVENDPOINT_TEST_MYSQL DEVENDPOINT_TEST_MYSQL_USER DEVENDPOINT_TEST_MYSQL_PASSWORD; do
        printf 'export %s=%q\n' "$name" "${!name}"
    done
}

# Starts both servers (one caller at a time: concurrent test runs share them) and exports their variables.
# The servers are started with the lock's descriptor closed, so that they do not hold the lock while they run.
start_servers() {
    mkdir -p "$DEVENDPOINT_SERVERS"
    (
        flock -w 600 9 || { echo "another start of the test servers holds $DEVENDPOINT_SERVERS/servers.lock" >&2; exit 1; }
        start_postgres
        start_mariadb
    ) 9>"$DEVENDPOINT_SERVERS/servers.lock"
    export_server_env
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    case "${1:-}" in
    start)
        start_servers
        print_server_env
        ;;
    stop)
        stop_postgres
        stop_mariadb
        ;;
    env) print_server_env ;;
    *)
        echo "Usage: scripts/servers.sh start|stop|env" >&2
        exit 2
        ;;
    esac
fi
