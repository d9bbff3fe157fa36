//! The YAML schema of a rule file, as written: text in, `Raw*` structs out.
//!
//! Every struct rejects unknown keys, so a typo (`chek:`) is an error that lists the valid
//! keys instead of a rule that silently does nothing. Values whose position an error may need
//! (ids, checks, templates, patterns, severities) are `Spanned`, so errors point at the rule's
//! own line. Nothing here is interpreted: `compile` does that.

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::finding::Severity;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub applies_to: Option<Vec<Spanned<String>>>,
    /// `facts:`, `claims:` and `terms:` may be left empty (null) while a file is written.
    #[serde(default)]
    pub facts: Option<RawFacts>,
    #[serde(default)]
    pub claims: Option<Vec<RawClaim>>,
    #[serde(default)]
    pub terms: Option<Vec<RawTerm>>,
}

/// `facts:` in the order written (a map from fact id to fact).
#[derive(Debug, Default)]
pub struct RawFacts(pub Vec<(Spanned<String>, RawFact)>);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub value: f64,
    pub unit: String,
    pub source: String,
    /// The step the value was rounded to: the true value lies within ± precision / 2.
    #[serde(default)]
    pub precision: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub id: Spanned<String>,
    #[serde(default)]
    pub text: Option<Spanned<String>>,
    #[serde(default)]
    pub pattern: Option<Spanned<String>>,
    pub check: Checks,
    #[serde(default)]
    pub severity: Option<Spanned<RawSeverity>>,
    #[serde(default)]
    pub examples: RawExamples,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub why: Option<String>,
}

/// `severity:` as written, read by `Severity`'s serde derive. An unknown word is kept (not
/// a parse error) so that `compile` reports it at the rule's line together with the file's
/// other errors, instead of stopping the whole file at the first one.
#[derive(Debug)]
pub struct RawSeverity {
    pub text: String,
    pub severity: Option<Severity>,
}

impl<'de> Deserialize<'de> for RawSeverity {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let severity = Severity::parse(text.trim());
        Ok(RawSeverity { text, severity })
    }
}

/// `check:` as one string or a list of strings.
#[derive(Debug)]
pub struct Checks(pub Vec<Spanned<String>>);

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExamples {
    #[serde(default)]
    pub pass: Vec<String>,
    #[serde(default)]
    pub fail: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub id: Spanned<String>,
    #[serde(rename = "use")]
    pub use_word: Spanned<String>,
    pub instead_of: Vec<Spanned<String>>,
    #[serde(default)]
    pub within: Option<RawHeading>,
    #[serde(default)]
    pub outside: Option<RawHeading>,
    #[serde(default)]
    pub case_sensitive: Option<bool>,
    #[serde(default)]
    pub severity: Option<Spanned<RawSeverity>>,
    #[serde(default)]
    pub why: Option<String>,
    #[serde(default)]
    pub examples: RawExamples,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeading {
    pub heading: String,
}

impl<'de> Deserialize<'de> for RawFacts {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FactsVisitor;
        impl<'de> Visitor<'de> for FactsVisitor {
            type Value = RawFacts;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map from fact id to `{value, unit, source}`")
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawFacts, E> {
                Ok(RawFacts::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFacts, A::Error> {
                let mut facts = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    facts.push((key, map.next_value::<RawFact>()?));
                }
                Ok(RawFacts(facts))
            }
        }
        d.deserialize_map(FactsVisitor)
    }
}

impl<'de> Deserialize<'de> for Checks {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // The one-string form is read as `Spanned` first so that it keeps its location.
        let spanned = Spanned::<OneOrMany>::deserialize(d)?;
        Ok(match spanned.value {
            OneOrMany::One(text) => Checks(vec![Spanned::new(
                text,
                spanned.referenced,
                spanned.defined,
            )]),
            OneOrMany::Many(list) => Checks(list),
        })
    }
}

enum OneOrMany {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor;
        impl<'de> Visitor<'de> for OneOrManyVisitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an expression or a list of expressions")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut list = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<String>>()? {
                    list.push(item);
                }
                Ok(OneOrMany::Many(list))
            }
        }
        d.deserialize_any(OneOrManyVisitor)
    }
}

/// Parses one rule file's text.
///
/// Repeated keys are passed through rather than rejected by the parser, so that a repeated
/// fact id can be reported with the line of its first definition (the derived structs still
/// reject a repeated field themselves).
pub fn parse(text: &str) -> Result<RawFile, serde_saphyr::Error> {
    let mut options = serde_saphyr::Options::default();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    serde_saphyr::from_str_with_options(text, options)
}
