#!/bin/sh
# Makes the archetype's templates from ../examples/vendor-plugin, so the archetype always generates the
# example with the user's names. The build runs it (generate-resources); usage: templates-from-example.sh OUTDIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
example="$here/../examples/vendor-plugin"
out="$1"
pkgdir=com/example/bemgate/httpmeter

rm -rf "$out"
mkdir -p "$out"

# Names in the example -> archetype properties. Longest first: the package before the groupId.
substitute() {
  sed -e 's/com\.example\.bemgate\.httpmeter/${package}/g' \
      -e 's/com\.example\.bemgate/${groupId}/g' \
      -e 's/example-httpmeter/${artifactId}/g' \
      -e 's/HttpMeter/${classPrefix}/g' \
      -e 's/httpmeter/${protocol}/g' \
      "$1"
}

for tree in src/main/java src/test/java; do
  (cd "$example/$tree/$pkgdir" && find . -name '*.java') | while read -r f; do
    target="$out/$tree/$(echo "$f" | sed 's/HttpMeter/__classPrefix__/g')"
    mkdir -p "$(dirname "$target")"
    substitute "$example/$tree/$pkgdir/$f" > "$target"
  done
done
mkdir -p "$out/src/main/feature"
substitute "$example/src/main/feature/feature.xml" > "$out/src/main/feature/feature.xml"

# The pom: the project's own version instead of ${revision}, the bemgate release chosen at generation.
substitute "$example/pom.xml" \
  | sed -e 's#<version>${revision}</version>#<version>${version}</version>#' \
        -e '/The plug-in.s version: mvn verify -Drevision/d' -e '/<revision>.*<\/revision>/d' \
        -e 's#<bemgate.version>[^<]*</bemgate.version>#<bemgate.version>${bemgateVersion}</bemgate.version>#' \
        -e 's#<name>[^<]*</name>#<name>${artifactId}</name>#' \
  > "$out/pom.xml"
cp "$here/src/main/archetype-readme.md" "$out/README.md"
echo "archetype templates made from $example in $out"
