//! The compatibility matrix: for one region, every image against every instance type, with the
//! same launch rules the planner uses ([`launch_violations`]). Cells keep violations as plain
//! values; messages are written only when asked for ([`Matrix::issues`]).

use super::catalog::Catalog;
use super::date::Date;
use super::model::{Image, InstanceType};
use super::report::Severity;
use super::rules::launch::{
    drop_unconfirmed_when_failing, group_violations, launch_violations, Detail, Group,
    LaunchSubject, LaunchViolation, ViolationSink, CATALOG_UNCONFIRMED,
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

/// Verdicts for every image x instance type in one region, row by image.
#[derive(Clone, Debug)]
pub struct Matrix<'a> {
    /// The catalog the images and types come from (regions, sources of catalog facts).
    pub catalog: &'a Catalog,
    /// The region ID.
    pub region: &'a str,
    /// The rows.
    pub images: Vec<&'a Image>,
    /// The columns.
    pub types: Vec<&'a InstanceType>,
    /// The date lifecycle rules used.
    pub as_of: Date,
    cells: Vec<Cell>,
}

impl<'a> Matrix<'a> {
    /// The cell of `images[image]` on `types[itype]`.
    pub fn cell(&self, image: usize, itype: usize) -> &Cell {
        &self.cells[image * self.types.len() + itype]
    }

    /// The (code, message) pairs of a cell, in contract order, written now.
    pub fn issues(&self, image: usize, itype: usize) -> Vec<(&'static str, String)> {
        if self.cell(image, itype).passes() {
            return Vec::new();
        }
        let subject = self.subject(self.images[image], self.types[itype]);
        let mut violations: Vec<LaunchViolation> = Vec::new();
        launch_violations(&subject, &mut violations);
        drop_unconfirmed_when_failing(&mut violations);
        violations
            .iter()
            .map(|v| (v.rule().code, v.message(&subject)))
            .collect()
    }

    fn subject(&self, image: &'a Image, itype: &'a InstanceType) -> LaunchSubject<'a> {
        LaunchSubject {
            catalog: self.catalog,
            image,
            instance_type: itype,
            region: self.region,
            image_here: image.available_in(self.region),
            type_here: itype.offered_in(self.region),
            system_disk: None,
            amount: None,
            as_of: self.as_of,
        }
    }
}

/// Checks every image against every instance type in `region`, with the default system disk
/// (max(40 GiB, image size)) and one instance.
pub fn matrix<'a>(
    catalog: &'a Catalog,
    region: &'a str,
    images: &[&'a Image],
    types: &[&'a InstanceType],
    as_of: Date,
) -> Matrix<'a> {
    // The type's own rule (offered here) once per column, the image's own rules once per
    // row, and only the pair rules per cell.
    let mut matrix = Matrix {
        catalog,
        region,
        images: images.to_vec(),
        types: types.to_vec(),
        as_of,
        cells: Vec::with_capacity(images.len() * types.len()),
    };
    let (Some(first_image), Some(first_type)) = (images.first(), types.first()) else {
        return matrix;
    };
    let columns: Vec<Cell> = types
        .iter()
        .map(|itype| {
            let mut column = Cell::default();
            let subject = matrix.subject(first_image, itype);
            group_violations(&subject, |g| g == Group::TypePlacement, &mut column);
            column
        })
        .collect();
    for image in images {
        let mut row = Cell::default();
        let subject = matrix.subject(image, first_type);
        group_violations(
            &subject,
            |g| {
                matches!(
                    g,
                    Group::ImagePlacement | Group::Settings | Group::Lifecycle
                )
            },
            &mut row,
        );
        for (itype, column) in types.iter().zip(&columns) {
            let mut pair = PairTally {
                cell: row.merged(column),
                unconfirmed: false,
            };
            group_violations(
                &matrix.subject(image, itype),
                |g| g == Group::Pair,
                &mut pair,
            );
            matrix.cells.push(pair.finish());
        }
    }
    matrix
}
