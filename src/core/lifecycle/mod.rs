//! The image lifecycle beyond create, copy, share, export and delete (contract §4.2-4.4):
//! imports from OSS (ImportImage), attribute changes (ModifyImageAttribute), image families
//! and the instance types an image is pinned to.
//!
//! Parameter names and limits come from the request models of the official ECS SDK for Python,
//! `alibabacloud-ecs20140526` 7.11.8 (`ImportImageRequest`, `ModifyImageAttributeRequest`,
//! `RunInstancesRequest.image_family`, `DescribeImageSupportInstanceTypesResponseBody`).

pub mod family;
pub mod import;
pub mod modify;
