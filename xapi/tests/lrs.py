"""A tiny Learning Record Store for the tests: an http.server thread that records PUTs."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class RecordingLRS:
    """Answers each statement PUT with `status` (204 unless a test changes it)."""

    def __init__(self):
        self.received = []
        self.status = 204
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                parts = urlsplit(self.path)
                if lrs.status < 300:
                    lrs.received.append(
                        {
                            "path": parts.path,
                            "query": parse_qs(parts.query),
                            "headers": {k.lower(): v for k, v in self.headers.items()},
                            "statement": json.loads(body),
                        }
                    )
                self.send_response(lrs.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.server.server_port}/xapi/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def statements(self):
        return [request["statement"] for request in self.received]
