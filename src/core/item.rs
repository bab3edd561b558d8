//! Typed references to the items of a plan: what a finding is about, what the page shows a
//! badge on and what the command line groups by. A finding's JSON pointer (`/launches/0/image`)
//! names a field inside an item; [`Item::of_path`] gives the item (`/launches/0`).

use std::fmt;

use super::i18n::{Lang, Term};

/// One item of a plan document: a top-level setting or one entry of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// The plan's `name`.
    Name,
    /// The plan's `as_of`.
    AsOf,
    /// The plan's `account_id`.
    AccountId,
    /// The plan's `quotas`.
    Quotas,
    /// The plan's `custom_image_usage`.
    CustomImageUsage,
    /// `instance_types[n]`.
    InstanceType(usize),
    /// `images[n]`.
    Image(usize),
    /// `creates[n]`.
    Create(usize),
    /// `imports[n]`.
    Import(usize),
    /// `pipelines[n]`.
    Pipeline(usize),
    /// `updates[n]`.
    Update(usize),
    /// `copies[n]`.
    Copy(usize),
    /// `modifies[n]`.
    Modify(usize),
    /// `shares[n]`.
    Share(usize),
    /// `exports[n]`.
    Export(usize),
    /// `launches[n]`.
    Launch(usize),
    /// `deletes[n]`.
    Delete(usize),
    /// The document as a whole, or a pointer that names no item.
    Plan,
}

impl Item {
    /// The item a JSON pointer points into: `/launches/0/image` is [`Item::Launch`]`(0)`.
    pub fn of_path(pointer: &str) -> Item {
        let mut parts = pointer.strip_prefix('/').unwrap_or(pointer).split('/');
        let list = parts.next().unwrap_or("");
        let index = parts.next().and_then(|n| n.parse::<usize>().ok());
        match (list, index) {
            ("name", _) => Item::Name,
            ("as_of", _) => Item::AsOf,
            ("account_id", _) => Item::AccountId,
            ("quotas", _) => Item::Quotas,
            ("custom_image_usage", _) => Item::CustomImageUsage,
            ("instance_types", Some(n)) => Item::InstanceType(n),
            ("images", Some(n)) => Item::Image(n),
            ("creates", Some(n)) => Item::Create(n),
            ("imports", Some(n)) => Item::Import(n),
            ("pipelines", Some(n)) => Item::Pipeline(n),
            ("updates", Some(n)) => Item::Update(n),
            ("copies", Some(n)) => Item::Copy(n),
            ("modifies", Some(n)) => Item::Modify(n),
            ("shares", Some(n)) => Item::Share(n),
            ("exports", Some(n)) => Item::Export(n),
            ("launches", Some(n)) => Item::Launch(n),
            ("deletes", Some(n)) => Item::Delete(n),
            _ => Item::Plan,
        }
    }
}

impl Item {
    /// What a person calls the item's kind, in every language (`launch`, `启动实例`): the one
    /// place the page's headings and the findings' words take it from. `None` for the plan's
    /// settings and the whole plan.
    pub const fn noun(self) -> Option<Term> {
        Some(match self {
            Item::InstanceType(_) => Term::new("instance type", "实例规格"),
            Item::Image(_) => Term::new("image", "镜像"),
            Item::Create(_) => Term::new("create", "创建镜像"),
            Item::Import(_) => Term::new("import", "导入镜像"),
            Item::Pipeline(_) => Term::new("pipeline", "镜像构建流水线"),
            Item::Update(_) => Term::new("update", "镜像更新"),
            Item::Copy(_) => Term::new("copy", "复制镜像"),
            Item::Modify(_) => Term::new("attribute change", "镜像属性修改"),
            Item::Share(_) => Term::new("share", "共享镜像"),
            Item::Export(_) => Term::new("export", "导出镜像"),
            Item::Launch(_) => Term::new("launch", "启动实例"),
            Item::Delete(_) => Term::new("delete", "删除操作"),
            Item::Name
            | Item::AsOf
            | Item::AccountId
            | Item::Quotas
            | Item::CustomImageUsage
            | Item::Plan => return None,
        })
    }

