# The configuration new-estate.plan.json was written for (see ../README.md): a new VPC with a vSwitch for EAS and
# one for data (in a module), an enterprise security group that lets EAS out to HTTPS only, an internet NAT gateway
# with an EIP and a SNAT entry for the EAS vSwitch, a Redis instance, and an EAS service placed in all of it.
module "network" {
  source   = "./network"
  cidr     = "10.20.0.0/16"
  eas_cidr = "10.20.1.0/24"
  zone     = "cn-hangzhou-h"
}

resource "alicloud_security_group" "eas" {
  vpc_id              = module.network.vpc_id
  security_group_name = "eas"
  security_group_type = "enterprise"
  inner_access_policy = "Drop"
}

resource "alicloud_security_group_rule" "https_out" {
  type              = "egress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "443/443"
  priority          = 1
  cidr_ip           = "0.0.0.0/0"
  security_group_id = alicloud_security_group.eas.id
}

resource "alicloud_nat_gateway" "egress" {
  vpc_id           = module.network.vpc_id
  vswitch_id       = module.network.data_vswitch_id
  nat_gateway_name = "eas-egress"
  nat_type         = "Enhanced"
  payment_type     = "PayAsYouGo"
  network_type     = "internet"
}

resource "alicloud_eip_address" "egress" {
  address_name = "eas-egress"
}

resource "alicloud_eip_association" "egress" {
  allocation_id = alicloud_eip_address.egress.id
  instance_id   = alicloud_nat_gateway.egress.id
}

resource "alicloud_snat_entry" "eas" {
  snat_table_id     = alicloud_nat_gateway.egress.snat_table_ids
  source_vswitch_id = module.network.vswitch_id
  snat_ip           = alicloud_eip_address.egress.ip_address
}

resource "alicloud_kvstore_instance" "cache" {
  db_instance_name = "eas-cache"
  instance_class   = "redis.master.small.default"
  engine_version   = "7.0"
  vswitch_id       = module.network.data_vswitch_id
  private_ip       = "10.20.2.10"
  security_ips     = ["10.20.1.0/24"]
}

resource "alicloud_pai_service" "chat" {
  service_config = jsonencode({
    metadata = { name = "chat_v2", instance = 2 }
    cloud = {
      networking = {
        vpc_id            = module.network.vpc_id
        vswitch_id        = module.network.vswitch_id
        security_group_id = alicloud_security_group.eas.id
      }
    }
    containers = [{ image = "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py39-ubuntu2004", port = 8000 }]
  })
}
