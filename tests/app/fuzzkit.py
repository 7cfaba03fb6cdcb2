"""What the fuzzing tests share: running the CLI in-process under a time limit, checking the
contract on every run, making Galley's own outputs to mutate, and the mutations.

The contract (DESIGN.md): exit 0, 1 (check's findings), 2, or 3 (overset export); on failure
exactly one line on stderr, `galley: error: ...`; never a traceback, never `internal error`;
a failed run leaves no output file behind and a pre-existing output untouched; no temporary
file is ever left beside an output.

`GALLEY_FUZZ_SCALE` multiplies every test's number of cases (`make fuzz` sets it); the number
of runs is counted and printed at the end of the session.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import select
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "edition.txt"
SEED = ROOT.parent / "shared" / "seeds" / "000_e7e65077cf72d160.txt"
SCALE = float(os.environ.get("GALLEY_FUZZ_SCALE", "1"))
TIME_LIMIT = float(os.environ.get("GALLEY_FUZZ_TIME_LIMIT", "20"))
MEMORY_LIMIT = 3 * 1024**3      # address space of the worker: small inputs never need this much
RSS_LIMIT = 1024**3             # peak resident memory of the worker over all its runs
RUNS = {"count": 0, "by_test": {}}


def fuzz_settings(examples: int):
    """Hypothesis settings for `examples` cases in `make test` (times GALLEY_FUZZ_SCALE in `make fuzz`)."""
    n = max(1, int(examples * SCALE))
    return settings(max_examples=n, deadline=None, derandomize=SCALE == 1, database=None,
                    suppress_health_check=list(HealthCheck), print_blob=True)


@dataclass
class Run:
    argv: list[str]
    code: int
    out: str
    err: str


class Worker:
    """A Python process that runs `galley` commands one after another (as `python -m app` would),
    under a memory limit, answering over a pipe. A run past the time limit kills it (a hang)."""

    def __init__(self):
        self.proc = None

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "MALLOC_ARENA_MAX": "2", "QT_QPA_PLATFORM": "offscreen"}
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve"], cwd=ROOT, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def run(self, argv: list[str], env: dict | None) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        self.proc.stdin.write(json.dumps({"argv": argv, "env": env or {}}).encode() + b"\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], TIME_LIMIT)
        line = self.proc.stdout.readline() if ready else b""
        if not line:
            self.stop()
            raise AssertionError(f"galley {' '.join(argv)}: no answer within {TIME_LIMIT:.0f} s "
                                 "(a hang, or the process died)")
        return json.loads(line)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


_worker = Worker()


def run_cli(argv: list, env: dict | None = None, counter: str = "") -> Run:
    """`galley ARGV` (with `env` set; None values unset) in the worker process."""
    argv = [str(a) for a in argv]
    got = _worker.run(argv, env)
    if got["rss"] > RSS_LIMIT:          # the worker's peak so far: this run took it past the bound
        _worker.stop()
        raise AssertionError(f"galley {' '.join(argv)}: {got['rss'] / 2**20:.0f} MB of memory "
                             f"(more than {RSS_LIMIT // 2**20} MB for a small input)")
    RUNS["count"] += 1
    RUNS["peak_mb"] = max(RUNS.get("peak_mb", 0), round(got["rss"] / 2**20))
    RUNS["by_test"][counter] = RUNS["by_test"].get(counter, 0) + 1
    return Run(argv, got["code"], got["out"], got["err"])


def _serve() -> None:
    """The worker's loop (run as `python fuzzkit.py --serve`)."""
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    proto_in = sys.stdin.buffer
    proto_out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)            # nothing a library or a child writes can mix into the answers
    from galley.app.cli import main
    from galley.app.layout import fonts, linebreak
    for line in proto_in:
        req = json.loads(line)
        env = req["env"]
        saved = {k: os.environ.get(k) for k in env}
        for k, v in env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(req["argv"])
        except SystemExit as exc:          # argparse
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # noqa: BLE001 - reported as a contract failure
            code, err = 99, io.StringIO(f"Traceback: escaped main(): {type(exc).__name__}: {exc}")
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        if any(k.startswith("GALLEY_FONT") for k in env):
            for cache in (fonts._paths, fonts._fonts, fonts._metrics, fonts._ink):
                cache.clear()
            linebreak.reset_caches()
        out.flush()
        answer = {"code": code, "out": out.buffer.getvalue().decode("utf-8", "replace")[:100_000],
                  "err": err.getvalue()[:20_000],
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}
        proto_out.write(json.dumps(answer).encode() + b"\n")
        proto_out.flush()


def snapshot(paths: list[Path]) -> dict[Path, bytes | None]:
    return {p: (p.read_bytes() if p.is_file() else None) for p in paths}


def assert_contract(run: Run, before: dict[Path, bytes | None], folders: list[Path] = (),
                    codes: tuple[int, ...] = (0, 2)) -> None:
    """The CLI contract for one run; `before` is the outputs as they were, `folders` where they go."""
    what = f"galley {' '.join(run.argv)}: exit {run.code}\n{run.err[-2000:]}"
    assert "Traceback" not in run.err, what
    assert "internal error" not in run.err, what
    assert "out of memory" not in run.err, what
    assert run.code in codes, what
    if run.code == 2:
        lines = [ln for ln in run.err.splitlines() if ln.strip()]
        errors = [ln for ln in lines if ln.startswith("galley: error: ")]
        assert len(errors) == 1 and lines[-1] == errors[0], what
        assert len([ln for ln in lines if not ln.startswith("galley: warning: ")]) == 1, what
        for p, old in before.items():
            if old is None:
                assert not p.exists() or p.is_dir(), f"{what}\na failed run left {p}"
            else:
                assert p.read_bytes() == old, f"{what}\na failed run changed {p}"
    for folder in folders:
        left = [q.name for q in Path(folder).glob(".*.tmp")] + [q.name for q in Path(folder).glob("*.lock")]
        assert not left, f"{what}\ntemporary files or locks left: {left}"


