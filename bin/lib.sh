# shellcheck shell=bash
# Shared by bin/serve and tests/run: find Odoo, install what is missing,
# start the database server. Sourced, never run on its own.
#
# Everything the scripts create lives under .local/ (git-ignored): the
# virtual environment, the private PostgreSQL cluster, logs, the filestore.

set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL_DIR="$PROJECT_DIR/.local"
VENV_DIR="${MAZPULKI_VENV:-$LOCAL_DIR/venv}"
PG_DATA="$LOCAL_DIR/pgdata"
PG_SOCKET_DIR="$LOCAL_DIR/pgrun"
ODOO_CONF="$PROJECT_DIR/config/odoo.conf"
# What Odoo runs with: config/odoo.conf plus the master password (see prepare_config).
RUN_CONF="$LOCAL_DIR/odoo.conf"
MASTER_PASSWORD_FILE="$LOCAL_DIR/master-password"
SUITE_MODULES="mazpulki_members"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() {
    printf '\n\033[1;31mERROR: %s\033[0m\n\n' "$*" >&2
    exit 1
}

# --- Odoo -----------------------------------------------------------------

find_odoo() {
    local candidate
    for candidate in "${ODOO_HOME:-}" /opt/odoo "$PROJECT_DIR/../odoo" "$HOME/odoo"; do
        [ -n "$candidate" ] || continue
        if [ -x "$candidate/odoo-bin" ] && [ -f "$candidate/odoo/release.py" ]; then
            ODOO_HOME=$(cd "$candidate" && pwd)
            break
        fi
        if [ -n "${ODOO_HOME:-}" ] && [ "$candidate" = "$ODOO_HOME" ]; then
            die "ODOO_HOME=$ODOO_HOME is not an Odoo source tree (no odoo-bin or odoo/release.py there)."
        fi
    done
    if [ -z "${ODOO_HOME:-}" ] || [ ! -x "$ODOO_HOME/odoo-bin" ]; then
        die "Odoo 18.0 was not found.
  This suite runs on an Odoo 18.0 Community source tree, which it never contains.
  Get one from Odoo's official source:
      git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git /opt/odoo
  (or the 18.0 source tarball from https://nightly.odoo.com/18.0/nightly/src/),
  then run again with  ODOO_HOME=/opt/odoo  (/opt/odoo is also looked at by default)."
    fi
    local series
    series=$(sed -n "s/^version_info = (\([0-9]*\), \([0-9]*\),.*/\1.\2/p" "$ODOO_HOME/odoo/release.py")
    [ "$series" = "18.0" ] || die "ODOO_HOME=$ODOO_HOME holds Odoo $series; this suite needs Odoo 18.0."
    export ODOO_HOME
}

# The suite's add-ons under addons/, comma-separated: every add-on except the bridges
# (auto_install add-ons that join the suite to an optional Odoo app: Odoo installs
# them by itself when their dependencies are there).
suite_modules() {
    python3 - "$PROJECT_DIR/addons" <<'PY'
import ast, pathlib, sys
names = []
for manifest in sorted(pathlib.Path(sys.argv[1]).glob("*/__manifest__.py")):
    if not ast.literal_eval(manifest.read_text()).get("auto_install"):
        names.append(manifest.parent.name)
print(",".join(names))
PY
}

# Odoo's standard apps the suite is tested beside (tests/run --with-apps).
WITH_APPS="hr_timesheet,project,event_sale,website_event_sale,mass_mailing,mass_mailing_event,survey"

addons_path() {
    printf '%s/odoo/addons,%s/addons' "$ODOO_HOME" "$PROJECT_DIR"
}

# --- system packages (Debian) ---------------------------------------------

apt_install_missing() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "Missing system packages (${missing[*]}) and no apt-get to install them."
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    say "Installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_system_packages() {
    # Build headers for Odoo's requirements, the database server, the browser
    # for tours, wkhtmltopdf for QWeb PDF reports and poppler's pdftotext to
    # read their text back in tests.
    apt_install_missing libpq-dev libldap2-dev libsasl2-dev postgresql postgresql-client \
        chromium wkhtmltopdf fonts-dejavu-core poppler-utils
}

# --- Python ---------------------------------------------------------------

install_venv() {
    local stamp="$VENV_DIR/.mazpulki-stamp" want
    want=$(cat "$ODOO_HOME/requirements.txt" "$PROJECT_DIR/requirements.txt" \
        "$PROJECT_DIR/requirements-dev.txt" | sha1sum | cut -c1-16)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    say "Preparing the Python environment in $VENV_DIR"
    [ -x "$VENV_DIR/bin/python" ] || python3 -m venv "$VENV_DIR"
    # Odoo 18's pinned sdists (gevent, psycopg2, ...) do not build with
    # setuptools 70+; hold the build environments back.
    local constraints="$LOCAL_DIR/pip-build-constraints.txt"
    mkdir -p "$LOCAL_DIR"
    echo "setuptools<70" >"$constraints"
    PIP_CONSTRAINT="$constraints" "$VENV_DIR/bin/pip" install -q --upgrade "pip<25" wheel "setuptools<70"
    PIP_CONSTRAINT="$constraints" "$VENV_DIR/bin/pip" install -q \
        -r "$ODOO_HOME/requirements.txt" -r "$PROJECT_DIR/requirements.txt" \
        -r "$PROJECT_DIR/requirements-dev.txt"
    echo "$want" >"$stamp"
}

