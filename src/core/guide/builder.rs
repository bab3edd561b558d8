//! The guide's section on Image Builder and image updates: what a pipeline does, what it
//! bills, and when to pick it over creating and copying an image by hand. Facts from the
//! CreateImagePipeline reference ([`IMAGE_PIPELINE_URL`]) and the OOS use case
//! ([`UPDATE_IMAGE_URL`]). Every text is a [`Term`], in English and Simplified Chinese.

use crate::core::i18n::Term;

/// The CreateImagePipeline reference: base images, limits, the pay-as-you-go build instance.
pub const IMAGE_PIPELINE_URL: &str = crate::core::rules::docs::IMAGE_PIPELINE;
/// Updating a custom image with the OOS template ACS-ECS-UpdateImage.
pub const UPDATE_IMAGE_URL: &str = crate::core::rules::docs::UPDATE_IMAGE;

/// What Image Builder does.
pub const WHAT: Term = Term::new(
    "Image Builder makes a custom image from a template: a base image (a public, custom or shared image, or the newest image of a family) and build content, Dockerfile-style commands of at most 16 KB. One execution starts a temporary build instance from the base, runs the commands, makes the image, and then distributes it to up to 20 other regions and shares it with up to 20 accounts. In the plan that is one pipeline: CreateImagePipeline makes the template, StartImagePipelineExecution runs it once.",
    "镜像构建（Image Builder）基于镜像模板创建自定义镜像：一个源镜像（公共镜像、自定义镜像、共享镜像，或某个镜像族系的最新镜像）加上构建内容，即类似 Dockerfile 的命令，最多 16 KB。每次执行会用源镜像启动一台临时的中转实例，运行这些命令，创建镜像，然后把镜像分发到最多 20 个其他地域，并共享给最多 20 个账号。在计划中这是一个镜像模板：CreateImagePipeline 创建模板，StartImagePipelineExecution 执行一次。",
);

/// What it bills.
pub const BILLING: [Term; 3] = [
    Term::new(
        "The build instance is an ordinary ECS instance billed pay-as-you-go for as long as the build runs, with its system disk (20-500 GiB, 40 by default); pick a small instance type and keep the build short.",
        "中转实例是一台普通的 ECS 实例，在构建期间连同其系统盘（20-500 GiB，默认 40 GiB）按量付费；请选择较小的实例规格，并尽量缩短构建时间。",
    ),
    Term::new(
        "Every image it makes keeps its own snapshots in its region, so distributing to five regions stores the image five times; each also counts against the custom-image quota of its region (the quota gauges show it before anything runs).",
        "它创建的每个镜像都在所在地域保存自己的快照，因此分发到五个地域就会存储五份镜像；每份镜像也占用所在地域的自定义镜像配额（配额仪表在执行任何操作之前就会显示）。",
    ),
    Term::new(
        "An update (the OOS template ACS-ECS-UpdateImage) starts a temporary instance of your image the same way, pay-as-you-go, runs your commands with Cloud Assistant, makes a new image and releases the instance.",
        "更新镜像（OOS 模板 ACS-ECS-UpdateImage）同样会用您的镜像启动一台按量付费的临时实例，通过云助手运行您的命令，创建新镜像后释放该实例。",
    ),
];

/// When to pick Image Builder, and when to create and copy an image by hand: a title and why.
pub const WHEN: [(Term, Term); 2] = [
    (
        Term::new("Pick Image Builder", "选择镜像构建"),
        Term::new(
            "when the image is a recipe you rebuild (patches, agents, packages on top of a public image) and when it must reach several regions or accounts: one execution replaces a create, a copy per region and a share per region, and builds the same image every time.",
            "当镜像是需要反复构建的配方（在公共镜像上安装补丁、Agent、软件包），或需要分发到多个地域或账号时：一次执行即可取代一次创建、每个地域一次复制镜像和每个地域一次共享镜像，并且每次构建出的镜像都相同。",
        ),
    ),
    (
        Term::new("Pick create and copy", "选择创建并复制镜像"),
        Term::new(
            "when the image comes from an instance you set up by hand or a snapshot you already have, when the base is a Marketplace image (Image Builder does not build on one), when you need an encrypted copy with your own KMS key, or when it must reach more than 20 regions or accounts.",
            "当镜像来自您手动配置的实例或已有的快照，源镜像是镜像市场镜像（镜像构建不支持以其为源镜像），需要用自己的 KMS 密钥加密副本，或需要分发到超过 20 个地域或账号时。",
        ),
    ),
];
