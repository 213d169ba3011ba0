#!/usr/bin/env python3
"""Runs the examples of a number-forms report through the release CLI.

The report holds Markdown table rows `| D | input | expected | got |` (D: the
default mode, A: `--all-numbers`) and inline examples `D `input` expected →`.
Prints each input, what was expected and what the CLI gives now, so that a
reader can check every class at once:

    cargo build --release && python3 tools/check_forms.py NUMBER-FORMS.md
"""
import json
import re
import subprocess
import sys
import tempfile

ROW = re.compile(r"\| ([DA]) \| (.+?) \| (.+?) \| (.+?) \|$")
INLINE = re.compile(r"([DA]) `([^`]+)` ([^→]+?) →")


def examples(path):
    for line in open(path, encoding="utf-8"):
        m = ROW.match(line.strip())
        if m:
            yield m.group(1), m.group(2), m.group(3)
        for m in INLINE.finditer(line):
            yield m.group(1), m.group(2), m.group(3).strip()


def quantities(mode, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
        f.write(text + "\n")
        f.flush()
        args = ["target/release/zhen-extract"] + (["--all-numbers"] if mode == "A" else []) + [f.name]
        out = subprocess.run(args, capture_output=True, text=True).stdout
    got = []
    for line in out.splitlines():
        for q in json.loads(line).get("quantities", []):
            got.append(f"{q['span']['text']}={q['value']:g} {q['unit']}")
    return "; ".join(got) or "nothing"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tools/check_forms.py REPORT.md")
    for mode, text, want in examples(sys.argv[1]):
        print(f"{mode} | {text} | want {want} | got {quantities(mode, text)}")


if __name__ == "__main__":
    main()
