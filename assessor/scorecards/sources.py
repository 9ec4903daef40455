"""The files a kept scorecard page or PDF is rendered from, found by following the code.

A kept page or PDF is served for as long as its key holds, and the key hashes these files:
the package's modules that the rendering module imports, directly or not; the templates it
renders, those they include, extend or import, and those the modules found name; the modules
behind the template filters, tests and globals these use, and behind the app's context
processors; the static files the templates and the rendering module name, and those their
stylesheets load; and the language's catalogue. Found rather than listed, no file can be
forgotten, and a module moved to another package is still found through the imports that
reach it.
"""

import ast
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import resolve_name
from pathlib import Path

from flask import current_app
from jinja2 import Environment, meta, nodes

from assessor.languages.selection import TRANSLATIONS_DIR
from assessor.presentation.filters import register_filters
from assessor.presentation.pdf import STATIC_SCHEME

PACKAGE = __name__.partition(".")[0]
PACKAGE_FOLDER = Path(sys.modules[PACKAGE].__file__).resolve().parent
# What a PDF may load (see render): the app's own static files, named with their scheme.
STATIC_REFERENCE = re.compile(re.escape(STATIC_SCHEME) + r"([^\"'\s)]+)")


@dataclass(frozen=True, slots=True)
class Layout:
    """How a kept document is rendered: the module whose functions render it, and the
    templates they render."""

    module: str
    templates: tuple[str, ...]


def module_file(name: str) -> Path | None:
    """The source file of the package's module ``name``; None for any other name."""
    if name != PACKAGE and not name.startswith(f"{PACKAGE}."):
        return None
    base = PACKAGE_FOLDER.parent.joinpath(*name.split("."))
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _from_import(node: ast.ImportFrom, package: str) -> set[str]:
    """The modules a ``from ... import`` line imports: ``from a import b`` imports the module
    a.b where there is one, else names of module a (whose parents' own imports are not
    followed: the root package builds the whole app)."""
    base = resolve_name("." * node.level + (node.module or ""), package)
    submodules = {f"{base}.{alias.name}" for alias in node.names}
    found = {name for name in submodules if module_file(name)}
    return found if found == submodules else found | {base}


def imported_by(name: str) -> set[str]:
    """The package's modules that module ``name`` imports, read from its source."""
    path = module_file(name)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found |= _from_import(node, package)
    return {module for module in found if module_file(module)}


def imported_modules(entries: Iterable[str]) -> set[str]:
    """``entries`` and the package's modules they import, directly or not."""
    seen: set[str] = set()
    waiting = list(entries)
    while waiting:
        name = waiting.pop()
        if name not in seen:
            seen.add(name)
            waiting.extend(imported_by(name))
    return seen


def template_sources(environment: Environment, names: Iterable[str]) -> dict[Path, str]:
    """The source of each template named and of those they reference, by file."""
    sources: dict[Path, str] = {}
    seen: set[str] = set()
    waiting = list(names)
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        source, filename, _ = environment.loader.get_source(environment, name)
        sources[Path(filename).resolve()] = source
        for referenced in meta.find_referenced_templates(environment.parse(source)):
            if referenced is None:
                raise ValueError(f"{name} names a template at run time: it cannot be followed")
            waiting.append(referenced)
    return sources


def template_helpers(environment: Environment, source: str) -> Iterator[object]:
    """The filters, tests and globals of ``environment`` that a template uses."""
    tree = environment.parse(source)
    for node in tree.find_all(nodes.Filter):
        yield environment.filters.get(node.name)
    for node in tree.find_all(nodes.Test):
        yield environment.tests.get(node.name)
    for node in tree.find_all(nodes.Name):
        yield environment.globals.get(node.name)


def static_files(texts: Iterable[str], folder: Path) -> set[Path]:
    """The static files that ``texts`` load, and those that stylesheets among them load."""
    found: set[Path] = set()
    waiting = list(texts)
    while waiting:
        for reference in STATIC_REFERENCE.findall(waiting.pop()):
            path = (folder / reference).resolve()
            if path.is_file() and path not in found:
                found.add(path)
                if path.suffix == ".css":
                    waiting.append(path.read_text(encoding="utf-8"))
    return found


def helper_modules(environment: Environment, sources: Iterable[str]) -> set[str]:
    """The package's modules defining the template helpers that ``sources`` use and the app's
    context processors, which every template is rendered with."""
    helpers = [helper for source in sources for helper in template_helpers(environment, source)]
    helpers += current_app.template_context_processors[None]
    # And the module that names the filters and globals: a name given to another function
    # changes what a template shows.
    helpers.append(register_filters)
    names = {getattr(helper, "__module__", None) for helper in helpers}
    return {name for name in names if isinstance(name, str) and module_file(name)}


def named_templates(environment: Environment, modules: Iterable[str]) -> set[str]:
    """The templates that ``modules`` name in their source (a helper rendering a template of
    its own, say): every text constant that is a template's name."""
    known = set(environment.list_templates())
    named = set()
    for name in modules:
        path = module_file(name)
        for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
            if isinstance(node, ast.Constant) and node.value in known:
                named.add(node.value)
    return named


@lru_cache(maxsize=8)
def layout_files(layout: Layout) -> frozenset[Path]:
    """Every file ``layout`` is rendered from in the current app, found once per process:
    templates and modules are followed in turn until neither names anything new."""
    environment = current_app.jinja_env
    names = set(layout.templates)
    while True:
        templates = template_sources(environment, names)
        entries = {layout.module} | helper_modules(environment, templates.values())
        module_names = imported_modules(entries)
        more = named_templates(environment, module_names) - names
        if not more:
            break
        names |= more
    modules = {module_file(name) for name in module_names}
    # The rendering module names the stylesheets it passes to the renderer.
    loading = [*templates.values(), module_file(layout.module).read_text(encoding="utf-8")]
    static = static_files(loading, Path(current_app.static_folder).resolve())
    return frozenset(modules | set(templates) | static)


def catalogue_file(language: str) -> Path:
    """The compiled catalogue a language's interface text comes from."""
    return TRANSLATIONS_DIR / language / "LC_MESSAGES" / "messages.mo"


def files_version(paths: Iterable[Path]) -> str:
    """A hash of the files' names and contents."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=16)
def layout_version(layout: Layout, language: str) -> str:
    """A hash of the files ``layout`` is rendered from and of the language's catalogue, read
    once per process: part of the key of each page or PDF kept."""
    catalogue = catalogue_file(language)
    extra = [catalogue] if catalogue.is_file() else []
    return files_version([*layout_files(layout), *extra])
