//! Importing what the `aliyun` CLI prints: `aliyun ecs DescribeImages` and
//! `aliyun ecs DescribeInstanceTypes` JSON output, as plan [`Image`]s and [`InstanceType`]s.
//!
//! Field names and values follow the ECS API reference (2014-05-26). Fields the plan has no use
//! for (and real output has many) are ignored. A missing or malformed field the plan needs is an
//! [`ImportError`] naming its JSON Pointer (`/Images/Image/3/ImageId`) and what was expected.
//!
//! DescribeImages mapping: `ImageOwnerAlias` system → public, self → custom, others → shared
//! (community when `IsPublic` is true), marketplace → marketplace; `OSNameEn` (else `OSName`) →
//! os; `OSType` → platform; `Architecture`, `BootMode`, `Size` as they are; `Features.NvmeSupport`
//! (or a top-level `NvmeSupport`) → nvme; `DiskDeviceMappings` → snapshots, and its `data`
//! entries → data disks; a `ProductCode` on a non-Marketplace image → from_marketplace. Custom,
//! shared, Marketplace and community images get the region of the output (its `RegionId`, else
//! the region passed in); public images exist everywhere. Images whose `Status` is neither
//! `Available` nor `Deprecated` (Creating, CreateFailed, UnAvailable, ...) cannot be launched,
//! copied or shared, and are left out.
//!
//! `ImageFamily` → family and the date of `CreationTime` (`2024-08-19T08:52:10Z`) → created.
//!
//! DescribeImageSupportInstanceTypes mapping (response body of SDK 7.11.8: `ImageId`,
//! `RegionId`, `InstanceTypes.InstanceType[].InstanceTypeId`): the IDs become the image's
//! `instance_types` pin. Told apart from DescribeInstanceTypes by its top-level `ImageId`.
//!
//! DescribeInstanceTypes mapping: `InstanceTypeId`, `CpuCoreCount`, `MemorySize` (GiB),
//! `CpuArchitecture` X86 → x86_64 and ARM → arm64, `NvmeSupport`, and
//! `SupportedBootModes.SupportedBootMode`.

use serde_json::{Map, Value};

use super::i18n::{Lang, Term};
use super::model::{
    BootMode, CpuArch, DataDisk, Image, ImageArch, ImageBootMode, ImageStatus, ImageType,
    InstanceType, NvmeRequirement, NvmeSupport, Plan, Platform,
};
use super::validate::{MAX_ITEMS, MAX_STRING_CHARS};

/// The largest CLI output accepted, in bytes.
pub const MAX_IMPORT_BYTES: usize = 4 * 1024 * 1024;

/// Why pasted output does not import, and where: the same shape as a plan's parse error
/// (JSON pointer, line and column of a syntax error, message).
pub type ImportError = super::parse::PlanError;

/// What [`detect_and_import`] found.
#[derive(Clone, Debug, PartialEq)]
pub enum Imported {
    /// DescribeImages output.
    Images(Vec<Image>),
    /// DescribeInstanceTypes output.
    InstanceTypes(Vec<InstanceType>),
    /// DescribeImageSupportInstanceTypes output: the types one image runs on.
    SupportedTypes {
        /// The image (`ImageId`).
        image: String,
        /// The instance type IDs it supports.
        types: Vec<String>,
    },
}

/// An error at `pointer`, in English and Simplified Chinese.
fn error(pointer: &str, message: String, zh: String) -> ImportError {
    ImportError {
        pointer: pointer.to_string(),
        line: 0,
        column: 0,
        message,
        zh,
    }
}

/// Imports `aliyun ecs DescribeImages` output. `region` is the region the output was taken in;
/// it may be empty when the output carries its own `RegionId`.
pub fn import_describe_images(json: &str, region: &str) -> Result<Vec<Image>, ImportError> {
    let root = parse(json)?;
    images(&root, region)
}

/// Imports `aliyun ecs DescribeInstanceTypes` output.
pub fn import_describe_instance_types(json: &str) -> Result<Vec<InstanceType>, ImportError> {
    let root = parse(json)?;
    instance_types(&root)
}

