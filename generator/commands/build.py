"""`build`: validate the content and build the public site, all or nothing."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.commands import (
    add_content_options,
    add_publish_options,
    content_root,
    progress_printer,
    publish_options,
    today_of,
)
from generator.strings import cli_help as H
from generator.strings.cli import (
    BUILD_CONTENT_ERRORS,
    BUILD_DONE,
    BUILD_FAILED,
    BUILD_MKDOCS_MISSING,
    BUILD_MKDOCS_PUBLIC,
    BUILD_REUSED,
    BUILD_SECONDS,
    BUILD_STAGES,
    BUILD_UNCHANGED,
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `build`."""
    parser = subparsers.add_parser("build", help=H.BUILD_SUMMARY, description=H.BUILD_HELP)
    add_content_options(parser)
    parser.add_argument("--site-dir", default="site", help=H.OPT_SITE_DIR)
    parser.add_argument("--build-dir", default="build", help=H.OPT_BUILD_DIR)
    parser.add_argument("--full", action="store_true", help=H.OPT_FULL)
    parser.add_argument("--report", action="store_true", help=H.OPT_REPORT)
    add_publish_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build; print the check report on invalid content (with --report, after a build too: its warnings, as
    `check` prints them); exit 1 on any failure."""
    from generator.build import BuildFailed, build_site
    from generator.buildlock import BuildBusy
    from generator.problems_report import render

    root = content_root(args)
    if root is None:
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        result = build_site(root, Path(args.site_dir), today_of(args), build_dir=Path(args.build_dir),
                            cache_dir=Path(args.cache_dir), progress=progress_printer("PDF"), full=args.full,
                            **publish_options(args))
    except BuildBusy as exc:  # another build into the same folder: refuse, touch nothing
        print(exc, file=sys.stderr)
        return 1
    except BuildFailed as exc:
        if exc.check is not None:
            sys.stdout.write(render(exc.check.problems, args.format, args.content, exc.check.letter_files))
        reason = BUILD_CONTENT_ERRORS if exc.check is not None else str(exc)
        print(BUILD_FAILED.format(reason=reason), file=sys.stderr)
        return 1
    if args.report and result.check.content is not None:  # checked in this build (not an unchanged site)
        sys.stdout.write(render(result.check.problems, args.format, args.content, result.check.letter_files))
    for note in mkdocs_notes(result.mkdocs):
        print(note, file=sys.stderr)
    content = result.check.content
    pages = len(result.rendered.pages)
    if result.mode == "unchanged":
        print(BUILD_UNCHANGED.format(pages=pages, site=result.site_dir), file=sys.stderr)
        return 0
    if result.reused_pages:
        print(BUILD_REUSED.format(reused=len(result.reused_pages), rendered=pages - len(result.reused_pages)),
              file=sys.stderr)
    print(BUILD_DONE.format(pages=pages, letters=len(content.letters), agencies=len(content.agencies),
                            site=result.site_dir), file=sys.stderr)
    print(seconds_line(result.seconds), file=sys.stderr)
    return 0


def seconds_line(seconds: dict[str, float]) -> str:
    """The build's time per stage, in Vietnamese (decimal comma): where a slow publish spent its time."""
    def shown(value: float) -> str:
        return f"{value:.1f}".replace(".", ",")
    stages = ", ".join(f"{BUILD_STAGES.get(name, name)} {shown(value)} s" for name, value in seconds.items())
    return BUILD_SECONDS.format(stages=stages, total=shown(sum(seconds.values())))


def mkdocs_notes(outcome) -> list[str]:
    """What to tell the editor about how MkDocs ran: other versions than the pinned ones, built the slow way
    (`outcome` None: nothing changed, MkDocs did not run)."""
    mismatched = outcome.mismatched if outcome else ()
    return [BUILD_MKDOCS_PUBLIC.format(package=package, installed=installed or BUILD_MKDOCS_MISSING, pinned=pinned)
            for package, installed, pinned in mismatched]
