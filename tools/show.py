#!/usr/bin/env python3
"""Print the CLI's JSON Lines compactly, one record a line, as the issues
quote them: `T '2.6%' metric='…' id=… eq year=2025 target`.

usage: zhen-extract FILE... | python3 tools/show.py [--kinds TQYI]
"""
import json
import sys

kinds = "TQYI"
if "--kinds" in sys.argv:
    kinds = sys.argv[sys.argv.index("--kinds") + 1]
for line in sys.stdin:
    d = json.loads(line)
    print(f"# {d.get('doc')}")
    if "T" in kinds:
        for t in d["targets"]:
            q = t["quantity"]
            print(f"T {q['span']['text']!r} metric={t['metric']!r} id={t.get('metric_id')} "
                  f"{t['comparator']} year={t.get('year')} {t['status']}")
    if "Q" in kinds:
        for q in d["quantities"]:
            print(f"Q {q['span']['text']!r} {q['unit']} {q['value']} {q.get('classifier', '')}")
    if "Y" in kinds:
        for y in d["years"]:
            print(f"Y {y['span']['text']!r} {y['kind']} {y['start_year']}-{y['end_year']}")
    if "I" in kinds:
        for i in d["institutions"]:
            g = " generic" if i["generic"] else ""
            print(f"I {i['span']['text']!r} name={i['name']!r} {i['kind']}{g}")
