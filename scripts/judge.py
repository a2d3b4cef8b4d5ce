#!/usr/bin/env python3
"""Judged precision of the default pack on modern development copy.

usage:
  scripts/judge.py sample    [--n 12] [--seed S] [--rule ID ...] [--bin PATH] [--out /tmp/FILE]
  scripts/judge.py precision [--n 12] [--seed S] [--rule ID ...] [--bin PATH] [--unjudged] [--markdown]

The copy: the mainstream articles (publisher nyt, wash-post, politico,
usa-today) of ../shared/corpus/news/polnear-train.jsonl and every article of
../shared/corpus/news/mbic-articles.jsonl. Each article's `text` field is
linted on its own, as UTF-8, under a stable id: `polnear-train:<line>` or
`mbic:<line>` (1-based line number in the JSON-lines file). Byte offsets in
the judgments are offsets into that UTF-8 text, as newslint reports them.

The sample: per rule, the current findings are ordered by a hash of
(seed, rule, doc id, start, end) and the first N are the sample. The order of
a finding never depends on the other findings, so the sample is a uniform
random draw that stays put when a rule change adds or drops findings: the
dropped ones leave it, and the next ones in hash order join it (and are what
`precision --unjudged` lists first, to top the sample up).

Precision of a rule is computed on the longest prefix of that hash order in
which every finding is judged (at least N when the sample is complete), so it
remains an unbiased estimate after rule changes. `debatable` counts as half a
true finding (docs/judging.md says why).

Judgments live in quality/judgments.tsv: doc, rule, start, end, verdict
(true/false/debatable), reason. Nothing here writes into the repository: the
articles go to a temporary folder, and `sample --out` only writes under /tmp.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, ".."))
CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus", "news"))
JUDGMENTS = os.path.join(REPO, "quality", "judgments.tsv")
MAINSTREAM = {"nyt", "wash-post", "politico", "usa-today"}
VERDICTS = {"true": 1.0, "debatable": 0.5, "false": 0.0}
DEFAULT_SEED = "newslint-judging-1"
HEADER = ["doc", "rule", "start", "end", "verdict", "reason"]


def load_docs(corpus=CORPUS):
    """(id, text) of every article of the modern development copy, in a fixed order."""
    docs = []
    for name, prefix, keep in (
        ("polnear-train.jsonl", "polnear-train", lambda d: d.get("publisher") in MAINSTREAM),
        ("mbic-articles.jsonl", "mbic", lambda d: True),
    ):
        path = os.path.join(corpus, name)
        if not os.path.exists(path):
            sys.exit(f"judge.py: {path} not found")
        with open(path, encoding="utf-8") as f:
            for no, line in enumerate(f, 1):
                d = json.loads(line)
                if keep(d):
                    docs.append((f"{prefix}:{no}", d["text"]))
    return docs


def file_name(doc_id):
    return doc_id.replace(":", "__") + ".txt"


def run_findings(binary, docs):
    """Every finding newslint reports on the docs, keyed to doc ids."""
    by_name = {file_name(i): i for i, _ in docs}
    with tempfile.TemporaryDirectory(prefix="newslint-judge-") as d:
        for doc_id, text in docs:
            with open(os.path.join(d, file_name(doc_id)), "w", encoding="utf-8") as out:
                out.write(text)
        run = subprocess.run([binary, "check", "--format", "jsonl", d], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"judge.py: {binary} failed:\n{run.stderr}")
    findings = []
    for line in run.stdout.splitlines():
        f = json.loads(line)
        f["doc"] = by_name[os.path.basename(f["path"])]
        findings.append(f)
    return findings


def order_key(seed, rule, doc, start, end):
    return hashlib.sha256(f"{seed}\t{rule}\t{doc}\t{start}\t{end}".encode()).hexdigest()


def by_rule_in_order(findings, seed):
    """Per rule, the distinct (doc, start, end) of its findings in sample order."""
    per = collections.defaultdict(set)
    for f in findings:
        per[f["rule"]].add((f["doc"], f["start"], f["end"]))
    return {r: sorted(keys, key=lambda k: order_key(seed, r, *k)) for r, keys in per.items()}


def load_judgments(path=JUDGMENTS):
    """(doc, rule, start, end) -> (verdict, reason), checking the file's shape."""
    judged = {}
    if not os.path.exists(path):
        return judged
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if cols == HEADER:
                continue
            if len(cols) != 6 or cols[4] not in VERDICTS:
                sys.exit(f"judge.py: {path}:{no}: want doc, rule, start, end, verdict (true/false/debatable), reason")
            key = (cols[1], cols[0], int(cols[2]), int(cols[3]))
            if key in judged:
                sys.exit(f"judge.py: {path}:{no}: judged twice")
            judged[key] = (cols[4], cols[5])
    return judged


