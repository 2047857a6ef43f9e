"""GB-6: sign-ins are audited in hash chains that `hocvu audit verify` recomputes; an altered entry is named."""
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

from hocvu_client import request

BIN = os.environ.get("HOCVU_BIN")
DATA = os.environ.get("HOCVU_DATA")
ON_SQLITE = not os.environ.get("HOCVU_DB", "").startswith("postgresql")


def verify(data_dir, *extra):
    env = dict(os.environ)
    if data_dir != DATA:
        env.pop("HOCVU_DB", None)
    return subprocess.run([BIN, "audit", "verify", "--data", data_dir, *extra], capture_output=True, text=True,
                          timeout=60, env=env)


@unittest.skipUnless(BIN and DATA, "HOCVU_BIN and HOCVU_DATA not set")
class AuditVerify(unittest.TestCase):
    def setUp(self):
        # Audited events: a failed and a successful sign-in of a demo teacher.
        request("POST", "/api/v1/auth/login", {"username": "toannv.thptchuvanan", "password": "sai-mat-khau-123"})
        ok = request("POST", "/api/v1/auth/login", {"username": "toannv.thptchuvanan", "password": "Hocvu-Demo-2026"})
        self.assertEqual(ok.status, 200, ok.body)

    def test_live_chains_verify(self):
        r = verify(DATA)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        m = re.search(r"(\d+) chains, (\d+) entries, 0 broken", r.stdout)
        self.assertIsNotNone(m, r.stdout)
        self.assertGreaterEqual(int(m.group(2)), 2)

    @unittest.skipUnless(ON_SQLITE, "tampers with a copy of the SQLite file")
    def test_altered_entry_is_named_and_exit_is_non_zero(self):
        with tempfile.TemporaryDirectory() as copy_dir:
            source = sqlite3.connect(os.path.join(DATA, "hocvu.sqlite3"))
            target = sqlite3.connect(os.path.join(copy_dir, "hocvu.sqlite3"))
            source.backup(target)
            source.close()
            victim, unit = target.execute(
                "SELECT id, unit_id FROM audit_log WHERE action LIKE '%login%' ORDER BY seq LIMIT 1").fetchone()
            target.execute("UPDATE audit_log SET client_address = '203.0.113.9' WHERE id = ?", (victim,))
            target.commit()
            target.close()
            r = verify(copy_dir)
            self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
            self.assertIn(f"unit {unit}: BROKEN at entry {victim}", r.stdout)
            only_unit = verify(copy_dir, "--unit", str(unit))
            self.assertEqual(only_unit.returncode, 1)
