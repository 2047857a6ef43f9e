"""Second factor over HTTP (issue 3): enrolment, sign-in with a code, a code works once (RFC 6238 in stdlib)."""
import base64
import hashlib
import hmac
import struct
import time
import unittest

from hocvu_client import request
from test_org_auth import PASSWORD, Client, login


def totp(secret, step):
    """The 6-digit code of `secret` (base32) for 30-second time step `step`."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1000000:06d}"


class SecondFactor(unittest.TestCase):
    def test_rfc6238_helper_matches_oathtool(self):
        self.assertEqual(totp("JBSWY3DPEHPK3PXP", 1700000000 // 30), "324550")

    def test_principal_enrols_and_each_code_works_once(self):
        # The principal of TH Kim Đồng is used by no other API test.
        user = "anhttn.thkimdong"
        c = Client(user)
        enrol = c.call("POST", "/api/v1/auth/totp/enrol")
        self.assertEqual(enrol.status, 200, enrol.body)
        secret = enrol.json()["secret"]
        self.assertTrue(enrol.json()["otpauth_uri"].startswith("otpauth://totp/Hocvu:" + user))
        step = int(time.time()) // 30
        confirm = c.call("POST", "/api/v1/auth/totp/confirm", {"code": totp(secret, step)})
        self.assertEqual(confirm.status, 200, confirm.body)

        r = login(user)
        self.assertEqual(r.status, 401)
        self.assertEqual(r.json()["code"], "auth.totp_required")
        # The server accepts one step of drift, so the next step's code signs in now...
        code = totp(secret, step + 1)
        ok = login_with(user, code)
        self.assertEqual(ok.status, 200, ok.body)
        # ...and only once.
        again = login_with(user, code)
        self.assertEqual(again.status, 401)
        self.assertEqual(again.json()["code"], "auth.totp_invalid")

    def test_teacher_cannot_enrol(self):
        c = Client("toannv2.thptchuvanan")
        self.assertEqual(c.call("POST", "/api/v1/auth/totp/enrol").status, 403)


def login_with(user, code):
    return request("POST", "/api/v1/auth/login", {"username": user, "password": PASSWORD, "totp": code})


if __name__ == "__main__":
    unittest.main()
