"""`serve`: build the site into a preview folder and serve it on localhost (stdlib HTTP server)."""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
from pathlib import Path

from generator.commands import add_content_options, content_root, today_of
from generator.strings import cli_help as H
from generator.strings.cli import SERVING


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `serve`."""
    parser = subparsers.add_parser("serve", help=H.SERVE_SUMMARY, description=H.SERVE_HELP)
    add_content_options(parser)
    parser.add_argument("--site-dir", default="build/preview", help=H.OPT_PREVIEW_DIR)
    parser.add_argument("--build-dir", default="build", help=H.OPT_PREVIEW_BUILD_DIR)
    parser.add_argument("--port", type=int, default=8000, help=H.OPT_PORT)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build, then serve until interrupted."""
    from generator.commands import build as build_command

    if content_root(args) is None:
        return 2
    code = build_command.run(args)
    if code:
        return code
    site = Path(args.site_dir).resolve()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(SERVING.format(site=site, port=server.server_address[1], today=today_of(args)), file=sys.stderr)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0
