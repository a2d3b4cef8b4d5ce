#!/usr/bin/env python3
"""Scores newslint's attributions against PolNeAR's linguist annotations.

Usage: scripts/attribution-eval.py [--bin target/release/newslint]
                                   [--split dev|train|both] [--errors N]

Each article's `text` is written to a scratch folder as a plain-text file,
`newslint report --format json` reads the folder, and every detected
attribution ({"cue", "source"} with BYTE offsets into the file) is turned
into character offsets and compared with the annotated cue and source spans
(character offsets into `text`).

Matching is by span overlap (one shared character):
- cue precision: detected cues overlapping some annotated cue (of any
  annotator of the article);
- cue recall: annotated cues overlapped by some detected cue;
- source precision: detected sources overlapping some annotated source;
- source recall: annotated sources (of attributions that have one)
  overlapped by some detected source.
An article annotated by several linguists (a few are) counts each
annotator's attributions for recall; precision is against all of them.
Speaker labels ("Q:") are attributions here as there.

The corpus is read from ../shared/corpus/news (the worktree's neighbour).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "news")


def load(split):
    path = os.path.join(CORPUS, f"polnear-{split}.jsonl")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def byte_to_char(text):
    """A table from each UTF-8 byte offset (of a char start, and the end) to its char offset."""
    table = {}
    b = 0
    for i, ch in enumerate(text):
        table[b] = i
        b += len(ch.encode("utf-8"))
    table[b] = len(text)
    return table


def detect(binary, articles):
    """Detected (cue, source) char spans per article id."""
    with tempfile.TemporaryDirectory() as d:
        names = {}
        for n, a in enumerate(articles):
            name = f"{n:05d}.txt"
            names[name] = a
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(a["text"])
        out = subprocess.run(
            [binary, "report", "--format", "json", d],
            check=True,
            capture_output=True,
        ).stdout
    report = json.loads(out)
    found = {}
    for art in report["articles"]:
        a = names[os.path.basename(art["path"])]
        table = byte_to_char(a["text"])
        spans = []
        for at in art["attributions"]:
            cue = (table[at["cue"]["start"]], table[at["cue"]["end"]])
            src = at["source"]
            src = (table[src["start"]], table[src["end"]]) if src else None
            spans.append((cue, src))
        found[a["id"]] = spans
    return found


def overlaps(a, spans):
    return any(a[0] < s[1] and s[0] < a[1] for s in spans)


def gold_spans(att, field):
    return [tuple(s) for s in (att.get(field) or {}).get("spans", []) if s[1] > s[0]]


def score(articles, found, errors=0):
    c = {"cue_tp_p": 0, "cue_p": 0, "cue_tp_r": 0, "cue_r": 0,
         "src_tp_p": 0, "src_p": 0, "src_tp_r": 0, "src_r": 0}
    fps, fns = [], []
    for a in articles:
        det = found.get(a["id"], [])
        det_cues = [cue for cue, _ in det]
        det_srcs = [s for _, s in det if s]
        all_cues, all_srcs = [], []
        for atts in a["attributions_by_annotator"].values():
            for att in atts:
                all_cues += gold_spans(att, "cue")
                all_srcs += gold_spans(att, "source")
        for cue in det_cues:
            c["cue_p"] += 1
            if overlaps(cue, all_cues):
                c["cue_tp_p"] += 1
            else:
                fps.append((a, cue))
        for s in det_srcs:
            c["src_p"] += 1
            c["src_tp_p"] += overlaps(s, all_srcs)
        for atts in a["attributions_by_annotator"].values():
            for att in atts:
                cues = gold_spans(att, "cue")
                if cues:
                    c["cue_r"] += 1
                    if any(overlaps(g, det_cues) for g in cues):
                        c["cue_tp_r"] += 1
                    else:
                        fns.append((a, cues[0]))
                srcs = gold_spans(att, "source")
                if srcs:
                    c["src_r"] += 1
                    c["src_tp_r"] += any(overlaps(g, det_srcs) for g in srcs)
    ratio = lambda n, d: n / d if d else 0.0
    result = {
        "articles": len(articles),
        "cue_precision": ratio(c["cue_tp_p"], c["cue_p"]),
        "cue_recall": ratio(c["cue_tp_r"], c["cue_r"]),
        "source_precision": ratio(c["src_tp_p"], c["src_p"]),
        "source_recall": ratio(c["src_tp_r"], c["src_r"]),
        "detected_cues": c["cue_p"],
        "annotated_cues": c["cue_r"],
    }
    if errors:
        ctx = lambda a, s: a["text"][max(0, s[0] - 60):s[0]] + "[" + a["text"][s[0]:s[1]] + "]" + a["text"][s[1]:s[1] + 40]
        print("-- false cues --", file=sys.stderr)
        for a, s in fps[:errors]:
            print(" ", ctx(a, s).replace("\n", " "), file=sys.stderr)
        print("-- missed cues --", file=sys.stderr)
        for a, s in fns[:errors]:
            print(" ", ctx(a, s).replace("\n", " "), file=sys.stderr)
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bin", default=os.path.join(HERE, "..", "target", "debug", "newslint"))
    p.add_argument("--split", default="dev", choices=["dev", "train", "both"])
    p.add_argument("--errors", type=int, default=0, help="print N false and missed cues")
    args = p.parse_args()
    splits = ["train", "dev"] if args.split == "both" else [args.split]
    for split in splits:
        articles = load(split)
        r = score(articles, detect(args.bin, articles), args.errors)
        print(
            f"{split}: {r['articles']} articles, {r['detected_cues']} cues detected, "
            f"{r['annotated_cues']} annotated\n"
            f"  cue     P {r['cue_precision']:.3f}  R {r['cue_recall']:.3f}\n"
            f"  source  P {r['source_precision']:.3f}  R {r['source_recall']:.3f}"
        )


if __name__ == "__main__":
    main()
