//! The compatibility matrix: for one region, every image against every instance type, with the
//! same launch rules the planner uses ([`launch_violations`]). Cells keep violations as plain
//! values; messages are written only when asked for ([`Matrix::issues`]).
//!
//! [`plan_matrix`] sees the region as the plan leaves it: an image the plan copies there is
//! there, with the attributes of the copy, exactly as a launch of the plan would find it.
//! [`ImageFilter`] and [`TypeFilter`] pick the rows and columns, with typed values.

use std::borrow::Cow;

use super::catalog::{Catalog, Provenance};
use super::date::Date;
use super::i18n::Lang;
use super::model::{
    CpuArch, Image, ImageArch, ImageBootMode, ImageType, InstanceType, NvmeRequirement,
    NvmeSupport, Plan, Platform,
};
use super::report::Severity;
use super::resolve::{Origin, Resolver};
use super::rules::launch::{
    drop_unconfirmed_when_failing, group_violations, launch_violations, Detail, Group,
    LaunchSubject, LaunchViolation, Provenances, ViolationSink, CATALOG_UNCONFIRMED,
};

/// One image on one instance type: small and allocation-free, so a matrix of 100,000 cells
/// costs one vector. The rules' messages are written only when asked for ([`Matrix::issues`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The worst severity among the broken rules; `None` passes.
    pub worst: Option<Severity>,
    /// How many launch rules the cell breaks.
    pub broken: u8,
}

/// A cell is its own tally: the worst severity and the count of what breaks.
impl ViolationSink for Cell {
    #[inline]
    fn push(&mut self, violation: LaunchViolation) {
        let severity = violation.rule().severity;
        self.worst = Some(self.worst.map_or(severity, |worst| worst.min(severity)));
        self.broken = self.broken.saturating_add(1);
    }
}

/// A cell's tally while its pair rules run: `catalog-unconfirmed` counts only for a launch
/// that breaks no error rule (as [`drop_unconfirmed_when_failing`] does for the planner).
struct PairTally {
    cell: Cell,
    unconfirmed: bool,
}

impl ViolationSink for PairTally {
    #[inline]
    fn push(&mut self, violation: LaunchViolation) {
        if std::ptr::eq(violation.rule, &CATALOG_UNCONFIRMED) {
            self.unconfirmed = true;
        } else {
            self.cell.push(violation);
        }
    }
}

impl PairTally {
    fn finish(self) -> Cell {
        let mut cell = self.cell;
        if self.unconfirmed && cell.worst != Some(Severity::Error) {
            cell.push(LaunchViolation {
                rule: &CATALOG_UNCONFIRMED,
                detail: Detail::None,
            });
        }
        cell
    }
}

impl Cell {
    /// The tally of both cells' rules.
    #[inline]
    fn merged(&self, other: &Cell) -> Cell {
        let worst = match (self.worst, other.worst) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Cell {
            worst,
            broken: self.broken.saturating_add(other.broken),
        }
    }

    /// Whether no launch rule is broken.
    pub fn passes(&self) -> bool {
        self.broken == 0
    }
}

/// What a cell says, in three words: the launch works, works with a warning, or fails.
/// An `info` finding (licence fees) passes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// No error or warning.
    Pass,
    /// Works, with a warning.
    Warn,
    /// An error: the launch would fail.
    Fail,
}

impl Verdict {
    /// Every verdict, best first.
    pub const ALL: [Verdict; 3] = [Verdict::Pass, Verdict::Warn, Verdict::Fail];

    /// The verdict of a cell.
    pub fn of(cell: &Cell) -> Verdict {
        match cell.worst {
            Some(Severity::Error) => Verdict::Fail,
            Some(Severity::Warning) => Verdict::Warn,
            Some(Severity::Info) | None => Verdict::Pass,
        }
    }

    /// `pass`, `warn` or `fail`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }
}

/// One row of the matrix: an image as a launch in the region finds it.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    /// The image, with the attributes it has in the region (a planned copy's, when the plan
    /// copies it there) and the ID the user knows it by.
    pub image: Cow<'a, Image>,
    /// Whether the image is in the region (after the plan's copies).
    pub here: bool,
    /// The planned copy that brings it to the region, if one does.
    pub via_copy: Option<usize>,
}

