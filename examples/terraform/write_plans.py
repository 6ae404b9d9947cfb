#!/usr/bin/env python3
"""Writes the plan fixtures of this folder (see README.md).

The alicloud provider cannot be downloaded where these fixtures were made, so `terraform plan` cannot run against
the .tf files here. This script writes what `terraform show -json` prints for them, in the layout Terraform 1.11.4
prints (format_version 1.2; checked against a real plan of built-in terraform_data resources, with a module and
references): planned_values, resource_changes[].change.{actions,before,after,after_unknown}, configuration with
expressions.*.references and module_calls. Attributes are the alicloud provider's (docs/terraform.md).
Run: python3 examples/terraform/write_plans.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PROVIDER = "registry.terraform.io/aliyun/alicloud"


def ref(*addresses):
    """Terraform lists each reference with its attribute and without: ["a.b.id", "a.b"]."""
    out = []
    for a in addresses:
        out.append(a)
        parts = a.split(".")
        base = ".".join(parts[:2])
        if base != a and base not in out:
            out.append(base)
    return {"references": out}


def const(v):
    return {"constant_value": v}


class Plan:
    def __init__(self):
        self.changes = []
        self.planned = {"": []}
        self.prior = {"": []}
        self.config = {"": {"resources": []}}
        self.calls = {}

    def module(self, name, source, expressions, outputs, variables):
        self.calls[name] = {"source": source, "expressions": expressions,
                            "module": {"outputs": {k: {"expression": v} for k, v in outputs.items()},
                                       "resources": [], "variables": {v: {} for v in variables}}}
        self.planned["module." + name] = []
        self.prior["module." + name] = []

    def resource(self, module, rtype, name, actions, before, after, unknown, expressions):
        prefix = "module." + module + "." if module else ""
        address = prefix + rtype + "." + name
        rc = {"address": address}
        if module:
            rc["module_address"] = "module." + module
        rc.update({"mode": "managed", "type": rtype, "name": name, "provider_name": PROVIDER,
                   "change": {"actions": actions, "before": before, "after": after,
                              "after_unknown": unknown if after is not None else {},
                              "before_sensitive": {} if before is not None else False,
                              "after_sensitive": {} if after is not None else False}})
        self.changes.append(rc)
        key = "module." + module if module else ""
        value = {"address": address, "mode": "managed", "type": rtype, "name": name, "provider_name": PROVIDER,
                 "schema_version": 0}
        if after is not None:
            self.planned[key].append(dict(value, values=after, sensitive_values={}))
        if before is not None:
            self.prior[key].append(dict(value, values=before, sensitive_values={}))
        conf = {"address": rtype + "." + name, "mode": "managed", "type": rtype, "name": name,
                "provider_config_key": "alicloud", "expressions": expressions, "schema_version": 0}
        if "delete" in actions and after is None:
            return  # a resource removed from the configuration is not in it
        if module:
            self.calls[module]["module"]["resources"].append(conf)
        else:
            self.config[""]["resources"].append(conf)

    def values(self, by_module):
        root = {"resources": by_module[""]}
        children = [{"resources": v, "address": k} for k, v in by_module.items() if k and v]
        if children:
            root["child_modules"] = children
        return {"root_module": root}

    def json(self):
        root_conf = dict(self.config[""])
        if self.calls:
            root_conf["module_calls"] = self.calls
        out = {"format_version": "1.2", "terraform_version": "1.11.4",
               "planned_values": self.values(self.planned), "resource_changes": self.changes}
        if any(self.prior.values()):
            out["prior_state"] = {"format_version": "1.0", "terraform_version": "1.11.4",
                                  "values": self.values(self.prior)}
        out["configuration"] = {"provider_config": {"alicloud": {"name": "alicloud", "full_name": PROVIDER}},
                                "root_module": root_conf}
        out.update({"timestamp": "2026-12-05T14:00:00Z", "applyable": True, "complete": True, "errored": False})
        return out


def new_estate():
    p = Plan()
    p.module("network", "./network",
             {"cidr": const("10.20.0.0/16"), "eas_cidr": const("10.20.1.0/24"), "zone": const("cn-hangzhou-h")},
             {"vpc_id": ref("alicloud_vpc.main.id"), "vswitch_id": ref("alicloud_vswitch.eas.id"),
              "data_vswitch_id": ref("alicloud_vswitch.data.id")},
             ["cidr", "eas_cidr", "zone"])
    create = ["create"]
    p.resource("network", "alicloud_vpc", "main", create, None,
               {"cidr_block": "10.20.0.0/16", "vpc_name": "eas-new", "description": None, "dry_run": None,
                "enable_ipv6": None, "tags": None},
               {"id": True, "ipv6_cidr_block": True, "route_table_id": True, "router_id": True,
                "resource_group_id": True, "secondary_cidr_blocks": True, "status": True, "user_cidrs": True,
                "create_time": True, "name": True, "router_table_id": True},
               {"cidr_block": ref("var.cidr"), "vpc_name": const("eas-new")})
    for name, cidr in (("eas", "10.20.1.0/24"), ("data", "10.20.2.0/24")):
        p.resource("network", "alicloud_vswitch", name, create, None,
                   {"cidr_block": cidr, "vswitch_name": name, "zone_id": "cn-hangzhou-h", "description": None,
                    "tags": None},
                   {"id": True, "vpc_id": True, "status": True, "name": True, "availability_zone": True,
                    "create_time": True, "ipv6_cidr_block": True},
                   {"cidr_block": ref("var.eas_cidr") if name == "eas" else const(cidr),
                    "vpc_id": ref("alicloud_vpc.main.id"), "vswitch_name": const(name),
                    "zone_id": ref("var.zone")})
    p.resource(None, "alicloud_security_group", "eas", create, None,
               {"security_group_name": "eas", "security_group_type": "enterprise", "inner_access_policy": "Drop",
                "description": None, "tags": None},
               {"id": True, "vpc_id": True, "name": True, "resource_group_id": True, "inner_access": True},
               {"security_group_name": const("eas"), "security_group_type": const("enterprise"),
                "inner_access_policy": const("Drop"), "vpc_id": ref("module.network.vpc_id")})
    p.resource(None, "alicloud_security_group_rule", "https_out", create, None,
               {"type": "egress", "ip_protocol": "tcp", "nic_type": "intranet", "policy": "accept",
                "port_range": "443/443", "priority": 1, "cidr_ip": "0.0.0.0/0", "description": None,
                "ipv6_cidr_ip": None, "prefix_list_id": None, "source_security_group_id": None},
               {"id": True, "security_group_id": True, "source_group_owner_account": True},
               {"type": const("egress"), "ip_protocol": const("tcp"), "nic_type": const("intranet"),
                "policy": const("accept"), "port_range": const("443/443"), "priority": const(1),
                "cidr_ip": const("0.0.0.0/0"), "security_group_id": ref("alicloud_security_group.eas.id")})
    p.resource(None, "alicloud_nat_gateway", "egress", create, None,
               {"nat_gateway_name": "eas-egress", "nat_type": "Enhanced", "payment_type": "PayAsYouGo",
                "network_type": "internet", "description": None, "tags": None},
               {"id": True, "vpc_id": True, "vswitch_id": True, "snat_table_ids": True,
                "forward_table_ids": True, "status": True, "specification": True, "name": True},
               {"nat_gateway_name": const("eas-egress"), "nat_type": const("Enhanced"),
                "payment_type": const("PayAsYouGo"), "network_type": const("internet"),
                "vpc_id": ref("module.network.vpc_id"), "vswitch_id": ref("module.network.data_vswitch_id")})
    p.resource(None, "alicloud_eip_address", "egress", create, None,
               {"address_name": "eas-egress", "description": None, "tags": None},
               {"id": True, "ip_address": True, "status": True, "bandwidth": True, "internet_charge_type": True,
                "isp": True, "payment_type": True, "resource_group_id": True, "name": True},
               {"address_name": const("eas-egress")})
    p.resource(None, "alicloud_eip_association", "egress", create, None,
               {"force": False, "instance_type": None, "private_ip_address": None},
               {"id": True, "allocation_id": True, "instance_id": True, "instance_type": True},
               {"allocation_id": ref("alicloud_eip_address.egress.id"),
                "instance_id": ref("alicloud_nat_gateway.egress.id")})
    p.resource(None, "alicloud_snat_entry", "eas", create, None,
               {"source_cidr": None, "snat_entry_name": None},
               {"id": True, "snat_entry_id": True, "snat_table_id": True, "source_vswitch_id": True,
                "snat_ip": True, "status": True},
               {"snat_table_id": ref("alicloud_nat_gateway.egress.snat_table_ids"),
                "source_vswitch_id": ref("module.network.vswitch_id"),
                "snat_ip": ref("alicloud_eip_address.egress.ip_address")})
    p.resource(None, "alicloud_kvstore_instance", "cache", create, None,
               {"db_instance_name": "eas-cache", "instance_class": "redis.master.small.default",
                "engine_version": "7.0", "private_ip": "10.20.2.10", "security_ips": ["10.20.1.0/24"],
                "tags": None},
               {"id": True, "vswitch_id": True, "vpc_id": True, "port": True, "connection_domain": True,
                "security_group_id": True, "security_ip_group_name": True, "zone_id": True},
               {"db_instance_name": const("eas-cache"), "instance_class": const("redis.master.small.default"),
                "engine_version": const("7.0"), "private_ip": const("10.20.2.10"),
                "security_ips": const(["10.20.1.0/24"]), "vswitch_id": ref("module.network.data_vswitch_id")})
    p.resource(None, "alicloud_pai_service", "chat", create, None,
               {"develop": None, "tags": None, "workspace_id": None},
               {"id": True, "service_config": True, "status": True, "create_time": True, "region_id": True},
               {"service_config": ref("module.network.vpc_id", "module.network.vswitch_id",
                                      "alicloud_security_group.eas.id")})
    return p.json()


def remove_egress():
    """Against examples/snapshot.json: the egress rule chat_inference needs for HTTPS is deleted."""
    p = Plan()
    rule = {"id": "sg-bp1brugkivv3hq9x6t2e:egress:tcp:443/443:intranet:0.0.0.0/0:accept:10",
            "security_group_id": "sg-bp1brugkivv3hq9x6t2e", "type": "egress", "ip_protocol": "tcp",
            "nic_type": "intranet", "policy": "accept", "port_range": "443/443", "priority": 10,
            "cidr_ip": "0.0.0.0/0", "description": "EAS to HTTPS APIs on the internet through the NAT",
            "ipv6_cidr_ip": "", "prefix_list_id": "", "source_security_group_id": "",
            "source_group_owner_account": ""}
    p.resource(None, "alicloud_security_group_rule", "https_out", ["delete"], rule, None, {}, {})
    group = {"id": "sg-bp1brugkivv3hq9x6t2e", "vpc_id": "vpc-bp1kjr3rfyhx01q8z2m5n",
             "security_group_name": "prod-eas", "security_group_type": "enterprise",
             "inner_access_policy": "Drop", "description": "", "tags": {"env": "prod"}}
    p.resource(None, "alicloud_security_group", "eas", ["no-op"], group, group, {},
               {"security_group_name": const("prod-eas"), "security_group_type": const("enterprise"),
                "inner_access_policy": const("Drop"), "vpc_id": const("vpc-bp1kjr3rfyhx01q8z2m5n")})
    return p.json()


def main():
    for name, plan in (("new-estate.plan.json", new_estate()), ("remove-egress.plan.json", remove_egress())):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            json.dump(plan, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