SENTENCE_END = re.compile(r'(?<=[.!?])["”’)]*\s+|\n+')


def context(text, start, end):
    """The sentence holding [start, end) plus one sentence either side, span marked."""
    data = text.encode("utf-8")
    s = len(data[:start].decode("utf-8", "replace"))
    e = len(data[:end].decode("utf-8", "replace"))
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    i = max(k for k, b in enumerate(bounds) if b <= s)
    j = min(k for k, b in enumerate(bounds) if b >= e and b > s)
    lo, hi = bounds[max(0, i - 1)], bounds[min(len(bounds) - 1, j + 1)]
    window = text[lo:s] + "⟦" + text[s:e] + "⟧" + text[e:hi]
    return re.sub(r"\s*\n\s*", " ¶ ", window.strip())


def under_tmp(path):
    real = os.path.realpath(path)
    return real.startswith("/tmp/") and not real.startswith(REPO + os.sep)


def cmd_sample(a):
    docs = load_docs()
    texts = dict(docs)
    findings = run_findings(a.bin, docs)
    messages = {(f["rule"], f["doc"], f["start"], f["end"]): f.get("message", "") for f in findings}
    order = by_rule_in_order(findings, a.seed)
    judged = load_judgments()
    out = sys.stdout
    if a.out:
        if not under_tmp(a.out):
            sys.exit("judge.py: --out must be a file under /tmp (nothing is written into the repository)")
        out = open(a.out, "w", encoding="utf-8")
    rules = a.rule or sorted(order)
    for rule in rules:
        keys = order.get(rule, [])
        print(f"## {rule}: {len(keys)} findings, sample of {min(a.n, len(keys))}", file=out)
        for rank, (doc, start, end) in enumerate(keys[: a.n], 1):
            seen = judged.get((rule, doc, start, end))
            mark = f"[judged {seen[0]}]" if seen else "[unjudged]"
            print(f"{rank:3} {doc}\t{rule}\t{start}\t{end}\t{mark} {messages[(rule, doc, start, end)]}", file=out)
            print(f"    {context(texts[doc], start, end)}", file=out)
        print(file=out)
    if a.out:
        out.close()
        print(f"judge.py: wrote {a.out}", file=sys.stderr)


def score(verdicts):
    n = len(verdicts)
    return sum(VERDICTS[v] for v in verdicts) / n if n else None


