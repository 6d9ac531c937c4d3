# tests/bench/lib-bench.sh — shared by run-bench-core and run-bench-desk
# (sourced, not run): a demo centre grown to N health cases, served on
# loopback, and the small helpers both scripts time with.
#
# Expects $central (the countersign-central binary), $build_dir and $work,
# and a `pids` array that the caller's cleanup kills.

# seed_centre DB N [DEMO_DIR]: a new demo centre in DB whose health
# department has N cases: copies of its cases under new IDs and new change
# sequence numbers, so that they page like any others. With DEMO_DIR, the
# demo CA and the chiefs' PKCS#12 files are written there.
seed_centre() {
  local db=$1 cases=$2 demo=()
  [ -n "${3:-}" ] && demo=(--demo-dir "$3")
  "$central" --db "$db" --seed-demo --today 2026-11-18 "${demo[@]}" \
    --demo-cache "$build_dir/demo-cache" 2>/dev/null
  sqlite3 "$db" <<SQL
CREATE TEMP TABLE base AS SELECT * FROM case_parts WHERE department = 'health';
CREATE TEMP TABLE copies AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                          WHERE i < $cases / (SELECT count(*) FROM base) + 1)
  SELECT b.case_id AS src, b.case_id || '-b' || n.i AS id, n.i AS i,
         (SELECT max(updated_seq) FROM case_parts)
           + row_number() OVER (ORDER BY n.i, b.updated_seq) AS seq
  FROM base b, n
  LIMIT $cases - (SELECT count(*) FROM base);
INSERT INTO cases
  SELECT k.id, c.number || '-' || k.i, c.matter_code, c.lead_department, c.applicant, c.form,
         c.site, c.route, c.priority, c.green_channel, c.received_at, c.accepted_on, c.version,
         k.seq, c.updated_at
  FROM copies k JOIN cases c ON c.id = k.src;
INSERT INTO case_parts
  SELECT k.id, p.department, p.matter_code, p.role, p.state, p.assignee_id, p.extension_days,
         p.suspensions, p.supplement_requested_on, p.outcome, p.decided_on, k.seq, p.updated_at,
         json_set(p.summary, '$.id', k.id, '$.number', json_extract(p.summary, '$.number') || '-' || k.i)
  FROM copies k JOIN case_parts p ON p.case_id = k.src AND p.department = 'health';
SQL
}

# start_central DB: serves DB on a free loopback port; sets $url and adds
# the server to $pids.
start_central() {
  local db=$1
  "$central" --db "$db" --listen 127.0.0.1:0 > "$work/central.out" 2> "$work/central.log" &
  pids+=($!)
  url=
  for _ in $(seq 1 100); do
    url=$(head -n1 "$work/central.out" 2>/dev/null || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "${0##*/}: countersign-central did not start" >&2; exit 1; }
}

# sign_in USERNAME: prints a session token for USERNAME (password demo).
sign_in() {
  curl -sf --max-time 10 -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"demo\"}" "$url/v1/sessions" |
    /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { echo "${EPOCHREALTIME/,/.}"; }
