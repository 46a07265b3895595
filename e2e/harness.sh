# shellcheck shell=bash
# Shared by e2e/fault-drill and e2e/benchmark: builds the runnable jars and the e2e harness, then runs one of its
# programs (test classes of the e2e module) with the harness' class path. Sourced, not run.

HARNESS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly HARNESS_ROOT

harness_fail() {
  echo "${0##*/}: $*" >&2
  exit 1
}

# run_harness MAIN_CLASS ARGS...: builds (./mvnw package, tests skipped) and runs MAIN_CLASS
run_harness() {
  local main="$1"
  shift
  command -v java >/dev/null || harness_fail "java not found: install a JDK 17 or newer and put it on PATH."
  command -v kubectl >/dev/null ||
    harness_fail "kubectl not found (its kustomize renders the Dapr specs): run 'bash .ci/install-kube-tools' and put ~/.local/bin on PATH."
  echo "Building the runnable jars and the e2e harness (./mvnw package -DskipTests)..."
  "$HARNESS_ROOT/mvnw" -q -f "$HARNESS_ROOT/pom.xml" -pl e2e -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/harness.classpath
  local classpath
  classpath="$HARNESS_ROOT/e2e/target/test-classes:$(<"$HARNESS_ROOT/e2e/target/harness.classpath")"
  exec java -cp "$classpath" -Drepository.root="$HARNESS_ROOT" -De2e.work="$HARNESS_ROOT/e2e/target/e2e" "$main" "$@"
}
