-- wrk script of scripts/bench.sh for one URL: sends `Accept-Encoding: gzip` and prints one line
-- the script reads (counts, bytes, latency percentiles in microseconds, errors by kind).
wrk.headers["Accept-Encoding"] = "gzip"

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p95_us=%d p99_us=%d " ..
    "connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
