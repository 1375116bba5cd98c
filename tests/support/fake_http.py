#!/usr/bin/env python3
"""A small HTTP server for the HTTP client's tests and the Enhetsregisteret
API tests. Binds 127.0.0.1 on a free port and prints "PORT <n>" when ready.

  GET /json            200 {"ok": true, "text": "blåbær"}
  GET /missing         404
  GET /fail            500
  GET /notjson         200 text/plain
  GET /slow?s=N        waits N seconds, then 200
  GET /big?bytes=N     200 with N bytes
  GET /redirect        302 to /json
  GET /enheter/<nr>    Enhetsregisteret's shape for the units in ENHETER, 404
                       {"status":404,...} for others, 410 for 999999999-like "gone" ones
Optional: --tls CERT KEY serves HTTPS.
"""
import json
import ssl
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

ENHETER = {
    "944117784": {
        "organisasjonsnummer": "944117784",
        "navn": "KONGSVINGER KOMMUNE",
        "organisasjonsform": {"kode": "KOMM", "beskrivelse": "Kommune",
                              "_links": {"self": {"href": "https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/KOMM"}}},
        "registreringsdatoEnhetsregisteret": "1995-02-19",
        "registrertIMvaregisteret": True,
        "antallAnsatte": 1800,
        "forretningsadresse": {"land": "Norge", "landkode": "NO", "postnummer": "2226",
                               "poststed": "KONGSVINGER", "adresse": ["Rådhusplassen 1"],
                               "kommune": "KONGSVINGER", "kommunenummer": "3401"},
        "institusjonellSektorkode": {"kode": "6500", "beskrivelse": "Kommuneforvaltningen"},
        "registrertIForetaksregisteret": False,
        "registrertIStiftelsesregisteret": False,
        "registrertIFrivillighetsregisteret": False,
        "konkurs": False,
        "underAvvikling": False,
        "underTvangsavviklingEllerTvangsopplosning": False,
        "maalform": "Bokmål",
        "_links": {"self": {"href": "https://data.brreg.no/enhetsregisteret/api/enheter/944117784"}},
    },
}
GONE = {"974602970"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype="application/json"):
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        u = urlparse(self.path)
        q = parse_qs(u.query)
        p = u.path
        if p.endswith("/json"):
            return self.send(200, json.dumps({"ok": True, "text": "blåbær"}, ensure_ascii=False))
        if p.endswith("/missing"):
            return self.send(404, json.dumps({"status": 404}))
        if p.endswith("/fail"):
            return self.send(500, "boom", "text/plain")
        if p.endswith("/notjson"):
            return self.send(200, "<html>", "text/html")
        if p.endswith("/slow"):
            time.sleep(float(q.get("s", ["3"])[0]))
            return self.send(200, "{}")
        if p.endswith("/big"):
            return self.send(200, b"x" * int(q.get("bytes", ["1000000"])[0]), "text/plain")
        if p.endswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "/json")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if "/enheter/" in p:
            nr = p.rsplit("/", 1)[1]
            if nr in ENHETER:
                return self.send(200, json.dumps(ENHETER[nr], ensure_ascii=False))
            if nr in GONE:
                return self.send(410, json.dumps({"organisasjonsnummer": nr, "slettedato": "2020-01-01"}))
            return self.send(404, json.dumps({"timestamp": "2027-03-15T10:00:00.000+00:00", "status": 404,
                                              "error": "Not Found", "message": "Ingen enhet med organisasjonsnummer " + nr,
                                              "path": p}))
        return self.send(404, "{}")


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A client that hangs up (the size-limit and timeout tests do) is expected.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if len(sys.argv) == 4 and sys.argv[1] == "--tls":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[2], sys.argv[3])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    print("PORT", server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
