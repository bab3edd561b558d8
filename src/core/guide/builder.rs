//! The guide's section on Image Builder and image updates: what a pipeline does, what it
//! bills, and when to pick it over creating and copying an image by hand. Facts from the
//! CreateImagePipeline reference ([`IMAGE_PIPELINE_URL`]) and the OOS use case
//! ([`UPDATE_IMAGE_URL`]).

/// The CreateImagePipeline reference: base images, limits, the pay-as-you-go build instance.
pub const IMAGE_PIPELINE_URL: &str = crate::core::rules::docs::IMAGE_PIPELINE;
/// Updating a custom image with the OOS template ACS-ECS-UpdateImage.
pub const UPDATE_IMAGE_URL: &str = crate::core::rules::docs::UPDATE_IMAGE;

/// What Image Builder does.
pub const WHAT: &str = "Image Builder makes a custom image from a template: a base image (a public, custom or shared image, or the newest image of a family) and build content, Dockerfile-style commands of at most 16 KB. One execution starts a temporary build instance from the base, runs the commands, makes the image, and then distributes it to up to 20 other regions and shares it with up to 20 accounts. In the plan that is one pipeline: CreateImagePipeline makes the template, StartImagePipelineExecution runs it once.";

/// What it bills.
pub const BILLING: [&str; 3] = [
    "The build instance is an ordinary ECS instance billed pay-as-you-go for as long as the build runs, with its system disk (20-500 GiB, 40 by default); pick a small instance type and keep the build short.",
    "Every image it makes keeps its own snapshots in its region, so distributing to five regions stores the image five times; each also counts against the custom-image quota of its region (the quota gauges show it before anything runs).",
    "An update (the OOS template ACS-ECS-UpdateImage) starts a temporary instance of your image the same way, pay-as-you-go, runs your commands with Cloud Assistant, makes a new image and releases the instance.",
];

/// When to pick Image Builder, and when to create and copy an image by hand.
pub const WHEN: [(&str, &str); 2] = [
    (
        "Pick Image Builder",
        "when the image is a recipe you rebuild (patches, agents, packages on top of a public image) and when it must reach several regions or accounts: one execution replaces a create, a copy per region and a share per region, and builds the same image every time.",
    ),
    (
        "Pick create and copy",
        "when the image comes from an instance you set up by hand or a snapshot you already have, when the base is a Marketplace image (Image Builder does not build on one), when you need an encrypted copy with your own KMS key, or when it must reach more than 20 regions or accounts.",
    ),
];
