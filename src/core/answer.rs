//! One-question answers for embedded planners in documentation pages: "which images fit this
//! instance type here?", "which instance types can launch this image here?", and "can this
//! image launch on this type here?". Built on the compatibility matrix, so the verdicts are the
//! planner's own.

use super::catalog::Catalog;
use super::date::Date;
use super::matrix::matrix;
use super::model::{Image, InstanceType, Launch, Plan, Platform};
use super::planner;
use super::report::{Finding, Severity};

/// One candidate image or instance type and its verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Image or instance type ID.
    pub id: String,
    /// What to show: image name, or the type's vCPUs and memory.
    pub label: String,
    /// Worst severity of the broken rules; `None` passes.
    pub worst: Option<Severity>,
    /// (rule code, message) of every broken rule.
    pub reasons: Vec<(&'static str, String)>,
}

/// The answer to one embedded question.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Images for one instance type in a region, passing ones first.
    ImagesForType {
        /// The instance type.
        instance_type: InstanceType,
        /// Every catalog image (of the requested platform), with its verdict.
        images: Vec<Candidate>,
    },
    /// Instance types for one image in a region, passing ones first.
    TypesForImage {
        /// The image.
        image: Image,
        /// Every catalog instance type, with its verdict.
        types: Vec<Candidate>,
    },
    /// One image on one type: the planner's findings for that launch.
    Launch {
        /// The one-launch plan checked.
        plan: Plan,
        /// Its findings.
        findings: Vec<Finding>,
    },
}

/// What an embed asks: any of region, instance type and image (region defaults to cn-hangzhou).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Question<'a> {
    /// Region ID.
    pub region: &'a str,
    /// Instance type ID.
    pub instance_type: Option<&'a str>,
    /// Image ID.
    pub image: Option<&'a str>,
    /// Image family, when no image ID is given: its newest Available image in the region.
    pub family: Option<&'a str>,
    /// Only images of this platform (for images-for-type).
    pub platform: Option<Platform>,
}

/// Answers a question against `catalog`, or says which ID is unknown and what to do.
pub fn answer(catalog: &Catalog, question: &Question, as_of: Date) -> Result<Answer, String> {
    if catalog.region(question.region).is_none() {
        return Err(format!(
            "region \"{}\" is not in the catalog; use a region ID such as cn-hangzhou or ap-southeast-1",
            question.region
        ));
    }
    let instance_type = match question.instance_type {
        Some(id) => Some(catalog.instance_type(id).ok_or_else(|| {
            format!("instance type \"{id}\" is not in the catalog; use an ID such as ecs.g7.large")
        })?),
        None => None,
    };
    let image = match (question.image, question.family) {
        (Some(id), _) => Some(catalog.image(id).ok_or_else(|| {
            format!("image \"{id}\" is not in the catalog; use a public image ID such as aliyun_3_x64_20G_alibase_20240819.vhd")
        })?),
        (None, Some(family)) => {
            let here = catalog
                .images
                .iter()
                .filter(|i| i.available_in(question.region))
                .map(|i| (i, i.created));
            Some(super::lifecycle::family::newest(family, here).ok_or_else(|| {
                format!(
                    "no Available image of family \"{family}\" is in {} in the catalog; use an image ID, or a family the region has",
                    question.region
                )
            })?)
        }
        (None, None) => None,
    };
    let by_family = question.image.is_none() && question.family.is_some();
    match (image, instance_type) {
        (Some(image), Some(instance_type)) => {
            let plan = Plan {
                version: 1,
                launches: vec![Launch {
                    region: Some(question.region.to_string()),
                    instance_type: Some(instance_type.id.clone()),
                    image: (!by_family).then(|| image.id.clone()),
                    image_family: question.family.filter(|_| by_family).map(str::to_string),
                    ..Launch::default()
                }],
                ..Plan::default()
            };
            let findings = planner::check(&plan, catalog, as_of).findings;
            Ok(Answer::Launch { plan, findings })
        }
        (None, Some(instance_type)) => {
            let images: Vec<&Image> = catalog
                .images
                .iter()
                .filter(|i| question.platform.is_none_or(|p| i.platform == p))
                .collect();
            let grid = matrix(catalog, question.region, &images, &[instance_type], as_of);
            let candidates = (0..images.len())
                .map(|row| Candidate {
                    id: images[row].id.clone(),
                    label: images[row].label().to_string(),
                    worst: grid.cell(row, 0).worst,
                    reasons: grid.issues(row, 0),
                })
                .collect();
            Ok(Answer::ImagesForType {
                instance_type: instance_type.clone(),
                images: passing_first(candidates),
            })
        }
        (Some(image), None) => {
            let types: Vec<&InstanceType> = catalog.instance_types.iter().collect();
            let grid = matrix(catalog, question.region, &[image], &types, as_of);
            let candidates = types
                .iter()
                .enumerate()
                .map(|(column, t)| Candidate {
                    id: t.id.clone(),
                    label: t.size_label(),
                    worst: grid.cell(0, column).worst,
                    reasons: grid.issues(0, column),
                })
                .collect();
            Ok(Answer::TypesForImage {
                image: image.clone(),
                types: passing_first(candidates),
            })
        }
        (None, None) => {
            Err("name an instance type (type=ecs.g8y.large), an image (image=...), or both".into())
        }
    }
}