impl<'a> Row<'a> {
    /// The image where it is, as the catalog has it.
    pub fn existing(image: &'a Image, region: &str) -> Row<'a> {
        Row {
            image: Cow::Borrowed(image),
            here: image.available_in(region),
            via_copy: None,
        }
    }
}

/// Verdicts for every image x instance type in one region, row by image.
#[derive(Clone, Debug)]
pub struct Matrix<'a> {
    /// The catalog the images and types come from (regions, sources of catalog facts).
    pub catalog: &'a Catalog,
    /// The region ID.
    pub region: &'a str,
    /// The rows.
    pub rows: Vec<Row<'a>>,
    /// The columns.
    pub types: Vec<&'a InstanceType>,
    /// The date lifecycle rules used.
    pub as_of: Date,
    cells: Vec<Cell>,
    /// Per row, the catalog's provenance of its image; per column, of its type and whether it
    /// is offered in the region: looked up once, not once per cell.
    row_provenance: Vec<Option<&'a Provenance>>,
    column_provenance: Vec<Option<&'a Provenance>>,
    column_here: Vec<bool>,
}

impl<'a> Matrix<'a> {
    /// The cell of `rows[image]` on `types[itype]`.
    pub fn cell(&self, image: usize, itype: usize) -> &Cell {
        &self.cells[image * self.types.len() + itype]
    }

    /// The (code, message) pairs of a cell, in contract order, written now (in English).
    pub fn issues(&self, image: usize, itype: usize) -> Vec<(&'static str, String)> {
        self.issues_in(image, itype, Lang::En)
    }

    /// The (code, message) pairs of a cell, in contract order, written now in `lang`.
    pub fn issues_in(&self, image: usize, itype: usize, lang: Lang) -> Vec<(&'static str, String)> {
        if self.cell(image, itype).passes() {
            return Vec::new();
        }
        let subject = self.subject(image, itype);
        let mut violations: Vec<LaunchViolation> = Vec::new();
        launch_violations(&subject, &mut violations);
        drop_unconfirmed_when_failing(&mut violations);
        violations
            .iter()
            .map(|v| (v.rule().code, v.message(&subject, lang).into_string()))
            .collect()
    }

    /// The columns of one row in verdict order (pass, warn, fail), catalog order within each.
    pub fn row_by_verdict(&self, image: usize) -> Vec<(Verdict, usize)> {
        let mut columns: Vec<(Verdict, usize)> = (0..self.types.len())
            .map(|t| (Verdict::of(self.cell(image, t)), t))
            .collect();
        columns.sort_by_key(|(verdict, _)| *verdict);
        columns
    }

    /// The rows of one column in verdict order (pass, warn, fail), catalog order within each.
    pub fn column_by_verdict(&self, itype: usize) -> Vec<(Verdict, usize)> {
        let mut rows: Vec<(Verdict, usize)> = (0..self.rows.len())
            .map(|r| (Verdict::of(self.cell(r, itype)), r))
            .collect();
        rows.sort_by_key(|(verdict, _)| *verdict);
        rows
    }

    fn subject(&self, image: usize, itype: usize) -> LaunchSubject<'_> {
        let row = &self.rows[image];
        LaunchSubject {
            catalog: self.catalog,
            image: &row.image,
            instance_type: self.types[itype],
            region: self.region,
            image_here: row.here,
            type_here: self.column_here[itype],
            system_disk: None,
            amount: None,
            as_of: self.as_of,
            provenance: Provenances {
                of_type: self.column_provenance[itype],
                of_image: self.row_provenance[image],
            },
        }
    }
}

/// Checks every image against every instance type in `region`, with the default system disk
/// (max(40 GiB, image size)) and one instance: the images where they are, with no plan.
pub fn matrix<'a>(
    catalog: &'a Catalog,
    region: &'a str,
    images: &[&'a Image],
    types: &[&'a InstanceType],
    as_of: Date,
) -> Matrix<'a> {
    let rows = images
        .iter()
        .map(|image| Row::existing(image, region))
        .collect();
    build(catalog, region, rows, types, as_of)
}

/// The images a matrix for `plan` offers as rows: the plan's own, created and imported images first,
/// then the catalog's (`catalog` is the one the plan sees, [`Catalog::with_plan`]).
pub fn plan_images<'a>(plan: &'a Plan, catalog: &'a Catalog) -> Vec<&'a Image> {
    let mut list: Vec<&Image> = plan
        .images
        .iter()
        .filter_map(|i| catalog.image(&i.id))
        .chain(plan.creates.iter().map(|c| &c.image))
        .chain(plan.imports.iter().map(|i| &i.image))
        .collect();
    for image in &catalog.images {
        if !list.iter().any(|i| i.id == image.id) {
            list.push(image);
        }
    }
    list
}

