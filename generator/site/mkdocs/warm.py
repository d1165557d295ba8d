"""A MkDocs child started when the build starts, ready by the time the docs are: MkDocs imported, its
configuration read once and the theme's templates compiled, while the parent checks the content.

MkDocs' stage used to begin, in a child forked once the docs were written, with ~0.35 s that depend on no
docs at all (at 1,000 letters most of the stage; at 10,000 letters a third): importing MkDocs, Material and
Markdown (~0.15 s), reading mkdocs.yml (~0.05 s) and compiling the ~30 Jinja templates a build renders
(~0.12 s). `prepare()` forks that child first; it does those while the content is checked (one core is idle
then) and waits for its job (`Warm.send`: the configuration values, hooks, folders and reuse plan, pickled
through a pipe); `_build` then runs as in a late child, its theme environment given the templates compiled
(`attach`).

The compiled templates never leave the child's memory (no file is written or read: nothing a cache could
change runs), and a template is taken only for the same name, file and source (Jinja's own bucket key and
checksum) in an environment of the same compile settings (`flavour`); anything else is compiled as usual.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, meta
from jinja2.bccache import Bucket

from generator import parallel

WARM_SUFFIXES = (".html", ".xml")  # the theme's templates (not its icons, scripts or styles)
ENTRY_TEMPLATES = ("main.html", "404.html", "sitemap.xml")  # besides the site's own page templates (custom_dir)


def flavour(env: Environment) -> str:
    """What of an environment changes the code a template compiles to (delimiters, whitespace control,
    autoescape, finalize, extensions and their gettext style, compiler policies): a template compiled in one
    environment serves another only when equal (a function's repr names the object: another one never matches)."""
    settings = (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
                env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
                repr(env.autoescape), repr(env.finalize), sorted(env.extensions), env.is_async,
                getattr(env, "newstyle_gettext", None), sorted((k, repr(v)) for k, v in env.policies.items()))
    return hashlib.sha256(repr(settings).encode()).hexdigest()


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in this process: {(flavour, Jinja's bucket key, source checksum): code}."""

    def __init__(self) -> None:
        self.code: dict[tuple[str, str, str], Any] = {}
        self.flavours: dict[int, str] = {}

    def _key(self, bucket: Bucket) -> tuple[str, str, str]:
        env = bucket.environment
        if id(env) not in self.flavours:
            self.flavours[id(env)] = flavour(env)
        return self.flavours[id(env)], bucket.key, bucket.checksum

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(self._key(bucket))
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[self._key(bucket)] = bucket.code


CACHE = MemoryBytecodeCache()  # this process's compiled templates (the warm child's, once `warm_up` ran)


def attach(env: Environment) -> Environment:
    """`env` taking the templates this process compiled (and keeping those it compiles)."""
    env.bytecode_cache = CACHE
    return env


def warm_up(config_file: Path) -> int:
    """Import MkDocs, read `config_file` and compile every template of its theme into CACHE; returns how many.
    A template that does not compile here (one for a plugin this site does not use) is left to MkDocs."""
    from mkdocs.commands import build  # noqa: F401  (imported for the build to come)
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory(prefix="congkhai-warm-") as empty:  # the docs are not written yet
        os.mkdir(os.path.join(empty, "docs"))
        config = load_config(str(config_file), docs_dir=os.path.join(empty, "docs"),
                             site_dir=os.path.join(empty, "site"))
        env = attach(config.theme.get_env())
        custom = config.theme.custom_dir
    todo = [*ENTRY_TEMPLATES, *(name for name in sorted(os.listdir(custom)) if name.endswith(WARM_SUFFIXES))] \
        if custom and os.path.isdir(custom) else list(ENTRY_TEMPLATES)
    done: set[str] = set()
    while todo:  # the pages' templates and every template they name (a name made at render time is not seen)
        name = todo.pop()
        if name in done or not name.endswith(WARM_SUFFIXES):
            continue
        done.add(name)
        try:
            env.get_template(name)  # compiled into CACHE
            source = env.loader.get_source(env, name)[0]
            todo += [ref for ref in meta.find_referenced_templates(env.parse(source)) if ref]
        except Exception:  # noqa: BLE001  (not needed by this site: compiled, or failed, by MkDocs as usual)
            continue
    return len(CACHE.code)


class Warm:
    """The child `prepare` started: `send` hands it its job (it then runs it, `pending.result()` gives what
    the job returned), `cancel` ends it unused."""

    def __init__(self, pending: parallel.Pending, job_w: int) -> None:
        self.pending, self._job_w = pending, job_w

    def send(self, job: Callable[[], Any]) -> parallel.Pending:
        """Give the child `job` (pickled: a module-level function with its arguments, `functools.partial`)."""
        data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with os.fdopen(self._job_w, "wb") as out:
                out.write(len(data).to_bytes(8, "little") + data)
        except BrokenPipeError:
            pass  # the child is gone: `pending.result()` says how it ended
        finally:
            self._job_w = None
        return self.pending

    def cancel(self) -> None:
        """End the child without a job (the build stopped before MkDocs)."""
        if self._job_w is not None:
            os.close(self._job_w)
            self._job_w = None
        self.pending.cancel()


def prepare(config_file: Path) -> Warm | None:
    """Fork the warm child (None where builds run in one process: there is no child to warm)."""
    if not hasattr(os, "fork") or parallel.workers() < 2:
        return None
    job_r, job_w = os.pipe()

    def child() -> Any:
        os.close(job_w)
        try:
            warm_up(config_file)
        except Exception:  # noqa: BLE001  (a warm-up that fails costs its time only: the job runs as usual)
            pass
        with os.fdopen(job_r, "rb") as source:  # its length first: a copy of the pipe's other end that a later
            size = int.from_bytes(source.read(8) or bytes(8), "little")  # child of the parent holds never stalls it
            data = source.read(size) if size else b""
        if not data or len(data) != size:
            return None  # cancelled
        return pickle.loads(data)()  # our own parent's job, through our own pipe (never a file)

    pending = parallel.start_child(child)
    os.close(job_r)
    return Warm(pending, job_w)


__all__ = ["CACHE", "MemoryBytecodeCache", "Warm", "attach", "flavour", "prepare", "warm_up"]
