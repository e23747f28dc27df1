#!/usr/bin/env bash
# Measures the app beside a minimal axum server (bench/baseline) on loopback and prints the
# comparison with the goals of issue 17 beside each figure. Prints, never asserts a figure; fails
# only when a server does not start or a URL answers with errors en masse.
#
# Usage: scripts/bench.sh [--short] [--no-build]
#   --short     a smoke run: a few seconds per URL, 10 s of the mixed journey
#   --no-build  use the release build already in target/ (cargo leptos build --release --split
#               and cargo build --release -p bench-baseline)
# Environment (defaults in brackets, long form / --short):
#   BENCH_DURATION [15s / 3s]          per URL and number of connections
#   BENCH_JOURNEY_DURATION [60s / 10s] the mixed journey
#   BENCH_OFFERS ["default 10000"]     data sizes: `default` is the usual demo map, a number
#                                      sets the server's DEMO_OFFERS
#   BENCH_CONNECTIONS ["16 256"]       BENCH_JOURNEY_CONNECTIONS [400]
#   BENCH_TIMEOUT [30s]                a request slower than this counts as a timeout (an error)
#   WRK_THREADS [1]                    BENCH_PORT [3301] (the baseline listens on the next port)
#   REQUEST_TIMEOUT_SECS [300]         the app's own limit per request (30 s in production)
set -euo pipefail
cd "$(dirname "$0")/.."

short=false
build=true
for arg in "$@"; do
  case $arg in
    --short) short=true ;;
    --no-build) build=false ;;
    *) sed -n '2,18p' "$0" >&2; exit 2 ;;
  esac
done
if $short; then
  duration=${BENCH_DURATION:-3s}
  journey_duration=${BENCH_JOURNEY_DURATION:-10s}
else
  duration=${BENCH_DURATION:-15s}
  journey_duration=${BENCH_JOURNEY_DURATION:-60s}
fi
sizes=${BENCH_OFFERS:-default 10000}
connections=${BENCH_CONNECTIONS:-16 256}
journey_connections=${BENCH_JOURNEY_CONNECTIONS:-400}
timeout=${BENCH_TIMEOUT:-30s}
threads=${WRK_THREADS:-1}
port=${BENCH_PORT:-3301}
baseline_port=$((port + 1))
app="http://127.0.0.1:$port"
baseline="http://127.0.0.1:$baseline_port"
# Filtered pages that find nothing are counted for the planners, per address and hour.
export ZERO_RESULT_REPORTS_PER_HOUR=1000000
# The app answers 408 after REQUEST_TIMEOUT_SECS (30 s); some answers take longer at 10,000 offers.
export REQUEST_TIMEOUT_SECS=${REQUEST_TIMEOUT_SECS:-300}
unset DEMO_OFFERS

die() {
  echo "[bench] FAILED: $*" >&2
  exit 1
}

bash scripts/install-build-tools.sh
bash scripts/install-bench-tools.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if $build; then
  cargo leptos build --release --split
  cargo build --release -p bench-baseline
fi
[ -x target/release/server ] || die "no release build in target/release (drop --no-build)"
[ -x target/release/bench-baseline ] || die "no target/release/bench-baseline (drop --no-build)"

workdir=$(mktemp -d)
app_pid=""
baseline_pid=""
stop_servers() {
  for pid in $app_pid $baseline_pid; do
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  done
  app_pid=""
  baseline_pid=""
}
trap 'stop_servers; rm -rf "$workdir"' EXIT

# Waits until URL answers (a server busy with the backlog of the last run, or starting).
answers() {
  local url=$1 seconds=$2
  for _ in $(seq 1 "$seconds"); do
    if curl -fs -m 5 -o /dev/null "$url"; then return 0; fi
    sleep 1
  done
  return 1
}

