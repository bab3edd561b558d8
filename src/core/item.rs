//! Typed references to the items of a plan: what a finding is about, what the page shows a
//! badge on and what the command line groups by. A finding's JSON pointer (`/launches/0/image`)
//! names a field inside an item; [`Item::of_path`] gives the item (`/launches/0`).

use std::fmt;

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
