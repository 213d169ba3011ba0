#!/usr/bin/env python3
"""Compare predicted targets with gold ones, figure by figure, and print
what differs (metric, id, comparator, year, status), the gold targets no
prediction overlaps, and the predictions no gold target overlaps.

usage: diff_targets.py --gold DIR --docs DIR --pred FILE.jsonl [--doc NAME] [--f1-only]

--f1-only leaves out what the targets F1 does not count: optional gold
items and differences of metric_id alone.
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
    ap.add_argument("--pred", required=True)
    ap.add_argument("--doc")
    ap.add_argument("--f1-only", action="store_true")
    a = ap.parse_args()
    preds = {}
    for line in open(a.pred, encoding="utf-8"):
        o = json.loads(line)
        preds[os.path.basename(o["doc"])] = o
    for doc, g in sorted(score.load_gold(a.gold).items()):
        if a.doc and a.doc not in doc:
            continue
        text = open(os.path.join(a.docs, doc), encoding="utf-8").read()
        c2b = score.char_to_byte(text)
        golds = score.locate(g["targets"], text, c2b)
        ps = []
        for t in preds.get(doc, {}).get("targets", []):
            q = t["quantity"]["span"]
            ps.append(((q["start"], q["end"]), t))
        used = set()
        print(f"# {doc}")
        for it in golds:
            gs = (it["_s"], it["_e"])
            hit = next((k for k, (sp, _) in enumerate(ps) if k not in used and score.overlaps(sp, gs)), None)
            opt = " (optional)" if it.get("optional") else ""
            if a.f1_only and it.get("optional"):
                if hit is not None:
                    used.add(hit)
                continue
            if hit is None:
                print(f"  MISS{opt} {it['text']!r} metric={it.get('metric')!r} {it.get('comparator')} {it.get('year')} {it.get('status')}")
                continue
            used.add(hit)
            t = ps[hit][1]
            diffs = []
            if not score.metric_match(score.metric_text(t), it.get("metric", "")):
                diffs.append(f"metric {t['metric']!r} vs {it.get('metric')!r}")
            if t.get("metric_id") != it.get("metric_id") and not a.f1_only:
                diffs.append(f"id {t.get('metric_id')} vs {it.get('metric_id')}")
            for f in ("comparator", "year", "status"):
                if t.get(f) != it.get(f):
                    diffs.append(f"{f} {t.get(f)} vs {it.get(f)}")
            if not score.close(t["quantity"].get("value"), it.get("value")) or t["quantity"].get("unit") != it.get("unit"):
                diffs.append(f"value {t['quantity'].get('value')} {t['quantity'].get('unit')} vs {it.get('value')} {it.get('unit')}")
            if diffs:
                print(f"  DIFF{opt} {it['text']!r}: " + "; ".join(diffs))
        for k, (sp, t) in enumerate(ps):
            if k not in used:
                print(f"  FALSE {t['quantity']['span']['text']!r} metric={t['metric']!r} {t['comparator']} {t.get('year')} {t['status']}")


if __name__ == "__main__":
    main()