# Formats one row: label, the RESULT fields, and the goal in the form `static>=0.3`,
# `rps>=1500,p99<=50` or `rps>=2000` (p99 in ms), or empty.
row() {
  local label=$1 result=$2 goal=$3
  awk -v label="$label" -v result="$result" -v goal="$goal" -v limit="$timeout" \
    -v hello="${hello_rps:-0}" -v static="${static_rps:-0}" '
    function group(n,   s, out) {
      s = sprintf("%.0f", n); out = ""
      while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
      return s out
    }
    function ms(us) {
      if (us == 0 && r["timeout"] > 0) return "> " limit
      return us >= 100000 ? sprintf("%.0f ms", us / 1000) : sprintf("%.1f ms", us / 1000)
    }
    function ratio(x) { return x >= 10 ? sprintf("%.0f×", x) : x >= 0.1 ? sprintf("%.2f×", x) : sprintf("%.3f×", x) }
    BEGIN {
      n = split(result, kv, " ")
      for (i = 1; i <= n; i++) { split(kv[i], p, "="); r[p[1]] = p[2] }
      rps = r["duration_us"] > 0 ? r["requests"] * 1e6 / r["duration_us"] : 0
      per = r["requests"] > 0 ? r["bytes"] / r["requests"] / 1024 : 0
      errors = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
      vs_hello = hello > 0 ? ratio(rps / hello) : "—"
      vs_static = static > 0 ? ratio(rps / static) : "—"
      text = ""
      if (goal != "") {
        met = 1
        m = split(goal, parts, ",")
        for (i = 1; i <= m; i++) {
          g = parts[i]
          if (g ~ /^static>=/) { want = substr(g, 9) + 0; met = met && static > 0 && rps / static >= want; text = text "≥ " want "× static" }
          else if (g ~ /^rps>=/) { want = substr(g, 6) + 0; met = met && rps >= want; text = text "≥ " group(want) " req/s" }
          else if (g ~ /^p99<=/) { want = substr(g, 6) + 0; met = met && r["requests"] > 0 && r["p99_us"] <= want * 1000; text = text ", p99 ≤ " want " ms" }
        }
        met = met && errors == 0
        text = "goal " text (met ? "  met" : "  NOT MET")
      }
      if (r["requests"] == 0) {
        printf "  %-30s %9s  no answer completed in the run (%d timeouts)  %s\n", label, "0", r["timeout"], text
        exit
      }
      err = errors > 0 ? sprintf("  errors %d", errors) : ""
      printf "  %-30s %9s %9s %9s %8.1f %9s %9s  %s%s\n", label, rps < 10 ? sprintf("%.1f", rps) : group(rps), ms(r["p50_us"]), ms(r["p99_us"]), per, vs_hello, vs_static, text, err
    }'
}

# Requests per second of a RESULT.
rate() {
  awk -v r="$1" 'BEGIN { n = split(r, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }; print v["requests"] * 1e6 / v["duration_us"] }'
}

header() {
  printf '  %-30s %9s %9s %9s %8s %9s %9s  %s\n' "URL" "req/s" "p50" "p99" "KB/resp" "× hello" "× static" "goal (issue 17)"
}

# Runs wrk against URL with N connections for DURATION (extra wrk arguments after the script);
# prints the RESULT fields; fails loudly when most requests end in errors.
measure() {
  local url=$1 conns=$2 run_for=$3 script=$4
  shift 4
  local out
  out=$(wrk -t"$threads" -c"$conns" -d"$run_for" --timeout "$timeout" -s "$script" "$url" "$@" 2>&1) \
    || die "wrk failed on $url: $out"
  local result
  result=$(grep '^RESULT ' <<<"$out" | sed 's/^RESULT //') || die "wrk printed no result for $url: $out"
  local requests status broken
  requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
  status=$(sed 's/.* status=\([0-9]*\).*/\1/' <<<"$result")
  broken=$(awk -v r="$result" 'BEGIN { n = split(r, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }; print v["connect"] + v["read"] + v["write"] }')
  if [ $((status * 2)) -gt "$requests" ] || [ "$broken" -gt $((requests + 10)) ]; then
    die "$url with $conns connections: errors en masse ($result)"
  fi
  echo "$result"
}

# CPU time (ticks) a process has used so far.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Lets the servers work off what the last run left queued (the app goes on rendering answers
# nobody waits for any more) before the next run starts: until the app uses less than a tenth
# of a core for a second, at most 10 minutes, and both answer.
settle() {
  local before after
  for _ in $(seq 1 600); do
    before=$(ticks "$app_pid")
    sleep 1
    after=$(ticks "$app_pid")
    [ $((after - before)) -ge $(($(getconf CLK_TCK) / 10)) ] || break
  done
  answers "$baseline/hello" 120 || die "the baseline stopped answering"
  answers "$app/api/region" 300 || die "the app stopped answering"
}

