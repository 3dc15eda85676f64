#!/usr/bin/env bash
# A PostgreSQL high-availability cluster on loopback, for tests and for trying failover by hand:
# one etcd, three PostgreSQL 15 nodes managed by Patroni (synchronous_mode: a commit is
# acknowledged only once a second node has it), HAProxy sending the write port to the leader
# and the read port to the replicas (by Patroni's REST health checks), and a pgBackRest
# repository that every leader archives its WAL into. Everything lives under HA_DIR.
#
#   ha/cluster.sh up                 start it all; waits for a leader, a synchronous replica and the stanza
#   ha/cluster.sh down               kill everything it started (by pid file) and remove HA_DIR
#   ha/cluster.sh status             patronictl list
#   ha/cluster.sh leader             the leader's node number (1-3)
#   ha/cluster.sh wait-healthy       wait for a leader, a streaming synchronous replica and three running members
#   ha/cluster.sh kill-postmaster N  kill -9 node N's postmaster (Patroni stays)
#   ha/cluster.sh kill-node N        kill -9 node N's Patroni and PostgreSQL together (the machine died)
#   ha/cluster.sh start-node N       start node N's Patroni again (it rejoins as a replica)
#   ha/cluster.sh switchover         planned switchover to a synchronous replica (patronictl)
#   ha/cluster.sh backup [full|incr] pgBackRest backup of the leader
#   ha/cluster.sh restore TARGET DIR PORT   restore the repository into a fresh cluster in DIR on PORT,
#                                    recovered to TARGET (a timestamp with time zone), then promoted
#   ha/cluster.sh env                the settings, as shell assignments
#
# Settings (environment): HA_DIR (default /tmp/relief-ha), HA_ETCD_PORT (23790; its peer port is
# +10), HA_PG_PORT (55431: nodes on 55431-55433), HA_REST_PORT (58001: 58001-58003),
# HA_WRITE_PORT (55440), HA_READ_PORT (55441), PG_BIN (/usr/lib/postgresql/15/bin).
set -euo pipefail

HA_DIR=${HA_DIR:-/tmp/relief-ha}
HA_ETCD_PORT=${HA_ETCD_PORT:-23790}
HA_PG_PORT=${HA_PG_PORT:-55431}
HA_REST_PORT=${HA_REST_PORT:-58001}
HA_WRITE_PORT=${HA_WRITE_PORT:-55440}
HA_READ_PORT=${HA_READ_PORT:-55441}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
NODES=(1 2 3)
STANZA=relief

pg_port() { echo $((HA_PG_PORT + $1 - 1)); }
rest_port() { echo $((HA_REST_PORT + $1 - 1)); }
node_dir() { echo "$HA_DIR/pg$1"; }

