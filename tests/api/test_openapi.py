"""The API contract (api/openapi.yaml) lists exactly the routes the server has (issue 2)."""
import os
import re
import subprocess
import unittest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
METHODS = {"get", "put", "post", "delete", "patch"}


def documented_routes():
    """METHOD /path pairs from openapi.yaml's `paths:` (two-space path keys, four-space method keys)."""
    routes = set()
    path = None
    in_paths = False
    with open(os.path.join(ROOT, "api", "openapi.yaml"), encoding="utf-8") as f:
        for line in f:
            if re.match(r"^\S", line):
                in_paths = line.startswith("paths:")
                path = None
                continue
            if not in_paths:
                continue
            m = re.match(r"^  (/\S*):\s*$", line)
            if m:
                path = m.group(1)
                continue
            m = re.match(r"^    ([a-z]+):", line)
            if m and path and m.group(1) in METHODS:
                routes.add(f"{m.group(1).upper()} {path}")
    return routes


@unittest.skipUnless(os.environ.get("HOCVU_BIN"), "HOCVU_BIN not set")
class OpenApiContract(unittest.TestCase):
    def test_every_route_is_documented_and_every_documented_route_exists(self):
        env = dict(os.environ)
        out = subprocess.run([os.environ["HOCVU_BIN"], "routes", "--data", os.environ["HOCVU_DATA"]],
                             capture_output=True, text=True, check=True, env=env).stdout
        served = {line.strip() for line in out.splitlines() if line.strip()}
        served.add("GET /metrics")  # built into the server
        documented = documented_routes()
        self.assertTrue(documented, "openapi.yaml has no paths")
        self.assertEqual(sorted(served - documented), [], "routes missing from api/openapi.yaml")
        self.assertEqual(sorted(documented - served), [], "documented routes the server does not have")