/// Imports either output, telling them apart by their top-level `Images` or `InstanceTypes`.
pub fn detect_and_import(json: &str, region: &str) -> Result<Imported, ImportError> {
    let root = parse(json)?;
    if root.contains_key("ImageId") && root.contains_key("InstanceTypes") {
        supported_types(&root)
    } else if root.contains_key("Images") {
        images(&root, region).map(Imported::Images)
    } else if root.contains_key("InstanceTypes") {
        instance_types(&root).map(Imported::InstanceTypes)
    } else {
        let mut keys: Vec<&str> = root.keys().map(String::as_str).take(5).collect();
        if root.len() > keys.len() {
            keys.push("...");
        }
        Err(error(
            "",
            format!(
                "this is not `aliyun ecs DescribeImages`, `DescribeInstanceTypes` or \
                 `DescribeImageSupportInstanceTypes` output: expected a top-level \"Images\" \
                 or \"InstanceTypes\" field, found {}",
                if keys.is_empty() {
                    "no fields".to_string()
                } else {
                    format!("the fields {}", keys.join(", "))
                }
            ),
            format!(
                "这不是 `aliyun ecs DescribeImages`、`DescribeInstanceTypes` 或 \
                 `DescribeImageSupportInstanceTypes` 的输出：顶层应有 \"Images\" 或 \
                 \"InstanceTypes\" 字段，{}",
                if keys.is_empty() {
                    "但没有任何字段".to_string()
                } else {
                    format!("实际的字段为 {}", keys.join("、"))
                }
            ),
        ))
    }
}

fn parse(json: &str) -> Result<Map<String, Value>, ImportError> {
    if json.len() > MAX_IMPORT_BYTES {
        return Err(error(
            "",
            format!(
                "the input is {} bytes; imports are limited to {MAX_IMPORT_BYTES} bytes (4 MiB): \
                 query fewer items per call (PageSize) and import the pages one by one",
                json.len()
            ),
            format!(
                "输入有 {} 字节；导入最多 {MAX_IMPORT_BYTES} 字节（4 MiB）：请减少每次调用查询的数量（PageSize），逐页导入",
                json.len()
            ),
        ));
    }
    match serde_json::from_str::<Value>(json) {
        Ok(Value::Object(root)) => Ok(root),
        Ok(other) => Err(error(
            "",
            format!(
                "expected the JSON object the aliyun CLI prints, found {}",
                kind(&other)
            ),
            format!(
                "应为 aliyun CLI 输出的 JSON 对象，实际是{}",
                kind_zh(&other)
            ),
        )),
        Err(err) => {
            let message = super::parse::strip_position(&err.to_string());
            Err(ImportError {
                pointer: String::new(),
                line: err.line(),
                column: err.column(),
                zh: format!("不是有效的 JSON：{}", super::json_zh::message(&message)),
                message: format!("not valid JSON: {message}"),
            })
        }
    }
}

/// A JSON object and the pointer it sits at.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    pointer: String,
}

