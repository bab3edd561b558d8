#!/usr/bin/env python3
"""Writes api-spec.json: for each ECS API the exported aliyun script calls, every request
parameter name (flattened the RPC way: `SystemDisk.Size`, `AddAccount.N`, `Tag.N.Key`) and the
ones the official SDK marks "This parameter is required.".

Source: the official ECS SDK for Python, `alibabacloud-ecs20140526` on PyPI. Run it with the
SDK installed (python3 -m venv /tmp/ecs-sdk && /tmp/ecs-sdk/bin/pip install
alibabacloud-ecs20140526 && /tmp/ecs-sdk/bin/python tests/fake-aliyun/gen_spec.py).
"""

import importlib.metadata
import inspect
import json
import pathlib
import re

from alibabacloud_ecs20140526 import models

APIS = [
    "CreateImage",
    "ImportImage",
    "ModifyImageAttribute",
    "CopyImage",
    "ModifyImageSharePermission",
    "ExportImage",
    "RunInstances",
    "DeleteImage",
    "DeleteSnapshot",
    "DescribeImages",
]

ASSIGN = re.compile(r"^\s*self\.(\w+) = \w+\s*$")
TO_MAP = re.compile(r"result\['(\w+)'\] = self\.(\w+)")
# A list field: `result['DiskDeviceMapping'] = []` then `if self.disk_device_mapping is not None`.
LIST_MAP = re.compile(r"result\['(\w+)'\] = \[\]\s*\n\s*if self\.(\w+) is not None")
PARAM = re.compile(r"^\s*(\w+): (.+?) = None,\s*$")


def fields(cls):
    """(API name, python type text, required) for each field of a request model."""
    source = inspect.getsource(cls)
    init = source[source.index("def __init__") : source.index("def validate")]
    types = {}
    for line in init.splitlines():
        m = PARAM.match(line)
        if m:
            types[m.group(1)] = m.group(2)
    required = set()
    comment = []
    for line in init.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            comment.append(stripped)
            continue
        m = ASSIGN.match(line)
        if m:
            if any("This parameter is required." in c for c in comment):
                required.add(m.group(1))
        comment = []
    names = {attr: key for key, attr in TO_MAP.findall(source) + LIST_MAP.findall(source)}
    return [
        (names[attr], types.get(attr, "str"), attr in required)
        for attr in names
    ]


def flatten(cls, prefix=""):
    out = {}
    for name, kind, required in fields(cls):
        full = prefix + name
        model = re.fullmatch(r"main_models\.(\w+)", kind)
        listed = re.fullmatch(r"List\[(.+)\]", kind)
        if model:
            for sub, req in flatten(getattr(models, model.group(1)), full + ".").items():
                out[sub] = req and required
        elif listed:
            inner = re.fullmatch(r"main_models\.(\w+)", listed.group(1))
            if inner:
                for sub, req in flatten(getattr(models, inner.group(1)), full + ".N.").items():
                    out[sub] = req and required
            else:
                out[full + ".N"] = required
        else:
            out[full] = required
    return out


def main():
    spec = {
        "source": "alibabacloud-ecs20140526 "
        + importlib.metadata.version("alibabacloud-ecs20140526")
        + " (PyPI), models/_*_request.py",
        "apis": {},
    }
    for api in APIS:
        params = flatten(getattr(models, api + "Request"))
        spec["apis"][api] = {
            "params": sorted(params),
            "required": sorted(k for k, v in params.items() if v),
        }
    path = pathlib.Path(__file__).with_name("api-spec.json")
    path.write_text(json.dumps(spec, indent=1) + "\n")


if __name__ == "__main__":
    main()
