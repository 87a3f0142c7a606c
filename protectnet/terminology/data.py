"""The shipped list (data/terminology.csv): parsing and the idempotent initial load."""

import csv
from pathlib import Path

CSV_PATH = Path(__file__).resolve().parent / "data" / "terminology.csv"
EXCEPTION_MARK = "EXCEPTION:"


def split_reason(reason: str) -> tuple[str, str]:
    """The CSV keeps exceptions inside the reason; the product shows them separately."""
    head, mark, tail = reason.partition(EXCEPTION_MARK)
    return head.strip(), tail.strip() if mark else ""


def read_csv(path: Path = CSV_PATH) -> list[dict]:
    """Rows as Term field values (variants and preferred terms one per line)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            reason, exceptions = split_reason(row["reason"])
            rows.append(
                {
                    "label": row["term"].strip(),
                    "variants": "\n".join(
                        v.strip() for v in row["variants"].split("|") if v.strip()
                    ),
                    "preferred": "\n".join(
                        p.strip() for p in row["preferred"].split(";") if p.strip()
                    ),
                    "reason": reason,
                    "exceptions": exceptions,
                    "source": row["source"].strip(),
                    "severity": row["severity"].strip(),
                    "context": row["context"].strip() or "always",
                }
            )
    return rows


def load_terms(term_model, *, path: Path = CSV_PATH, update: bool = False) -> tuple[int, int]:
    """Create the terms missing from the database; with update=True also reset the others to the
    CSV. Admin edits survive a plain reload. Returns (created, updated)."""
    created = updated = 0
    existing = {t.label: t for t in term_model.objects.all()}
    for values in read_csv(path):
        term = existing.get(values["label"])
        if term is None:
            term_model.objects.create(**values)
            created += 1
        elif update:
            for field, value in values.items():
                setattr(term, field, value)
            term.save(update_fields=[*values.keys()])
            updated += 1
    return created, updated
