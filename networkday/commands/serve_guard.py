"""What `networkday serve` refuses: a page from another site, and a name that is not this machine.

Listening on 127.0.0.1 keeps other machines out, not other web sites: any page open in
the same browser may open ``ws://127.0.0.1:8000/ws`` (a browser lets a page open a
websocket anywhere and read it) and type into the app, and a site whose name is made to
point at 127.0.0.1 (DNS rebinding) may load the page itself. A browser names the page
that opens a websocket in ``Origin`` and the name it asked for in ``Host``, so the
server answers only when the origin is the page's own and, unless ``--public``, the name
is this machine's loopback. Programs that send no ``Origin`` (curl, tests) are no site.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit


def is_local(host: str) -> bool:
    """Whether only this machine can reach ``host``: a loopback address, or ``localhost``."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    """``host`` as it is written in a URL: an IPv6 address in brackets (``[::1]``)."""
    return f"[{host}]" if ":" in host else host


def refusal(host: str, origin: str | None, public: bool) -> str | None:
    """Why a request with these ``Host`` and ``Origin`` headers is refused, or None to serve it."""
    try:
        name = urlsplit(f"//{host}").hostname or ""
    except ValueError:
        name = ""
    if not public and not is_local(name):
        return f"{host or 'no Host'} is not this machine's loopback: open http://127.0.0.1 instead"
    if origin is not None and _netloc(origin) != host.lower():
        return f"a page from {origin} may not open networkday"
    return None


def page_scheme(forwarded: str | None, scheme: str) -> str:
    """The scheme the browser used: a TLS proxy in front (``--public``) says ``https`` in
    ``X-Forwarded-Proto``, and the page must then ask for ``wss:``, as a browser refuses
    ``ws:`` from an ``https`` page. A client can only mislead its own page with it."""
    said = (forwarded or "").split(",")[0].strip().lower()
    return said if said in ("http", "https") else scheme


def guarded_server(command: str, host: str, port: int, public: bool) -> Any:
    """textual-serve's server for ``command``, refusing what ``refusal`` says and drawing each
    page's addresses from the name the browser used (an SSH tunnel's other port, a LAN address)."""
    from aiohttp import web
    from textual_serve.server import Server

    @web.middleware
    async def guard(request: web.Request, handler: Any) -> web.StreamResponse:
        why = refusal(request.headers.get("Host", ""), request.headers.get("Origin"), public)
        if why is not None:
            raise web.HTTPForbidden(text=f"networkday serve: {why}\n")
        response: web.StreamResponse = await handler(request)
        return response

    class Guarded(Server):
        async def _make_app(self) -> web.Application:
            app: web.Application = await super()._make_app()
            app.middlewares.append(guard)
            return app

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # the page names its websocket and files by public_url; the template is drawn
            # before this coroutine yields, so no other request sees this one's address
            self.public_url = (
                f"{page_scheme(request.headers.get('X-Forwarded-Proto'), request.scheme)}://{request.host}"
            )
            response: web.StreamResponse = await super().handle_index(request)
            return response

    return Guarded(command, host=host, port=port, title="networkday", public_url=f"http://{url_host(host)}:{port}")


def _netloc(origin: str) -> str:
    try:
        return urlsplit(origin).netloc.lower()
    except ValueError:
        return ""