impl<'a> Obj<'a> {
    fn at(&self, key: &str) -> String {
        format!(
            "{}/{}",
            self.pointer,
            key.replace('~', "~0").replace('/', "~1")
        )
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|value| !value.is_null())
    }

    fn string(&self, key: &str) -> Result<Option<&'a str>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) if text.chars().count() > MAX_STRING_CHARS => Err(error(
                &self.at(key),
                format!(
                    "a text of {} characters; texts are limited to {MAX_STRING_CHARS}",
                    text.chars().count()
                ),
                format!(
                    "文本有 {} 个字符；文本最多 {MAX_STRING_CHARS} 个字符",
                    text.chars().count()
                ),
            )),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(other) => Err(error(
                &self.at(key),
                format!("expected a string, found {}", kind(other)),
                format!("应为字符串，实际是{}", kind_zh(other)),
            )),
        }
    }

    fn required_string(&self, key: &str, what: Term) -> Result<&'a str, ImportError> {
        match self.string(key)? {
            Some(text) if !text.is_empty() => Ok(text),
            _ => Err(error(
                &self.at(key),
                format!("missing {key}: expected {}", what.en),
                format!("缺少 {key}：应为{}", what.zh),
            )),
        }
    }

    /// A number, also accepted as a numeric string (the API writes some sizes as strings).
    fn number(&self, key: &str) -> Result<Option<f64>, ImportError> {
        let value = match self.get(key) {
            None => return Ok(None),
            Some(Value::Number(n)) => n.as_f64(),
            Some(Value::String(text)) if text.trim().is_empty() => return Ok(None),
            Some(Value::String(text)) => text.trim().parse::<f64>().ok(),
            Some(_) => None,
        };
        match value {
            Some(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
            _ => Err(error(
                &self.at(key),
                format!(
                    "expected a number of 0 or more, found {}",
                    self.get(key).map(shown).unwrap_or_default()
                ),
                format!(
                    "应为不小于 0 的数字，实际是 {}",
                    self.get(key).map(shown).unwrap_or_default()
                ),
            )),
        }
    }

    fn whole(&self, key: &str) -> Result<Option<u32>, ImportError> {
        match self.number(key)? {
            None => Ok(None),
            Some(n) if n.fract() == 0.0 && n <= f64::from(u32::MAX) => Ok(Some(n as u32)),
            Some(n) => Err(error(
                &self.at(key),
                format!("expected a whole number, found {n}"),
                format!("应为整数，实际是 {n}"),
            )),
        }
    }

    fn object(&self, key: &str) -> Result<Option<Obj<'a>>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Obj {
                map,
                pointer: self.at(key),
            })),
            Some(other) => Err(error(
                &self.at(key),
                format!("expected an object, found {}", kind(other)),
                format!("应为对象，实际是{}", kind_zh(other)),
            )),
        }
    }

    /// The list at `key`, at most [`MAX_ITEMS`] long.
    fn list(&self, key: &str) -> Result<(&'a [Value], String), ImportError> {
        let pointer = self.at(key);
        match self.get(key) {
            None => Ok((&[], pointer)),
            Some(Value::Array(items)) if items.len() > MAX_ITEMS => Err(error(
                &pointer,
                format!(
                    "{} items; an import takes at most {MAX_ITEMS}: query fewer per call \
                     (PageSize, or filter by ID) and import them in parts",
                    items.len()
                ),
                format!(
                    "{} 项；一次导入最多 {MAX_ITEMS} 项：请减少每次调用查询的数量（PageSize，或按 ID 过滤），分批导入",
                    items.len()
                ),
            )),
            Some(Value::Array(items)) => Ok((items, pointer)),
            Some(other) => Err(error(
                &pointer,
                format!("expected a list, found {}", kind(other)),
                format!("应为数组，实际是{}", kind_zh(other)),
            )),
        }
    }

    /// The objects in the list at `key`.
    fn objects(&self, key: &str) -> Result<Vec<Obj<'a>>, ImportError> {
        let (items, pointer) = self.list(key)?;
        items
            .iter()
            .enumerate()
            .map(|(index, item)| match item {
                Value::Object(map) => Ok(Obj {
                    map,
                    pointer: format!("{pointer}/{index}"),
                }),
                other => Err(error(
                    &format!("{pointer}/{index}"),
                    format!("expected an object, found {}", kind(other)),
                    format!("应为对象，实际是{}", kind_zh(other)),
                )),
            })
            .collect()
    }

    /// A string that must be one of `choices` (compared without case); `None` when absent.
    fn choice<T: Copy>(&self, key: &str, choices: &[(&str, T)]) -> Result<Option<T>, ImportError> {
        let Some(text) = self.string(key)? else {
            return Ok(None);
        };
        choices
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(text))
            .map(|(_, value)| Some(*value))
            .ok_or_else(|| {
                let names: Vec<String> = choices
                    .iter()
                    .map(|(name, _)| format!("\"{name}\""))
                    .collect();
                error(
                    &self.at(key),
                    format!("{text:?} is not one of {}", names.join(", ")),
                    format!("{text:?} 不是以下取值之一：{}", names.join("、")),
                )
            })
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// What a JSON value is, in Chinese, for "实际是…".
fn kind_zh(value: &Value) -> &'static str {
    match value {
        Value::Null => " null",
        Value::Bool(_) => "布尔值",
        Value::Number(_) => "数字",
        Value::String(_) => "字符串",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}

fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}...", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

/// The item list under `Outer.Inner` (`Images.Image`), as the CLI nests it.
fn items<'a>(
    root: &'a Map<String, Value>,
    outer: &str,
    inner: &str,
) -> Result<Vec<Obj<'a>>, ImportError> {
    let top = Obj {
        map: root,
        pointer: String::new(),
    };
    match top.object(outer)? {
        Some(wrapper) => wrapper.objects(inner),
        None => Err(error(
            &top.at(outer),
            format!("missing {outer}: expected {{\"{outer}\": {{\"{inner}\": [...]}}}}"),
            format!("缺少 {outer}：应为 {{\"{outer}\": {{\"{inner}\": [...]}}}}"),
        )),
    }
}

