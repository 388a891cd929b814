#!/usr/bin/env python3
"""Refresh tokens for the benchmark's refresh scenario: drives the authorization-code flow with PKCE for the
"interactive" client as a browser would (sign-in form with its CSRF token, the consent form once, then
remembered consent) and writes one refresh token a line.

    python3 bench/tokens.py http://127.0.0.1:PORT COUNT OUTPUT_FILE
    python3 bench/tokens.py http://127.0.0.1:PORT COUNT OUTPUT_FILE --access-tokens

With --access-tokens it writes instead COUNT client_credentials access tokens of m2m.client (for introspection).

Plain standard library (urllib), no redirect followed blindly: the redirect to the client's redirect URI
carries the code, which is exchanged at the token endpoint with the client's Basic credentials.
"""
import base64
import hashlib
import http.cookiejar
import json
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

M2M_ID, M2M_SECRET = "m2m.client", "511536EF-F270-4058-80CA-1C89C192F69A"
CLIENT_ID = "interactive"
CLIENT_SECRET = "49C1A7E1-0C79-4A89-A3D6-A37998FB86B0"
REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/interactive"
SCOPE = "openid profile email scope2"
USER, PASSWORD = "alice", "Pass123$"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Forms(HTMLParser):
    """Every form of a page: its id, action and the inputs a browser would submit (checked boxes only)."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"id": a.get("id"), "action": a.get("action"), "fields": []})
        elif tag == "input" and self.forms and a.get("name"):
            if a.get("type") == "checkbox" and "checked" not in a:
                return
            self.forms[-1]["fields"].append((a["name"], a.get("value", "")))


class Browser:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)

    def send(self, url, data=None, headers=None):
        """One request; returns (status, absolute Location or None, body)."""
        url = urllib.parse.urljoin(self.base, url)
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Accept": "text/html", **(headers or {})})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, None, response.read().decode()
        except urllib.error.HTTPError as answer:
            location = answer.headers.get("Location")
            return answer.code, location and urllib.parse.urljoin(url, location), answer.read().decode()

    def browse(self, url, data=None):
        """Follows redirects inside the server; stops at the client's redirect URI. Returns (url, body)."""
        status, location, body = self.send(url, data)
        while location:
            if location.startswith(REDIRECT_URI):
                return location, ""
            url = location
            status, location, body = self.send(url)
        if status != 200:
            raise SystemExit(f"tokens.py: {url} answered {status}: {body[:300]}")
        return url, body


def form(body, predicate):
    parser = Forms()
    parser.feed(body)
    for f in parser.forms:
        if predicate(f):
            return f
    raise SystemExit(f"tokens.py: form not found in: {body[:500]}")


def refresh_token(browser):
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    state = secrets.token_urlsafe(16)
    query = urllib.parse.urlencode({
        "response_type": "code", "client_id": CLIENT_ID, "redirect_uri": REDIRECT_URI, "scope": SCOPE,
        "state": state, "code_challenge": challenge, "code_challenge_method": "S256"})
    url, body = browser.browse("/oauth2/authorize?" + query)
    if urllib.parse.urlparse(url).path == "/login":
        login = form(body, lambda f: (f["action"] or "").endswith("/login"))
        fields = dict(login["fields"], username=USER, password=PASSWORD)
        url, body = browser.browse(login["action"], fields)
    if urllib.parse.urlparse(url).path == "/oauth2/consent":
        allow = form(body, lambda f: f["id"] == "consent-allow")
        url, body = browser.browse(allow["action"], allow["fields"])
    if not url.startswith(REDIRECT_URI):
        raise SystemExit(f"tokens.py: expected the redirect to the client, got {url}")
    params = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)
    if params.get("state") != [state] or "code" not in params:
        raise SystemExit(f"tokens.py: bad redirect {url}")
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    status, _, body = browser.send("/oauth2/token", {
        "grant_type": "authorization_code", "code": params["code"][0], "redirect_uri": REDIRECT_URI,
        "code_verifier": verifier}, {"Authorization": "Basic " + basic, "Accept": "application/json"})
    if status != 200:
        raise SystemExit(f"tokens.py: token endpoint answered {status}: {body[:300]}")
    return json.loads(body)["refresh_token"]


def access_token(browser):
    basic = base64.b64encode(f"{M2M_ID}:{M2M_SECRET}".encode()).decode()
    status, _, body = browser.send("/oauth2/token", {"grant_type": "client_credentials", "scope": "scope1"},
                                   {"Authorization": "Basic " + basic, "Accept": "application/json"})
    if status != 200:
        raise SystemExit(f"tokens.py: token endpoint answered {status}: {body[:300]}")
    return json.loads(body)["access_token"]


def main():
    base, count, output = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    make = access_token if "--access-tokens" in sys.argv[4:] else refresh_token
    browser = Browser(base)
    with open(output, "w") as out:
        for _ in range(count):
            out.write(make(browser) + "\n")


if __name__ == "__main__":
    main()
