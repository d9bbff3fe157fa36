#!/bin/sh
# Peak memory of `factlint check` on one large file, per mention (bench/README.md, "One
# large file in pieces"). Usage, from the repository root, after `cargo build --release`:
#   sh bench/compare/memory.sh [FILE]     # default: target/compare/big50.md, generated
# Prints the peak (max RSS, from /usr/bin/time) of `check -j1` and `check -j2` on FILE and on
# an empty file, the file's size and mentions, and
#   (peak - file size - empty-run peak) / mentions
# the bytes each mention costs beyond the text. Issue 12's bound: under 50.
set -eu
root=$(pwd)
bin="$root/target/release/factlint"
work="$root/target/compare"
mkdir -p "$work"
file=${1:-$work/big50.md}
[ -f "$file" ] || python3 "$root/examples/spark/make_corpus.py" big "$file" --bytes 52428800
cp bench/compare/terms-2.yaml "$work/"
: > "$work/empty.md"
peak() { # max RSS in bytes of a command, output thrown away
  /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
  echo $(( $(tail -n 1 "$work/rss") * 1024 ))
}
size=$(wc -c < "$file")
mentions=$("$bin" extract --all --format json "$file" | grep -c '"kind"')
empty=$(peak "$bin" check --claims "$work/terms-2.yaml" --format line "$work/empty.md")
for j in 1 2; do
  p=$(peak "$bin" check -j$j --claims "$work/terms-2.yaml" --format line "$file")
  python3 -c "
p, size, empty, n = $p, $size, $empty, $mentions
print(f'check -j$j: peak {p/2**20:.1f} MiB; file {size/2**20:.1f} MiB, empty run {empty/2**20:.1f} MiB, '
      f'{n} mentions: {(p - size - empty)/n:.1f} bytes per mention beyond the text')"
done