fn images(root: &Map<String, Value>, region: &str) -> Result<Vec<Image>, ImportError> {
    let top = Obj {
        map: root,
        pointer: String::new(),
    };
    let region = match (top.string("RegionId")?, region.trim()) {
        (Some(found), wanted) if !wanted.is_empty() && found != wanted => {
            return Err(error(
                "/RegionId",
                format!(
                    "the output is from region {found:?}, but the import is for {wanted:?}: \
                     import it for {found:?}, or query {wanted:?}"
                ),
                format!(
                    "该输出来自地域 {found:?}，但导入的目标是 {wanted:?}：请按 {found:?} 导入，或查询 {wanted:?}"
                ),
            ))
        }
        (Some(found), _) => found.to_string(),
        (None, wanted) => wanted.to_string(),
    };
    let mut out = Vec::new();
    for item in items(root, "Images", "Image")? {
        if let Some(image) = image(&item, &region)? {
            out.push(image);
        }
    }
    Ok(out)
}

fn image(item: &Obj, region: &str) -> Result<Option<Image>, ImportError> {
    let id = item.required_string(
        "ImageId",
        Term::new(
            "the image ID (m-... or a public image name)",
            "镜像 ID（m-... 或公共镜像名称）",
        ),
    )?;
    let status = match item.string("Status")? {
        None | Some("Available") => ImageStatus::Available,
        Some("Deprecated") => ImageStatus::Deprecated,
        Some(_) => return Ok(None),
    };
    let alias = item.required_string(
        "ImageOwnerAlias",
        Term::new(
            "one of \"system\", \"self\", \"others\", \"marketplace\"",
            " \"system\"、\"self\"、\"others\"、\"marketplace\" 之一",
        ),
    )?;
    let is_public = matches!(item.get("IsPublic"), Some(Value::Bool(true)))
        || matches!(item.get("IsPublic"), Some(Value::String(s)) if s == "true");
    let kind = match alias {
        "system" => ImageType::Public,
        "self" => ImageType::Custom,
        "others" if is_public => ImageType::Community,
        "others" => ImageType::Shared,
        "marketplace" => ImageType::Marketplace,
        other => {
            return Err(error(
                &item.at("ImageOwnerAlias"),
                format!(
                    "{other:?} is not one of \"system\", \"self\", \"others\", \"marketplace\""
                ),
                format!("{other:?} 不是 \"system\"、\"self\"、\"others\"、\"marketplace\" 之一"),
            ))
        }
    };
    let regions = if kind == ImageType::Public {
        None
    } else if region.is_empty() {
        return Err(error(
            "/RegionId",
            format!(
                "image {id} is a {} image, which exists only in its region, and neither the \
                 output nor the import names the region: say which region the output is from",
                ImageType::word(kind)
            ),
            format!(
                "镜像 {id} 是{}，只存在于其所在地域，而输出和导入都没有指明地域：请说明该输出来自哪个地域",
                kind.noun_zh()
            ),
        ));
    } else {
        Some(vec![region.to_string()])
    };
    let nvme_choices = [
        ("supported", NvmeSupport::Supported),
        ("unsupported", NvmeSupport::Unsupported),
    ];
    let nvme = match item.object("Features")? {
        Some(features) => features.choice("NvmeSupport", &nvme_choices)?,
        None => None,
    };
    let nvme = match nvme {
        Some(nvme) => Some(nvme),
        None => item.choice("NvmeSupport", &nvme_choices)?,
    };
    let mut snapshots = Vec::new();
    let mut data_disks = Vec::new();
    if let Some(mappings) = item.object("DiskDeviceMappings")? {
        for mapping in mappings.objects("DiskDeviceMapping")? {
            if let Some(snapshot) = mapping.string("SnapshotId")?.filter(|s| !s.is_empty()) {
                snapshots.push(snapshot.to_string());
            }
            if mapping.string("Type")? == Some("data") {
                let size_gib = mapping.whole("Size")?.ok_or_else(|| {
                    error(
                        &mapping.at("Size"),
                        "missing Size: expected the data disk's size in GiB".into(),
                        "缺少 Size：应为数据盘的大小（GiB）".into(),
                    )
                })?;
                data_disks.push(DataDisk {
                    size_gib: Some(size_gib),
                });
            }
        }
    }
    let product_code = item.string("ProductCode")?.unwrap_or_default();
    Ok(Some(Image {
        id: id.to_string(),
        name: item.string("ImageName")?.map(str::to_string),
        kind,
        os: item
            .string("OSNameEn")?
            .filter(|os| !os.is_empty())
            .or(item.string("OSName")?.filter(|os| !os.is_empty()))
            .map(str::to_string),
        platform: item
            .choice(
                "OSType",
                &[("linux", Platform::Linux), ("windows", Platform::Windows)],
            )?
            .unwrap_or_default(),
        arch: item
            .choice(
                "Architecture",
                &[
                    ("i386", ImageArch::I386),
                    ("x86_64", ImageArch::X86_64),
                    ("arm64", ImageArch::Arm64),
                ],
            )?
            .unwrap_or_default(),
        boot_mode: item
            .choice(
                "BootMode",
                &[
                    ("BIOS", ImageBootMode::Bios),
                    ("UEFI", ImageBootMode::Uefi),
                    ("UEFI-Preferred", ImageBootMode::UefiPreferred),
                ],
            )?
            .unwrap_or_default(),
        nvme: nvme.unwrap_or_default(),
        size_gib: item.whole("Size")?,
        regions,
        from_marketplace: !product_code.is_empty() && kind != ImageType::Marketplace,
        status,
        snapshots,
        data_disks,
        family: item
            .string("ImageFamily")?
            .filter(|f| !f.is_empty())
            .map(str::to_string),
        created: creation_date(item)?,
        ..Image::default()
    }))
}