/// The instance types a matrix for `plan` offers as columns: the plan's own first, then the
/// catalog's (`catalog` is the one the plan sees).
pub fn plan_types<'a>(plan: &'a Plan, catalog: &'a Catalog) -> Vec<&'a InstanceType> {
    let mut list: Vec<&InstanceType> = plan
        .instance_types
        .iter()
        .filter_map(|t| catalog.instance_type(&t.id))
        .collect();
    for itype in &catalog.instance_types {
        if !list.iter().any(|t| t.id == itype.id) {
            list.push(itype);
        }
    }
    list
}

/// [`matrix`] as the plan leaves the region: an image the plan copies into `region` is there,
/// with the copy's attributes, so a cell says what a launch of the plan would get.
/// `catalog` is the one the plan sees ([`Catalog::with_plan`]).
pub fn plan_matrix<'a>(
    plan: &'a Plan,
    catalog: &'a Catalog,
    region: &'a str,
    images: &[&'a Image],
    types: &[&'a InstanceType],
    as_of: Date,
) -> Matrix<'a> {
    let resolver = Resolver::new(plan, catalog);
    let rows = images
        .iter()
        .map(|image| match resolver.resolve(&image.id, region) {
            // As the image is there: a planned copy's, an import's result, or the image with
            // the plan's attribute changes, under the ID the user knows it by.
            Some(resolved) if !std::ptr::eq(resolved.image, *image) => Row {
                image: Cow::Owned(Image {
                    id: image.id.clone(),
                    ..resolved.image.clone()
                }),
                here: resolved.here,
                via_copy: match resolved.origin {
                    Origin::Copy(n) => Some(n),
                    _ => None,
                },
            },
            Some(resolved) => Row {
                here: resolved.here,
                ..Row::existing(image, region)
            },
            None => Row::existing(image, region),
        })
        .collect();
    build(catalog, region, rows, types, as_of)
}

/// Runs `f` on the matrix of `region` as the plan leaves it, over the plan's images and types
/// (its own first, then the catalog's) that pass the filters. `catalog` is the built-in one:
/// the plan's images and types are merged in here.
pub fn with_plan_matrix<R>(
    plan: &Plan,
    catalog: &Catalog,
    region: &str,
    (image_filter, type_filter): (&ImageFilter, &TypeFilter),
    as_of: Date,
    f: impl FnOnce(&Matrix) -> R,
) -> R {
    let catalog = catalog.with_plan(plan);
    let images: Vec<&Image> = plan_images(plan, &catalog)
        .into_iter()
        .filter(|i| image_filter.matches(i, as_of))
        .collect();
    let types: Vec<&InstanceType> = plan_types(plan, &catalog)
        .into_iter()
        .filter(|t| type_filter.matches(t, region))
        .collect();
    f(&plan_matrix(plan, &catalog, region, &images, &types, as_of))
}

fn build<'a>(
    catalog: &'a Catalog,
    region: &'a str,
    rows: Vec<Row<'a>>,
    types: &[&'a InstanceType],
    as_of: Date,
) -> Matrix<'a> {
    // The type's own rule (offered here) once per column, the image's own rules once per
    // row, and only the pair rules per cell.
    let row_provenance = rows
        .iter()
        .map(|row| catalog.image_provenance.get(&row.image.id))
        .collect();
    let mut matrix = Matrix {
        catalog,
        region,
        rows,
        types: types.to_vec(),
        as_of,
        cells: Vec::new(),
        row_provenance,
        column_provenance: types
            .iter()
            .map(|t| catalog.type_provenance.get(&t.id))
            .collect(),
        column_here: types.iter().map(|t| t.offered_in(region)).collect(),
    };
    if matrix.rows.is_empty() || types.is_empty() {
        return matrix;
    }
    let columns: Vec<Cell> = (0..types.len())
        .map(|itype| {
            let mut column = Cell::default();
            let subject = matrix.subject(0, itype);
            group_violations(&subject, |g| g == Group::TypePlacement, &mut column);
            column
        })
        .collect();
    let mut cells = Vec::with_capacity(matrix.rows.len() * types.len());
    for image in 0..matrix.rows.len() {
        let mut tally = Cell::default();
        group_violations(
            &matrix.subject(image, 0),
            |g| {
                matches!(
                    g,
                    Group::ImagePlacement | Group::Settings | Group::Lifecycle
                )
            },
            &mut tally,
        );
        for (itype, column) in columns.iter().enumerate() {
            let mut pair = PairTally {
                cell: tally.merged(column),
                unconfirmed: false,
            };
            group_violations(
                &matrix.subject(image, itype),
                |g| g == Group::Pair,
                &mut pair,
            );
            cells.push(pair.finish());
        }
    }
    matrix.cells = cells;
    matrix
}

