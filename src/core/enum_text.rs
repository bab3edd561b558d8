//! The plan's enumerations as the text the plan document spells them with: every value
//! (`ALL`), its text (`as_str`, `Display`) and back (`FromStr`), so forms, filters and messages
//! work with typed values instead of going through serde. A test checks each text against the
//! serde spelling of the document.

use std::fmt;
use std::str::FromStr;

use super::model::{
    BootMode, CpuArch, CreateSource, ImageArch, ImageBootMode, ImageStatus, ImageType, KeyKind,
    NvmeRequirement, NvmeSupport, Platform,
};

/// Text that names no value of the enumeration; says which texts would.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownValue {
    /// What was given.
    pub given: String,
    /// The texts that are values.
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not one of {}",
            self.given,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}

macro_rules! text_enum {
    ($ty:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            /// The texts of [`Self::ALL`], in the same order.
            pub const TEXTS: &'static [&'static str] = &[$($text),+];

            /// The text the plan document spells the value with.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = UnknownValue;

            fn from_str(text: &str) -> Result<Self, UnknownValue> {
                match text {
                    $($text => Ok($ty::$variant),)+
                    _ => Err(UnknownValue {
                        given: text.to_string(),
                        expected: $ty::TEXTS,
                    }),
                }
            }
        }
    };
}

text_enum!(CpuArch { X86_64 => "x86_64", Arm64 => "arm64" });
text_enum!(BootMode { Bios => "BIOS", Uefi => "UEFI" });
text_enum!(NvmeRequirement { Required => "required", Unsupported => "unsupported" });
text_enum!(ImageType {
    Public => "public",
    Custom => "custom",
    Shared => "shared",
    Marketplace => "marketplace",
    Community => "community",
});
text_enum!(Platform { Linux => "linux", Windows => "windows" });
text_enum!(ImageArch { I386 => "i386", X86_64 => "x86_64", Arm64 => "arm64" });
text_enum!(ImageBootMode {
    Bios => "BIOS",
    Uefi => "UEFI",
    UefiPreferred => "UEFI-Preferred",
});
text_enum!(NvmeSupport { Supported => "supported", Unsupported => "unsupported" });
text_enum!(KeyKind { Service => "service", Cmk => "cmk" });
text_enum!(ImageStatus { Available => "Available", Deprecated => "Deprecated" });
text_enum!(CreateSource { Instance => "instance", Snapshot => "snapshot" });

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T>(all: &[T])
    where
        T: Copy + fmt::Display + FromStr + PartialEq + fmt::Debug + serde::Serialize,
        T::Err: fmt::Debug,
    {
        for &value in all {
            let text = value.to_string();
            assert_eq!(
                serde_json::to_value(value).unwrap(),
                serde_json::Value::String(text.clone()),
                "the text of {value:?} is the document's spelling"
            );
            assert_eq!(text.parse::<T>().unwrap(), value);
        }
    }

    #[test]
    fn every_value_round_trips_through_its_document_text() {
        round_trips(CpuArch::ALL);
        round_trips(BootMode::ALL);
        round_trips(NvmeRequirement::ALL);
        round_trips(ImageType::ALL);
        round_trips(Platform::ALL);
        round_trips(ImageArch::ALL);
        round_trips(ImageBootMode::ALL);
        round_trips(NvmeSupport::ALL);
        round_trips(KeyKind::ALL);
        round_trips(ImageStatus::ALL);
        round_trips(CreateSource::ALL);
    }

    #[test]
    fn unknown_text_names_the_values() {
        let error = "uefi".parse::<ImageBootMode>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "\"uefi\" is not one of BIOS, UEFI, UEFI-Preferred"
        );
    }
}