def cmd_precision(a):
    docs = load_docs()
    findings = run_findings(a.bin, docs)
    order = by_rule_in_order(findings, a.seed)
    judged = load_judgments()
    # Shown by default = the plain `check` run above reports it; a rule moved to an
    # opt-in set stops producing findings there and drops out of the overall figure.
    defaults = {f["rule"] for f in findings}
    current = {(r, *k) for r, keys in order.items() for k in keys}
    rules = a.rule or sorted(set(order) | {k[0] for k in judged})
    rows, pooled, todo = [], [], []
    for rule in rules:
        keys = order.get(rule, [])
        prefix = []
        for k in keys:
            if (rule, *k) not in judged:
                break
            prefix.append(judged[(rule, *k)][0])
        missing = [k for k in keys[: a.n] if (rule, *k) not in judged]
        todo += [(rule, k) for k in missing]
        c = collections.Counter(prefix)
        p = score(prefix)
        rows.append((rule, rule in defaults, len(keys), len(prefix), c["true"], c["debatable"], c["false"], p, len(missing)))
        if rule in defaults:
            # Weight each rule's sample precision by how often the rule fires, so the
            # overall figure estimates the precision of the findings a user sees.
            if p is not None:
                pooled.append((len(keys), p))
    if a.markdown:
        print("| rule | default | findings | judged | true | debatable | false | precision |")
        print("|---|---|---|---|---|---|---|---|")
        for r, d, n, j, t, db, fa, p, miss in rows:
            ps = "n/a" if p is None else f"{p:.2f}"
            if miss:
                ps += f" ({miss} of the first {a.n} unjudged)"
            print(f"| {r} | {'yes' if d else 'no'} | {n} | {j} | {t} | {db} | {fa} | {ps} |")
    else:
        print(f"{'rule':28} {'dflt':4} {'found':>6} {'judged':>6} {'true':>5} {'deb':>4} {'false':>5} {'prec':>6}")
        for r, d, n, j, t, db, fa, p, miss in rows:
            ps = "   n/a" if p is None else f"{p:6.2f}"
            flag = "" if p is None or p >= 0.75 else "  < 0.75"
            if miss:
                flag += f"  ({miss} of the first {a.n} unjudged)"
            print(f"{r:28} {'yes' if d else 'no':4} {n:6} {j:6} {t:5} {db:4} {fa:5} {ps}{flag}")
    total = sum(n for n, _ in pooled)
    if total:
        overall = sum(n * p for n, p in pooled) / total
        print(f"\noverall precision of default findings (rules weighted by findings): {overall:.3f} "
              f"over {total} findings of {len(pooled)} judged default rules")
        simple = [(k[0], judged[(r, *k)][0]) for r, keys in order.items() if r in defaults and r in rules for k in keys if (r, *k) in judged]
        print(f"unweighted, every current judged default finding: {score([v for _, v in simple]):.3f} over {len(simple)} judgments")
        for corpus in ("polnear-train", "mbic"):
            part = [v for d, v in simple if d.split(":")[0] == corpus]
            if part:
                print(f"  of which {corpus}: {score(part):.3f} over {len(part)} judgments")
    gone = sorted(k for k in judged if k not in current and (not a.rule or k[0] in a.rule))
    if gone:
        print(f"\njudged findings no longer produced ({len(gone)}):")
        for rule, doc, s, e in gone:
            v, why = judged[(rule, doc, s, e)]
            print(f"  {doc}\t{rule}\t{s}\t{e}\t{v}\t{why}")
    if todo:
        print(f"\n{len(todo)} findings in the first {a.n} of a rule's sample are unjudged"
              + ("" if a.unjudged else "; --unjudged lists them"))
    if a.unjudged:
        print("\nunjudged current findings, per rule in sample order (judge from the top):")
        for rule in rules:
            rest = [k for k in order.get(rule, []) if (rule, *k) not in judged]
            if rest:
                print(f"## {rule}: {len(rest)} unjudged")
                for doc, s, e in rest[: a.limit]:
                    print(f"  {doc}\t{rule}\t{s}\t{e}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("sample", "precision"):
        s = sub.add_parser(name)
        s.add_argument("--bin", default=os.path.join(REPO, "target", "release", "newslint"))
        s.add_argument("--n", type=int, default=12, help="findings per rule in the sample (default 12)")
        s.add_argument("--seed", default=DEFAULT_SEED)
        s.add_argument("--rule", action="append", help="only this rule (repeatable)")
        if name == "sample":
            s.add_argument("--out", help="write the sample to this file under /tmp instead of the terminal")
        else:
            s.add_argument("--unjudged", action="store_true", help="list current findings with no judgment")
            s.add_argument("--limit", type=int, default=20, help="with --unjudged: at most this many per rule")
            s.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    a = p.parse_args()
    if not os.path.exists(a.bin):
        sys.exit(f"judge.py: {a.bin} not found (build with cargo build --release, or pass --bin)")
    {"sample": cmd_sample, "precision": cmd_precision}[a.cmd](a)


if __name__ == "__main__":
    main()