/// Which images a matrix shows: every set field must match (`None`: any).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImageFilter {
    /// Image type.
    pub kind: Option<ImageType>,
    /// Operating system, as the image's display text.
    pub os: Option<String>,
    /// Platform.
    pub platform: Option<Platform>,
    /// Architecture.
    pub arch: Option<ImageArch>,
    /// Boot mode.
    pub boot_mode: Option<ImageBootMode>,
    /// NVMe driver.
    pub nvme: Option<NvmeSupport>,
    /// Whether the image bills licence fees.
    pub license_fee: Option<bool>,
    /// Whether the OS reached end of life by the matrix date.
    pub eol_reached: Option<bool>,
    /// Text in the ID, name or OS (any case); empty: any.
    pub search: String,
    /// Exactly this image ID.
    pub only: Option<String>,
}

impl ImageFilter {
    /// The filter that lets exactly one image through.
    pub fn only(id: &str) -> ImageFilter {
        ImageFilter {
            only: Some(id.to_string()),
            ..ImageFilter::default()
        }
    }

    /// Whether `image` passes every set field, with lifecycle judged at `as_of`.
    pub fn matches(&self, image: &Image, as_of: Date) -> bool {
        let search = self.search.trim().to_lowercase();
        let found = |text: &str| text.to_lowercase().contains(&search);
        self.only.as_deref().is_none_or(|id| id == image.id)
            && self.kind.is_none_or(|k| k == image.kind)
            && self
                .os
                .as_deref()
                .is_none_or(|os| image.os.as_deref() == Some(os))
            && self.platform.is_none_or(|p| p == image.platform)
            && self.arch.is_none_or(|a| a == image.arch)
            && self.boot_mode.is_none_or(|b| b == image.boot_mode)
            && self.nvme.is_none_or(|n| n == image.nvme)
            && self.license_fee.is_none_or(|f| f == image.license_fee)
            && self
                .eol_reached
                .is_none_or(|e| e == image.eol.is_some_and(|d| d <= as_of))
            && (search.is_empty()
                || found(&image.id)
                || found(image.label())
                || image.os.as_deref().is_some_and(found))
    }
}

/// Which instance types a matrix shows: every set field must match (`None`: any).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypeFilter {
    /// CPU architecture.
    pub arch: Option<CpuArch>,
    /// NVMe requirement.
    pub nvme: Option<NvmeRequirement>,
    /// Family (`g8y`).
    pub family: Option<String>,
    /// At least this many vCPUs.
    pub min_vcpus: Option<u32>,
    /// At least this much memory, in GiB.
    pub min_memory_gib: Option<f64>,
    /// Only types offered in the matrix region.
    pub offered_only: bool,
    /// Text in the ID (any case); empty: any.
    pub search: String,
    /// Exactly this type ID.
    pub only: Option<String>,
}

impl TypeFilter {
    /// The filter that lets exactly one instance type through.
    pub fn only(id: &str) -> TypeFilter {
        TypeFilter {
            only: Some(id.to_string()),
            ..TypeFilter::default()
        }
    }

    /// Whether `itype` passes every set field in `region`.
    pub fn matches(&self, itype: &InstanceType, region: &str) -> bool {
        let search = self.search.trim().to_lowercase();
        self.only.as_deref().is_none_or(|id| id == itype.id)
            && self.arch.is_none_or(|a| a == itype.arch)
            && self.nvme.is_none_or(|n| n == itype.nvme)
            && self.family.as_deref().is_none_or(|f| f == itype.family())
            && self
                .min_vcpus
                .is_none_or(|v| itype.vcpus.is_some_and(|n| n >= v))
            && self
                .min_memory_gib
                .is_none_or(|m| itype.memory_gib.is_some_and(|g| g >= m))
            && (!self.offered_only || itype.offered_in(region))
            && (search.is_empty() || itype.id.to_lowercase().contains(&search))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Copy, Launch, Modify};
    use crate::core::planner;

