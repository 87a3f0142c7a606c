"""Build the synthetic network, then measure every page for every role it serves."""

import random
import time

from . import build_network
from .measure import time_request
from .pages import PAGES
from .scales import SCALES
from .users import bearer_for, client_for, make_users

DEFAULT_RUNS = {"small": 15, "medium": 10, "large": 7}


def _timed(build_seconds: dict, name: str, fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    build_seconds[name] = round(time.perf_counter() - start, 1)
    return result


def run(scale_name: str, *, runs: int = 0) -> dict:
    scale = SCALES[scale_name]
    runs = runs or DEFAULT_RUNS[scale_name]
    rng = random.Random(2014)
    build_seconds: dict[str, float] = {}
    ctx = dict(_timed(build_seconds, "network", build_network.build, scale, rng))
    users = make_users()
    ctx["users"] = users
    clients = {role: client_for(user) for role, user in users.items()}
    tokens = {role: bearer_for(user) for role, user in users.items()}

    floor = time_request(
        client_for(None), "floor (healthz)", "anonymous", "/healthz", runs=runs * 2
    )
    figures = []
    for page in PAGES:
        url = page.resolve(ctx)
        if url is None:
            continue
        for role in page.roles:
            if page.api:
                headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[role]}"}
                fig = time_request(client_for(None), page.name, role, url, runs=runs, **headers)
            else:
                fig = time_request(clients[role], page.name, role, url, runs=runs)
            fig.ratio_to_floor = round(fig.median_ms / max(floor.median_ms, 0.01), 1)
            figures.append(fig.as_dict())
    return {
        "scale": scale_name,
        "rows": scale.__dict__,
        "runs": runs,
        "build_seconds": build_seconds,
        "floor_ms": floor.median_ms,
        "pages": figures,
        "throughput": {},
    }
