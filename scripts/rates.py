#!/usr/bin/env python3
"""Firing rates of the pack on professional wire copy, per category and rule.

usage: scripts/rates.py [CORPUS.jsonl] [--bin target/release/newslint]

Lints every article (title and text, one file each) of a JSON-lines news file
from ../shared/corpus (default: reuters-train) and prints findings per 1,000
words by category and by rule. Read-only: it never writes into the repository.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
corpus = args[0] if args else os.path.join(here, "..", "..", "shared", "corpus", "news", "reuters-train.jsonl")
binary = sys.argv[sys.argv.index("--bin") + 1] if "--bin" in sys.argv else os.path.join(here, "..", "target", "release", "newslint")
if not os.path.exists(corpus):
    sys.exit(f"rates.py: {corpus} not found")

with tempfile.TemporaryDirectory() as d:
    words = 0
    with open(corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            doc = json.loads(line)
            text = (doc.get("title", "") + "\n\n" if doc.get("title") else "") + doc["text"]
            words += len(text.split())
            with open(os.path.join(d, f"a{i:06}.txt"), "w", encoding="utf-8") as out:
                out.write(text)
    run = subprocess.run([binary, "check", "--format", "jsonl", d], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(run.stderr)
    findings = [json.loads(l) for l in run.stdout.splitlines()]

per_k = lambda n: 1000 * n / max(1, words)
cats = collections.Counter(f["category"] for f in findings)
rules = collections.Counter((f["category"], f["rule"]) for f in findings)
print(f"{os.path.basename(corpus)}: {words} words, {len(findings)} findings, {per_k(len(findings)):.2f} per 1,000 words")
print("\n| category | per 1,000 words |\n|---|---|")
for c, n in cats.most_common():
    print(f"| {c} | {per_k(n):.3f} |")
print("\n| rule | category | per 1,000 words |\n|---|---|---|")
for (c, r), n in rules.most_common():
    print(f"| {r} | {c} | {per_k(n):.3f} |")
