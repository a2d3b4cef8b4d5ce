#!/usr/bin/env python3
"""Prepares the benchmark corpora: one plain-text file per article.

Deterministic: the same inputs and parameters always give byte-identical
files, so runs on different days and machines measure the same work.

* synthetic: articles assembled from the fixture stories in bench/fixtures/
  (our own copy), with a seeded random generator; always available.
* news: real articles from ../shared/corpus/news/*.jsonl (one article per
  line, field `text`), when that directory exists; never copied into the repo.

Usage (bench.py calls this; run it alone to inspect the corpora):
    python3 bench/corpus.py [--work /tmp/newslint-bench] [--news DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIXTURES = HERE / "fixtures"
DEFAULT_NEWS = REPO.parent / "shared" / "corpus" / "news"
DEFAULT_WORK = Path(os.environ.get("NEWSLINT_BENCH_DIR", "/tmp/newslint-bench"))

# Bump when the way corpora are built changes: stale corpora are rebuilt.
VERSION = 3
MB = 1_000_000
FILES_PER_DIR = 1000
SEED = 20240611


def fixture_articles() -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of each fixture story, in file-name order."""
    out = []
    for p in sorted(FIXTURES.glob("*.txt")):
        blocks = [b.strip() for b in p.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        out.append((blocks[0], blocks[1:]))
    if not out:
        sys.exit(f"no fixture articles in {FIXTURES}")
    return out


def synthetic_articles(seed: int = SEED):
    """An endless, deterministic stream of synthetic articles.

    Each takes a fixture headline and lead paragraph, then 5-12 body
    paragraphs drawn from all fixtures, so articles differ in length, mix
    quotations, attributions and flagged phrases, and are 1-3 KB like wire copy.
    """
    rng = random.Random(seed)
    stories = fixture_articles()
    pool = [p for _, paras in stories for p in paras[1:]]
    while True:
        head, paras = stories[rng.randrange(len(stories))]
        body = [paras[0]] + [pool[rng.randrange(len(pool))] for _ in range(rng.randint(5, 12))]
        yield head + "\n\n" + "\n\n".join(body) + "\n"


def news_articles(news_dir: Path):
    """Real articles, in a fixed order (file name, then line)."""
    for f in sorted(news_dir.glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                text = json.loads(line).get("text") or ""
                text = text.strip()
                if text:
                    yield text + "\n"


def _path(root: Path, i: int, prefix: str = "") -> Path:
    return root / f"{prefix}d{i // FILES_PER_DIR:03d}" / f"a{i:06d}.txt"


def write_articles(root: Path, articles, target_bytes: int | None = None, count: int | None = None) -> tuple[int, int]:
    """Writes articles one per file until `target_bytes` or `count` is reached."""
    if root.exists():
        shutil.rmtree(root)
    n = size = 0
    for text in articles:
        if (target_bytes is not None and size >= target_bytes) or (count is not None and n >= count):
            break
        data = text.encode("utf-8")
        p = _path(root, n)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        n += 1
        size += len(data)
    return n, size


def replicate(src: Path, dst: Path, target_bytes: int) -> tuple[int, int]:
    """Copies src's files as many times as needed to reach `target_bytes`.

    Copy k goes to dst/rKK/...; real files (not links), so every byte is read.
    """
    files = sorted(p for p in src.rglob("*.txt"))
    if dst.exists():
        shutil.rmtree(dst)
    n = size = 0
    k = 0
    while size < target_bytes:
        for f in files:
            if size >= target_bytes:
                break
            rel = f.relative_to(src)
            out = dst / f"r{k:02d}" / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, out)
            n += 1
            size += f.stat().st_size
        k += 1
    return n, size


def sample(src: Path, dst: Path, every: int) -> None:
    """Copies every `every`-th file of src (sorted) to dst."""
    if dst.exists():
        shutil.rmtree(dst)
    for i, f in enumerate(sorted(src.rglob("*.txt"))):
        if i % every == 0:
            out = dst / f.relative_to(src)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, out)


def corpus_size(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files)


def _stamp(params: dict) -> str:
    h = hashlib.sha256(json.dumps(params, sort_keys=True).encode())
    for p in sorted(FIXTURES.glob("*.txt")):
        h.update(p.read_bytes())
    return h.hexdigest()


