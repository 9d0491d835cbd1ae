#!/usr/bin/env bash
# dgraph.sh: a throwaway Dgraph cluster on loopback for kg's tests and benchmarks.
#
#   scripts/dgraph.sh build            build the server (once; cached) and print its path
#   scripts/dgraph.sh start [ALPHAS]   start one zero and ALPHAS alphas (default 1, each its own
#                                      group) with data in a new temporary folder; print the first
#                                      alpha's gRPC address on stdout, and on stderr the folder
#                                      to pass to stop ($KG_DGRAPH_DIR, when set, names the folder)
#   scripts/dgraph.sh stop DIR         stop the cluster started in DIR (by the PIDs recorded
#                                      there) and delete DIR
#
# The server is built from tools/dgraph (a module of its own, kept out of kg's go.mod) into
# $KG_DGRAPH_CACHE (default ~/.cache/kg/dgraph). A cold build takes about 4-5 minutes.
# Everything listens on 127.0.0.1 only: zero on 5080/6080, alpha N on 7080+N, 8080+N (HTTP)
# and 9080+N (gRPC).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${KG_DGRAPH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kg/dgraph}
version=v25.3.0
bin=$cache/dgraph-$version

die() { echo "dgraph.sh: $*" >&2; exit 1; }

build() {
	if [ -x "$bin" ]; then
		echo "$bin"
		return
	fi
	mkdir -p "$cache"
	echo "dgraph.sh: building the Dgraph $version server into $bin (a few minutes, once)" >&2
	(cd "$root/tools/dgraph" && go build -o "$bin.tmp" github.com/dgraph-io/dgraph/v25/dgraph) >&2 ||
		{ rm -f "$bin.tmp"; die "build failed"; }
	mv "$bin.tmp" "$bin"
	echo "$bin"
}

port_free() { ! ss -Hltn "sport = :$1" | grep -q .; }

# wait_healthy URL SECONDS: poll a Dgraph /health endpoint until it answers 200.
wait_healthy() {
	local url=$1 deadline=$((SECONDS + $2))
	while [ $SECONDS -lt $deadline ]; do
		if curl -fsS --max-time 1 "$url" >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.3
	done
	return 1
}

start() {
	local alphas=${1:-1}
	[ -x "$bin" ] || die "no server at $bin: run scripts/dgraph.sh build first"
	for p in 5080 6080; do port_free $p || die "port $p is in use: is another Dgraph running?"; done
	for ((i = 0; i < alphas; i++)); do
		for p in $((7080 + i)) $((8080 + i)) $((9080 + i)); do
			port_free $p || die "port $p is in use: is another Dgraph running?"
		done
	done
	local dir=${KG_DGRAPH_DIR:-}
	if [ -z "$dir" ]; then
		dir=$(mktemp -d "${TMPDIR:-/tmp}/kg-dgraph.XXXXXX")
	fi
	mkdir -p "$dir"
	(cd "$dir" && exec "$bin" zero --bindall=false --my=127.0.0.1:5080 --replicas 1 \
		--telemetry "reports=false;" --wal "$dir/zw" >"$dir/zero.log" 2>&1) &
	echo $! >"$dir/pids"
	if ! wait_healthy http://127.0.0.1:6080/health 60; then
		stop "$dir"
		die "zero did not become healthy within 60 s (log: kept above)"
	fi
	for ((i = 0; i < alphas; i++)); do
		(cd "$dir" && exec "$bin" alpha --bindall=false --my=127.0.0.1:$((7080 + i)) --port_offset $i \
			--zero=127.0.0.1:5080 --cache "size-mb=128" --security "whitelist=127.0.0.1" \
			--telemetry "reports=false;" -p "$dir/p$i" -w "$dir/w$i" --tmp "$dir/t$i" \
			>"$dir/alpha$i.log" 2>&1) &
		echo $! >>"$dir/pids"
		# Alphas join one at a time, so that each gets a group of its own in order.
		if ! wait_healthy "http://127.0.0.1:$((8080 + i))/health" 90; then
			tail -n 20 "$dir/alpha$i.log" >&2 || true
			stop "$dir"
			die "alpha $i did not become healthy within 90 s"
		fi
	done
	echo "dgraph.sh: cluster running; stop it with: scripts/dgraph.sh stop $dir" >&2
	echo "127.0.0.1:9080"
}

stop() {
	local dir=${1:?usage: dgraph.sh stop DIR}
	[ -f "$dir/pids" ] || die "$dir has no pids file: not a folder dgraph.sh start made"
	local pids
	pids=$(tac "$dir/pids")
	for pid in $pids; do kill "$pid" 2>/dev/null || true; done
	for pid in $pids; do
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$pid" 2>/dev/null || true
	done
	case $dir in
	"${TMPDIR:-/tmp}"/kg-dgraph.*) rm -rf "$dir" ;;
	esac
}

case ${1:-} in
build) build ;;
start) shift; start "$@" ;;
stop) shift; stop "$@" ;;
*) die "usage: dgraph.sh build | start [ALPHAS] | stop DIR" ;;
esac
