#!/usr/bin/env python3
"""Events of a JSON Lines corpus with Apache Spark: each partition of the corpus is piped
through one `frontline extract` process (RDD.pipe), and the events are saved as JSON Lines.

    spark-submit scripts/scale/spark_extract.py CORPUS.jsonl OUT_DIR [PARTITIONS]
    python3 scripts/scale/spark_extract.py CORPUS.jsonl OUT_DIR [PARTITIONS]   # local mode

The frontline binary is $FRONTLINE (default: `frontline` on the PATH of the driver); it
must exist at that path on every worker. RDD.pipe gives the command only the environment
it is handed, so the variables frontline reads (HOME, or FRONTLINE_DATA_DIR and
FRONTLINE_CACHE_DIR: where its gazetteer files and index cache live) are passed on.
"""

import os
import shutil
import sys
import time

from pyspark.sql import SparkSession

# What `frontline extract` reads from its environment.
PASSED_ON = ("HOME", "FRONTLINE_DATA_DIR", "FRONTLINE_CACHE_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME")


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    corpus, out = sys.argv[1], sys.argv[2]
    partitions = int(sys.argv[3]) if len(sys.argv) == 4 else None
    frontline = os.environ.get("FRONTLINE") or shutil.which("frontline")
    if not frontline:
        print("frontline is not on the PATH: set FRONTLINE to the binary's path", file=sys.stderr)
        return 2

    spark = (
        SparkSession.builder.appName("frontline-extract")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    sc = spark.sparkContext
    articles = sc.textFile(corpus, minPartitions=partitions or sc.defaultParallelism)
    env = {name: os.environ[name] for name in PASSED_ON if name in os.environ}
    # checkCode: a partition with a rejected line (exit status 2) fails its task, and the
    # job with it after Spark's retries; the rejection, with its line number within the
    # partition, is in that executor's standard error.
    events = articles.pipe(f"{frontline} extract", env=env, checkCode=True)
    started = time.time()
    events.saveAsTextFile(out)
    elapsed = time.time() - started
    size = os.path.getsize(corpus) if os.path.isfile(corpus) else 0
    print(
        f"{articles.getNumPartitions()} partitions, {sc.textFile(out).count()} events in {elapsed:.1f} s"
        + (f" ({size / 1e6 / elapsed:.1f} MB/s of input)" if size else ""),
        file=sys.stderr,
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
