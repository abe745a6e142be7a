#!/usr/bin/env bash
# Plain javac with the self-contained processor jar as the whole processor path: bindings for the
# calc world must be generated and compile.
# Usage: run.sh JAVA_HOME PROCESSOR_ALL_JAR CLASSPATH WORK_DIR
set -euo pipefail
java_home=$1 processor=$2 classpath=$3 work=$4
here=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
rm -rf "$work" && mkdir -p "$work/classes"
"$java_home/bin/javac" -Xlint:all -Werror -processorpath "$processor" -cp "$classpath" \
  -Awit4j.projectDir="$here" -d "$work/classes" -s "$work/generated" \
  $(find "$here/src" -name '*.java')
test -f "$work/generated/com/example/calc/Calc.java"
test -f "$work/classes/com/example/calc/Calc.class"
echo "plain javac with $(basename "$processor"): bindings generated and compiled"
