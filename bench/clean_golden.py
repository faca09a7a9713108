"""Golden output of the cleaner side of `newsdesk add`: a digest of every field it makes.

Runs `index.cleaning.prepare_batch` / `prepare_source` (decoding, cleanup, metadata, dedupe
keys and shingles) over the inputs the paths name: a folder or file is read as `add` reads
it; a JSONL file of {id, url, text} pages (docs/quality.md's cleanup dev set) is cleaned
as text pages with their URLs. Each input's fields are digested (the clock's `added`
aside), so a speed-up can be checked for byte-identical output:

    .venv/bin/python -m bench.clean_golden --save /tmp/golden.json \\
        /work/shared/data/cleanup/dev.jsonl /tmp/nd/c2k
    .venv/bin/python -m bench.clean_golden --check /tmp/golden.json \\
        /work/shared/data/cleanup/dev.jsonl /tmp/nd/c2k

--tree DIR cleans with the `index` package of another checkout (A/B timing: the CPU
time per input is printed; run old and new trees alternately on a loaded machine).
--stages prints the CPU per input of each stage (process-time wrappers: cProfile's per-call
overhead distorts a path of many small calls).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SAVED = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # dev pages' "saved at", fixed


# (module, function) of the stages --stages times, as the modules that call them name them
STAGES = (
    ("index.cleaning", "read_file"), ("index.ingest", "decode"), ("index.extract", "_check_text"),
    ("index.extract", "split_lines"), ("index.extract", "_layout"), ("index.extract", "_headline"),
    ("index.extract", "published"), ("index.extract", "without_boilerplate"),
    ("index.extract_boiler", "line_signals"), ("index.extract", "split_parts"),
    ("index.extract", "_author"), ("index.extract", "_body"), ("index.extract", "_outlet"),
    ("index.ingest", "clean"), ("index.dedupe", "fingerprint"), ("index.ingest", "pack"),
    ("index.cleaning", "extract"), ("index.cleaning", "prepare"),
)  # fmt: skip


def timed_stages() -> dict[str, float]:
    """Wraps each of STAGES in a process-time counter; the CPU seconds by stage name."""
    spent: dict[str, float] = {}
    for module_name, name in STAGES:
        module = importlib.import_module(module_name)
        spent[name] = 0.0
        setattr(module, name, _timed(getattr(module, name), name, spent))
    return spent


def _timed(function: Any, name: str, spent: dict[str, float]) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return timed


def digest(value: object) -> str:
    """A short digest of one field's value (repr of everything but arrays and bytes)."""
    if isinstance(value, bytes):
        data = value
    elif hasattr(value, "tobytes"):
        data = repr((value.dtype, value.shape)).encode() + value.tobytes()  # type: ignore[attr-defined]
    else:
        data = repr(value).encode()
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def fields(result: Any) -> dict[str, str]:
    """Every output field of one prepared input, digested."""
    if not hasattr(result, "article"):  # an AddResult: skipped or an error
        return {"result": digest((result.status, result.error))}
    out = {name: digest(getattr(result.article, name))
           for name in result.article.__slots__ if name != "added"}
    for name in result.__slots__:
        if name != "article":
            out[name] = digest(getattr(result, name))
    return out


def inputs(paths: list[str]) -> Iterator[tuple[str, Any]]:
    """(key, thunk) for each input; the thunk cleans it."""
    from index.cleaning import prepare_batch, prepare_source
    from index.ingest import Source, expand
    from index.sources import TEXT

    for path in paths:
        if path.endswith(".jsonl"):
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                page = json.loads(line)
                source = Source(origin=f"dev-{page['id'][:12]}.txt", raw=page["text"].encode(),
                                kind=TEXT, url=page.get("url") or "", saved=SAVED)
                yield source.origin, (lambda s=source: prepare_source(s, ()))
        else:
            for origin, kind in expand([path]):
                yield origin, (lambda b=[(origin, kind)]: prepare_batch(b, ())[0])


def run(paths: list[str]) -> tuple[dict[str, dict[str, str]], float]:
    """Digests per input, and the CPU seconds spent cleaning."""
    out: dict[str, dict[str, str]] = {}
    spent = 0.0
    for key, thunk in inputs(paths):
        start = time.process_time()
        result = thunk()
        spent += time.process_time() - start
        out[key] = fields(result)
    return out, spent


def compare(saved: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> int:
    """Prints each input whose fields differ; the number of differing inputs."""
    bad = 0
    for key in sorted(set(saved) | set(now)):
        old, new = saved.get(key), now.get(key)
        if old != new:
            bad += 1
            names = sorted(n for n in set(old or {}) | set(new or {})
                           if (old or {}).get(n) != (new or {}).get(n))
            print(f"DIFF {key}: {', '.join(names)}")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="folders/files to add, or dev .jsonl files")
    parser.add_argument("--save", type=Path, help="write the digests here")
    parser.add_argument("--check", type=Path, help="compare with digests saved here")
    parser.add_argument("--tree", type=Path, help="a checkout whose index/ package cleans")
    parser.add_argument("--stages", action="store_true", help="CPU per input of each stage")
    args = parser.parse_args(argv)
    if args.tree:
        sys.path.insert(0, str(args.tree.resolve()))
    import index
    import index.cleaning
    import index.extract  # imported first: imports are not the per-input time

    stages = timed_stages() if args.stages else {}
    now, spent = run(args.paths)
    print(f"{len(now)} inputs, cleaner CPU {spent * 1000 / max(1, len(now)):.3f} ms/input "
          f"({Path(index.__file__).parent})")
    for name, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        print(f"  {name:<20} {seconds * 1000 / max(1, len(now)):.3f} ms/input")
    if args.save:
        args.save.write_text(json.dumps(now, indent=0, sort_keys=True))
    if args.check:
        bad = compare(json.loads(args.check.read_text()), now)
        print(f"{bad} inputs differ" if bad else "identical")
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
