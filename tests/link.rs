//! Share-link codec: round trips, size of a typical link, golden links from earlier versions,
//! and every way a hostile or damaged fragment is refused.

use std::fs;
use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ecs_image_planner::core::link::{self, LinkError, MAX_FRAGMENT_BYTES};
use ecs_image_planner::core::parse::MAX_PLAN_BYTES;
use ecs_image_planner::core::{parse_plan, Plan};

fn golden(path: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(path),
    )
    .unwrap_or_else(|err| panic!("reading tests/golden/{path}: {err}"))
}

fn reference_plan() -> Plan {
    parse_plan(&golden("reference-plan.json")).expect("the reference plan is valid")
}

/// A fragment whose payload is `bytes`, deflated and encoded like a v1 link.
fn fragment_of(bytes: &[u8]) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(bytes, 10);
    format!("p1.{}", URL_SAFE_NO_PAD.encode(deflated))
}

#[test]
fn reference_plan_link_is_under_1000_characters() {
    let plan = reference_plan();
    let url = link::link(&plan, "http://127.0.0.1:8080/").expect("the plan fits a link");
    println!("reference plan link ({} characters):\n{url}", url.len());
    assert!(
        url.len() < 1000,
        "the reference link is {} characters",
        url.len()
    );
    assert_eq!(link::decode(&url), Ok(plan));
}

#[test]
fn encode_is_p1_and_url_safe() {
    let payload = link::encode(&reference_plan());
    let body = payload.strip_prefix("p1.").expect("starts with p1.");
    assert!(body
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
}

#[test]
fn decode_accepts_hash_whole_link_and_other_parts() {
    let plan = reference_plan();
    let payload = link::encode(&plan);
    for fragment in [
        payload.clone(),
        format!("#{payload}"),
        format!("https://planner.example/app/?x=1#{payload}"),
        format!("#tab=ops&{payload}"),
        format!("{payload}&tab=ops&sel=/launches/0"),
    ] {
        assert_eq!(link::decode(&fragment), Ok(plan.clone()), "{fragment}");
    }
}

#[test]
fn link_replaces_an_existing_fragment_of_the_base() {
    let plan = reference_plan();
    let url = link::link(&plan, "https://planner.example/#old").expect("the plan fits a link");
    assert!(url.starts_with("https://planner.example/#p1."), "{url}");
    assert_eq!(url.matches('#').count(), 1);
}

#[test]
fn golden_links_still_open() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/links");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).expect("tests/golden/links exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().is_none_or(|ext| ext != "txt") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("readable golden link");
        let expected_path = path.with_extension("json");
        let expected = parse_plan(&fs::read_to_string(&expected_path).unwrap_or_else(|err| {
            panic!(
                "{} needs {}: {err}",
                path.display(),
                expected_path.display()
            )
        }))
        .expect("the expected plan is valid");
        assert_eq!(
            link::decode(text.trim()),
            Ok(expected),
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} golden links found");
}

#[test]
fn unknown_version_says_newer_version() {
    let err = link::decode("#p9.AAAA").unwrap_err();
    assert_eq!(
        err,
        LinkError::UnknownVersion {
            prefix: "p9".into()
        }
    );
    let message = err.to_string();
    assert!(message.contains("\"p9\""), "{message}");
    assert!(message.contains("newer version"), "{message}");
}

#[test]
fn fragment_without_plan_part() {
    for fragment in ["", "#", "#tab=ops", "plan", "p.abc", "px1.abc"] {
        let err = link::decode(fragment).unwrap_err();
        assert_eq!(err, LinkError::NoPlan, "{fragment:?}");
        assert!(err.to_string().contains("p1."), "{err}");
    }
}

#[test]
fn not_base64() {
    let err = link::decode("#p1.abc$def").unwrap_err();
    assert!(matches!(err, LinkError::NotBase64 { .. }), "{err:?}");
    assert!(err.to_string().contains("base64"), "{err}");
    assert!(err.to_string().contains("copy it again"), "{err}");
}

#[test]
fn not_deflate() {
    // 0xff starts a block with the reserved type 3.
    let fragment = format!("p1.{}", URL_SAFE_NO_PAD.encode([0xff, 0xff, 0xff, 0xff]));
    let err = link::decode(&fragment).unwrap_err();
    assert!(matches!(err, LinkError::NotDeflate { .. }), "{err:?}");
    assert!(err.to_string().contains("does not decompress"), "{err}");
}

#[test]
fn truncated_link_is_refused() {
    let payload = link::encode(&reference_plan());
    let cut = &payload[..payload.len() / 2];
    let err = link::decode(cut).unwrap_err();
    assert!(
        matches!(
            err,
            LinkError::NotDeflate { .. } | LinkError::NotBase64 { .. }
        ),
        "{err:?}"
    );
}

