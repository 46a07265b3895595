#!/bin/bash
# STAND-IN for aws, eksctl, kubectl, git, docker and curl in the bootstrap tests: AWS, a Kubernetes API server, a
# container engine, the user's GitHub checkout and the registries are out of reach of a test. The test copies this
# file under each of those names onto PATH.
# Every call is recorded in $STANDIN_DIR/calls (one line: the tool and its arguments, separated by \x1f), and
# answered from $STANDIN_DIR/responses/<key>[.<n-th call>] or a default. kubectl's local-only commands
# (patch --local, create --dry-run=client, kustomize) run the real kubectl ($REAL_KUBECTL): they need no server.
set -euo pipefail

tool="${0##*/}"
responses="$STANDIN_DIR/responses"

record() {
  local IFS=$'\x1f'
  printf '%s\n' "${tool}${IFS}$*" >>"$STANDIN_DIR/calls"
}

# answer KEY DEFAULT: the canned output for the n-th call with KEY (file KEY.n, else KEY, else DEFAULT);
# a file KEY.fail makes the call fail with its content on stderr.
answer() {
  local key="$1" default="$2" count=0
  if [[ -f "$responses/$key.fail" ]]; then
    printf '%s\n' "$(<"$responses/$key.fail")" >&2
    exit 1
  fi
  [[ -f "$responses/$key.count" ]] && count="$(<"$responses/$key.count")"
  count=$((count + 1))
  printf '%s\n' "$count" >"$responses/$key.count"
  if [[ -f "$responses/$key.$count" ]]; then
    printf '%s\n' "$(<"$responses/$key.$count")"
  elif [[ -f "$responses/$key" ]]; then
    printf '%s\n' "$(<"$responses/$key")"
  elif [[ -n "$default" ]]; then
    printf '%s\n' "$default"
  fi
}

# Keeps what a command reads on stdin, as the remote side (AWS, the API server) would, and only then records
# the call: a pipeline's stages start together, but each reader finishes after the stage before it.
keep_stdin_then_record() {
  local file="$1"
  shift
  printf '%s\n---\n' "$(</dev/stdin)" >>"$STANDIN_DIR/$file"
  record "$@"
}

case "$tool $*" in
  "eksctl create cluster -f - "*) keep_stdin_then_record eksctl-config.yaml "$@" ;;
  kubectl\ *" apply -f -") keep_stdin_then_record applied.yaml "$@" ;;
  *) record "$@" ;;
esac
case "$tool $*" in
  "git remote get-url origin") answer git-remote "git@github.com:Example-Org/dapr-liberty.git" ;;
  "git rev-parse --abbrev-ref HEAD") answer git-branch "main" ;;
  "aws sts get-caller-identity "*) answer aws-identity "arn:aws:iam::111122223333:user/demo" ;;
  "aws eks list-clusters "*) answer aws-clusters "" ;;
  "aws eks "*) ;;
  "eksctl create cluster -f - "* | "eksctl delete cluster "*) ;;
  kubectl\ *--local* | kubectl\ *--dry-run=client* | "kubectl kustomize "*) exec "$REAL_KUBECTL" "$@" ;;
  kubectl\ *" get applications.argoproj.io "*" -o name") answer remaining-applications "" ;;
  kubectl\ *" get applications.argoproj.io "*) answer applications "$(printf '%s Synced Healthy\n' dapr-liberty datadog-operator dapr datadog-agent dapr-dashboard dapr-config services)" ;;
  kubectl\ *" get crd applications.argoproj.io "*) answer argocd-crd "customresourcedefinition.apiextensions.k8s.io/applications.argoproj.io" ;;
  kubectl\ *" get persistentvolumes "*) answer persistentvolumes "" ;;
  kubectl\ *" get services "*) answer load-balancers "" ;;
  kubectl\ *" apply "* | kubectl\ *" rollout status "* | kubectl\ *" delete "*) ;;
  curl\ *" https://api.github.com/repos/"*) answer github-repository "$(printf '{"full_name": "Example-Org/dapr-liberty", "fork": true}\n200')" ;;
  curl\ *" https://ghcr.io/token?"*) answer ghcr-token "$(printf '{"token":"anonymous-pull"}\n200')" ;;
  curl\ *" https://ghcr.io/v2/"*) answer ghcr-manifest "$(printf '%s\n200' '{"schemaVersion":2,"manifests":[{"platform":{"architecture":"amd64","os":"linux"}},{"platform":{"architecture":"arm64","os":"linux"}}]}')" ;;
  "docker image inspect "*) answer docker-image "linux/amd64 1001" ;;
  "docker run "*" --network container:"*) answer docker-run-sidecar "fedcba9876543210" ;;
  "docker run "*) answer docker-run "0123456789abcdef" ;;
  "docker port "*) answer docker-port "" ;;
  "docker inspect --format {{.State.Status}} {{.State.ExitCode}} "*) answer docker-state "running 0" ;;
  "docker inspect "*) answer docker-inspect "/container" ;;
  "docker logs "*) answer docker-logs "" ;;
  "docker pull "* | "docker rm "* | "docker buildx imagetools "*) ;;
  *)
    echo "stand-in ${tool}: no answer for: $*" >&2
    exit 97
    ;;
esac
