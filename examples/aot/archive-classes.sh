#!/usr/bin/env bash
# Writes the JVM class-data archive for the packaged application (Java 17 application class-data
# sharing): the classes a training run loads, parsed and verified once, except the compiled
# component's own (packages ending in _wasm). Those run from an archive more slowly than when loaded
# (64 KiB through the ledger's checksum took about three times as long), so they are loaded as usual.
#
# Usage: archive-classes.sh JAVA TARGET_DIR JAR ARCHIVE
set -euo pipefail
java=$1 target=$2 jar=$3 archive=$4
list="$target/classes.list"
"$java" -XX:DumpLoadedClassList="$list.all" -jar "$jar" > /dev/null
grep -v '_wasm/' "$list.all" > "$list"
rm -f "$archive"
# A JVM that cannot write the archive (built without class-data sharing) still runs the jar, only
# without the archive: say so and go on.
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" -cp "$jar" > "$target/archive.log" 2>&1; then
  echo "warning: this JVM did not write a class-data archive (see $target/archive.log); the jar runs without one" >&2
  rm -f "$archive"
fi
