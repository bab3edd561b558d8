//! What the command line adds for plans kept as code (native only): many plan files and globs
//! in one `check` ([`files`], printed by [`output`]) and SARIF for code review ([`sarif`]). The plan's JSON Schema is
//! in the core ([`crate::core::schema`]), derived from the model.

pub mod files;
pub mod output;
pub mod sarif;
