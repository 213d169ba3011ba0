#!/usr/bin/env python3
"""Seeds each fuzz target's corpus (fuzz/corpus/<target>/) from the seed
documents, the dev corpus and the rule tables: paragraphs of real
documents for the text targets, the numbers in them for parse_number, and
rule rows for add_rules. Run from anywhere; existing files are kept."""
import hashlib, pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"
docs = sorted((root / "seeds").glob("*.txt")) + sorted((root / "fixtures" / "corpus" / "dev").glob("*.txt"))


def put(target, data: bytes):
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


numbers = re.compile(r"[-−+]?[0-9０-９〇零一二三四五六七八九十百千万亿萬億兆两壹贰叁肆伍陆柒捌玖拾佰仟.,点]+")
for doc in docs:
    text = doc.read_text(encoding="utf-8")
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    for i in range(0, len(paras), 3):
        chunk = "\n\n".join(paras[i : i + 3]).encode()[:4096]
        chunk = chunk.decode("utf-8", "ignore").encode()
        put("extract", chunk)
        put("extract_bytes", chunk)
    for m in set(numbers.findall(text)):
        put("parse_number", m.encode())
for table in sorted((root / "rules").glob("*.tsv")):
    rows = [l for l in table.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    for i in range(1, len(rows), 8):
        # the arbitrary Input: a table index byte, then the rows and a text
        put("add_rules", bytes([i % 16]) + "\n".join(rows[i : i + 8]).encode())
print({d.name: len(list(d.iterdir())) for d in sorted(corpus.iterdir())})
