"""The published API contract: paths, parameters, bodies and answers stay as clients know them.

tests/api/openapi_v1.json is the document as published; the only changes allowed without
updating it are the operation ids listed in `api.RENAMED` (documented in docs/api.md).
"""

import json
from pathlib import Path

from protectnet.api.api import RENAMED

SNAPSHOT = Path(__file__).with_name("openapi_v1.json")


def _with_old_ids(schema: dict) -> dict:
    old_for = {new: old for old, new in RENAMED.items()}
    for operations in schema["paths"].values():
        for operation in operations.values():
            operation["operationId"] = old_for.get(
                operation["operationId"], operation["operationId"]
            )
    return schema


def test_the_openapi_document_changes_only_by_the_documented_renames(client):
    current = _with_old_ids(json.loads(client.get("/api/v1/openapi.json").content))
    published = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert json.dumps(current, indent=1, sort_keys=True) == json.dumps(
        published, indent=1, sort_keys=True
    )


def test_renamed_ids_follow_app_noun_verb():
    apps = {"network", "terminology", "workshops", "training", "library", "alerts", "reports"}
    wrong = [new for new in RENAMED.values() if new.split("_", 1)[0] not in apps | {"me"}]
    assert wrong == []


def test_every_operation_id_is_app_noun_verb(client):
    apps = {"network", "terminology", "workshops", "training", "library", "alerts", "me"}
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    ids = [op["operationId"] for ops in schema["paths"].values() for op in ops.values()]
    assert [i for i in ids if i.split("_", 1)[0] not in apps] == []


def test_docs_publish_every_rename():
    docs = (Path(__file__).parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [
        f"{old} -> {new}" for old, new in RENAMED.items() if f"| `{old}` | `{new}` |" not in docs
    ]
    assert missing == []
