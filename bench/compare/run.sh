#!/bin/sh
# Whole-process figures of bench/README.md ("Whole process: all cores, stream, other tools").
# Usage, from the repository root, after `cargo build --release`:
#   sh bench/compare/run.sh            # needs python3; node/npm and rg for the comparisons
# Corpora and the other tools go to target/compare/ (npm installs textlint, textlint-rule-prh
# and autocorrect-node there; install ripgrep with your package manager).
set -eu
root=$(pwd)
bin="$root/target/release/factlint"
work="$root/target/compare"
mkdir -p "$work"
cp bench/compare/terms-2.yaml bench/compare/prh.yml bench/compare/.textlintrc.json bench/compare/.autocorrectrc "$work/"
cd "$work"
gen="python3 $root/examples/spark/make_corpus.py"
[ -d corpus10 ] || $gen files corpus10 --articles 1000 --bytes 10485760
[ -f big50.md ] || $gen big big50.md --bytes 52428800
[ -f corpus10.jsonl ] || python3 - <<'PY'
import json, os
with open("corpus10.jsonl", "w") as f:
    for i, n in enumerate(sorted(os.listdir("corpus10"))):
        text = open(os.path.join("corpus10", n), encoding="utf-8").read()
        f.write(json.dumps({"id": i, "path": f"corpus10/{n}", "text": text}, ensure_ascii=False) + "\n")
PY
p="python3 $root/bench/compare/paired.py"
check="$bin check --claims terms-2.yaml --format line"
echo "## -j 2 against -j 1, 1,000 files";  $p -n 7 "$check -j2 corpus10" "$check -j1 corpus10"
echo "## -j 2 against -j 1, one 50 MB file"; $p -n 5 "$check -j2 big50.md" "$check -j1 big50.md"
echo "## CPU seconds per thread, check -j2 and -j1 of the 50 MB file"
python3 "$root/bench/compare/threads.py" $check -j2 big50.md
python3 "$root/bench/compare/threads.py" $check -j1 big50.md
echo "## peak memory per mention, one 50 MB file"; (cd "$root" && sh bench/compare/memory.sh)
echo "## one article (bundled rules; built-ins only)"
$p -n 21 "$bin check --format line $root/source/ai-index-2024.md"
$p -n 21 "$bin check --claims /dev/null --format line $root/source/ai-index-2024.md"
echo "## the article-wide consistency checks: all built-ins against consistency off"
cp -r "$root/bench/compare/consistency-off" "$work/"
$p -n 7 "$check -j1 corpus10" "$check -j1 --config consistency-off/factlint.yaml corpus10"
echo "## the in-sentence checks: consistency off against every built-in off (same binary)"
cp -r "$root/bench/compare/builtins-off" "$work/"
$p -n 9 "$check -j1 --config consistency-off/factlint.yaml corpus10" "$check -j1 --config builtins-off/factlint.yaml corpus10"
if [ -n "${FACTLINT_BASE:-}" ]; then
  # FACTLINT_BASE: a release binary built from an earlier commit (d6e1c95, before the
  # relation checks of issue 9): `git worktree add /tmp/base d6e1c95 && cargo build
  # --release --manifest-path /tmp/base/Cargo.toml`.
  echo "## the sentence checks (consistency off) against FACTLINT_BASE with its built-ins"
  $p -n 9 "$check -j1 --config consistency-off/factlint.yaml corpus10" "$FACTLINT_BASE check --claims terms-2.yaml --format line corpus10"
fi
echo "## --stream against check --format json, same 1,000 articles"
$p -n 7 "$bin check --stream --claims terms-2.yaml <corpus10.jsonl" "$bin check --claims terms-2.yaml --format json corpus10"
if command -v rg >/dev/null; then
  echo "## against ripgrep finding the two words"; $p -n 7 "$check corpus10" "rg -c -e 推理成本 -e lpsos corpus10"
fi
if command -v npm >/dev/null; then
  [ -d node_modules/textlint ] || npm install --silent textlint textlint-rule-prh autocorrect-node >/dev/null
  echo "## against AutoCorrect (the two words as spellcheck entries)"
  $p -n 5 "$check corpus10" "node_modules/.bin/autocorrect --lint -c .autocorrectrc corpus10"
  echo "## against textlint + prh (the same two replacements)"
  $p -n 5 "$check corpus10" "node_modules/.bin/textlint -c .textlintrc.json corpus10"
fi
