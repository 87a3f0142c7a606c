"""The demo and bench builders import the apps; no product module may import them back."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "protectnet"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_product_module_imports_the_demo_package():
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if PACKAGE / "demo" not in path.parents
        and any(n == "protectnet.demo" or n.startswith("protectnet.demo.") for n in _imports(path))
    ]
    assert offenders == []
