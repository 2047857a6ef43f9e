"""The foundation's HTTP behaviour against a running `hocvu serve` (issue 2)."""
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import unittest

from hocvu_client import address, request

BIN = os.environ.get("HOCVU_BIN")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class HealthAndErrors(unittest.TestCase):
    def test_healthz_reports_status_version_and_engine(self):
        r = request("GET", "/healthz")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("content-type"), "application/json")
        body = r.json()
        self.assertEqual(body["status"], "ok")
        self.assertRegex(body["version"], r"^\d+\.\d+\.\d+$")
        expected = "postgresql" if os.environ.get("HOCVU_DB", "").startswith("postgresql") else "sqlite"
        self.assertEqual(body["db"], expected)

    def test_unknown_api_path_is_404_problem_json(self):
        r = request("GET", "/api/v1/nope")
        self.assertEqual(r.status, 404)
        self.assertEqual(r.header("content-type"), "application/problem+json")
        body = r.json()
        self.assertEqual(body["code"], "http.not_found")
        self.assertEqual(body["status"], 404)
        self.assertTrue(body["title"])

    def test_wrong_method_is_405(self):
        r = request("DELETE", "/healthz")
        self.assertEqual(r.status, 405)
        self.assertEqual(r.json()["code"], "http.method_not_allowed")

    def test_nine_mebibyte_body_is_413(self):
        r = request("POST", "/api/v1/system/status", body=b"x" * (9 * 1024 * 1024),
                    headers={"Content-Type": "application/octet-stream"})
        self.assertEqual(r.status, 413)
        self.assertEqual(r.json()["code"], "http.payload_too_large")

    def test_body_within_limit_is_read(self):
        r = request("POST", "/api/v1/system/status", body=b"x" * (7 * 1024 * 1024))
        self.assertEqual(r.status, 405)

    def test_oversized_headers_are_431(self):
        r = request("GET", "/healthz", headers={"X-Filler": "a" * 20000})
        self.assertEqual(r.status, 431)
        self.assertEqual(r.json()["code"], "http.headers_too_large")

    def test_system_status_is_read_from_the_database(self):
        body = request("GET", "/api/v1/system/status").json()
        self.assertGreaterEqual(body["schema_version"], 1)
        self.assertEqual(body["schema_version"], body["schema_known"])
        self.assertIsNotNone(body["demo_created_at"], "run.sh creates the demo data first")

    def test_security_headers_on_every_response(self):
        for path in ("/healthz", "/api/v1/nope", "/"):
            r = request("GET", path)
            self.assertEqual(r.header("x-content-type-options"), "nosniff", path)
            self.assertIn("frame-ancestors 'none'", r.header("content-security-policy"), path)
            self.assertIn("default-src 'self'", r.header("content-security-policy"), path)
            self.assertEqual(r.header("referrer-policy"), "no-referrer", path)

    def test_metrics_count_requests_per_route(self):
        request("GET", "/healthz")
        text = request("GET", "/metrics").body.decode()
        self.assertRegex(text, r'hocvu_http_requests_total\{route="/healthz",method="GET",status="200"\} \d+')
        self.assertIn('hocvu_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"}', text)


class WebApp(unittest.TestCase):
    def test_root_is_the_web_app_and_assets_are_long_cached(self):
        r = request("GET", "/")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("content-type").startswith("text/html"))
        html = r.body.decode()
        self.assertIn('lang="vi"', html)
        self.assertEqual(r.header("cache-control"), "no-cache")
        scripts = re.findall(r'src="(/assets/[^"]+\.js)"', html)
        self.assertTrue(scripts, "index.html loads a hashed script")
        asset = request("GET", scripts[0])
        self.assertEqual(asset.status, 200)
        self.assertTrue(asset.header("content-type").startswith("text/javascript"))
        self.assertIn("immutable", asset.header("cache-control"))

    def test_app_routes_fall_back_to_index(self):
        self.assertEqual(request("GET", "/trang-thai").body, request("GET", "/").body)

    def test_missing_asset_is_404_not_index(self):
        self.assertEqual(request("GET", "/assets/khong-co.js").status, 404)