    fn today() -> Date {
        "2026-11-28".parse().unwrap()
    }

    /// A custom image of Hangzhou that the plan copies to Singapore.
    fn copied_plan() -> Plan {
        Plan {
            version: 1,
            images: vec![Image {
                id: "m-bp1example0web0001".into(),
                nvme: NvmeSupport::Supported,
                boot_mode: ImageBootMode::UefiPreferred,
                size_gib: Some(40),
                regions: Some(vec!["cn-hangzhou".into()]),
                ..Image::default()
            }],
            copies: vec![Copy {
                image: Some("m-bp1example0web0001".into()),
                to_region: Some("ap-southeast-1".into()),
                ..Copy::default()
            }],
            // CopyImage drops the NVMe flag; the plan sets it on the copy again.
            modifies: vec![Modify {
                image: Some("m-bp1example0web0001".into()),
                region: Some("ap-southeast-1".into()),
                nvme: Some(NvmeSupport::Supported),
                ..Modify::default()
            }],
            ..Plan::default()
        }
    }

    #[test]
    fn a_planned_copy_makes_the_image_launchable_where_it_is_copied() {
        let plan = copied_plan();
        let catalog = Catalog::builtin().with_plan(&plan);
        let images = plan_images(&plan, &catalog);
        let types = plan_types(&plan, &catalog);
        let m = plan_matrix(&plan, &catalog, "ap-southeast-1", &images, &types, today());
        assert_eq!(m.rows[0].image.id, "m-bp1example0web0001");
        assert_eq!(m.rows[0].via_copy, Some(0));
        let g7 = types.iter().position(|t| t.id == "ecs.g7.large").unwrap();
        assert_eq!(m.issues(0, g7), Vec::new());
        // Without the copy, the same cell fails as the planner does.
        let plain = matrix(&catalog, "ap-southeast-1", &images, &types, today());
        assert!(plain
            .issues(0, g7)
            .iter()
            .any(|(code, _)| *code == "image-region-mismatch"));
        let matrix_worst = m.cell(0, g7).worst;
        // The planner says the same of a launch of that image there.
        let mut launched = plan.clone();
        launched.launches.push(Launch {
            region: Some("ap-southeast-1".into()),
            instance_type: Some("ecs.g7.large".into()),
            image: Some("m-bp1example0web0001".into()),
            ..Launch::default()
        });
        let report = planner::check_builtin(&launched, today());
        assert!(report.ok, "{:?}", report.findings);
        assert_eq!(
            matrix_worst,
            report.findings.iter().map(|f| f.severity).min()
        );
    }

    #[test]
    fn a_row_groups_every_type_by_verdict() {
        let plan = copied_plan();
        let catalog = Catalog::builtin().with_plan(&plan);
        let images = plan_images(&plan, &catalog);
        let types = plan_types(&plan, &catalog);
        let m = plan_matrix(&plan, &catalog, "ap-southeast-1", &images, &types, today());
        let grouped = m.row_by_verdict(0);
        assert_eq!(grouped.len(), types.len());
        assert!(grouped.windows(2).all(|w| w[0].0 <= w[1].0));
        let arm = types.iter().position(|t| t.id == "ecs.g8y.large").unwrap();
        assert!(grouped.contains(&(Verdict::Fail, arm)));
    }

    #[test]
    fn typed_filters_pick_rows_and_columns() {
        let catalog = Catalog::builtin();
        let arm = ImageFilter {
            arch: Some(ImageArch::Arm64),
            search: "UBUNTU".into(),
            ..ImageFilter::default()
        };
        let picked: Vec<&Image> = catalog
            .images
            .iter()
            .filter(|i| arm.matches(i, today()))
            .collect();
        assert!(!picked.is_empty());
        assert!(picked
            .iter()
            .all(|i| i.arch == ImageArch::Arm64 && i.id.starts_with("ubuntu")));
        let big_arm = TypeFilter {
            arch: Some(CpuArch::Arm64),
            min_vcpus: Some(8),
            ..TypeFilter::default()
        };
        let types: Vec<&InstanceType> = catalog
            .instance_types
            .iter()
            .filter(|t| big_arm.matches(t, "cn-hangzhou"))
            .collect();
        assert!(!types.is_empty());
        assert!(types
            .iter()
            .all(|t| t.arch == CpuArch::Arm64 && t.vcpus >= Some(8)));
    }
}