/// Orders candidates pass, info, warning, error, keeping catalog order within each.
fn passing_first(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| match c.worst {
        None => 0,
        Some(Severity::Info) => 1,
        Some(Severity::Warning) => 2,
        Some(Severity::Error) => 3,
    });
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        "2026-11-28".parse().unwrap()
    }

    fn ask(
        region: &str,
        instance_type: Option<&str>,
        image: Option<&str>,
    ) -> Result<Answer, String> {
        let question = Question {
            region,
            instance_type,
            image,
            family: None,
            platform: None,
        };
        answer(Catalog::builtin(), &question, today())
    }

    #[test]
    fn images_for_an_arm_type_put_arm64_images_first_and_explain_the_rest() {
        let Ok(Answer::ImagesForType { images, .. }) =
            ask("cn-hangzhou", Some("ecs.g8y.large"), None)
        else {
            panic!("expected images for a type");
        };
        // No arm64 image's NVMe driver is confirmed by a source yet, so the best fit may carry
        // `catalog-unconfirmed`, but never an error.
        let first = &images[0];
        assert!(
            first.worst.is_none_or(|w| w == Severity::Warning),
            "{first:?}"
        );
        let image = Catalog::builtin().image(&first.id).unwrap();
        assert_eq!(image.arch, super::super::model::ImageArch::Arm64);
        let x86 = images
            .iter()
            .find(|c| c.reasons.iter().any(|(code, _)| *code == "arch-mismatch"))
            .expect("an x86 image fails with arch-mismatch");
        assert_eq!(x86.worst, Some(Severity::Error));
        assert!(
            x86.reasons[0].1.contains("ecs.g8y.large"),
            "{:?}",
            x86.reasons
        );
    }

    #[test]
    fn types_for_an_image_list_every_catalog_type() {
        let Ok(Answer::TypesForImage { types, .. }) = ask(
            "ap-southeast-1",
            None,
            // Every value of this build is confirmed (a captured DescribeImages output).
            Some("ubuntu_24_04_x64_20G_alibase_20260810.vhd"),
        ) else {
            panic!("expected types for an image");
        };
        assert_eq!(types.len(), Catalog::builtin().instance_types.len());
        assert!(types.iter().any(|c| c.worst.is_none()));
        assert!(types.iter().any(|c| c.worst == Some(Severity::Error)));
    }

    #[test]
    fn image_and_type_give_the_planners_findings() {
        let Ok(Answer::Launch { findings, .. }) = ask(
            "cn-hangzhou",
            Some("ecs.g8y.large"),
            Some("aliyun_3_x64_20G_alibase_20240819.vhd"),
        ) else {
            panic!("expected a launch answer");
        };
        assert!(findings.iter().any(|f| f.code == "arch-mismatch"));
    }

    #[test]
    fn unknown_ids_and_empty_questions_say_what_to_do() {
        assert!(ask("xx-nowhere-1", Some("ecs.g7.large"), None)
            .unwrap_err()
            .contains("\"xx-nowhere-1\""));
        assert!(ask("cn-hangzhou", Some("ecs.nope"), None)
            .unwrap_err()
            .contains("\"ecs.nope\""));
        assert!(ask("cn-hangzhou", None, None)
            .unwrap_err()
            .contains("type="));
    }
}