def extra_pack(path: Path, phrases: int = 5000, rules: int = 10) -> None:
    """A user rule file adding `phrases` literal phrases over `rules` rules.

    Adjective-noun pairs of ordinary news vocabulary, so some occur in copy
    and the engine pays for real matches, not only for a bigger phrase index.
    """
    adjectives = """
    absolute abrupt bitter blatant brazen brutal bold careless chaotic cheap
    chronic colossal costly covert crushing cynical dangerous deadly deep
    desperate dire dramatic drastic dubious dismal endless epic explosive
    extreme fatal fierce flawed frantic furious grave grim harsh heavy hidden
    historic hostile huge illegal immense intense irresponsible key landmark
    lavish major massive mounting murky naked narrow needless notorious
    outrageous painful partisan pivotal powerful radical rampant reckless
    relentless risky rogue ruthless savage secret severe shady sharp shocking
    sinister staggering steep stunning sudden swift tense tough toxic tragic
    troubling unprecedented urgent vast vicious violent volatile wasteful wild
    """.split()
    nouns = """
    attack backlash bailout betrayal blow blunder budget cover-up crackdown
    crisis debacle deal decision defeat delay disaster dispute failure fight
    fraud gamble giveaway grab hike loss mess move plan ploy policy power-grab
    protest raid rebuke report response rise row scandal scheme setback shift
    slump split stunt surge takeover threat turmoil u-turn vote warning
    agenda campaign claim conflict overhaul pledge probe purge rally ruling
    """.split()
    pairs = [f"{a} {n}" for a in adjectives for n in nouns]
    assert len(pairs) >= phrases, (len(pairs), phrases)
    rng = random.Random(SEED)
    rng.shuffle(pairs)
    pairs = sorted(pairs[:phrases])
    per = -(-phrases // rules)
    out = ["# Generated by bench/corpus.py: a user pack of extra literal phrases.\n"]
    for r in range(rules):
        chunk = pairs[r * per:(r + 1) * per]
        if not chunk:
            break
        out.append(
            "[[rule]]\n"
            f'id = "bench-extra-{r:02d}"\n'
            'category = "loaded-language"\n'
            'severity = "info"\n'
            'message = "“{match}” is on the desk\'s watch list"\n'
            'explanation = "A benchmark rule: a long list of house-style phrases."\n'
            "phrases = [\n"
            + "".join(f'  "{p}",\n' for p in chunk)
            + "]\n\n"
        )
    path.write_text("".join(out), encoding="utf-8")


def prepare(work: Path, news_dir: Path | None, big_mb: int = 100, small_mb: int = 10,
            peer_articles: int = 200, large_file_mb: int = 20, log=print) -> dict:
    """Builds every corpus the benchmark uses; returns their paths and sizes.

    Reuses corpora already built with the same parameters and fixtures.
    """
    work.mkdir(parents=True, exist_ok=True)
    have_news = news_dir is not None and news_dir.is_dir() and any(news_dir.glob("*.jsonl"))
    params = dict(version=VERSION, big=big_mb, small=small_mb, peers=peer_articles, large=large_file_mb,
                  news=str(news_dir) if have_news else None,
                  news_files=sorted((p.name, p.stat().st_size) for p in news_dir.glob("*.jsonl")) if have_news else None)
    stamp = _stamp(params)
    stamp_file = work / "corpora.stamp"
    c = {}
    fresh = stamp_file.exists() and stamp_file.read_text() == stamp
    if not fresh:
        log(f"preparing corpora in {work} ...")
        stamp_file.unlink(missing_ok=True)
        # Synthetic, small and big (the big one for scaling when there is no real news).
        write_articles(work / "synthetic", synthetic_articles(), target_bytes=small_mb * MB)
        write_articles(work / "synthetic-100", synthetic_articles(), target_bytes=big_mb * MB)
        # Start-up: one ~2 KB article.
        art = next(a for a in synthetic_articles(SEED + 1) if 1800 <= len(a.encode()) <= 2300)
        (work / "startup").mkdir(exist_ok=True)
        (work / "startup" / "article.txt").write_text(art, encoding="utf-8")
        if have_news:
            write_articles(work / "news", news_articles(news_dir))
            replicate(work / "news", work / "news-100", big_mb * MB)
            # Every tenth file of the big corpus: a tenth of the input, same mix of sources.
            sample(work / "news-100", work / "news-10", big_mb // small_mb)
            # Peers: `peer_articles` ordinary-length articles (2-8 KB) spread over all sources.
            mid = [a for a in news_articles(news_dir) if 2000 <= len(a.encode()) <= 8000]
            step = max(1, len(mid) // peer_articles)
            write_articles(work / "peers", mid[::step], count=peer_articles)
        else:
            for d in ("news", "news-100", "news-10", "peers"):
                shutil.rmtree(work / d, ignore_errors=True)
            write_articles(work / "peers", synthetic_articles(SEED + 2), count=peer_articles)
        # One large file: articles of the big corpus concatenated.
        big_src = work / ("news-100" if have_news else "synthetic-100")
        (work / "large").mkdir(exist_ok=True)
        with (work / "large" / "one-file.txt").open("wb") as out:
            size = 0
            for f in sorted(big_src.rglob("*.txt")):
                if size >= large_file_mb * MB:
                    break
                data = f.read_bytes().rstrip(b"\n") + b"\n\n"
                out.write(data)
                size += len(data)
        extra_pack(work / "extra-5000.toml")
        stamp_file.write_text(stamp)
    names = ["synthetic", "synthetic-100", "startup", "peers", "large"]
    if have_news:
        names += ["news", "news-10", "news-100"]
    for name in names:
        n, size = corpus_size(work / name)
        c[name] = dict(path=str(work / name), files=n, bytes=size)
    c["extra_pack"] = str(work / "extra-5000.toml")
    c["have_news"] = have_news
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where to write corpora (outside the repo)")
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS, help="directory of news *.jsonl (field `text`)")
    ap.add_argument("--big-mb", type=int, default=100)
    ap.add_argument("--small-mb", type=int, default=10)
    a = ap.parse_args()
    c = prepare(a.work, a.news, big_mb=a.big_mb, small_mb=a.small_mb)
    for k, v in c.items():
        if isinstance(v, dict):
            print(f"{k:14} {v['files']:7} files {v['bytes'] / MB:9.2f} MB  {v['path']}")
        else:
            print(f"{k:14} {v}")


if __name__ == "__main__":
    main()
