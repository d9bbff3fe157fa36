#!/bin/sh
# Seeds each fuzz target's corpus from the project's test corpora (tests/fixtures, the
# bundled rules and articles). Run from the project root: `sh fuzz/seed.sh`.
set -eu
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/extract fuzz/corpus/fix fuzz/corpus/rules fuzz/corpus/expr
for f in tests/fixtures/source/*.md tests/fixtures/builtins/*.md source/*.md; do
    [ -f "$f" ] || continue
    n=$(basename "$f")
    # extract: the first byte picks Markdown (even) or plain text (odd).
    { printf '\000'; cat "$f"; } > "fuzz/corpus/extract/md-$n"
    { printf '\001'; cat "$f"; } > "fuzz/corpus/extract/txt-$n"
    # fix: whole articles and each paragraph alone (small inputs mutate faster).
    cp "$f" "fuzz/corpus/fix/$n"
    awk -v dir=fuzz/corpus/fix -v n="$n" 'BEGIN{RS=""} {print > (dir "/" n "-p" NR)}' "$f"
done
for f in tests/fixtures/rules/*.yaml claims/*.yaml; do
    [ -f "$f" ] || continue
    cp "$f" "fuzz/corpus/rules/$(basename "$f")"
    # expr: every `check:` expression of the rule files.
    grep -ho 'check: .*' "$f" | sed 's/check: *//; s/^"//; s/"$//' | while IFS= read -r e; do
        printf '%s' "$e" > "fuzz/corpus/expr/$(printf '%s' "$e" | cksum | cut -d' ' -f1)"
    done
done
