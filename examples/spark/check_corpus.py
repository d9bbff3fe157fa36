#!/usr/bin/env python3
"""Checks a JSON Lines corpus of articles with factlint under Apache Spark (local mode).

Each partition of the input is piped through one `factlint check --stream -j 1` process
(`RDD.pipe`): Spark spreads the partitions over its executor threads, factlint checks the
articles of its partition one after another and writes one JSON report per article. The
reports (id, findings, or the error of a malformed line) are written as Parquet (or JSON
Lines), one row per article with its findings nested. The
run is repeated for each `--cores` value (`local[1]`, `local[2]`, ...) and prints articles
per second for each.

    python check_corpus.py corpus.jsonl --factlint ../../target/release/factlint \
        --claims ../../bench/compare/terms-2.yaml --cores 1,2 --out findings
"""

import argparse
import os
import shlex
import shutil
import sys
import time

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# The part of a `--format json` report (docs/json.md) that the findings table keeps.
FINDING = StructType(
    [
        StructField("rule", StringType()),
        StructField("origin", StringType()),
        StructField("severity", StringType()),
        StructField("file", StringType()),
        StructField("line", IntegerType()),
        StructField("column", IntegerType()),
        StructField("message", StringType()),
        StructField("found", StringType()),
        StructField("suggestion", StringType()),
    ]
)
REPORT = StructType(
    [
        StructField("id", LongType()),
        StructField("line", LongType()),
        StructField("error", StringType()),
        StructField("findings", ArrayType(FINDING)),
    ]
)


def run(args, cores, total):
    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(f"factlint-local-{cores}")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(args.partitions))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    command = [args.factlint, "check", "--stream", "-j", "1"]
    for c in args.claims:
        command += ["--claims", c]
    out = f"{args.out}-local{cores}"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
    reports = lines.pipe(shlex.join(command), checkCode=True)
    # One pass: every report (its findings nested, or the error of a malformed line) is
    # written once; the counts below read the written files back.
    df = spark.read.schema(REPORT).json(reports)
    if args.format == "parquet":
        df.write.parquet(out)
    else:
        df.write.json(out)
    elapsed = time.perf_counter() - start
    written = spark.read.parquet(out) if args.format == "parquet" else spark.read.schema(REPORT).json(out)
    counts = written.select(
        F.count(F.when(F.col("error").isNull(), 1)).alias("articles"),
        F.count("error").alias("bad"),
        F.sum(F.size(F.coalesce("findings", F.array()))).alias("findings"),
    ).first()
    articles, bad, found = counts["articles"], counts["bad"], counts["findings"] or 0
    spark.stop()
    print(
        f"local[{cores}]: {articles} articles ({bad} malformed lines) in {elapsed:.1f} s: "
        f"{articles / elapsed:,.0f} articles/s; {found} findings written to {out}",
        flush=True,
    )
    if articles + bad != total:
        print(f"  expected {total} lines to come back, got {articles + bad}", file=sys.stderr)
    return articles / elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSON Lines, one {id, path, text} object per line")
    ap.add_argument("--factlint", default="factlint", help="the factlint binary")
    ap.add_argument("--claims", action="append", default=[], help="rule files (repeatable)")
    ap.add_argument("--cores", default="1,2", help="Spark local[N] settings to compare")
    ap.add_argument("--partitions", type=int, default=16)
    ap.add_argument("--out", default="findings")
    ap.add_argument("--format", choices=["parquet", "json"], default="parquet")
    args = ap.parse_args()
    args.factlint = shutil.which(args.factlint) or os.path.abspath(args.factlint)
    args.claims = [os.path.abspath(c) for c in args.claims] or ["/dev/null"]
    with open(args.input, "rb") as f:
        total = sum(1 for line in f if line.strip())
    rates = {}
    for cores in [int(c) for c in args.cores.split(",")]:
        rates[cores] = run(args, cores, total)
    if 1 in rates and len(rates) > 1:
        for cores, rate in rates.items():
            if cores != 1:
                print(f"local[{cores}] / local[1]: {rate / rates[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
