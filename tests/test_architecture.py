"""The allowed import graph between the apps (docs/development.md, "Layout").

Foundation (core, access, accounts) names no feature app. Feature apps depend downward only:
terminology <- network <- workshops, training, library, alerts, which never import each other.
reports and api may read every app; no app imports reports or api. `apps.get_model("<app>", ...)`
and `import_module("protectnet.<app>...")` count as imports: they are the same edge, hidden.
"""

import ast
import re
from pathlib import Path

import protectnet

ROOT = Path(protectnet.__file__).parent
FOUNDATION = {"core", "access", "accounts"}
FEATURES = {"workshops", "training", "library", "alerts"}
ALLOWED = {
    "core": {"access", "accounts"},
    "access": {"core", "accounts"},
    "accounts": {"core", "access"},
    "terminology": FOUNDATION,
    "network": FOUNDATION | {"terminology"},
    **{app: FOUNDATION | {"terminology", "network"} for app in FEATURES},
    "demo": FOUNDATION | {"terminology", "network"} | FEATURES,
    "reports": FOUNDATION | {"terminology", "network"} | FEATURES,
    "api": FOUNDATION | {"terminology", "network", "reports"} | FEATURES,
}
# Import-graph debts still being paid off; this set only ever shrinks (it is empty: keep it so).
KNOWN: set[tuple[str, str]] = set()


def _apps() -> list[str]:
    return sorted(p.name for p in ROOT.iterdir() if (p / "__init__.py").exists())


def _targets(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Call) and _called(node) in ("get_model", "import_module"):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                label = first.value
                found.add(label if label.startswith("protectnet.") else f"protectnet.{label}")
    return {m.split(".")[1] for m in found if m.startswith("protectnet.") and "." in m}


def _called(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def edges() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for app in _apps():
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue  # historical models by name are how migrations work
            for target in _targets(ast.parse(path.read_text(encoding="utf-8"))):
                if target != app and (ROOT / target / "__init__.py").exists():
                    found.setdefault((app, target), []).append(str(path.relative_to(ROOT)))
    return found


def test_apps_import_only_downward():
    wrong = {
        f"{a} -> {b}: {', '.join(sorted(files)[:3])}"
        for (a, b), files in edges().items()
        if b not in ALLOWED.get(a, set()) and (a, b) not in KNOWN
    }
    assert sorted(wrong) == []


def test_known_debts_are_still_real():
    assert sorted(KNOWN - set(edges())) == [], "remove paid-off entries from KNOWN"


def test_access_names_no_feature_app():
    """No app label or status of a feature app inside the access engine's code."""
    labels = {"network", "terminology", "reports", "api", *FEATURES}
    pattern = re.compile(rf"[\"']({'|'.join(sorted(labels))})[.:]\w")
    found = []
    for path in (ROOT / "access").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if pattern.match(repr(node.value)):
                    found.append(f"{path.name}: {node.value[:40]}")
    assert found == []
