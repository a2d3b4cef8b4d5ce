#!/usr/bin/env python3
"""Per-rule firing rates on the even and odd records of development corpora.

usage: scripts/split-rates.py [--bin BIN] [--rules PATH]... [--select ID]...
                              [--dump FILE] [CORPUS[:mainstream]]...

Tune on even-numbered records (0-based line number of the JSON-lines file),
check on odd ones: a rule fitted to one half shows up as a gap in the other.
CORPUS is a name under ../shared/corpus/news (polnear-train, mbic-articles,
reuters-train); `:mainstream` keeps only the NYT, Washington Post, Politico and
USA Today articles, as eval-corpus.py's quiet task does. --dump writes every
finding as a JSON line (doc id `corpus:line`, byte offsets, rule, and the
sentence around it) to FILE for judging; keep that file out of the repository,
since it holds corpus text.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..", "shared", "corpus", "news")
MAINSTREAM = {"nyt", "wash-post", "politico", "usa-today"}

argv = sys.argv[1:]
binary = os.path.join(here, "..", "target", "release", "newslint")
extra, corpora, dump = [], [], None
i = 0
while i < len(argv):
    a = argv[i]
    if a == "--bin":
        binary = argv[i + 1]; i += 2
    elif a in ("--rules", "--select"):
        extra += [a, argv[i + 1]]; i += 2
    elif a == "--dump":
        dump = argv[i + 1]; i += 2
    else:
        corpora.append(a); i += 1
corpora = corpora or ["polnear-train:mainstream", "mbic-articles", "reuters-train"]

dump_out = open(dump, "w", encoding="utf-8") if dump else None
for spec in corpora:
    name, _, filt = spec.partition(":")
    words = collections.Counter()
    counts = collections.defaultdict(collections.Counter)
    with tempfile.TemporaryDirectory() as d:
        texts = {}
        with open(os.path.join(root, name + ".jsonl"), encoding="utf-8") as f:
            for n, line in enumerate(f):
                doc = json.loads(line)
                if filt == "mainstream" and doc.get("publisher") not in MAINSTREAM:
                    continue
                text = (doc.get("title", "") + "\n\n" if doc.get("title") else "") + doc["text"]
                words[n % 2] += len(text.split())
                path = os.path.join(d, f"{n:06}.txt")
                with open(path, "w", encoding="utf-8") as out:
                    out.write(text)
                texts[n] = text.encode("utf-8")
        run = subprocess.run([binary, "check", "--format", "jsonl", *extra, d], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(run.stderr)
        for l in run.stdout.splitlines():
            f = json.loads(l)
            n = int(os.path.basename(f["path"]).split(".")[0])
            counts[f["rule"]][n % 2] += 1
            if dump_out:
                b = texts[n]
                lo = max(b.rfind(b".", 0, f["start"] - 2), b.rfind(b"\n", 0, f["start"]), f["start"] - 300) + 1
                hi = min([x for x in (b.find(b".", f["end"]), b.find(b"\n", f["end"])) if x >= 0] + [f["end"] + 300]) + 1
                dump_out.write(json.dumps({"id": f"{name.split('-')[0] if name.startswith('mbic') else name}:{n}",
                    "start": f["start"], "end": f["end"], "rule": f["rule"], "match": b[f["start"]:f["end"]].decode(errors="replace"),
                    "context": b[max(0, lo):hi].decode(errors="replace")}) + "\n")
    print(f"{spec}: even {words[0]} words, odd {words[1]} words")
    print(f"  {'rule':36} {'even/1k':>8} {'odd/1k':>8} {'n':>6}")
    tot = [0, 0]
    for r, c in sorted(counts.items(), key=lambda x: -sum(x[1].values())):
        tot[0] += c[0]; tot[1] += c[1]
        print(f"  {r:36} {1000*c[0]/max(1,words[0]):8.3f} {1000*c[1]/max(1,words[1]):8.3f} {c[0]+c[1]:6}")
    print(f"  {'(all)':36} {1000*tot[0]/max(1,words[0]):8.3f} {1000*tot[1]/max(1,words[1]):8.3f} {sum(tot):6}")
