//! Failing and passing cases of the codes of CONTRACT §4.5-4.6 (Image Builder pipelines and OOS
//! image updates), joined to the table of `tests/rules.rs`.

use super::{fail, pass, Case};

/// A plan with one pipeline in cn-hangzhou with `fields` (JSON members, without braces).
pub fn pipeline(fields: &str) -> String {
    format!(
        r#""pipelines": [{{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": {{"id": "built", "name": "built"}}, {fields}}}]"#
    )
}

/// A plan with one update with `fields`.
pub fn update(fields: &str) -> String {
    format!(r#""updates": [{{"instance_type": "ecs.g7.large", {fields}}}]"#)
}

fn list(item: &str, count: usize) -> String {
    vec![format!("\"{item}\""); count].join(", ")
}

pub fn cases() -> Vec<Case> {
    let content = |bytes: usize| {
        format!(
            r#""base_image": "pub-x64", "build_content": "{}""#,
            "x".repeat(bytes)
        )
    };
    vec![
        fail(
            "pipeline-base-image",
            "/pipelines/0/base_image",
            pipeline(r#""base_image": "mkt-1""#),
        ),
        fail(
            "pipeline-base-image",
            "/pipelines/0/base_image",
            pipeline(r#""base_image": "m-custom", "region": "cn-beijing""#)
                .replace(r#""region": "cn-hangzhou", "#, ""),
        ),
        fail(
            "pipeline-base-image",
            "/pipelines/0/base_family",
            pipeline(r#""base_image": "pub-x64", "base_family": "web""#),
        ),
        // Built on the image it builds itself (found by the property test of the whole check).
        fail(
            "pipeline-base-image",
            "/pipelines/0/base_image",
            pipeline(r#""base_image": "built""#),
        ),
        // Built on the image a later pipeline builds; an earlier pipeline's image is fine.
        fail(
            "pipeline-base-image",
            "/pipelines/0/base_image",
            r#""pipelines": [
                {"region": "cn-hangzhou", "image": {"id": "first"}, "base_image": "second"},
                {"region": "cn-hangzhou", "image": {"id": "second"}, "base_image": "pub-x64"}]"#
                .to_string(),
        ),
        pass(
            "pipeline-base-image",
            r#""pipelines": [
                {"region": "cn-hangzhou", "image": {"id": "first"}, "base_image": "pub-x64"},
                {"region": "cn-hangzhou", "image": {"id": "second"}, "base_image": "first"}]"#
                .to_string(),
        ),
        pass(
            "pipeline-base-image",
            pipeline(r#""base_image": "pub-x64""#),
        ),
        pass(
            "pipeline-base-image",
            pipeline(r#""base_image": "m-custom""#),
        ),
        pass(
            "pipeline-base-image",
            pipeline(r#""base_image": "m-shared""#),
        ),
        fail(
            "pipeline-limit",
            "/pipelines/0/to_regions",
            pipeline(&format!(
                r#""base_image": "pub-x64", "to_regions": [{}]"#,
                list("cn-beijing", 21)
            )),
        ),
        fail(
            "pipeline-limit",
            "/pipelines/0/share_accounts",
            pipeline(&format!(
                r#""base_image": "pub-x64", "share_accounts": [{}]"#,
                list("2000000000000009", 21)
            )),
        ),
        fail(
            "pipeline-limit",
            "/pipelines/0/system_disk_gib",
            pipeline(r#""base_image": "pub-x64", "system_disk_gib": 501"#),
        ),
        fail(
            "pipeline-limit",
            "/pipelines/0/system_disk_gib",
            pipeline(r#""base_image": "pub-x64", "system_disk_gib": 19"#),
        ),
        fail(
            "pipeline-limit",
            "/pipelines/0/build_content",
            pipeline(&content(16 * 1024 + 1)),
        ),
        fail(
            "pipeline-limit",
            "/pipelines/0/build_content",
            pipeline(&format!(
                r#""base_image": "pub-x64", "build_content": "{}""#,
                "RUN true\\n".repeat(128)
            )),
        ),
        pass("pipeline-limit", pipeline(&content(16 * 1024))),
        pass(
            "pipeline-limit",
            pipeline(&format!(
                r#""base_image": "pub-x64", "system_disk_gib": 500, "to_regions": [{}], "share_accounts": [{}], "build_content": "{}""#,
                list("cn-beijing", 20),
                list("2000000000000009", 20),
                "RUN a \\\\\\n  && b\\n# note\\n\\n".repeat(127)
            )),
        ),
        pass(
            "pipeline-limit",
            pipeline(r#""base_image": "pub-x64", "system_disk_gib": 20"#),
        ),
        fail(
            "update-not-custom",
            "/updates/0/image",
            update(r#""image": "pub-x64", "region": "cn-hangzhou""#),
        ),
        fail(
            "update-not-custom",
            "/updates/0/image",
            update(r#""image": "m-shared""#),
        ),
        pass("update-not-custom", update(r#""image": "m-custom""#)),
    ]
}
