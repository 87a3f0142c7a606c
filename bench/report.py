"""Print the bench results as a table; add large/small growth when both runs exist."""

import json
from pathlib import Path


def _growth(results: dict, out_dir: Path) -> dict[str, float]:
    if results["scale"] in ("tiny", "small"):
        return {}
    small = out_dir / f"small-{results['database']}.json"
    if not small.exists():
        return {}
    base = {f"{f['name']}|{f['role']}": f for f in json.loads(small.read_text())["pages"]}
    growth = {}
    for fig in results["pages"]:
        ref = base.get(f"{fig['name']}|{fig['role']}")
        if ref and ref["median_ms"]:
            growth[f"{fig['name']}|{fig['role']}"] = round(fig["median_ms"] / ref["median_ms"], 2)
    return growth


def cpu_growth(results: dict, out_dir: Path) -> dict[str, float]:
    """Growth of the median CPU time per request (see measure.Figure.cpu_ms)."""
    small = out_dir / f"small-{results['database']}.json"
    if results["scale"] in ("tiny", "small") or not small.exists():
        return {}
    base = {f"{f['name']}|{f['role']}": f for f in json.loads(small.read_text())["pages"]}
    growth = {}
    for fig in results["pages"]:
        key = f"{fig['name']}|{fig['role']}"
        ref = base.get(key, {}).get("cpu_ms")
        if ref and fig.get("cpu_ms"):
            growth[key] = round(fig["cpu_ms"] / ref, 2)
    return growth


def print_table(results: dict, out_dir: Path) -> None:
    growth = _growth(results, out_dir)
    results["growth_vs_small"] = growth
    results["cpu_growth_vs_small"] = cpu_growth(results, out_dir)
    print(f"\nProtectNet bench: scale={results['scale']} database={results['database']}")
    print("\nBuild (bulk inserts):")
    for step, seconds in results["build_seconds"].items():
        print(f"  {step:<28} {seconds:>8.1f} s")
    print(f"\nFloor (trivial view): median {results['floor_ms']} ms")
    cpus = results.get("cpus", "?")
    print(f"Machine: {cpus} CPUs, load {results.get('load_at_start', '?')} when measuring began")
    header = f"{'page':<34} {'role':<12} {'st':>3} {'median':>8} {'p95':>8} {'max':>8}"
    header += f" {'q':>4} {'x floor':>8} {'load':>5} {'cpu':>7}"
    if growth:
        header += f" {'x small':>8}"
        if results["cpu_growth_vs_small"]:
            header += f" {'cpu x':>8}"
    print("\n" + header + "\n" + "-" * len(header))
    for f in results["pages"]:
        line = (
            f"{f['name']:<34} {f['role']:<12} {f['status']:>3} {f['median_ms']:>8.1f} "
            f"{f['p95_ms']:>8.1f} {f['max_ms']:>8.1f} {f['queries']:>4} {f['ratio_to_floor']:>8.1f}"
            f" {f.get('load', 0):>5.2f} {f.get('cpu_ms', 0):>7.1f}"
        )
        key = f"{f['name']}|{f['role']}"
        if growth:
            line += f" {growth.get(key, 0):>8.2f}"
            if results["cpu_growth_vs_small"]:
                line += f" {results['cpu_growth_vs_small'].get(key, 0):>8.2f}"
        print(line)
    if results.get("skipped"):
        print("\nSkipped (no such object built at this scale): " + ", ".join(results["skipped"]))
    if results.get("throughput"):
        print("\nThroughput and batch figures:")
        for name, value in results["throughput"].items():
            print(f"  {name:<44} {value}")