#[test]
fn not_utf8() {
    let err = link::decode(&fragment_of(b"{\"version\": 1, \"name\": \"\xff\"}")).unwrap_err();
    assert_eq!(err, LinkError::NotUtf8 { offset: 24 });
    assert!(err.to_string().contains("offset 24"), "{err}");
}

#[test]
fn invalid_plan_carries_the_pointer() {
    let err = link::decode(&fragment_of(
        br#"{"version": 1, "launches": [{"region": "cn-hangzhou", "instance_type": "ecs.g7.large", "image": "m-1", "amount": "two"}]}"#,
    ))
    .unwrap_err();
    match &err {
        LinkError::Plan(plan_err) => assert_eq!(plan_err.pointer, "/launches/0/amount"),
        other => panic!("expected a plan error, got {other:?}"),
    }
    assert!(err.to_string().contains("/launches/0/amount"), "{err}");
}

#[test]
fn a_one_megabyte_link_is_refused_before_decoding() {
    let fragment = format!("p1.{}", "A".repeat(1024 * 1024));
    let err = link::decode(&fragment).unwrap_err();
    assert_eq!(
        err,
        LinkError::TooLarge {
            bytes: fragment.len()
        }
    );
    let message = err.to_string();
    assert!(
        message.contains(&MAX_FRAGMENT_BYTES.to_string()),
        "{message}"
    );
    assert!(message.contains("64 KiB"), "{message}");
}

#[test]
fn a_deflate_bomb_stops_at_the_plan_limit() {
    // 64 MiB of spaces deflate to about 64 KiB; the fragment limit lets through ~48 KiB of
    // deflate data, which still inflates far beyond 1 MiB.
    let bomb = vec![b' '; 40 * 1024 * 1024];
    let fragment = fragment_of(&bomb);
    assert!(fragment.len() <= MAX_FRAGMENT_BYTES, "{}", fragment.len());
    let err = link::decode(&fragment).unwrap_err();
    assert_eq!(err, LinkError::InflatesTooLarge);
    assert!(
        err.to_string().contains(&MAX_PLAN_BYTES.to_string()),
        "{err}"
    );
}

#[test]
fn hostile_strings_round_trip() {
    let mut plan = reference_plan();
    plan.name = Some("'; rm -rf / #\u{0} ${x} %{y} \"\\ 漢字 🚀 \u{202e}".into());
    let payload = link::encode(&plan);
    assert_eq!(link::decode(&payload), Ok(plan));
}

/// A valid plan whose text does not compress well: `n` custom images with random-looking IDs,
/// each copied once.
fn incompressible_plan(n: usize) -> String {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut word = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        format!("{:016x}", state)
    };
    let images: Vec<String> = (0..n)
        .map(|_| format!(r#"{{"id": "m-{}", "regions": ["cn-hangzhou"]}}"#, word()))
        .collect();
    let copies: Vec<String> = (0..n)
        .map(|_| {
            format!(
                r#"{{"image": "m-{}", "to_region": "cn-beijing", "name": "c{}{}{}{}{}{}"}}"#,
                word(),
                word(),
                word(),
                word(),
                word(),
                word(),
                word()
            )
        })
        .collect();
    format!(
        r#"{{"version": 1, "images": [{}], "copies": [{}]}}"#,
        images.join(","),
        copies.join(",")
    )
}

/// A link the page would refuse is never made: the plan is offered as a file instead.
#[test]
fn a_plan_too_large_for_a_link_gets_no_link() {
    let plan = parse_plan(&incompressible_plan(1000)).expect("a plan inside every limit");
    let err = match link::link(&plan, "http://127.0.0.1:8080/") {
        Ok(url) => panic!("a link of {} bytes was made", url.len()),
        Err(err) => err,
    };
    assert!(
        matches!(err, link::LinkError::TooLarge { bytes } if bytes > link::MAX_FRAGMENT_BYTES),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("share the plan as a JSON file instead"),
        "{err}"
    );
    // Every link that is made opens.
    let small = parse_plan(&incompressible_plan(100)).expect("valid");
    let url = link::link(&small, "http://127.0.0.1:8080/").expect("fits");
    assert_eq!(link::decode(&url), Ok(small));
}

/// The limit is on the fragment: a long base address does not count against it.
#[test]
fn the_fragment_limit_ignores_the_base() {
    let plan = reference_plan();
    let base = format!("https://planner.example/{}/", "a".repeat(70_000));
    let url = link::link(&plan, &base).expect("fits");
    assert_eq!(link::decode(&url), Ok(plan));
}
