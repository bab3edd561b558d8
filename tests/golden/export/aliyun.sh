#!/usr/bin/env bash
# Alibaba Cloud CLI commands for an ECS Image Planner plan, one command per API call, in order.
# Needs the aliyun CLI (run `aliyun configure` first) and jq. Literal values are single-quoted.
# A value that an earlier call returns (the ID of a copied or created image) is captured into a
# shell variable, and the script waits until that image is Available before it is used.
# Review the plan's findings before running: these calls create, share and delete resources.
set -euo pipefail

# create-0: CreateImage
CREATE_0_IMAGEID=$(aliyun ecs CreateImage \
  --ImageName 'web-base' \
  --InstanceId 'i-bp1abc' \
  --RegionId 'cn-hangzhou' | jq -r .ImageId)
aliyun ecs DescribeImages --RegionId 'cn-hangzhou' --ImageId "$CREATE_0_IMAGEID" \
  --waiter expr='Images.Image[0].Status' to=Available > /dev/null

# copy-0: CopyImage
COPY_0_IMAGEID=$(aliyun ecs CopyImage \
  --DestinationImageName 'x'\''; touch pwned; echo '\''$(touch pwned2)`touch pwned3`${HOME}%{if true}"\
line2	tab ‮漢字' \
  --DestinationRegionId 'ap-southeast-1' \
  --Encrypted 'true' \
  --ImageId "$CREATE_0_IMAGEID" \
  --KMSKeyId 'key-1' \
  --RegionId 'cn-hangzhou' | jq -r .ImageId)
aliyun ecs DescribeImages --RegionId 'ap-southeast-1' --ImageId "$COPY_0_IMAGEID" \
  --waiter expr='Images.Image[0].Status' to=Available > /dev/null

# share-0: ModifyImageSharePermission
aliyun ecs ModifyImageSharePermission \
  --AddAccount.1 '1234567890123456' \
  --AddAccount.2 '6543210987654321' \
  --ImageId "$CREATE_0_IMAGEID" \
  --RegionId 'cn-hangzhou'

# export-0: ExportImage
aliyun ecs ExportImage \
  --ImageFormat 'qcow2' \
  --ImageId "$CREATE_0_IMAGEID" \
  --OSSBucket 'my-bucket' \
  --RegionId 'cn-hangzhou'

# launch-0: RunInstances
aliyun ecs RunInstances \
  --Amount '2' \
  --ImageId "$COPY_0_IMAGEID" \
  --InstanceType 'ecs.g7.large' \
  --RegionId 'ap-southeast-1' \
  --SystemDisk.Category 'cloud_essd' \
  --SystemDisk.Size '40' \
  --ZoneId 'ap-southeast-1c'

# delete-0: DeleteImage
aliyun ecs DeleteImage \
  --ImageId 'm-old' \
  --RegionId 'cn-hangzhou'
