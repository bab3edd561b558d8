#!/usr/bin/env bash
# Captures the API output that `ecs-image-planner catalog build --from DIR` turns into the
# built-in catalog, with the aliyun CLI and your own credentials (`aliyun configure`). Only
# read-only Describe* calls are made; nothing is created or changed in the account.
#
#   scripts/refresh-catalog.sh [DIR] [--profile NAME] [--regions "cn-hangzhou ap-southeast-1"]
#
# DIR defaults to catalog/snapshots (the committed snapshots). Then rebuild and review:
#   cargo run --bin ecs-image-planner -- catalog build --from catalog/snapshots --out src/core/catalog.json
#   cargo run --bin ecs-image-planner -- catalog page --out public/catalog.html
#   git diff src/core/catalog.json
# The build refuses overlay images that no region returns any more (retired builds): replace
# them in catalog/overlay.json with the current builds and rebuild.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/catalog/snapshots"
PROFILE=()
REGIONS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) PROFILE=(--profile "$2"); shift 2 ;;
    --regions) REGIONS="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "refresh-catalog.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) DIR="$1"; shift ;;
  esac
done

if ! command -v aliyun >/dev/null 2>&1; then
  echo "refresh-catalog.sh: the aliyun CLI is not on PATH: install it (https://github.com/aliyun/aliyun-cli) and run 'aliyun configure'" >&2
  exit 2
fi

call() { aliyun "${PROFILE[@]}" ecs "$@"; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/DescribeImages" "$tmp/DescribeAvailableResource"

echo "DescribeRegions" >&2
call DescribeRegions --AcceptLanguage en-US >"$tmp/DescribeRegions.json"
if [ -z "$REGIONS" ]; then
  REGIONS="$(grep -o '"RegionId": *"[^"]*"' "$tmp/DescribeRegions.json" | sed 's/.*"\([^"]*\)"$/\1/' | tr '\n' ' ')"
fi
if [ -z "${REGIONS// /}" ]; then
  echo "refresh-catalog.sh: DescribeRegions returned no region" >&2
  exit 1
fi

echo "DescribeInstanceTypes" >&2
call DescribeInstanceTypes --MaxResults 100 --pager path=InstanceTypes.InstanceType NextToken=NextToken \
  >"$tmp/DescribeInstanceTypes.json"

for region in $REGIONS; do
  echo "DescribeImages and DescribeAvailableResource in $region" >&2
  call DescribeImages --RegionId "$region" --ImageOwnerAlias system --PageSize 100 \
    --pager path=Images.Image >"$tmp/DescribeImages/$region.json"
  call DescribeAvailableResource --RegionId "$region" --DestinationResource InstanceType \
    >"$tmp/DescribeAvailableResource/$region.json"
done

printf '{"how": "captured", "seen": "%s", "note": "Captured by scripts/refresh-catalog.sh with the aliyun CLI."}\n' \
  "$(date -u +%Y-%m-%d)" >"$tmp/snapshot.json"

# Replace the directory only once every call has succeeded.
mkdir -p "$DIR"
rm -rf "$DIR/DescribeImages" "$DIR/DescribeAvailableResource"
cp -R "$tmp/." "$DIR/"
echo "wrote $DIR; now run: ecs-image-planner catalog build --from $DIR --out src/core/catalog.json" >&2
