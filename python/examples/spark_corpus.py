"""Extract a corpus with Apache Spark: one Parquet table per kind of record.

    python spark_corpus.py INPUT [INPUT ...] --output DIR [options]
    spark-submit spark_corpus.py INPUT [INPUT ...] --output DIR [options]

INPUT is a folder of `.txt` documents (read as bytes, so spans index the
files exactly as the CLI's do), a Parquet table or a JSON Lines table with
a document-name column (`--id-column`, default `doc`) and a text column
(`--text-column`, default `text`; string, or binary holding UTF-8).
`--format` says which; by default a path ending in `.parquet` or holding
Parquet files is Parquet, one ending in `.jsonl`, `.ndjson` or `.json` is
JSON Lines, anything else a folder of `.txt` files.

Each executor's Python worker builds one `zhen_extract.Extractor` (the
driver's is pickled as its options, and unpickling returns the process's
shared extractor) and reads its partitions with `mapInPandas`, an Arrow
batch of `--batch-size` documents at a time. The records are written
under DIR:

    DIR/quantities/  DIR/years/  DIR/targets/  DIR/institutions/  DIR/errors/

The columns of the four record tables are `zhen_extract.tables.columns`
(documented in the package README): `doc` (the file's URI as Spark lists
it, or the id column's value), `ordinal` (the record's place in its
document's list), then the record's fields flattened with `_`
(`span_start`, `span_char_start`, `quantity_value`, `baseline_year`, ...).
`errors` has `doc`, `error` (the exception's class, e.g.
`NotUtf8Error`) and `message` for each document the extractor refused; a
null text is refused as empty.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator, List, Optional, Sequence

import zhen_extract
from zhen_extract import tables

ERRORS = "errors"
ERROR_COLUMNS = (
    tables.Column("doc", "string", False),
    tables.Column("error", "string", False),
    tables.Column("message", "string", False),
)


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folders of .txt files, or tables")
    p.add_argument("--output", required=True, help="folder to write the tables under")
    p.add_argument("--format", choices=["auto", "text", "parquet", "jsonl"], default="auto")
    p.add_argument("--id-column", default="doc", help="a table's document-name column")
    p.add_argument("--text-column", default="text", help="a table's text column")
    p.add_argument("--recursive", action="store_true", help="also read .txt files in subfolders")
    p.add_argument("--reference-year", type=int, help="the year 今年 / this year stand for")
    p.add_argument("--all-numbers", action="store_true", help="also emit bare numbers")
    p.add_argument("--partitions", type=int, help="repartition the documents into N partitions")
    p.add_argument("--batch-size", type=int, default=256, help="documents per Arrow batch (default 256)")
    p.add_argument(
        "--threads-per-task",
        type=int,
        default=1,
        help="threads each task extracts on (default 1: Spark already runs a task per core)",
    )
    p.add_argument("--overwrite", action="store_true", help="replace tables already under --output")
    p.add_argument("--master", help="Spark master when run with python (spark-submit sets its own)")
    return p.parse_args(argv)


def input_format(path: str) -> str:
    """The format `--format auto` reads `path` as."""
    lower = path.rstrip("/").lower()
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if os.path.isdir(path) and any(n.endswith(".parquet") for n in os.listdir(path)):
        return "parquet"
    return "text"


def spark_type(column: tables.Column):  # -> pyspark.sql.types.DataType
    from pyspark.sql import types as T

    return {
        "string": T.StringType(),
        "long": T.LongType(),
        "double": T.DoubleType(),
        "boolean": T.BooleanType(),
    }[column.type]


def table_columns(table: str) -> Sequence[tables.Column]:
    return ERROR_COLUMNS if table == ERRORS else tables.columns(table)


def combined_columns() -> List[tables.Column]:
    """Every table's columns in one row type, behind a `table` column:
    `mapInPandas` gives one schema, and each table is then selected from
    it. A column shared by several tables has one meaning and type."""
    out = {"table": tables.Column("table", "string", False)}
    for table in (*tables.KINDS, ERRORS):
        for c in table_columns(table):
            known = out.setdefault(c.name, tables.Column(c.name, c.type, True))
            if known.type != c.type:
                raise TypeError(f"column {c.name} is {known.type} in one table and {c.type} in another")
    return list(out.values())


def read_documents(spark, args: argparse.Namespace):
    """The documents as a DataFrame of `doc` (string) and `text` (string or
    binary)."""
    from pyspark.sql import functions as F

    formats = {args.format if args.format != "auto" else input_format(p) for p in args.inputs}
    if len(formats) != 1:
        sys.exit(f"spark_corpus: the inputs are of several formats ({', '.join(sorted(formats))}); give one")
    fmt = formats.pop()
    if fmt == "text":
        docs = (
            spark.read.format("binaryFile")
            .option("pathGlobFilter", "*.txt")
            .option("recursiveFileLookup", str(args.recursive).lower())
            .load(args.inputs)
            .select(F.col("path").alias("doc"), F.col("content").alias("text"))
        )
    else:
        reader = spark.read.parquet if fmt == "parquet" else spark.read.json
        table = reader(*args.inputs)
        missing = {args.id_column, args.text_column} - set(table.columns)
        if missing:
            sys.exit(f"spark_corpus: the table has no column {', '.join(sorted(missing))} (columns: {table.columns})")
        docs = table.select(
            F.col(args.id_column).cast("string").alias("doc"), F.col(args.text_column).alias("text")
        )
    if args.partitions:
        docs = docs.repartition(args.partitions)
    return docs


def extract_batches(extractor: zhen_extract.Extractor, threads: int):
    """The `mapInPandas` function: each batch of documents to rows of the
    combined row type."""
    names = [c.name for c in combined_columns()]

    def run(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:
        import pandas as pd

        for batch in batches:
            # a null text (None, or NaN in a string column) is refused as empty
            texts = ["" if pd.api.types.is_scalar(t) and pd.isna(t) else t for t in batch["text"]]
            results = extractor.extract_many(texts, errors="return", threads=threads)
            rows = []
            for doc, result in zip(batch["doc"], results):
                if isinstance(result, zhen_extract.InputError):
                    rows.append({"table": ERRORS, "doc": doc, "error": type(result).__name__, "message": str(result)})
                    continue
                for kind in tables.KINDS:
                    rows.extend({"table": kind, **row} for row in tables.rows(doc, result, kind))
            # object columns: integers next to nulls stay integers
            yield pd.DataFrame(rows, columns=names, dtype=object)

    return run


def same_batches(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:
    yield from batches


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    builder = SparkSession.builder.appName("zhen-extract corpus")
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # local workers run this interpreter, which has zhen_extract installed
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_size))
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    extractor = zhen_extract.Extractor(args.reference_year, args.all_numbers)
    schema = T.StructType([T.StructField(c.name, spark_type(c), c.nullable) for c in combined_columns()])
    records = (
        read_documents(spark, args)
        .mapInPandas(extract_batches(extractor, args.threads_per_task), schema=schema)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    mode = "overwrite" if args.overwrite else "errorifexists"
    counts = {r["table"]: r["count"] for r in records.groupBy("table").count().collect()}
    for table in (*tables.KINDS, ERRORS):
        columns = table_columns(table)
        exact = T.StructType([T.StructField(c.name, spark_type(c), c.nullable) for c in columns])
        # passed through once more to give the table its own nullability (a
        # column that is null in the other tables is not null in its own)
        typed = (
            records.filter(F.col("table") == table)
            .select([c.name for c in columns])
            .mapInPandas(same_batches, schema=exact)
        )
        typed.write.mode(mode).parquet(os.path.join(args.output, table))
    records.unpersist()
    print(" ".join(f"{table}={counts.get(table, 0)}" for table in (*tables.KINDS, ERRORS)))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
