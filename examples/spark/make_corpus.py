#!/usr/bin/env python3
"""Writes a generated corpus of articles for factlint's benchmarks and the Spark example.

Every article is made of the bundled article's own paragraphs (source/ai-index-2024.md),
shuffled, with every figure changed (each digit replaced by another, a run's first digit
never 0), so that the density of numbers and the mix of Chinese, English and Markdown are
the article's, the sentences are the project's own, and the checks have something to find.
Fixed seed: the same arguments give the same bytes.

    make_corpus.py files DIR   [--articles 1000] [--bytes 10485760]   one .md file per article
    make_corpus.py big   FILE  [--bytes 52428800]                     one large .md file
    make_corpus.py jsonl FILE  [--articles 100000] [--bytes 209715200] JSON Lines for --stream

Only the standard library is used.
"""

import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE = os.path.join(HERE, "..", "..", "source", "ai-index-2024.md")


def paragraphs(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]


def refigure(paragraph, rng):
    def digits(m):
        run = m.group(0)
        first = str(rng.randint(1, 9)) if run[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in run[1:])

    return re.sub(r"[0-9]+", digits, paragraph)


def article(paras, size, rng):
    """About `size` bytes: a title, then paragraphs drawn at random, figures changed."""
    out = ["# " + refigure(rng.choice(paras).splitlines()[0][:60], rng)]
    length = len(out[0].encode())
    while length < size:
        p = refigure(rng.choice(paras), rng)
        out.append(p)
        length += len(p.encode()) + 2
    return "\n\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["files", "big", "jsonl"])
    ap.add_argument("out")
    ap.add_argument("--articles", type=int)
    ap.add_argument("--bytes", type=int)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--article", default=ARTICLE, help="the article whose paragraphs are used")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    paras = paragraphs(args.article)
    if args.mode == "files":
        n = args.articles or 1000
        total = args.bytes or 10 * 1024 * 1024
        os.makedirs(args.out, exist_ok=True)
        for i in range(n):
            with open(os.path.join(args.out, f"{i:05}.md"), "w", encoding="utf-8") as f:
                f.write(article(paras, total // n, rng))
    elif args.mode == "big":
        total = args.bytes or 50 * 1024 * 1024
        with open(args.out, "w", encoding="utf-8") as f:
            written = 0
            while written < total:
                a = article(paras, 64 * 1024, rng)
                f.write(a + "\n")
                written += len(a.encode()) + 1
    else:
        n = args.articles or 100000
        total = args.bytes or 200 * 1024 * 1024
        with open(args.out, "w", encoding="utf-8") as f:
            for i in range(n):
                line = {"id": i, "path": f"articles/{i:06}.md", "text": article(paras, total // n, rng)}
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