    /// The item's heading for people: "Launch #3" ("启动实例 #3"); the plan's settings by name
    /// ("Quotas", "配额").
    pub fn title(self, lang: Lang) -> String {
        let index = match self {
            Item::InstanceType(n)
            | Item::Image(n)
            | Item::Create(n)
            | Item::Import(n)
            | Item::Pipeline(n)
            | Item::Update(n)
            | Item::Copy(n)
            | Item::Modify(n)
            | Item::Share(n)
            | Item::Export(n)
            | Item::Launch(n)
            | Item::Delete(n) => n,
            Item::Name => return Term::new("Plan name", "计划名称").get(lang).into(),
            Item::AsOf => return Term::new("Plan date", "计划日期").get(lang).into(),
            Item::AccountId => return Term::new("Account ID", "账号 ID").get(lang).into(),
            Item::Quotas => return Term::new("Quotas", "配额").get(lang).into(),
            Item::CustomImageUsage => {
                return Term::new("Custom images in use", "已有的自定义镜像")
                    .get(lang)
                    .into()
            }
            Item::Plan => return Term::new("The plan", "计划").get(lang).into(),
        };
        let noun = self.noun().map_or("", |t| t.get(lang));
        let mut chars = noun.chars();
        let noun: String = match (lang, chars.next()) {
            (Lang::En, Some(first)) => first.to_uppercase().chain(chars).collect(),
            _ => noun.to_string(),
        };
        format!("{noun} #{index}")
    }
}

/// The item's JSON pointer: `/launches/0`, `/quotas`; the whole plan is the empty pointer.
impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (list, index) = match *self {
            Item::Name => ("name", None),
            Item::AsOf => ("as_of", None),
            Item::AccountId => ("account_id", None),
            Item::Quotas => ("quotas", None),
            Item::CustomImageUsage => ("custom_image_usage", None),
            Item::InstanceType(n) => ("instance_types", Some(n)),
            Item::Image(n) => ("images", Some(n)),
            Item::Create(n) => ("creates", Some(n)),
            Item::Import(n) => ("imports", Some(n)),
            Item::Pipeline(n) => ("pipelines", Some(n)),
            Item::Update(n) => ("updates", Some(n)),
            Item::Copy(n) => ("copies", Some(n)),
            Item::Modify(n) => ("modifies", Some(n)),
            Item::Share(n) => ("shares", Some(n)),
            Item::Export(n) => ("exports", Some(n)),
            Item::Launch(n) => ("launches", Some(n)),
            Item::Delete(n) => ("deletes", Some(n)),
            Item::Plan => return Ok(()),
        };
        match index {
            Some(n) => write!(f, "/{list}/{n}"),
            None => write!(f, "/{list}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Item;
    use crate::core::i18n::Lang;

    #[test]
    fn titles_read_naturally_in_both_languages() {
        assert_eq!(Item::Launch(3).title(Lang::En), "Launch #3");
        assert_eq!(Item::Launch(3).title(Lang::ZhCn), "启动实例 #3");
        assert_eq!(Item::Modify(0).title(Lang::En), "Attribute change #0");
        assert_eq!(Item::Quotas.title(Lang::ZhCn), "配额");
        assert_eq!(Item::Plan.noun(), None);
    }

    #[test]
    fn pointers_name_their_item_and_items_print_their_pointer() {
        for (pointer, item, printed) in [
            ("/launches/0/image", Item::Launch(0), "/launches/0"),
            ("/shares/12/accounts/3", Item::Share(12), "/shares/12"),
            (
                "/custom_image_usage/cn-hangzhou",
                Item::CustomImageUsage,
                "/custom_image_usage",
            ),
            ("/quotas/custom_images_per_region", Item::Quotas, "/quotas"),
            ("/account_id", Item::AccountId, "/account_id"),
            ("/imports/1/image/boot_mode", Item::Import(1), "/imports/1"),
            ("/modifies/0/nvme", Item::Modify(0), "/modifies/0"),
            ("/images/x", Item::Plan, ""),
            ("", Item::Plan, ""),
        ] {
            assert_eq!(Item::of_path(pointer), item, "{pointer}");
            assert_eq!(item.to_string(), printed);
        }
    }
}
