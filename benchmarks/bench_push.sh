#!/bin/bash
# vaultkg push of a generated 1,000-note vault to a fresh `oxigraph serve`: the first push, an
# unchanged vault, one note edited (Graph Store Protocol), then a first push by SPARQL Update
# to a second fresh server. Run from the repository root with vaultkg and oxigraph on PATH.
set -u
work=${1:-/tmp/bench-push}
rm -rf "$work" && mkdir -p "$work"
python benchmarks/generate_vault.py "$work/v" --notes 1000
export VAULTKG_CACHE_DIR="$work/cache"
oxigraph serve --location "$work/oxi" --bind 127.0.0.1:7878 >/dev/null 2>&1 &
gsp=$!
oxigraph serve --location "$work/oxi2" --bind 127.0.0.1:7877 >/dev/null 2>&1 &
update=$!
sleep 1
push() {
    echo "\$ vaultkg push $*"
    /usr/bin/time -f "(%e s in all, %M KB peak RSS)" vaultkg push "$@" 2>&1
}
uptime
push "$work/v" --endpoint http://localhost:7878/store --state "$work/s.json"
push "$work/v" --endpoint http://localhost:7878/store --state "$work/s.json"
printf "\nCaffeine is an antagonist of the [[D2 receptor]].\n" >> "$work/v/Drugs/Amphetamine note 00000.md"
echo "(one sentence added to a note)"
push "$work/v" --endpoint http://localhost:7878/store --state "$work/s.json"
push "$work/v" --endpoint http://localhost:7877/store --state "$work/s2.json" --protocol update
kill $gsp $update
