#!/usr/bin/env bash
# Alibaba Cloud CLI commands for an ECS Image Planner plan, one command per API call, in order.
# Needs the aliyun CLI (run `aliyun configure` first) and jq. Literal values are single-quoted.
# A value that an earlier call returns (the ID of a copied or created image) is captured into a
# shell variable, and the script waits until that image is Available before it is used.
# Review the plan's findings before running: these calls create, share and delete resources.
set -euo pipefail

# create-0: CreateImage
CREATE_0_IMAGEID=$(aliyun ecs CreateImage \
  --RegionId 'cn-hangzhou' \
  --InstanceId 'i-bp1abc' \
  --ImageName 'web-base' | jq -r .ImageId)
aliyun ecs DescribeImages --RegionId 'cn-hangzhou' --ImageId "$CREATE_0_IMAGEID" \
  --waiter expr='Images.Image[0].Status' to=Available > /dev/null

# copy-0: CopyImage
COPY_0_IMAGEID=$(aliyun ecs CopyImage \
  --RegionId 'cn-hangzhou' \
  --ImageId "$CREATE_0_IMAGEID" \
  --DestinationRegionId 'ap-southeast-1' \
  --DestinationImageName 'x'\''; touch pwned; echo '\''$(touch pwned2)`touch pwned3`${HOME}%{if true}"\
line2	tab ‮漢字' \
  --Encrypted 'true' \
  --KMSKeyId 'key-1' | jq -r .ImageId)
aliyun ecs DescribeImages --RegionId 'ap-southeast-1' --ImageId "$COPY_0_IMAGEID" \
  --waiter expr='Images.Image[0].Status' to=Available > /dev/null

# share-0: ModifyImageSharePermission
aliyun ecs ModifyImageSharePermission \
  --RegionId 'cn-hangzhou' \
  --ImageId "$CREATE_0_IMAGEID" \
  --AddAccount.1 '1234567890123456' \
  --AddAccount.2 '6543210987654321'

# export-0: ExportImage
aliyun ecs ExportImage \
  --RegionId 'cn-hangzhou' \
  --ImageId "$CREATE_0_IMAGEID" \
  --OSSBucket 'my-bucket' \
  --ImageFormat 'qcow2'

# launch-0: RunInstances
aliyun ecs RunInstances \
  --RegionId 'ap-southeast-1' \
  --ZoneId 'ap-southeast-1c' \
  --ImageId "$COPY_0_IMAGEID" \
  --InstanceType 'ecs.g7.large' \
  --Amount '2' \
  --SystemDisk.Category 'cloud_essd' \
  --SystemDisk.Size '40'

# delete-0: DeleteImage
aliyun ecs DeleteImage \
  --RegionId 'cn-hangzhou' \
  --ImageId 'm-old'
