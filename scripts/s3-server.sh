#!/usr/bin/env bash
# Starts an S3-protocol server (npm s3rver) on 127.0.0.1 for the tests and notebooks, unless one already answers there.
# Idempotent: installs s3rver into a private folder when it is missing, starts it in the background with its own data
# folder, and waits until it answers. s3rver accepts the access key S3RVER with the secret key S3RVER.
#
#   scripts/s3-server.sh          start (when not running) and wait
#   scripts/s3-server.sh stop     stop the server this script started
#
# Environment: DEVENDPOINT_S3_PORT (default 54569), DEVENDPOINT_SERVERS (default $HOME/.devendpoint/servers).
set -euo pipefail

S3RVER_VERSION=3.7.1
PORT="${DEVENDPOINT_S3_PORT:-54569}"
FOLDER="${DEVENDPOINT_SERVERS:-$HOME/.devendpoint/servers}/s3rver"
BIN="$FOLDER/node_modules/.bin/s3rver"
DATA="$FOLDER/data"
PID_FILE="$FOLDER/s3rver.pid"
LOG="$FOLDER/s3rver.log"
URL="http://127.0.0.1:$PORT"

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

answers() {
    # Any HTTP answer counts (an anonymous request gets 403 from S3 servers); curl prints 000 when nothing listens.
    local code
    command -v curl >/dev/null || return 1
    code="$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/" || true)"
    [[ $code != 000 ]]
}

install() {
    if [[ -x $BIN ]] && [[ $("$BIN" --version 2>/dev/null) == "$S3RVER_VERSION" ]]; then
        return
    fi
    if ! command -v npm >/dev/null || ! command -v curl >/dev/null; then
        echo "installing npm and curl (Debian packages) for s3rver"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm curl >/dev/null
    fi
    echo "installing s3rver $S3RVER_VERSION into $FOLDER"
    mkdir -p "$FOLDER"
    npm install --prefix "$FOLDER" --no-audit --no-fund --loglevel=error "s3rver@$S3RVER_VERSION"
}

start() {
    if answers; then
        echo "S3 server answers at $URL"
        return
    fi
    install
    mkdir -p "$DATA"
    # setsid: the server outlives this script and the build that called it. s3rver makes its list continuation tokens
    # with DES, which OpenSSL 3 (Node 17 and later) keeps in its legacy provider: without it, paged listings fail.
    NODE_OPTIONS=--openssl-legacy-provider setsid "$BIN" -d "$DATA" -a 127.0.0.1 -p "$PORT" --silent >"$LOG" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    local i
    for ((i = 0; i < 100; i++)); do
        if answers; then
            echo "S3 server (s3rver $S3RVER_VERSION) started at $URL, data in $DATA"
            return
        fi
        if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
            break
        fi
        sleep 0.2
    done
    echo "s3rver did not answer at $URL; its log ($LOG):" >&2
    cat "$LOG" >&2
    return 1
}

stop() {
    [[ -f $PID_FILE ]] || return 0
    kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE"
}

case "${1:-start}" in
start) start ;;
stop) stop ;;
*)
    echo "usage: $0 [start|stop]" >&2
    exit 2
    ;;
esac
