//! Image families (contract §4.2): which image `ImageFamily` launches in a region.
//!
//! RunInstances `ImageFamily` "use[s] the latest available image in the specified image family"
//! (`RunInstancesRequest.image_family`, SDK 7.11.8). The planner picks the same one: among the
//! `Available` images of the family in the region, the newest by `created`; an image without
//! `created` counts as oldest, and among equals the one listed last wins (catalog and plan
//! images first, then what the plan's creates, imports and copies make, in plan order).

use crate::core::date::Date;
use crate::core::model::{Image, ImageStatus};

/// The image `ImageFamily = family` launches, from `candidates` (images present in the launch
/// region, in listing order, each with the date it counts as made: its `created`, or for an
/// image the plan makes without one, the plan's date).
pub fn newest<'a>(
    family: &str,
    candidates: impl IntoIterator<Item = (&'a Image, Option<Date>)>,
) -> Option<&'a Image> {
    let mut best: Option<(&Image, Option<Date>)> = None;
    for (image, created) in candidates {
        if image.family.as_deref() != Some(family) || image.status != ImageStatus::Available {
            continue;
        }
        if best.is_none_or(|(_, date)| created >= date) {
            best = Some((image, created));
        }
    }
    best.map(|(image, _)| image)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(id: &str, family: &str, created: Option<Date>) -> Image {
        Image {
            id: id.into(),
            family: Some(family.into()),
            created,
            ..Image::default()
        }
    }

    #[test]
    fn the_newest_available_image_of_the_family_wins() {
        let day = |d| Date::new(2026, 11, d);
        let old = image("m-old", "web", day(1));
        let new = image("m-new", "web", day(20));
        let undated = image("m-undated", "web", None);
        let other = image("m-other", "db", day(28));
        let mut deprecated = image("m-deprecated", "web", day(25));
        deprecated.status = ImageStatus::Deprecated;
        let candidates =
            [&undated, &new, &old, &other, &deprecated].map(|image| (image, image.created));
        assert_eq!(
            newest("web", candidates).map(|i| i.id.as_str()),
            Some("m-new")
        );
        assert_eq!(newest("none", candidates), None);
    }

    #[test]
    fn among_equals_the_last_listed_wins() {
        let a = image("m-a", "web", None);
        let b = image("m-b", "web", None);
        let candidates = [(&a, None), (&b, None)];
        assert_eq!(
            newest("web", candidates).map(|i| i.id.as_str()),
            Some("m-b")
        );
    }
}
