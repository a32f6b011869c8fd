#!/usr/bin/env bash
# Checks that every published module's -sources.jar holds each of the module's main Java sources (src/main/java and
# any other src/*/java but tests). Run it after a release build: mvn -B -Prelease -Dgpg.skip verify -DskipTests
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
status=0
checked=0
for jar in */target/*-sources.jar; do
  [[ "$jar" == *-test-sources.jar ]] && continue
  module="${jar%%/*}"
  listing="$(unzip -Z1 "$jar")"
  for root in "$module"/src/*/java; do
    [[ "$root" == */src/test/java ]] && continue
    while IFS= read -r source; do
      checked=$((checked + 1))
      grep -qxF "${source#"$root"/}" <<<"$listing" || { echo "missing from $jar: $source" >&2; status=1; }
    done < <(find "$root" -name '*.java' | sort)
  done
done
((checked > 0)) || { echo "no sources jar found: build with -Prelease first" >&2; exit 1; }
((status == 0)) && echo "sources jars: all $checked main source files present"
exit "$status"
