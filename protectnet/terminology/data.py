"""The shipped lists: data/terminology.csv (English, the project's reference list) and one file
per other language (data/<language code>.csv, same columns); parsing and the idempotent load."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
CSV_PATH = DATA_DIR / "terminology.csv"
EXCEPTION_MARK = "EXCEPTION:"


def language_files() -> dict[str, Path]:
    """{language code: file}, English first."""
    others = sorted(p for p in DATA_DIR.glob("*.csv") if p != CSV_PATH)
    return {"en": CSV_PATH, **{p.stem: p for p in others}}


def split_reason(reason: str) -> tuple[str, str]:
    """The CSV keeps exceptions inside the reason; the product shows them separately."""
    head, mark, tail = reason.partition(EXCEPTION_MARK)
    return head.strip(), tail.strip() if mark else ""


def read_csv(path: Path = CSV_PATH) -> list[dict]:
    """Rows as Term field values (variants and preferred terms one per line)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [_values(row) for row in csv.DictReader(handle)]


def read_all() -> list[dict]:
    """Every language's rows, each with its language."""
    return [
        {**values, "language": language}
        for language, path in language_files().items()
        for values in read_csv(path)
    ]


def _values(row: dict) -> dict:
    reason, exceptions = split_reason(row["reason"])
    return {
        "label": row["term"].strip(),
        "variants": "\n".join(v.strip() for v in row["variants"].split("|") if v.strip()),
        "preferred": "\n".join(p.strip() for p in row["preferred"].split(";") if p.strip()),
        "reason": reason,
        "exceptions": exceptions,
        "source": row["source"].strip(),
        "severity": row["severity"].strip(),
        "context": row["context"].strip() or "always",
    }


def load_terms(term_model, *, update: bool = False) -> tuple[int, int]:
    """Create the terms missing from the database, in every language; with update=True also reset
    the others to the files. Admin edits survive a plain reload. Returns (created, updated)."""
    if not _has_language(term_model):
        # Migration 0002 runs on the model as it was before terms had a language: English only.
        return _load([dict(values, language="en") for values in read_csv()], term_model, update)
    return _load(read_all(), term_model, update)


def _has_language(term_model) -> bool:
    return any(f.name == "language" for f in term_model._meta.get_fields())


def _load(rows: list[dict], term_model, update: bool) -> tuple[int, int]:
    with_language = _has_language(term_model)
    created = updated = 0
    existing = {(getattr(t, "language", "en"), t.label): t for t in term_model.objects.all()}
    for values in rows:
        term = existing.get((values["language"], values["label"]))
        if not with_language:
            values = {k: v for k, v in values.items() if k != "language"}
        if term is None:
            term_model.objects.create(**values)
            created += 1
        elif update:
            for field, value in values.items():
                setattr(term, field, value)
            term.save(update_fields=[*values.keys()])
            updated += 1
    return created, updated
