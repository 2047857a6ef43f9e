#!/usr/bin/env python3
"""Opens N keep-alive connections to a hocvu server (each makes one request and stays open), then times new
connections answering GET /healthz. Prints the figures; exits non-zero if any probe took longer than the limit.
Usage: new_connection_probe.py HOST PORT [N=2000] [LIMIT_MS=100] [PROBES=50]"""
import resource
import socket
import statistics
import sys
import time

REQUEST = b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n"


def read_response(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("closed before a response")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    while len(body) < length:
        body += sock.recv(4096)
    if not head.startswith(b"HTTP/1.1 200"):
        raise ConnectionError(head[:40])


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    limit_ms = float(sys.argv[4]) if len(sys.argv) > 4 else 100.0
    probes = int(sys.argv[5]) if len(sys.argv) > 5 else 50
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    held = []
    for _ in range(n):
        s = socket.create_connection((host, port))
        s.sendall(REQUEST)
        read_response(s)
        held.append(s)
    timings = []
    for _ in range(probes):
        start = time.perf_counter()
        s = socket.create_connection((host, port))
        s.sendall(REQUEST)
        read_response(s)
        timings.append((time.perf_counter() - start) * 1000)
        s.close()
        time.sleep(0.02)
    # The held connections must still be alive and served.
    alive = 0
    for s in held[:: max(1, n // 50)]:
        s.sendall(REQUEST)
        read_response(s)
        alive += 1
    for s in held:
        s.close()
    worst = max(timings)
    print(f"new-connection probe: {n} keep-alive connections open; {probes} new connections answered "
          f"/healthz in median {statistics.median(timings):.2f} ms, max {worst:.2f} ms (limit {limit_ms:.0f} ms); "
          f"{alive} sampled held connections still served")
    return 0 if worst <= limit_ms else 1


if __name__ == "__main__":
    sys.exit(main())
