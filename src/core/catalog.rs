//! The built-in catalog of regions, instance types and public images.