fmt_kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }

echo "== Chancenkarte beside axum: wrk $(wrk --version 2>&1 | head -n 1 | awk '{print $2}'), $(nproc) cores, $duration per URL, gzip accepted =="
for size in $sizes; do
  rm -rf "${workdir:?}"/*
  if [ "$size" = default ]; then
    app_pid=$(START_WAIT_SECS=120 bash scripts/start-server.sh "$port" "$workdir") \
      || die "the app did not start"
  else
    app_pid=$(DEMO_OFFERS=$size START_WAIT_SECS=900 bash scripts/start-server.sh "$port" "$workdir") \
      || die "the app did not start with DEMO_OFFERS=$size"
  fi
  curl -fs -m 120 "$app/api/offers" -o "$workdir/offers.json" || die "no /api/offers"
  active=$(grep -o '"id":' "$workdir/offers.json" | wc -l)
  offer=${BENCH_OFFER_ID:-$(grep -o '"id":[0-9]*' "$workdir/offers.json" | sed -n '1s/.*://p')}
  [ -n "$offer" ] || die "no offer id in /api/offers"
  target/release/bench-baseline "127.0.0.1:$baseline_port" "$workdir/offers.json" \
    >"$workdir/baseline.log" 2>&1 &
  baseline_pid=$!
  answers "$baseline/hello" 30 || die "the baseline did not start: $(cat "$workdir/baseline.log")"
  paths=("/" "/?thema=fruehe-hilfen" "/angebot/$offer" "/api/offers" "/api/v1/offers" "/api/hsds/services")
  if [ "$size" = default ]; then label="the usual demo map"; else label="DEMO_OFFERS=$size"; fi
  echo
  echo "== Data: $label, $active active offers; /api/offers $(fmt_kb "$(wc -c <"$workdir/offers.json")") raw =="
  # Every URL measured, and the journey's others, must answer 200 before anything is measured;
  # how long one request alone takes is printed.
  alone=""
  for path in "${paths[@]}" "/?thema=fruehe-hilfen&alter=2" "/?thema=fruehe-hilfen&alter=2&kostenlos=1" \
    "/api/v1/offers?seite=2"; do
    answer=$(curl -s -m 300 -o /dev/null -w '%{http_code} %{time_total}' -H 'Accept-Encoding: gzip' "$app$path")
    [ "${answer% *}" = 200 ] || die "$path answers ${answer% *} after ${answer#* } s"
    alone="$alone, $path ${answer#* } s"
  done
  echo "  one request alone:${alone#,}"
  for conns in $connections; do
    echo
    echo "-- $conns connections, $duration each --"
    header
    hello_rps=""
    static_rps=""
    result=$(measure "$baseline/hello" "$conns" "$duration" bench/wrk/report.lua)
    hello_rps=$(rate "$result")
    row "axum /hello" "$result" ""
    settle
    result=$(measure "$baseline/static" "$conns" "$duration" bench/wrk/report.lua)
    static_rps=$(rate "$result")
    row "axum /static (= /api/offers)" "$result" ""
    for path in "${paths[@]}"; do
      settle
      case $path in
        /api/offers) goal="static>=0.3" ;;
        /api/v1/offers | /api/hsds/services) goal="rps>=2000" ;;
        / | /\?thema=*) if [ "$conns" -ge 256 ]; then goal="rps>=1500,p99<=50"; else goal=""; fi ;;
        *) goal="" ;;
      esac
      result=$(measure "$app$path" "$conns" "$duration" bench/wrk/report.lua)
      row "$path" "$result" "$goal"
    done
  done
  settle
  echo
  echo "-- mixed journey: $journey_connections connections, $journey_duration (/, /api/offers, three filter changes, /angebot/$offer, /api/v1/offers?seite=2) --"
  result=$(measure "$app/" "$journey_connections" "$journey_duration" bench/wrk/journey.lua -- "$offer")
  awk -v r="$result" -v limit="$timeout" '
  function ms(us) { return us == 0 && v["timeout"] > 0 ? "> " limit : sprintf("%.1f ms", us / 1000) }
  BEGIN {
    n = split(r, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
    errors = v["connect"] + v["read"] + v["write"] + v["status"] + v["timeout"]
    attempts = v["requests"] + v["connect"] + v["read"] + v["write"] + v["timeout"]
    rate = attempts > 0 ? 100 * errors / attempts : 0
    met = v["requests"] > 0 && v["p95_us"] <= 200000 && errors == 0
    printf "  %.0f req/s, p50 %s, p95 %s, p99 %s, %d requests, %d errors (%.2f %%: connect %d, read %d, write %d, status %d, timeout %d)\n",
      v["requests"] * 1e6 / v["duration_us"], ms(v["p50_us"]), ms(v["p95_us"]), ms(v["p99_us"]),
      v["requests"], errors, rate, v["connect"], v["read"], v["write"], v["status"], v["timeout"]
    printf "  goal p95 ≤ 200 ms, 0 errors  %s\n", met ? "met" : "NOT MET"
  }'
  settle
  echo
  echo "-- first view of / in Chromium (until the network is idle; all offers, loaded after the first paint, apart) --"
  if [ "$size" = default ]; then budget=250; else budget=300; fi
  view=$(node end2end/bench/first-view.mjs "$app" /) || die "the first view failed: $view"
  bytes=$(sed -n 's/^FIRST_VIEW bytes=\([0-9]*\).*/\1/p' <<<"$view")
  requests=$(sed -n 's/^FIRST_VIEW .*requests=\([0-9]*\).*/\1/p' <<<"$view")
  verdict=$(awk -v b="$bytes" -v g="$budget" 'BEGIN { print (b <= g * 1024 ? "met" : "NOT MET") }')
  echo "  $(fmt_kb "$bytes") transferred in $requests requests  goal ≤ $budget KB  $verdict"
  echo "  $(sed -n 's/^FIRST_VIEW_PARTS //p' <<<"$view")"
  later=$(sed -n 's/^FIRST_VIEW_LATER bytes=\([0-9]*\).*/\1/p' <<<"$view")
  echo "  then, after the first paint, all offers (/api/offers): $(fmt_kb "${later:-0}")"
  settle
  echo
  echo "-- filter change to updated markers in Chromium, 4× CPU slowdown (ten topic changes) --"
  markers=$(node end2end/bench/filter-markers.mjs "$app" 4) || die "the filter timing failed: $markers"
  awk -v r="$(sed -n 's/^FILTER_MARKERS //p' <<<"$markers")" -v size="$size" '
  BEGIN {
    n = split(r, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
    printf "  %s offers: count updated after %s ms (median; max %s), markers after %s ms (median; max %s), map settled after %s ms\n",
      v["offers"], v["count_median_ms"], v["count_max_ms"], v["markers_median_ms"], v["markers_max_ms"], v["settled_median_ms"]
    if (size != "default") printf "  goal ≤ 50 ms to updated markers  %s\n", (v["markers_median_ms"] <= 50 ? "met" : "NOT MET")
  }'
  settle
  echo
  echo "-- Lighthouse, mobile: Slow 4G and 4× CPU applied by DevTools, / (two runs) --"
  for run in 1 2; do
    figures=$(node end2end/bench/lighthouse.mjs "$app/") || die "Lighthouse failed: $figures"
    awk -v r="$(sed -n 's/^LIGHTHOUSE //p' <<<"$figures")" '
    BEGIN {
      n = split(r, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
      met = v["lcp_ms"] <= 1200 && v["tti_ms"] <= 2500
      printf "  FCP %.2f s, LCP %.2f s, time to interactive %.2f s, total blocking time %d ms, %.1f KB  goal LCP ≤ 1.2 s, TTI ≤ 2.5 s  %s\n",
        v["fcp_ms"] / 1000, v["lcp_ms"] / 1000, v["tti_ms"] / 1000, v["tbt_ms"], v["bytes"] / 1024, met ? "met" : "NOT MET"
    }'
  done
  stop_servers
done
