"""`networkday serve [--host H] [--port P] [--public]`: the app in a browser, through textual-serve.

Each browser tab that opens the page starts its own `networkday` on the data folder,
drawn over a websocket. Anyone who reaches the port works on your data with no
password, so the server listens on 127.0.0.1 unless told otherwise: reach it from a
phone or another machine through an SSH tunnel (docs/BROWSER.md). Another address needs
``--public`` as well, and a warning says what it means. Other web sites open in the same
browser are kept out by ``serve_guard``.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from networkday.commands.common import CommandError, missing_folder
from networkday.commands.help_format import ExamplesFormatter
from networkday.commands.serve_guard import guarded_server, is_local
from networkday.paths import data_dir

LOCAL = "127.0.0.1"


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "serve",
        parents=[common],
        help="open the app in a browser (needs networkday[serve]); listens on 127.0.0.1",
        description=(
            "Serve the app to a browser with textual-serve. It listens on 127.0.0.1 only: use an SSH tunnel to "
            "reach it from elsewhere (docs/BROWSER.md). Another --host needs --public too."
        ),
        epilog="examples:\n"
        "  networkday serve --demo             then open http://127.0.0.1:8000\n"
        "  ssh -L 8000:127.0.0.1:8000 HOST     on the laptop, with serve running on HOST",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument("--host", default=LOCAL, help=f"the address to listen on (default {LOCAL})")
    parser.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    parser.add_argument(
        "--public",
        action="store_true",
        help="allow a --host other than this machine's own: anyone who reaches it gets your data, with no password",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not is_local(args.host):
        if not args.public:
            raise CommandError(
                f"--host {args.host} lets other machines open your data with no password; "
                "add --public if you mean it, or use an SSH tunnel (docs/BROWSER.md)",
                2,
            )
        print(
            f"networkday: warning: serving on {args.host}: anyone who can reach port {args.port} "
            "reads and changes your data, with no password and no encryption",
            file=sys.stderr,
        )
    if not 0 < args.port < 65536:
        raise CommandError(f"--port {args.port}: not a port (1 to 65535)", 2)
    root = data_dir(getattr(args, "data_dir", None))
    if not root.is_dir():
        raise CommandError(missing_folder(root))
    command = shlex.join([sys.executable, "-m", "networkday", "--data-dir", str(root.resolve())])
    try:
        server = guarded_server(command, args.host, args.port, args.public)
    except ImportError:
        raise CommandError("serving needs textual-serve: pip install 'networkday[serve]'") from None
    server.serve()
    return 0