# ------------------------------------------------------------------------------ inputs

STORY = (
    "第1版\n\n临川晚报 · 要闻\n\n新河大桥今日通车\n\n■ 本报记者 王小明\n\n"
    "临川市新河大桥今天上午正式通车，全长一千二百米，双向六车道。"
    "市民张先生说：“以后上班方便多了。”\n\n"
    "据介绍，大桥总投资约九亿元，历时三年建成，\n是我市跨江交通的重要通道。\n\n"
    "图为通车仪式现场。（记者 李华 摄）\n"
)


def sample_head(chars: int = 1500) -> str:
    """The start of the bundled sample (whole lines), small enough to export quickly."""
    text = SAMPLE.read_text(encoding="utf-8")
    cut = text.rfind("\n", 0, chars)
    return text[: cut + 1]


def own_files(folder: Path) -> dict[str, Path]:
    """Galley's own outputs made from our text: a PDF, a DOCX, a .galley and a placement plan."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "own.txt"
    src.write_text(sample_head() + "\n" + STORY, encoding="utf-8")
    files = {"txt": src, "pdf": folder / "own.pdf", "docx": folder / "own.docx",
             "galley": folder / "own.galley", "plan": folder / "own-plan.json"}
    r = run_cli(["export", "-q", src, "--pdf", files["pdf"], "--docx", files["docx"],
                 "--save-plan", files["plan"], "--allow-overset"])
    assert r.code == 0, r.err
    r = run_cli(["fix", src, "-o", files["galley"]])
    assert r.code == 0, r.err
    return files


# ------------------------------------------------------------------------------ mutations

OPS = ("flip", "set", "insert", "delete", "cut", "repeat", "zero")


@st.composite
def byte_mutations(draw, max_ops: int = 4):
    """A list of (operation, where 0..1, bytes, length) edits, applied by `mutate`."""
    return draw(st.lists(st.tuples(st.sampled_from(OPS), st.floats(0, 1), st.binary(min_size=1, max_size=8),
                                   st.integers(1, 4096)), min_size=1, max_size=max_ops))


def mutate(data: bytes, edits) -> bytes:
    b = bytearray(data)
    for op, where, value, length in edits:
        i = min(int(where * len(b)), max(len(b) - 1, 0))
        if op == "flip" and b:
            b[i] ^= 1 << (length % 8)
        elif op == "set" and b:
            b[i:i + len(value)] = value
        elif op == "insert":
            b[i:i] = value * (1 + length // 512)
        elif op == "delete":
            del b[i:i + length]
        elif op == "cut":
            del b[i:]
        elif op == "repeat":
            b[i:i] = b[i:i + length] * 3
        elif op == "zero":
            b[i:i + length] = bytes(len(b[i:i + length]))
    return bytes(b)


def mutate_member(data: bytes, edits, pick: float) -> bytes:
    """A ZIP whose member number `pick` (0..1 of the list) had `edits` applied, re-packed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    infos = src.infolist()
    target = infos[min(int(pick * len(infos)), len(infos) - 1)].filename
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in infos:
            member = src.read(info)
            out.writestr(info.filename, mutate(member, edits) if info.filename == target else member)
    return buf.getvalue()


json_leaves = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=False),
                        st.text(max_size=20), st.sampled_from([-1, 0, 1, 10**9, "", "s1", "body", "第1版"]))
json_values = st.recursive(json_leaves, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                                st.dictionaries(st.text(max_size=8), kids, max_size=4)),
                           max_leaves=12)


def paths_in(doc, prefix=()) -> list[tuple]:
    """Every path (keys and indices) to a value in parsed JSON, the root excluded."""
    out = []
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for k, v in items:
        out.append(prefix + (k,))
        if len(out) < 5000:
            out.extend(paths_in(v, prefix + (k,)))
    return out


def replace_at(doc, path: tuple, value):
    node = doc
    for k in path[:-1]:
        node = node[k]
    if value is _DELETE:
        if isinstance(node, dict):
            node.pop(path[-1], None)
        else:
            del node[path[-1]]
    else:
        node[path[-1]] = value


_DELETE = object()

json_replacement = st.one_of(json_values, st.just(_DELETE),
                             st.sampled_from(["[" * 3000 + "]" * 3000, "9" * 100_000]).map(lambda s: _RawJSON(s)))


class _RawJSON(str):
    """A value written into the JSON text as is (deep nesting, a 100,000-digit number)."""


def dump_with_raw(doc) -> str:
    raws: dict[str, str] = {}

    def swap(v):
        if isinstance(v, _RawJSON):
            key = f"@@raw{len(raws)}@@"
            raws[key] = str(v)
            return key
        if isinstance(v, dict):
            return {k: swap(x) for k, x in v.items()}
        if isinstance(v, list):
            return [swap(x) for x in v]
        return v
    text = json.dumps(swap(doc), ensure_ascii=False)
    for key, raw in raws.items():
        text = text.replace(json.dumps(key), raw)
    return text


def print_counts() -> None:
    if RUNS["count"]:
        parts = ", ".join(f"{k} {v}" for k, v in sorted(RUNS["by_test"].items()))
        sys.stderr.write(f"\nfuzz: {RUNS['count']} galley runs ({parts}); worker peak {RUNS.get('peak_mb')} MB\n")


if __name__ == "__main__" and sys.argv[1:] == ["--serve"]:
    _serve()