class SlowClients(unittest.TestCase):
    def test_slow_header_sender_is_cut_off_and_blocks_nobody(self):
        host, port = address()
        slow = socket.create_connection((host, port))
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        for _ in range(20):
            self.assertEqual(request("GET", "/healthz").status, 200)
        slow.settimeout(10)
        data = slow.recv(100)  # run.sh serves with --header-timeout 2
        self.assertEqual(data, b"", "the server closes a client that never finishes its headers")
        self.assertLess(time.monotonic() - started, 8)
        slow.close()


class AccessLog(unittest.TestCase):
    def test_access_log_is_json_lines(self):
        request("GET", "/healthz?probe=access-log")
        time.sleep(0.2)
        with open(os.environ["HOCVU_ACCESS_LOG"], encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
        mine = [e for e in lines if e["target"] == "/healthz?probe=access-log"]
        self.assertTrue(mine)
        self.assertEqual(mine[-1]["status"], 200)
        self.assertEqual(mine[-1]["route"], "/healthz")
        self.assertIn("duration_us", mine[-1])


@unittest.skipUnless(BIN, "HOCVU_BIN not set")
class CommandLine(unittest.TestCase):
    def run_cli(self, *args, env=None):
        full_env = dict(os.environ)
        full_env.pop("HOCVU_DB", None)
        full_env.update(env or {})
        return subprocess.run([BIN, *args], capture_output=True, text=True, timeout=60, env=full_env)

    def test_bad_flag_is_one_line_error(self):
        r = self.run_cli("serve", "--no-such-flag")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        self.assertIn("--no-such-flag", r.stderr)

    def test_unwritable_data_dir_is_one_line_error(self):
        with tempfile.TemporaryDirectory() as d:
            target = os.path.join(d, "file")
            open(target, "w").close()
            r = self.run_cli("migrate", "--data", os.path.join(target, "sub"))
            self.assertEqual(r.returncode, 1)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertIn("data directory", r.stderr)

    def test_unreachable_database_is_one_line_error(self):
        r = self.run_cli("migrate", "--db", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
        self.assertIn("storage.unreachable", r.stderr)

    def test_migrate_twice_applies_nothing_the_second_time(self):
        with tempfile.TemporaryDirectory() as d:
            first = self.run_cli("migrate", "--data", d)
            self.assertEqual(first.returncode, 0, first.stderr)
            self.assertNotIn("(0 applied)", first.stdout)
            second = self.run_cli("migrate", "--data", d)
            self.assertIn("(0 applied)", second.stdout)

    def test_version(self):
        r = self.run_cli("version")
        self.assertRegex(r.stdout, r"^hocvu \d+\.\d+\.\d+")

    def test_sigterm_lets_the_request_in_flight_finish(self):
        with tempfile.TemporaryDirectory() as d:
            port = free_port()
            server = subprocess.Popen([BIN, "serve", "--listen", f"127.0.0.1:{port}", "--data", d,
                                       "--access-log", "off"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                for _ in range(100):
                    try:
                        socket.create_connection(("127.0.0.1", port)).close()
                        break
                    except OSError:
                        time.sleep(0.05)
                idle = socket.create_connection(("127.0.0.1", port))
                busy = socket.create_connection(("127.0.0.1", port))
                busy.sendall(b"PUT /api/v1/system/status HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345")
                time.sleep(0.2)
                server.send_signal(signal.SIGTERM)
                time.sleep(0.3)
                idle.settimeout(5)
                self.assertEqual(idle.recv(100), b"", "an idle keep-alive connection is closed")
                with self.assertRaises(OSError):
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                busy.sendall(b"67890")
                busy.settimeout(5)
                reply = b""
                while True:
                    chunk = busy.recv(4096)
                    if not chunk:
                        break
                    reply += chunk
                self.assertTrue(reply.startswith(b"HTTP/1.1 405"), reply[:100])
                self.assertIn(b"Connection: close", reply)
                self.assertEqual(server.wait(timeout=10), 0)
            finally:
                if server.poll() is None:
                    server.kill()
                server.communicate()


if __name__ == "__main__":
    unittest.main()
