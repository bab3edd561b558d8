//! Account ID lists as people paste them: separated by commas, semicolons, spaces or new lines,
//! sometimes with the same ID twice.

/// A pasted list of account IDs, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountList {
    /// Each account once, in the order first given.
    pub accounts: Vec<String>,
    /// IDs given more than once (each listed once), left out of `accounts` after the first.
    pub duplicates: Vec<String>,
}

impl AccountList {
    /// Reads a list separated by commas, semicolons and white space.
    pub fn parse(text: &str) -> AccountList {
        let mut list = AccountList::default();
        for id in text
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|s| !s.is_empty())
        {
            if !list.accounts.iter().any(|a| a == id) {
                list.accounts.push(id.to_string());
            } else if !list.duplicates.iter().any(|d| d == id) {
                list.duplicates.push(id.to_string());
            }
        }
        list
    }

    /// The list written back as the page shows it: `a, b, c`.
    pub fn text(accounts: &[String]) -> String {
        accounts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_spaces_and_new_lines_separate_and_duplicates_are_named_once() {
        let list = AccountList::parse(
            "1234567890123456, 2345678901234567\n1234567890123456;3456789012345678 1234567890123456",
        );
        assert_eq!(
            list.accounts,
            ["1234567890123456", "2345678901234567", "3456789012345678"]
        );
        assert_eq!(list.duplicates, ["1234567890123456"]);
        assert_eq!(
            AccountList::text(&list.accounts),
            "1234567890123456, 2345678901234567, 3456789012345678"
        );
        assert_eq!(AccountList::parse(" ,\n "), AccountList::default());
    }
}