# --- PostgreSQL -----------------------------------------------------------

# A configured server wins: standard PG* variables, or db_host in the config.
external_db_configured() {
    [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] && return 0
    grep -Eq '^\s*db_host\s*=\s*\S' "$ODOO_CONF" 2>/dev/null && ! grep -Eq '^\s*db_host\s*=\s*False\s*$' "$ODOO_CONF"
}

pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] || die "PostgreSQL server binaries not found (Debian package 'postgresql')."
    echo "$dir"
}

# PostgreSQL refuses to run as root: when we are root, the cluster belongs
# to Debian's 'postgres' system user.
as_pg_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# The cluster lives in .local/; when the 'postgres' user cannot reach it (a
# parent folder closed to others, as /root is) or the socket path would pass
# the kernel's 107-character limit, it lives in /tmp under a name derived from
# the project folder, and .local/pgdata and .local/pgrun point there.
relocate_cluster_if_needed() {
    [ "$(id -u)" -eq 0 ] || return 0
    mkdir -p "$LOCAL_DIR"
    [ -L "$PG_DATA" ] && return 0
    if runuser -u postgres -- test -x "$LOCAL_DIR" && [ ${#PG_SOCKET_DIR} -lt 90 ]; then
        return 0
    fi
    local outside
    outside="/tmp/mazpulki-pg-$(echo "$PROJECT_DIR" | sha1sum | cut -c1-12)"
    say "The 'postgres' user cannot use $LOCAL_DIR; the private cluster lives in $outside"
    mkdir -p "$outside/pgdata" "$outside/pgrun"
    chmod 755 "$outside"
    [ -e "$PG_DATA" ] || ln -s "$outside/pgdata" "$PG_DATA"
    [ -e "$PG_SOCKET_DIR" ] || ln -s "$outside/pgrun" "$PG_SOCKET_DIR"
    PG_DATA="$outside/pgdata"
    PG_SOCKET_DIR="$outside/pgrun"
}

start_embedded_postgres() {
    local bindir
    bindir=$(pg_bindir)
    relocate_cluster_if_needed
    if [ -L "$PG_DATA" ]; then
        PG_DATA=$(readlink -f "$PG_DATA")
        PG_SOCKET_DIR=$(readlink -f "$PG_SOCKET_DIR")
    fi
    mkdir -p "$PG_DATA" "$PG_SOCKET_DIR"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PG_DATA" "$PG_SOCKET_DIR"
        chmod 700 "$PG_DATA"
    fi
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        say "Creating the private PostgreSQL cluster in $PG_DATA"
        as_pg_owner "$bindir/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg_owner "$bindir/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        say "Starting PostgreSQL on the Unix socket in $PG_SOCKET_DIR"
        as_pg_owner "$bindir/pg_ctl" -D "$PG_DATA" -w -l "$PG_DATA/server.log" \
            -o "-c listen_addresses='' -c unix_socket_directories='$PG_SOCKET_DIR' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null || die "PostgreSQL did not start; see $PG_DATA/server.log"
    fi
    # Odoo refuses to connect as 'postgres'; it gets a role of its own.
    if [ "$(psql -h "$PG_SOCKET_DIR" -U postgres -d postgres -tAXc "SELECT 1 FROM pg_roles WHERE rolname = 'odoo'")" != 1 ]; then
        psql -h "$PG_SOCKET_DIR" -U postgres -d postgres -qXc "CREATE ROLE odoo LOGIN CREATEDB" >/dev/null
    fi
    DB_ARGS=(--db_host="$PG_SOCKET_DIR" --db_port=5432 --db_user=odoo)
    export PGHOST="$PG_SOCKET_DIR" PGPORT=5432 PGUSER=odoo
}

# psql against the suite's database server (PG* variables are set above).
pg_query() {
    psql -d "${2:-postgres}" -tAXc "$1"
}

# Is the suite installed in database $1?
db_has_suite() {
    local exists
    exists=$(echo "SELECT 1 FROM pg_database WHERE datname = :'dbname'" | psql -d postgres -tAX -v dbname="$1")
    [ "$exists" = 1 ] || return 1
    [ "$(pg_query "SELECT 1 FROM ir_module_module WHERE name = 'mazpulki_members' AND state = 'installed'" "$1" 2>/dev/null)" = 1 ]
}

prepare_database_server() {
    if external_db_configured; then
        say "Using the configured PostgreSQL server (PG* variables or config/odoo.conf)"
        command -v psql >/dev/null || die "psql (Debian package 'postgresql-client') is missing."
        # The config file's settings feed psql too, unless PG* says otherwise.
        local key var value
        for key in host port user password; do
            var="PG${key^^}"
            value=$(sed -nE "s/^\s*db_${key}\s*=\s*(\S+)\s*$/\1/p" "$ODOO_CONF" | tail -n 1)
            if [ -z "${!var:-}" ] && [ -n "$value" ] && [ "$value" != "False" ]; then
                export "$var=$value"
            fi
        done
        DB_ARGS=()
        [ -n "${PGHOST:-}" ] && DB_ARGS+=(--db_host="$PGHOST")
        [ -n "${PGPORT:-}" ] && DB_ARGS+=(--db_port="$PGPORT")
        [ -n "${PGUSER:-}" ] && DB_ARGS+=(--db_user="$PGUSER")
        [ -n "${PGPASSWORD:-}" ] && DB_ARGS+=(--db_password="$PGPASSWORD")
        return 0
    fi
    start_embedded_postgres
}

# --- configuration ----------------------------------------------------------

# The master password (database manager) is never a fixed word: it comes from
# MAZPULKI_MASTER_PASSWORD or is generated once into .local/master-password.
# Odoo runs with .local/odoo.conf, config/odoo.conf plus that password, so the
# password shows neither in git nor on a command line.
prepare_config() {
    mkdir -p "$LOCAL_DIR"
    local password="${MAZPULKI_MASTER_PASSWORD:-}"
    if [ -z "$password" ]; then
        if [ ! -s "$MASTER_PASSWORD_FILE" ]; then
            (umask 077 && head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$MASTER_PASSWORD_FILE")
            say "Generated the master password of the database manager into $MASTER_PASSWORD_FILE"
        fi
        password=$(cat "$MASTER_PASSWORD_FILE")
    fi
    grep -Eq '^\s*admin_passwd\s*=' "$ODOO_CONF" &&
        die "config/odoo.conf sets admin_passwd; remove it (use MAZPULKI_MASTER_PASSWORD or $MASTER_PASSWORD_FILE)."
    # the umask applies before the file is opened: it is never readable by others, not even for a moment
    (
        umask 077
        {
            cat "$ODOO_CONF"
            printf '\n; Added by bin/lib.sh (MAZPULKI_MASTER_PASSWORD or %s); edit config/odoo.conf instead.\n' \
                "$MASTER_PASSWORD_FILE"
            printf 'admin_passwd = %s\n' "$password"
            # The suite's filestore and add-ons: an Odoo started by hand with this file (odoo-bin -c
            # .local/odoo.conf -i some_app) must find the attachments bin/serve stored, or every file
            # reads as empty (and an app whose demo data reads one fails to install).
            printf 'data_dir = %s\n' "$LOCAL_DIR/filestore"
            printf 'addons_path = %s\n' "$(addons_path)"
        } >"$RUN_CONF.tmp"
    )
    chmod 600 "$RUN_CONF.tmp"
    mv "$RUN_CONF.tmp" "$RUN_CONF"
}

# odoo_bin [server|shell|db] ARGS...: Odoo's own command line with the
# project's configuration, addons path, filestore and database server.
odoo_bin() {
    local cmd=server
    case "${1:-}" in server | shell | db) cmd=$1 && shift ;; esac
    local extra=(--addons-path="$(addons_path)")
    [ "$cmd" = db ] && extra=()
    "$VENV_DIR/bin/python" "$ODOO_HOME/odoo-bin" "$cmd" -c "$RUN_CONF" \
        "${extra[@]}" --data-dir="${MAZPULKI_DATA_DIR:-$LOCAL_DIR/filestore}" "${DB_ARGS[@]}" "$@"
}

drop_database() {
    dropdb --if-exists --force "$1"
    rm -rf "$LOCAL_DIR/filestore/filestore/$1"
}

setup_all() {
    find_odoo
    install_system_packages
    install_venv
    prepare_database_server
    prepare_config
}

# --- going live (bin/backup, bin/restore, bin/upgrade, bin/deploy) ----------

# The filestore (attachments) of database $1, as odoo_bin's --data-dir lays it
# out (MAZPULKI_DATA_DIR on a server, as in bin/deploy).
filestore_dir() {
    printf '%s/filestore/%s' "${MAZPULKI_DATA_DIR:-$LOCAL_DIR/filestore}" "$1"
}

# Every add-on of addons/, bridges included, comma-separated (an update names them all: Odoo
# updates those that are installed).
all_suite_addons() {
    find "$PROJECT_DIR/addons" -mindepth 2 -maxdepth 2 -name __manifest__.py -printf '%h\n' |
        xargs -n1 basename | sort | paste -sd, -
}
