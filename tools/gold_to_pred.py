#!/usr/bin/env python3
"""Turn gold files into a prediction file that tools/score.py reads.

usage: gold_to_pred.py --gold DIR --docs DIR [--required-only] > pred.jsonl

Two uses: a self-check (a gold set scored against itself must give
P = R = 1.000 on every kind, so every item is located where the annotator
meant), and inter-annotator agreement (one annotator's gold scored as the
predictions against another's gold).
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--docs", required=True)
    ap.add_argument("--required-only", action="store_true")
    a = ap.parse_args()
    for doc, g in sorted(score.load_gold(a.gold).items()):
        text = open(os.path.join(a.docs, doc), encoding="utf-8").read()
        c2b = score.char_to_byte(text)
        out = {"doc": doc}
        for kind in score.KINDS:
            items = []
            for it in score.locate(g[kind], text, c2b):
                if a.required_only and it.get("optional"):
                    continue
                rec = {k: v for k, v in it.items() if not k.startswith("_") and k not in ("text", "occurrence")}
                rec["span"] = {"start": it["_s"], "end": it["_e"]}
                if kind == "targets":
                    rec["quantity"] = {"span": rec["span"], "value": it.get("value"), "unit": it.get("unit")}
                items.append(rec)
            out[kind] = items
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