# initdb and postgres refuse to run as root: as root, every process belongs to the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Starts a command in the background, detached from this shell, output to a log, pid to a file.
spawn() {
  local name=$1; shift
  as_pg bash -c 'exec setsid "$@" >>"'"$HA_DIR/log/$name.log"'" 2>&1 </dev/null & echo $! >"'"$HA_DIR/run/$name.pid"'"' _ "$@"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() {
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  echo "ha: gave up waiting for $what after ${seconds}s" >&2
  return 1
}

patronictl_() { as_pg patronictl -c "$HA_DIR/patroni1.yml" "$@"; }
pgbackrest_() { as_pg pgbackrest --config="$HA_DIR/pgbackrest.conf" --stanza=$STANZA "$@"; }

leader() {
  for n in "${NODES[@]}"; do
    if curl -fs -o /dev/null "http://127.0.0.1:$(rest_port "$n")/primary"; then echo "$n"; return 0; fi
  done
  return 1
}

sync_replica_streaming() {
  curl -fs "http://127.0.0.1:$(rest_port "$(leader)")/cluster" | python3 -c '
import json, sys
members = json.load(sys.stdin)["members"]
sys.exit(0 if any(m["role"] == "sync_standby" and m["state"] in ("streaming", "running") for m in members) else 1)'
}

members_running() {
  curl -fs "http://127.0.0.1:$(rest_port "$(leader)")/cluster" | python3 -c '
import json, sys
members = json.load(sys.stdin)["members"]
sys.exit(0 if len([m for m in members if m["state"] in ("streaming", "running")]) == int(sys.argv[1]) else 1)' "$1"
}

write_configs() {
  cat >"$HA_DIR/etcd.env" <<EOF
ETCD_NAME=etcd1
ETCD_DATA_DIR=$HA_DIR/etcd
ETCD_LISTEN_CLIENT_URLS=http://127.0.0.1:$HA_ETCD_PORT
ETCD_ADVERTISE_CLIENT_URLS=http://127.0.0.1:$HA_ETCD_PORT
ETCD_LISTEN_PEER_URLS=http://127.0.0.1:$((HA_ETCD_PORT + 10))
ETCD_INITIAL_ADVERTISE_PEER_URLS=http://127.0.0.1:$((HA_ETCD_PORT + 10))
ETCD_INITIAL_CLUSTER=etcd1=http://127.0.0.1:$((HA_ETCD_PORT + 10))
ETCD_INITIAL_CLUSTER_STATE=new
EOF

  cat >"$HA_DIR/pgbackrest.conf" <<EOF
[global]
repo1-path=$HA_DIR/backup
repo1-retention-full=2
log-path=$HA_DIR/log
lock-path=$HA_DIR/run
spool-path=$HA_DIR/run
log-level-console=warn
log-level-file=info
start-fast=y
compress-type=lz4

[$STANZA]
pg1-path=$(node_dir 1)/data
pg1-port=$(pg_port 1)
pg1-socket-path=$(node_dir 1)
pg1-user=postgres
EOF

  for n in "${NODES[@]}"; do
    local dir; dir=$(node_dir "$n")
    mkdir -p "$dir"
    cat >"$HA_DIR/patroni$n.yml" <<EOF
scope: relief-ledger
namespace: /relief-ha/
name: pg$n
log:
  level: INFO
restapi:
  listen: 127.0.0.1:$(rest_port "$n")
  connect_address: 127.0.0.1:$(rest_port "$n")
etcd3:
  hosts: 127.0.0.1:$HA_ETCD_PORT
bootstrap:
  dcs:
    # A dead leader's lock expires after ttl seconds; a replica is promoted on its next loop.
    ttl: 10
    loop_wait: 2
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    # A leader whose PostgreSQL crashed hands over at once to the synchronous replica (which has
    # every acknowledged commit) instead of restarting in place for up to five minutes.
    primary_start_timeout: 0
    # No commit is acknowledged on one node only; with strict, not even when every replica is gone.
    synchronous_mode: true
    synchronous_mode_strict: true
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_connections: 120
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        archive_mode: "on"
        archive_timeout: 30
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
postgresql:
  listen: 127.0.0.1:$(pg_port "$n")
  connect_address: 127.0.0.1:$(pg_port "$n")
  data_dir: $dir/data
  bin_dir: $PG_BIN
  pgpass: $dir/pgpass
  authentication:
    superuser:
      username: postgres
      password: postgres
    replication:
      username: replicator
      password: replicator
    rewind:
      username: postgres
      password: postgres
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
  parameters:
    unix_socket_directories: $dir
    archive_command: pgbackrest --config=$HA_DIR/pgbackrest.conf --stanza=$STANZA --pg1-path=$dir/data archive-push %p
    restore_command: pgbackrest --config=$HA_DIR/pgbackrest.conf --stanza=$STANZA --pg1-path=$dir/data archive-get %f "%p"
EOF
  done

  cat >"$HA_DIR/haproxy.cfg" <<EOF
global
  maxconn 1000
  pidfile $HA_DIR/run/haproxy.pid

defaults
  mode tcp
  timeout connect 2s
  timeout client 30m
  timeout server 30m
  timeout check 2s
  # A node that stops answering its check loses its connections at once, so clients reconnect
  # through the proxy to the new leader rather than wait on a dead socket.
  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions

listen write
  bind 127.0.0.1:$HA_WRITE_PORT
  option httpchk GET /primary
  http-check expect status 200
$(for n in "${NODES[@]}"; do echo "  server pg$n 127.0.0.1:$(pg_port "$n") check port $(rest_port "$n")"; done)

listen read
  bind 127.0.0.1:$HA_READ_PORT
  balance roundrobin
  option httpchk GET /replica
  http-check expect status 200
$(for n in "${NODES[@]}"; do echo "  server pg$n 127.0.0.1:$(pg_port "$n") check port $(rest_port "$n")"; done)
EOF
}

start_node() {
  local n=$1
  alive "$HA_DIR/run/patroni$n.pid" && return 0
  spawn "patroni$n" patroni "$HA_DIR/patroni$n.yml"
}

# The postmaster's pid is the first line of postmaster.pid.
postmaster_pid() { head -n 1 "$(node_dir "$1")/data/postmaster.pid" 2>/dev/null; }

cmd_up() {
  if alive "$HA_DIR/run/etcd.pid"; then echo "ha: already up in $HA_DIR" >&2; return 1; fi
  local port
  for port in "$HA_ETCD_PORT" $((HA_ETCD_PORT + 10)) "$HA_WRITE_PORT" "$HA_READ_PORT" \
    $(for n in "${NODES[@]}"; do echo "$(pg_port "$n") $(rest_port "$n")"; done); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "ha: port $port is in use (another cluster? HA_* moves the ports)" >&2
      return 1
    fi
  done
  trap 'echo "ha: start-up failed; cleaning up" >&2; cmd_down' ERR
  trap 'echo "ha: interrupted; cleaning up" >&2; cmd_down; exit 130' INT TERM
  mkdir -p "$HA_DIR/log" "$HA_DIR/run" "$HA_DIR/backup"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$HA_DIR"; fi
  chmod 0700 "$HA_DIR"
  write_configs
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$HA_DIR"; fi

  spawn etcd env $(cat "$HA_DIR/etcd.env") etcd
  wait_for etcd 30 curl -fs "http://127.0.0.1:$HA_ETCD_PORT/health"

  start_node 1
  wait_for "pg1 to bootstrap as leader" 90 curl -fs "http://127.0.0.1:$(rest_port 1)/primary"
  start_node 2
  start_node 3
  as_pg haproxy -D -f "$HA_DIR/haproxy.cfg"
  wait_for "a synchronous replica" 120 sync_replica_streaming
  wait_for "three running members" 120 members_running 3

  pgbackrest_ stanza-create
  pgbackrest_ check
  trap - ERR INT TERM
  echo "ha: up in $HA_DIR: write 127.0.0.1:$HA_WRITE_PORT (leader pg$(leader)), read 127.0.0.1:$HA_READ_PORT"
}

cmd_down() {
  trap - ERR
  [ -d "$HA_DIR" ] || return 0
  # HAProxy first, then every node's Patroni and postmaster (kill -9: nothing to keep), etcd last.
  for pidfile in "$HA_DIR"/run/haproxy.pid "$HA_DIR"/run/patroni*.pid; do
    [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  done
  for n in "${NODES[@]}"; do
    local pid; pid=$(postmaster_pid "$n" || true)
    [ -n "${pid:-}" ] && kill -9 "$pid" 2>/dev/null || true
  done
  # Restored clusters the restore command started.
  for pidfile in "$HA_DIR"/restore-*/data/postmaster.pid; do
    [ -f "$pidfile" ] && kill -9 "$(head -n 1 "$pidfile")" 2>/dev/null || true
  done
  [ -f "$HA_DIR/run/etcd.pid" ] && kill -9 "$(cat "$HA_DIR/run/etcd.pid")" 2>/dev/null || true
  # Backends die with their postmaster; give them a moment before the files go.
  sleep 0.5
  rm -rf "$HA_DIR"
}

cmd_status() { patronictl_ list; }

cmd_wait_healthy() {
  wait_for "a leader" 120 leader
  wait_for "a synchronous replica" 120 sync_replica_streaming
  wait_for "three running members" 120 members_running 3
}

cmd_kill_postmaster() {
  local pid; pid=$(postmaster_pid "$1")
  kill -9 "$pid"
  echo "ha: killed pg$1's postmaster (pid $pid)"
}

cmd_kill_node() {
  kill -9 "$(cat "$HA_DIR/run/patroni$1.pid")" 2>/dev/null || true
  local pid; pid=$(postmaster_pid "$1" || true)
  [ -n "${pid:-}" ] && kill -9 "$pid" 2>/dev/null || true
  rm -f "$HA_DIR/run/patroni$1.pid"
  echo "ha: killed node pg$1 (Patroni and PostgreSQL)"
}

cmd_start_node() { start_node "$1"; }

cmd_switchover() {
  local from; from=$(leader)
  patronictl_ switchover --leader "pg$from" --force
  wait_for "a new leader" 60 bash -c "[ \"\$(HA_DIR=$HA_DIR $0 leader)\" != $from ]"
}

cmd_backup() {
  local n; n=$(leader)
  pgbackrest_ --pg1-path="$(node_dir "$n")/data" --pg1-port="$(pg_port "$n")" --pg1-socket-path="$(node_dir "$n")" \
    --type="${1:-full}" backup
  pgbackrest_ info
}

# A fresh cluster from the repository, recovered up to TARGET and promoted: point-in-time restore.
cmd_restore() {
  local target=$1 dir=$2 port=$3
  mkdir -p "$dir/data"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$dir"; fi
  chmod 0700 "$dir/data"
  pgbackrest_ --pg1-path="$dir/data" --type=time --target="$target" --target-action=promote --target-timeline=current \
    --log-level-console=warn restore
  # Not a member of the HA cluster: no archiving into the repository, its own port and socket,
  # and no synchronous standby to wait for (the leader's setting came with the backup).
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c archive_mode=off -c hot_standby=on -c synchronous_standby_names=''" start
  wait_for "the restored cluster to finish recovery" 120 \
    bash -c "[ \"\$(psql -h 127.0.0.1 -p $port -U postgres -Atc 'SELECT pg_is_in_recovery()')\" = f ]"
  echo "ha: restored to $target into $dir, listening on 127.0.0.1:$port"
}

cmd_env() {
  echo "HA_DIR=$HA_DIR HA_ETCD_PORT=$HA_ETCD_PORT HA_PG_PORT=$HA_PG_PORT HA_REST_PORT=$HA_REST_PORT HA_WRITE_PORT=$HA_WRITE_PORT HA_READ_PORT=$HA_READ_PORT"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  leader) leader ;;
  wait-healthy) cmd_wait_healthy ;;
  kill-postmaster) cmd_kill_postmaster "$2" ;;
  kill-node) cmd_kill_node "$2" ;;
  start-node) cmd_start_node "$2" ;;
  switchover) cmd_switchover ;;
  backup) cmd_backup "${2:-full}" ;;
  restore) cmd_restore "$2" "$3" "$4" ;;
  env) cmd_env ;;
  *) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
