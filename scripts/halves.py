#!/usr/bin/env python3
"""Half-splits of the development corpus, so a change is tuned on one half and checked on the other.

usage: scripts/halves.py SHARED_CORPUS OUT_DIR      make OUT_DIR/A and OUT_DIR/B
       scripts/halves.py --table A.json B.json      print both halves' headline numbers side by side

Each JSON-lines file the evaluation reads (news/ and labeled/) is split by
record number: even records go to half A (tune on it), odd records to half B
(report it, never tune on it). The halves are rebuilt only when a source file
is newer than its half. A change that moves half A but not half B fits the
split, not the copy, and is not kept.
"""
import json
import os
import sys

# The files eval-corpus.py reads; other files are left out of the halves.
PATTERNS = ("news/reuters-", "news/bbc", "news/polnear-", "news/hyperpartisan-",
            "labeled/wiki-weasel-train", "labeled/babe-", "labeled/npov-edits-", "labeled/basil-")


def split(corpus, out):
    for sub in ("news", "labeled"):
        folder = os.path.join(corpus, sub)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            rel = f"{sub}/{name}"
            if not name.endswith(".jsonl") or not rel.startswith(PATTERNS):
                continue
            src = os.path.join(folder, name)
            dst = [os.path.join(out, half, sub, name) for half in ("A", "B")]
            if all(os.path.exists(d) and os.path.getmtime(d) >= os.path.getmtime(src) for d in dst):
                continue
            for d in dst:
                os.makedirs(os.path.dirname(d), exist_ok=True)
            with open(src, encoding="utf-8") as f, open(dst[0] + ".tmp", "w", encoding="utf-8") as a, \
                    open(dst[1] + ".tmp", "w", encoding="utf-8") as b:
                for i, line in enumerate(f):
                    (a if i % 2 == 0 else b).write(line)
            for d in dst:
                os.replace(d + ".tmp", d)


# Headline numbers, in the order of docs/quality.md's table.
ROWS = [
    ("quiet.polnear-train-mainstream.per_1000_words", "polnear-train mainstream /1k words"),
    ("quiet.polnear-dev-mainstream.per_1000_words", "polnear-dev mainstream /1k words"),
    ("quiet.polnear-train-mainstream.articles_flagged", "polnear-train mainstream articles flagged"),
    ("quiet.reuters-train.per_1000_words", "Reuters /1k words"),
    ("weasel.f1", "CoNLL weasel F1"),
    ("weasel.precision", "CoNLL weasel P"),
    ("weasel.recall", "CoNLL weasel R"),
    ("bias.precision", "BABE sentence P"),
    ("bias.recall", "BABE sentence R"),
    ("bias.word_precision", "BABE word P"),
    ("partisan.ratio", "hyperpartisan / mainstream"),
]


def table(paths):
    halves = [json.load(open(p)) for p in paths]
    print("| measure | half A (tuned) | half B (held out) |")
    print("|---|---|---|")
    keys = [k for k, _ in ROWS] + sorted(k for h in halves for k in h if k.startswith("quiet.")
                                         and k.endswith("per_1000_words") and k not in dict(ROWS))
    labels = dict(ROWS)
    for k in dict.fromkeys(keys):
        vals = [h.get(k) for h in halves]
        if all(v is None for v in vals):
            continue
        cells = ["" if v is None else f"{v:.3f}" for v in vals]
        print(f"| {labels.get(k, k)} | {cells[0]} | {cells[1]} |")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--table":
        table(sys.argv[2:])
    elif len(sys.argv) == 3:
        split(sys.argv[1], sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
