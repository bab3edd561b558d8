//! A small catalog with several regions and one image or type per situation, shared by the
//! engine tests, so they do not depend on the built-in catalog's data.

#![allow(dead_code)]

use ecs_image_planner::core::catalog::Catalog;
use ecs_image_planner::core::planner;
use ecs_image_planner::core::{parse_plan, Date, Plan, Report};

pub const CATALOG: &str = r#"{
  "as_of": "2026-11-28",
  "sources": [{"id": "test", "title": "the engine tests' own catalog", "seen": "2026-11-28"}],
  "regions": [
    {"id": "cn-hangzhou", "name": "China (Hangzhou)", "from": {"*": "test"}},
    {"id": "cn-beijing", "name": "China (Beijing)", "from": {"*": "test"}},
    {"id": "cn-shanghai", "name": "China (Shanghai)", "from": {"*": "test"}},
    {"id": "ap-southeast-1", "name": "Singapore", "from": {"*": "test"}},
    {"id": "cn-qingdao", "name": "China (Qingdao)", "chinese_mainland": true, "from": {"*": "test"}},
    {"id": "ap-south-1", "name": "India (Mumbai)", "closed": "2024-07-15", "from": {"*": "test"}}
  ],
  "instance_types": [
    {"id": "ecs.g7.large", "vcpus": 2, "memory_gib": 8, "from": {"*": "test"}},
    {"id": "ecs.g7.xlarge", "vcpus": 4, "memory_gib": 16, "from": {"*": "test"}},
    {"id": "ecs.g7t.large", "vcpus": 2, "memory_gib": 8, "boot_modes": ["UEFI"], "from": {"*": "test"}},
    {"id": "ecs.g8i.large", "vcpus": 2, "memory_gib": 8, "nvme": "required", "from": {"*": "test"}},
    {"id": "ecs.g8y.large", "vcpus": 2, "memory_gib": 8, "arch": "arm64", "boot_modes": ["UEFI"], "nvme": "required", "regions": ["cn-hangzhou", "ap-southeast-1"], "from": {"*": "test"}},
    {"id": "ecs.t5-lc1m2.small", "vcpus": 1, "memory_gib": 2, "from": {"*": "test"}},
    {"id": "ecs.t5-lc1m2.large", "vcpus": 2, "memory_gib": 4, "from": {"*": "test"}},
    {"id": "ecs.t5-lc2m1.nano", "vcpus": 1, "memory_gib": 0.5, "from": {"*": "test"}},
    {"id": "ecs.t5-lc2m1.small", "vcpus": 1, "memory_gib": 1, "from": {"*": "test"}},
    {"id": "ecs.lowmem.large", "vcpus": 2, "memory_gib": 2, "from": {"*": "test"}},
    {"id": "ecs.lowmem.2xlarge", "vcpus": 8, "memory_gib": 2, "from": {"*": "test"}},
    {"id": "ecs.hz.large", "vcpus": 2, "memory_gib": 8, "regions": ["cn-hangzhou"], "from": {"*": "test"}},
    {"id": "ecs.hz.xlarge", "vcpus": 4, "memory_gib": 16, "from": {"*": "test"}},
    {"id": "ecs.u9.large", "vcpus": 2, "memory_gib": 8, "from": {"*": "test"}, "unconfirmed": ["boot_modes"]}
  ],
  "images": [
    {"id": "pub-x64", "type": "public", "os": "Linux A", "boot_mode": "UEFI-Preferred", "nvme": "supported", "size_gib": 20, "from": {"*": "test"}},
    {"id": "pub-arm", "type": "public", "os": "Linux A", "arch": "arm64", "boot_mode": "UEFI", "nvme": "supported", "size_gib": 20, "from": {"*": "test"}},
    {"id": "pub-bios", "type": "public", "os": "Linux B", "boot_mode": "BIOS", "size_gib": 20, "from": {"*": "test"}},
    {"id": "pub-b-uefi", "type": "public", "os": "Linux B", "boot_mode": "UEFI", "size_gib": 20, "from": {"*": "test"}},
    {"id": "pub-b-nvme", "type": "public", "os": "Linux B", "boot_mode": "BIOS", "nvme": "supported", "size_gib": 20, "from": {"*": "test"}},
    {"id": "pub-i386", "type": "public", "os": "Linux C", "arch": "i386", "size_gib": 20, "from": {"*": "test"}},
    {"id": "win-x64", "type": "public", "os": "Windows Server 2022", "platform": "windows", "nvme": "supported", "size_gib": 40, "license_fee": true, "from": {"*": "test"}},
    {"id": "win-i386", "type": "public", "os": "Windows Server 2008", "platform": "windows", "arch": "i386", "size_gib": 40, "license_fee": true, "from": {"*": "test"}},
    {"id": "pub-eol", "type": "public", "os": "CentOS 7", "size_gib": 20, "eol": "2024-06-30", "from": {"*": "test"}},
    {"id": "pub-dep", "type": "public", "os": "Linux D", "size_gib": 20, "status": "Deprecated", "from": {"*": "test"}},
    {"id": "mkt-1", "type": "marketplace", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "from": {"*": "test"}},
    {"id": "comm-1", "type": "community", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "from": {"*": "test"}},
    {"id": "m-custom", "name": "custom-one", "type": "custom", "os": "Linux A", "boot_mode": "UEFI-Preferred", "nvme": "supported", "size_gib": 30, "regions": ["cn-hangzhou"], "snapshots": ["s-1"], "from": {"*": "test"}},
    {"id": "m-shared", "type": "shared", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "from": {"*": "test"}},
    {"id": "m-enc", "type": "custom", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "encrypted": true, "key": "service", "from": {"*": "test"}},
    {"id": "m-cmk", "type": "custom", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "encrypted": true, "key": "cmk", "from": {"*": "test"}},
    {"id": "m-mkt", "type": "custom", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "from_marketplace": true, "marketplace_regions": ["cn-hangzhou", "cn-beijing"], "from": {"*": "test"}},
    {"id": "m-win", "type": "custom", "os": "Windows Server 2022", "platform": "windows", "size_gib": 40, "regions": ["cn-hangzhou"], "from": {"*": "test"}},
    {"id": "m-disks", "type": "custom", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "data_disks": [{"size_gib": 10}, {"size_gib": 10}, {"size_gib": 10}, {"size_gib": 10}, {"size_gib": 10}], "from": {"*": "test"}},
    {"id": "m-big", "type": "custom", "os": "Linux A", "size_gib": 3000, "regions": ["cn-hangzhou"], "from": {"*": "test"}},
    {"id": "m-dep", "type": "custom", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "status": "Deprecated", "from": {"*": "test"}},
    {"id": "m-out", "type": "custom", "os": "Linux A", "size_gib": 20, "regions": ["cn-hangzhou"], "shared_with": ["2000000000000001"], "from": {"*": "test"}}
  ]
}"#;

pub fn catalog() -> Catalog {
    Catalog::from_json(CATALOG).expect("the test catalog parses")
}

pub fn today() -> Date {
    "2026-11-28".parse().unwrap()
}

/// A plan from the JSON members in `body` (without braces), with version and account.
pub fn plan(body: &str) -> Plan {
    let sep = if body.trim().is_empty() { "" } else { "," };
    let text = format!(r#"{{"version": 1, "account_id": "1000000000000001"{sep} {body}}}"#);
    parse_plan(&text).unwrap_or_else(|e| panic!("test plan does not parse: {e}\n{text}"))
}

/// A plan with one launch.
pub fn launch(region: &str, itype: &str, image: &str, extra: &str) -> String {
    format!(
        r#""launches": [{{"region": "{region}", "instance_type": "{itype}", "image": "{image}"{extra}}}]"#
    )
}

pub fn check(plan: &Plan) -> Report {
    planner::check(plan, &catalog(), today())
}

pub fn codes(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.code).collect()
}
