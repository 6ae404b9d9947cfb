variable "cidr" {}
variable "eas_cidr" {}
variable "zone" {}

resource "alicloud_vpc" "main" {
  vpc_name   = "eas-new"
  cidr_block = var.cidr
}

resource "alicloud_vswitch" "eas" {
  vpc_id       = alicloud_vpc.main.id
  cidr_block   = var.eas_cidr
  zone_id      = var.zone
  vswitch_name = "eas"
}

resource "alicloud_vswitch" "data" {
  vpc_id       = alicloud_vpc.main.id
  cidr_block   = "10.20.2.0/24"
  zone_id      = var.zone
  vswitch_name = "data"
}

output "vpc_id" { value = alicloud_vpc.main.id }
output "vswitch_id" { value = alicloud_vswitch.eas.id }
output "data_vswitch_id" { value = alicloud_vswitch.data.id }