/// What an `InstanceTypeId` holds.
const TYPE_ID: Term = Term::new(
    "the instance type ID (ecs.g7.large)",
    "实例规格 ID（ecs.g7.large）",
);

/// The date part of `CreationTime` (`2024-08-19T08:52:10Z`).
fn creation_date(item: &Obj) -> Result<Option<crate::core::date::Date>, ImportError> {
    let Some(text) = item.string("CreationTime")?.filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    text.get(..10)
        .and_then(|day| day.parse().ok())
        .map(Some)
        .ok_or_else(|| {
            error(
                &item.at("CreationTime"),
                format!("{text:?} is not a time such as \"2024-08-19T08:52:10Z\""),
                format!("{text:?} 不是时间，应类似 \"2024-08-19T08:52:10Z\""),
            )
        })
}

/// DescribeImageSupportInstanceTypes output as the image's type pin.
fn supported_types(root: &Map<String, Value>) -> Result<Imported, ImportError> {
    let top = Obj {
        map: root,
        pointer: String::new(),
    };
    let image = top.required_string(
        "ImageId",
        Term::new(
            "the image ID the types are for",
            "这些实例规格所属镜像的 ID",
        ),
    )?;
    let types = items(root, "InstanceTypes", "InstanceType")?
        .iter()
        .map(|item| {
            item.required_string("InstanceTypeId", TYPE_ID)
                .map(str::to_string)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Imported::SupportedTypes {
        image: image.to_string(),
        types,
    })
}

fn instance_types(root: &Map<String, Value>) -> Result<Vec<InstanceType>, ImportError> {
    items(root, "InstanceTypes", "InstanceType")?
        .iter()
        .map(instance_type)
        .collect()
}

fn instance_type(item: &Obj) -> Result<InstanceType, ImportError> {
    let id = item.required_string("InstanceTypeId", TYPE_ID)?;
    let vcpus = item.whole("CpuCoreCount")?.ok_or_else(|| {
        error(
            &item.at("CpuCoreCount"),
            "missing CpuCoreCount: expected the vCPU count".into(),
            "缺少 CpuCoreCount：应为 vCPU 数".into(),
        )
    })?;
    let memory_gib = item.number("MemorySize")?.ok_or_else(|| {
        error(
            &item.at("MemorySize"),
            "missing MemorySize: expected the memory in GiB".into(),
            "缺少 MemorySize：应为内存大小（GiB）".into(),
        )
    })?;
    let mut boot_modes = Vec::new();
    if let Some(modes) = item.object("SupportedBootModes")? {
        let (list, pointer) = modes.list("SupportedBootMode")?;
        for (index, mode) in list.iter().enumerate() {
            let mode = match mode.as_str() {
                Some(m) if m.eq_ignore_ascii_case("BIOS") => BootMode::Bios,
                Some(m) if m.eq_ignore_ascii_case("UEFI") => BootMode::Uefi,
                _ => {
                    return Err(error(
                        &format!("{pointer}/{index}"),
                        format!("{} is not \"BIOS\" or \"UEFI\"", shown(mode)),
                        format!("{} 不是 \"BIOS\" 或 \"UEFI\"", shown(mode)),
                    ))
                }
            };
            if !boot_modes.contains(&mode) {
                boot_modes.push(mode);
            }
        }
    }
    boot_modes.sort_unstable();
    Ok(InstanceType {
        id: id.to_string(),
        vcpus: Some(vcpus),
        memory_gib: Some(memory_gib),
        arch: item
            .choice(
                "CpuArchitecture",
                &[("X86", CpuArch::X86_64), ("ARM", CpuArch::Arm64)],
            )?
            .unwrap_or_default(),
        boot_modes,
        nvme: item
            .choice(
                "NvmeSupport",
                &[
                    ("required", NvmeRequirement::Required),
                    ("unsupported", NvmeRequirement::Unsupported),
                ],
            )?
            .unwrap_or_default(),
        regions: None,
    })
}

impl Imported {
    /// Adds the imported images or instance types to the plan, replacing entries with the same
    /// ID, and says what changed in `lang` ("Added 3 images and updated 1 from
    /// DescribeImages.").
    pub fn merge_into(self, plan: &mut Plan, lang: Lang) -> String {
        fn merge<T>(items: Vec<T>, into: &mut Vec<T>, id: impl Fn(&T) -> &str) -> (usize, usize) {
            let (mut added, mut updated) = (0, 0);
            for item in items {
                match into.iter_mut().find(|existing| id(existing) == id(&item)) {
                    Some(existing) => {
                        *existing = item;
                        updated += 1;
                    }
                    None => {
                        into.push(item);
                        added += 1;
                    }
                }
            }
            (added, updated)
        }
        let (what, source, (added, updated)) = match self {
            Imported::SupportedTypes { image, types } => {
                return pin_types(plan, image, types, lang)
            }
            Imported::Images(images) => (
                Term::new("image", "个镜像"),
                "DescribeImages",
                merge(images, &mut plan.images, |i| &i.id),
            ),
            Imported::InstanceTypes(types) => (
                Term::new("instance type", "个实例规格"),
                "DescribeInstanceTypes",
                merge(types, &mut plan.instance_types, |t| &t.id),
            ),
        };
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        crate::tr!(
            lang,
            format!(
                "Added {added} {}{} and updated {updated} from {source}.",
                what.en,
                plural(added)
            ),
            format!(
                "已从 {source} 添加 {added} {}，更新 {updated} 个。",
                what.zh
            )
        )
        .into_string()
    }
}

/// Pins the plan's image `id` (taken from the built-in catalog when the plan does not hold it
/// yet) to `types`, and says so. An image known nowhere is not invented: its attributes would
/// be guesses, so nothing changes and the message says what to import first.
fn pin_types(plan: &mut Plan, id: String, types: Vec<String>, lang: Lang) -> String {
    let count = types.len();
    let plural = if count == 1 { "" } else { "s" };
    let index = match plan.images.iter().position(|image| image.id == id) {
        Some(index) => index,
        None => match super::catalog::Catalog::builtin().image(&id) {
            Some(image) => {
                plan.images.push(image.clone());
                plan.images.len() - 1
            }
            None => {
                return crate::tr!(
                    lang,
                    format!(
                        "Nothing was pinned: image {id} is neither in the plan nor in the catalog. \
                         Paste its DescribeImages output first, then this output again."
                    ),
                    format!(
                        "未限定任何实例规格：镜像 {id} 既不在计划中，也不在目录中。请先粘贴它的 DescribeImages 输出，再粘贴此输出。"
                    )
                )
                .into_string()
            }
        },
    };
    plan.images[index].instance_types = Some(types);
    crate::tr!(
        lang,
        format!(
            "Pinned image {id} to the {count} instance type{plural} that \
             DescribeImageSupportInstanceTypes lists."
        ),
        format!(
            "已将镜像 {id} 限定为 DescribeImageSupportInstanceTypes 列出的 {count} 个实例规格。"
        )
    )
    .into_string()
}
