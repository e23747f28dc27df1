#!/usr/bin/env python3
"""Measures the running server on loopback: latency and throughput of the public pages.

Bounded: a fixed number of requests per URL, to 127.0.0.1 only; prints figures, asserts nothing.
Usage: bench_server.py BASE_URL [REQUESTS] [CONCURRENCY]
"""
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse

base = urllib.parse.urlparse(sys.argv[1])
assert base.hostname in ("127.0.0.1", "localhost", "::1"), "loopback only"
requests = int(sys.argv[2]) if len(sys.argv) > 2 else 200
concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 2
def first_offer_id():
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    conn.request("GET", "/api/offers")
    offers = json.loads(conn.getresponse().read())
    conn.close()
    return offers[0]["id"]


paths = ["/", "/?thema=beratung&alter=4", "/api/offers", f"/angebot/{first_offer_id()}"]
statuses = {}


def worker(path, count, latencies):
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    for _ in range(count):
        start = time.perf_counter()
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        response.read()
        statuses[response.status] = statuses.get(response.status, 0) + 1
        latencies.append((time.perf_counter() - start) * 1000)
    conn.close()


print(f"== server: {requests} requests per URL, {concurrency} connections ==")
for path in paths:
    statuses.clear()
    latencies = []
    per_worker = requests // concurrency
    threads = [threading.Thread(target=worker, args=(path, per_worker, latencies)) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    codes = ", ".join(f"{code}×{n}" for code, n in sorted(statuses.items()))
    print(f"  {path:32s} {len(latencies) / elapsed:8.1f} req/s  median {statistics.median(latencies):6.1f} ms  p95 {p95:6.1f} ms  ({codes})")
