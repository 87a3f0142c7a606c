"""Results computed once per version of their data, and reused until that data changes.

An app names what a result is made of (`watch("training.capacity", Enrolment, ...)`); every
save, delete or many-to-many change of those models then records a `DataChange` row in the same
transaction, and `cached()` keys the result on the ids of the newest rows.
Reading the version is one indexed query, whatever the size of the data.

Why rows and not a counter: a counter is one hot row that every writer would lock until it
commits, and a writer holding it while it waits for another lock (a delivery's seats, say) could
deadlock with one that holds that lock and waits for the counter. Inserts never wait on each
other. The newest rows' ids, not only the newest id, catch a change that commits after a later
one (ids are handed out at insert, not at commit). Bulk writes send no signals: their callers
say `touched()`.
"""

import hashlib
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Max
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from .models import DataChange

# How long a cached result lives at most, even with no change: a bound on any staleness a
# race could leave (two changes committing in the opposite order to their ids, with a read
# between them and an hour's pruning making the count equal again).
TIMEOUT = 15 * 60
KEEP_CHANGES = timedelta(hours=1)
# How many of a name's newest changes make its version (see version()).
WINDOW = 100
_WATCHERS: dict[type, set[str]] = defaultdict(set)
_M2M_ACTIONS = {"post_add", "post_remove", "post_clear"}


def watch(name: str, *models) -> None:
    """Results called `name` are made of these models (many-to-many `through` models too)."""
    for model in models:
        _WATCHERS[model].add(name)
        uid = f"protectnet.versions:{model._meta.label}"
        if model._meta.auto_created:  # a many-to-many table: only m2m_changed tells
            m2m_changed.connect(_on_m2m, sender=model, dispatch_uid=uid)
        else:
            post_save.connect(_on_change, sender=model, dispatch_uid=uid)
            post_delete.connect(_on_change, sender=model, dispatch_uid=uid)


def _on_change(sender, **kwargs) -> None:
    touched(sender)


def _on_m2m(sender, action, **kwargs) -> None:
    if action in _M2M_ACTIONS:
        touched(sender)


def touched(*models) -> None:
    """Record a change to these models (call it after a bulk write, which sends no signal)."""
    names = sorted(set().union(*(_WATCHERS.get(model, set()) for model in models)))
    if names:
        DataChange.objects.bulk_create([DataChange(name=name) for name in names])


def version(name: str) -> str:
    """The newest changes' ids: a change that commits after a later one (a lower id appearing)
    still changes it, as long as fewer than WINDOW changes of the name committed meanwhile
    (TIMEOUT bounds the rest). Reading them costs the same however busy the last hour was;
    counting every recent row did not (135,000 rows, 10 ms per page, after a bulk import)."""
    ids = list(
        DataChange.objects.filter(name=name).order_by("-id").values_list("id", flat=True)[:WINDOW]
    )
    digest = hashlib.sha256(repr(ids).encode()).hexdigest()[:16]
    return f"{ids[0] if ids else 0}.{digest}"


def _key(name: str, parts: tuple) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"version:{name}:{version(name)}:{digest}"


def peek(name: str, parts: tuple):
    """What `cached` holds for `parts` at the current version, or None: never computes."""
    return cache.get(_key(name, parts))


def cached(name: str, parts: tuple, compute: Callable, *, timeout: int = TIMEOUT):
    """`compute()`'s result for `parts` (who asks, with which filters, in which language) at
    the current version of `name`'s data, computed at most once per version."""
    key = _key(name, parts)
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.set(key, result, timeout)
    return result


def prune(now=None) -> int:
    """Forget changes older than an hour, keeping each name's newest (its version's base)."""
    cutoff = (now or timezone.now()) - KEEP_CHANGES
    grouped = DataChange.objects.values("name").annotate(newest=Max("id")).order_by()
    newest = [row["newest"] for row in grouped]  # one per name: a handful
    old = DataChange.objects.filter(at__lt=cutoff).exclude(id__in=newest)
    return old.delete()[0]
