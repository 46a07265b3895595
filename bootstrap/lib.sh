# shellcheck shell=bash disable=SC2034
# (SC2034: the variables set here are read by up and down, which source this file.)
# What bootstrap/up and bootstrap/down share: options, prerequisite checks, running (or, with --dry-run, only
# printing) commands, and waiting with visible progress. Sourced, never run.

if [[ -z "${BASH_VERSINFO[0]:-}" || "${BASH_VERSINFO[0]}${BASH_VERSINFO[1]}" -lt 44 ]]; then
  echo "bash 4.4 or newer is needed (this is ${BASH_VERSION:-not bash}): on macOS run 'brew install bash'." >&2
  exit 1
fi

SCRIPT_NAME="${0##*/}"
# The repository root: every printed command uses paths relative to it, so the plan can be replayed by hand.
REPO_ROOT="$(cd -- "${BASH_SOURCE[0]%/*}/.." && pwd)"
readonly SCRIPT_NAME REPO_ROOT

# Defaults; the same values are written in bootstrap/cluster.yaml (a test keeps them equal).
CLUSTER_NAME="dapr-demo"
REGION="us-west-2"
DRY_RUN=false
# Seconds to wait for the cluster's Applications (up) or for their removal (down), and between two looks.
TIMEOUT=1800
POLL_SECONDS="${BOOTSTRAP_POLL_SECONDS:-10}"
# Prerequisite problems found so far, each "what is missing: how to fix it".
MISSING=()

die() {
  printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2
  exit 1
}

usage_error() {
  printf '%s: %s\nRun %s --help for the options.\n' "$SCRIPT_NAME" "$*" "$SCRIPT_NAME" >&2
  exit 2
}

warn() {
  printf '%s: warning: %s\n' "$SCRIPT_NAME" "$*" >&2
}

step() {
  printf '\n== %s\n' "$*"
}

note() {
  printf '   %s\n' "$*"
}

# Parses the options both scripts have; sets OPTION_CONSUMED to how many arguments it used (0: not ours).
parse_common_option() {
  OPTION_CONSUMED=1
  case "$1" in
    --dry-run) DRY_RUN=true ;;
    --cluster-name | --region | --timeout)
      [[ $# -ge 2 && -n "$2" ]] || usage_error "$1 needs a value"
      case "$1" in
        --cluster-name) CLUSTER_NAME="$2" ;;
        --region) REGION="$2" ;;
        --timeout) TIMEOUT="$2" ;;
      esac
      OPTION_CONSUMED=2
      ;;
    *) OPTION_CONSUMED=0 ;;
  esac
}

common_options_help() {
  cat <<HELP
  --cluster-name NAME  EKS cluster name (default: dapr-demo)
  --region REGION      AWS region (default: us-west-2)
  --timeout SECONDS    how long to wait for Argo CD (default: 1800)
  --dry-run            print every command, in order, and run none of them
  -h, --help           this help
HELP
}

validate_common_options() {
  [[ "$CLUSTER_NAME" =~ ^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$ ]] ||
    usage_error "--cluster-name '$CLUSTER_NAME' is not a valid EKS cluster name (letters, digits, - and _, at most 100)"
  [[ "$REGION" =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] ||
    usage_error "--region '$REGION' is not an AWS region name (like us-west-2)"
  [[ "$TIMEOUT" =~ ^[0-9]+$ ]] || usage_error "--timeout '$TIMEOUT' is not a number of seconds"
  [[ "$POLL_SECONDS" =~ ^[0-9]+$ ]] || usage_error "BOOTSTRAP_POLL_SECONDS '$POLL_SECONDS' is not a number of seconds"
  cluster_kubectl
}

# kubectl against the cluster: always the context use_cluster_kubeconfig writes, never whatever is current.
cluster_kubectl() {
  KUBECTL=(kubectl --context "$CLUSTER_NAME")
}

# One word as a reader would type it: bare when plain, else in single quotes (JSON stays legible).
shell_quote() {
  if [[ "$1" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then
    printf '%s' "$1"
  elif [[ "$1" != *"'"* ]]; then
    printf "'%s'" "$1"
  else
    printf '%q' "$1"
  fi
}

# How print_command shows a shell function that stands for a command a reader could type.
declare -A PRINTED_AS=()

# Prints a command line the way a shell would read it; "|" separates the commands of a pipeline.
print_command() {
  local words=() arg
  for arg in "$@"; do
    if [[ "$arg" == "|" ]]; then
      words+=("|")
    elif [[ -n "${PRINTED_AS[$arg]:-}" ]]; then
      words+=("${PRINTED_AS[$arg]}")
    else
      words+=("$(shell_quote "$arg")")
    fi
  done
  printf '+ %s\n' "${words[*]}"
}

# run CMD ARG... [ "|" CMD ARG... ]...: prints the command, then runs it unless --dry-run.
run() {
  print_command "$@"
  "$DRY_RUN" || run_pipeline "$@"
}

run_pipeline() {
  local first=()
  while [[ $# -gt 0 && "$1" != "|" ]]; do
    first+=("$1")
    shift
  done
  if [[ $# -eq 0 ]]; then
    "${first[@]}"
  else
    shift
    "${first[@]}" | run_pipeline "$@"
  fi
}

# Records a missing prerequisite; all of them are reported together by report_prerequisites.
missing() {
  MISSING+=("$1")
}

require_tool() {
  command -v "$1" >/dev/null 2>&1 || missing "$1 is not on PATH: $2"
}

require_aws_tools() {
  require_tool aws "install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html)"
  require_tool eksctl "install eksctl 0.225 or newer, which knows EKS 1.35 (https://eksctl.io/installation/)"
  require_tool kubectl "install kubectl 1.34 or newer (https://kubernetes.io/docs/tasks/tools/)"
}

# Who AWS thinks we are: also proves the credentials work before anything is created.
require_aws_identity() {
  command -v aws >/dev/null 2>&1 || return 0
  local arn
  if arn="$(aws sts get-caller-identity --query Arn --output text 2>/dev/null)" && [[ -n "$arn" ]]; then
    note "AWS identity: $arn"
  else
    missing "no working AWS credentials (aws sts get-caller-identity failed): run 'aws configure' or 'aws sso login', or set AWS_PROFILE"
  fi
}

# Prints every missing prerequisite with its fix. A real run stops here; a dry run goes on to show the plan.
report_prerequisites() {
  [[ ${#MISSING[@]} -eq 0 ]] && return 0
  {
    echo "Missing prerequisites:"
    printf '  - %s\n' "${MISSING[@]}"
  } >&2
  "$DRY_RUN" || exit 1
}

# With --dry-run, exits non-zero after the plan when a real run would have stopped at the prerequisites.
finish_dry_run() {
  [[ ${#MISSING[@]} -eq 0 ]] && return 0
  printf '\n%s: dry run only: fix the %d missing prerequisite(s) listed above before a real run.\n' \
    "$SCRIPT_NAME" "${#MISSING[@]}" >&2
  exit 1
}

# Whether the cluster exists. A dry run cannot know: it assumes not.
cluster_exists() {
  local found
  print_command aws eks list-clusters --region "$REGION" --query clusters --output text
  "$DRY_RUN" && return 1
  # Called as a condition, where set -e does not apply: a failure has to stop the script explicitly.
  found="$(aws eks list-clusters --region "$REGION" --query clusters --output text)" ||
    die "could not list the EKS clusters in ${REGION} (the AWS CLI said why above)"
  [[ " ${found//[$'\t\n']/ } " == *" $CLUSTER_NAME "* ]]
}

# Writes a kubeconfig context named after the cluster, which every kubectl call here names explicitly.
use_cluster_kubeconfig() {
  run aws eks update-kubeconfig --name "$CLUSTER_NAME" --region "$REGION" --alias "$CLUSTER_NAME"
}

# wait_until WHAT FILTER CMD ARG...: runs CMD every POLL_SECONDS until FILTER (reading CMD's output) prints
# nothing, showing what it still waits for; fails after TIMEOUT seconds naming what never got there.
wait_until() {
  local what="$1" filter="$2" output pending start=$SECONDS
  shift 2
  print_command "$@"
  if "$DRY_RUN"; then
    note "(repeated every ${POLL_SECONDS}s until ${what}, for at most ${TIMEOUT}s)"
    return 0
  fi
  while :; do
    # A failed look (the API server busy, a network hiccup) is one more thing to wait for, not the end.
    if output="$("$@")"; then
      pending="$("$filter" <<<"$output")"
    else
      pending="(the look failed; trying again)"
    fi
    if [[ -z "$pending" ]]; then
      note "done: ${what}"
      return 0
    fi
    if ((SECONDS - start >= TIMEOUT)); then
      printf '%s: gave up after %ss waiting until %s; still not there:\n%s\n' \
        "$SCRIPT_NAME" "$TIMEOUT" "$what" "$pending" >&2
      return 1
    fi
    note "[$(printf '%4d' $((SECONDS - start)))s] waiting until ${what}; not yet: ${pending//$'\n'/, }"
    sleep "$POLL_SECONDS"
  done
}

# Filter for wait_until: every non-empty line is something that still has to go away.
every_line() {
  local line
  while IFS= read -r line; do
    [[ -n "$line" ]] && printf '%s\n' "$line"
  done
  return 0
}
