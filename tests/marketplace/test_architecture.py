"""The layers of the API as a contract, read from the code's imports (grimp), lazy imports included.

From the bottom up: `core` (the GraphQL view, ids, pagination, loaders, caches) and `photography`; the apps'
models, selectors and services; the apps' `graphql` packages; the root schema (`marketplace/graphql`); and
`urls.py`, which hands the schema to the view. An import may only point down, and no set of modules
imports itself back in a circle: a circle makes a module's behaviour depend on which file was imported
first, and it is how `core` once ended up importing every app through the root schema (issue 19).
"""

from __future__ import annotations

import grimp
import pytest

PACKAGE = "marketplace"
# Project wiring, not apps: what `core` may name besides itself (the health check asks the Celery broker).
CORE_MAY_IMPORT = {"marketplace.celery", "marketplace.settings"}
ROOT = {"marketplace.urls", "marketplace.graphql", "marketplace.graphql.schema"}


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, cache_dir=None)


def _app(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _is_graphql(module: str) -> bool:
    """An app's GraphQL layer: `marketplace.<app>.graphql…` (core's own graphql package is the base)."""
    parts = module.split(".")
    return len(parts) > 2 and parts[2] == "graphql" and parts[1] != "core"


def _imports(graph: grimp.ImportGraph, importer: str) -> list[str]:
    return sorted(graph.find_modules_directly_imported_by(importer))


def test_core_imports_no_app_nor_the_root_schema(graph: grimp.ImportGraph) -> None:
    upward = [f"{module} -> {imported}" for module in sorted(graph.modules) if _app(module) == "core"
              for imported in _imports(graph, module)
              if _app(imported) != "core" and imported not in CORE_MAY_IMPORT]
    assert upward == [], "core sits below every app: pass what it needs in (as urls.py passes the schema)"


def test_services_and_models_never_import_a_graphql_layer(graph: grimp.ImportGraph) -> None:
    upward = [f"{module} -> {imported}" for module in sorted(graph.modules)
              if _app(module) not in ("graphql", "urls") and not _is_graphql(module) and module not in ROOT
              for imported in _imports(graph, module) if _is_graphql(imported) or imported in ROOT]
    assert upward == [], "services, selectors and models sit below the GraphQL layer"


def test_only_urls_imports_the_root_schema(graph: grimp.ImportGraph) -> None:
    importers = {module for root in ROOT if root in graph.modules
                 for module in graph.find_modules_that_directly_import(root)} - ROOT
    assert importers == set(), "the root schema and the URLs are the top: only urls.py names the schema"


def _circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    edges = {module: _imports(graph, module) for module in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    circles: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, []))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    circles.append(sorted(component))
    return circles


def test_no_module_imports_itself_back_in_a_circle(graph: grimp.ImportGraph) -> None:
    circles = _circles(graph)
    described = [" -> ".join(circle) for circle in circles]
    assert described == [], ("a circle of imports (lazy ones too): move the shared name down a layer, "
                             "refer to another app's type by its dotted path, or pass a callable in")


def test_the_circle_check_finds_a_circle() -> None:
    """The check itself can fail: a graph with a two-module loop is reported."""
    graph = grimp.ImportGraph()
    for module in ("a", "a.one", "a.two", "a.three"):
        graph.add_module(module)
    graph.add_import(importer="a.one", imported="a.two")
    graph.add_import(importer="a.two", imported="a.one")
    graph.add_import(importer="a.three", imported="a.one")
    assert _circles(graph) == [["a.one", "a.two"]]


def test_the_media_task_is_registered_under_the_name_services_send() -> None:
    """media/services.py sends its task by name (it never imports tasks.py): the names must agree."""
    from marketplace.celery import app
    from marketplace.media.services import PROCESS_MEDIA_TASK

    app.loader.import_default_modules()
    assert PROCESS_MEDIA_TASK in app.tasks


# Attributes that once carried a request's context on shared model instances: the channel a catalog node was
# read in (now `ChannelContext`, core/graphql/channel_context.py) and a variant's product (now the relation
# Django cached, or the batch loader). The row memo and the loaders hand the same instances to every
# resolver and, between requests, to every thread: whatever one request writes on them, another reads.
CONTEXT_ATTRIBUTES = {"_channel", "_product"}


def _context_attribute_uses(source: str, filename: str) -> list[str]:
    import ast

    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Attribute) and node.attr in CONTEXT_ATTRIBUTES:
            found.append(f"{filename}:{node.lineno} .{node.attr}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "setattr", "hasattr", "delattr") and len(node.args) >= 2
              and isinstance(node.args[1], ast.Constant) and node.args[1].value in CONTEXT_ATTRIBUTES):
            found.append(f"{filename}:{node.lineno} {node.func.id}(…, {node.args[1].value!r})")
    return found


def test_no_model_instance_carries_a_channel_or_a_request_context() -> None:
    from pathlib import Path

    import marketplace

    root = Path(marketplace.__file__).parent
    found = [use for path in sorted(root.rglob("*.py"))
             for use in _context_attribute_uses(path.read_text(encoding="utf-8"), str(path.relative_to(root)))]
    assert found == [], ("return ChannelContext(node, channel) instead of setting the channel on the node; "
                         "read a variant's product from its cached relation or the batch loader")


def test_the_context_attribute_check_finds_the_old_channel_tag() -> None:
    """The check itself can fail: the helper that tagged nodes with their channel is reported."""
    old = ("def with_channel(obj, channel):\n    obj._channel = channel\n    return obj\n\n"
           "def resolve_channel(root, info):\n    return getattr(root, '_channel', None)\n")
    assert _context_attribute_uses(old, "old.py") == ["old.py:2 ._channel", "old.py:6 getattr(…, '_channel')"]
