# Terraform configuration for an ECS Image Planner plan (provider aliyun/alicloud).
# One provider alias per region; each API call of the plan is one resource, and a value that an
# earlier call returns is a reference to that resource's attribute.
# Values a plan does not hold (a launch's vSwitch and security group, an export's OSS bucket) are
# variables: set them before `terraform apply`.
# Review the plan's findings first: these resources create, copy and share images.

terraform {
  required_providers {
    alicloud = {
      source = "aliyun/alicloud"
    }
  }
}

provider "alicloud" {
  alias  = "ap_southeast_1"
  region = "ap-southeast-1"
}

provider "alicloud" {
  alias  = "cn_hangzhou"
  region = "cn-hangzhou"
}

# create-0: CreateImage
resource "alicloud_image" "create_0" {
  provider    = alicloud.cn_hangzhou
  instance_id = "i-bp1abc"
  image_name  = "web-base"
}

# copy-0: CopyImage
resource "alicloud_image_copy" "copy_0" {
  provider         = alicloud.ap_southeast_1
  source_region_id = "cn-hangzhou"
  source_image_id  = alicloud_image.create_0.id
  image_name       = "x'; touch pwned; echo '$(touch pwned2)`touch pwned3`$${HOME}%%{if true}\"\\\nline2\ttab ‮漢字"
  encrypted        = true
  kms_key_id       = "key-1"
}

# share-0: ModifyImageSharePermission
resource "alicloud_image_share_permission" "share_0_1" {
  provider   = alicloud.cn_hangzhou
  image_id   = alicloud_image.create_0.id
  account_id = "1234567890123456"
}
resource "alicloud_image_share_permission" "share_0_2" {
  provider   = alicloud.cn_hangzhou
  image_id   = alicloud_image.create_0.id
  account_id = "6543210987654321"
}

# export-0: ExportImage
resource "alicloud_image_export" "export_0" {
  provider   = alicloud.cn_hangzhou
  image_id   = alicloud_image.create_0.id
  oss_bucket = "my-bucket"
  # ImageFormat = "qcow2" has no argument in alicloud_image_export
}

# launch-0: RunInstances
variable "launch_0_vswitch_id" {
  type        = string
  description = "a vSwitch in ap-southeast-1c (for launch-0)"
}

variable "launch_0_security_groups" {
  type        = list(string)
  description = "a security group in the vSwitch's VPC (for launch-0), as a list"
}

resource "alicloud_instance" "launch_0" {
  provider             = alicloud.ap_southeast_1
  availability_zone    = "ap-southeast-1c"
  image_id             = alicloud_image_copy.copy_0.id
  instance_type        = "ecs.g7.large"
  count                = 2
  vswitch_id           = var.launch_0_vswitch_id
  security_groups      = var.launch_0_security_groups
  system_disk_category = "cloud_essd"
  system_disk_size     = 40
}

# delete-0: DeleteImage
# DeleteImage has no Terraform resource: Terraform deletes a resource when it leaves the configuration. Make this call with the aliyun CLI export instead.
#   RegionId = "cn-hangzhou"
#   ImageId = "m-old"
