#!/usr/bin/env bash
# Alibaba Cloud CLI commands for an ECS Image Planner plan, one command per API call, in order.
# Needs the aliyun CLI (run `aliyun configure` first) and jq. Literal values are single-quoted.
# A value that an earlier call returns (the ID of a copied or created image) is captured into a
# shell variable, and the script waits until that image is Available before it is used.
# Review the plan's findings before running: these calls create, share and delete resources.
set -euo pipefail

# Values only you know: set these environment variables first. Nothing runs until all are set.
require() {
  if [ -z "${!1:-}" ]; then
    printf 'set %s to %s\n' "$1" "$2" >&2
    exit 2
  fi
}
require LAUNCH_0_VSWITCHID 'a vSwitch in ap-southeast-1c (for launch-0 VSwitchId)'
require LAUNCH_0_SECURITYGROUPID 'a security group in the vSwitch'\''s VPC (for launch-0 SecurityGroupId)'

# Minutes to wait for each created, imported or copied image to become Available. Copy time depends on
# "the image size, network transmission speed, and the number of concurrent tasks in the queue"
# (CopyImage API reference): a large image takes hours. Set IMAGE_WAIT_MINUTES to change it.
IMAGE_WAIT_MINUTES=${IMAGE_WAIT_MINUTES:-360}

# wait_for_image REGION IMAGE_ID: polls until the image is Available; fails when the image
# failed, or when IMAGE_WAIT_MINUTES have passed. Each `--waiter` call lasts at most 600 s,
# the aliyun CLI's limit.
wait_for_image() {
  local rounds=$(( (IMAGE_WAIT_MINUTES * 60 + 599) / 600 )) round status
  for (( round = 0; round < rounds; round++ )); do
    if aliyun ecs DescribeImages --RegionId="$1" --ImageId="$2" \
      --Status='Creating,Waiting,Available,UnAvailable,CreateFailed' \
      --waiter expr='Images.Image[0].Status' to=Available timeout=600 interval=10 > /dev/null 2>&1; then
      return 0
    fi
    status=$(aliyun ecs DescribeImages --RegionId="$1" --ImageId="$2" \
      --Status='Creating,Waiting,Available,UnAvailable,CreateFailed' \
      | jq -r '.Images.Image[0].Status // "not found"')
    case $status in
      Creating|Waiting) ;;
      *) echo "image $2 in $1 is $status, not Available: stopping" >&2; return 1 ;;
    esac
  done
  echo "image $2 in $1 is not Available after $IMAGE_WAIT_MINUTES minutes: stopping" >&2
  return 1
}

# create-0: CreateImage
CREATE_0_IMAGEID=$(aliyun ecs CreateImage \
  --RegionId='cn-hangzhou' \
  --InstanceId='i-bp1abc' \
  --ImageName='web-base' | jq -er .ImageId)
wait_for_image 'cn-hangzhou' "$CREATE_0_IMAGEID"

# copy-0: CopyImage
COPY_0_IMAGEID=$(aliyun ecs CopyImage \
  --RegionId='cn-hangzhou' \
  --ImageId="$CREATE_0_IMAGEID" \
  --DestinationRegionId='ap-southeast-1' \
  --DestinationImageName='x'\''; touch pwned; echo '\''$(touch pwned2)`touch pwned3`${HOME}%{if true}"\
line2	tab ‮漢字' \
  --Encrypted='true' \
  --KMSKeyId='key-1' | jq -er .ImageId)
wait_for_image 'ap-southeast-1' "$COPY_0_IMAGEID"

# share-0: ModifyImageSharePermission
aliyun ecs ModifyImageSharePermission \
  --RegionId='cn-hangzhou' \
  --ImageId="$CREATE_0_IMAGEID" \
  --AddAccount.1='1234567890123456' \
  --AddAccount.2='6543210987654321'

# export-0: ExportImage
aliyun ecs ExportImage \
  --RegionId='cn-hangzhou' \
  --ImageId="$CREATE_0_IMAGEID" \
  --OSSBucket='my-bucket' \
  --ImageFormat='qcow2'

# launch-0: RunInstances
aliyun ecs RunInstances \
  --RegionId='ap-southeast-1' \
  --ZoneId='ap-southeast-1c' \
  --ImageId="$COPY_0_IMAGEID" \
  --InstanceType='ecs.g7.large' \
  --Amount='2' \
  --VSwitchId="$LAUNCH_0_VSWITCHID" \
  --SecurityGroupId="$LAUNCH_0_SECURITYGROUPID" \
  --SystemDisk.Category='cloud_essd' \
  --SystemDisk.Size='40'

# delete-0: DeleteImage
aliyun ecs DeleteImage \
  --RegionId='cn-hangzhou' \
  --ImageId='m-old'
