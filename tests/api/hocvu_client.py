"""Small HTTP helpers for the API tests (Python 3 standard library only)."""
import http.client
import json
import os
import urllib.parse

BASE_URL = os.environ.get("HOCVU_URL", "http://127.0.0.1:8080")


def address():
    parsed = urllib.parse.urlparse(BASE_URL)
    return parsed.hostname, parsed.port


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def request(method, path, body=None, headers=None, cookies=None):
    host, port = address()
    conn = http.client.HTTPConnection(host, port, timeout=30)
    all_headers = dict(headers or {})
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode("utf-8")
        all_headers.setdefault("Content-Type", "application/json")
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    try:
        conn.request(method, path, body=body, headers=all_headers)
        resp = conn.getresponse()
        data = resp.read()
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)
    finally:
        conn.close()
