//! The YAML schema of a rule file, as written: text in, `Raw*` structs out.
//!
//! Every struct rejects unknown keys, so a typo (`chek:`) is an error that lists the valid
//! keys instead of a rule that silently does nothing. Values whose position an error may need
//! (ids, checks, templates, patterns, severities) are `Spanned`, so errors point at the rule's
//! own line. Nothing here is interpreted: `compile` does that.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::finding::Severity;

/// A rule file (`claims/*.yaml`): the articles it applies to, reference facts, claims to
/// check and terms to enforce. See docs/rules.md.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "factlint rule file")]
pub struct RawFile {
    /// The JSON Schema of this file, for editors (yaml-language-server); factlint ignores it.
    #[serde(default, rename = "$schema")]
    #[allow(dead_code)]
    pub schema: Option<String>,
    /// Globs, relative to the repository root, of the articles this file applies to; without
    /// it, the file applies to every article.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub applies_to: Option<Vec<Spanned<String>>>,
    /// Reference values by id (`facts:`, `claims:` and `terms:` may be left empty while a
    /// file is written).
    #[serde(default)]
    pub facts: Option<RawFacts>,
    /// Sentences to find and the checks their numbers must pass.
    #[serde(default)]
    pub claims: Option<Vec<RawClaim>>,
    /// Words to use instead of others.
    #[serde(default)]
    pub terms: Option<Vec<RawTerm>>,
}

/// A severity, for the schema (the loader reads any word and reports a wrong one with the
/// file's other errors).
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum SeverityName {
    Info,
    Warning,
    Error,
}

/// `facts:` in the order written (a map from fact id to fact).
#[derive(Debug, Default)]
pub struct RawFacts(pub Vec<(Spanned<String>, RawFact)>);

/// A reference value from the primary source.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    /// The value as written in `unit` (`value: 9.8, unit: "%"` is 9.8%).
    pub value: f64,
    /// `USD`, `%`, `pp`, `share` (a fraction), `times`, `t`, or what is counted (`models`).
    pub unit: String,
    /// Where the value comes from.
    pub source: String,
    /// The step the value was rounded to: the true value lies within ± precision / 2.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub precision: Option<Spanned<f64>>,
}

/// A sentence to find and the checks its numbers must pass.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    /// A unique id (letters, digits, `_`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// A template: literal text with `{name}` or `{name:kind}` placeholders.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text: Option<Spanned<String>>,
    /// A regular expression with named groups, instead of `text`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub pattern: Option<Spanned<String>>,
    /// One comparison (`ratio ~ a / b`) or a list of them.
    pub check: Checks,
    /// `error` (the default), `warning` or `info`.
    #[serde(default)]
    #[schemars(with = "Option<SeverityName>")]
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

/// Texts the rule must pass and texts it must flag; `factlint test` runs them.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExamples {
    #[serde(default)]
    pub pass: Vec<String>,
    #[serde(default)]
    pub fail: Vec<String>,
}

/// A word to use instead of others.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    /// A unique id (letters, digits, `_`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The right word.
    #[serde(rename = "use")]
    #[schemars(with = "String")]
    pub use_word: Spanned<String>,
    /// The wrong words.
    #[schemars(with = "Vec<String>")]
    pub instead_of: Vec<Spanned<String>>,
    #[serde(default)]
    pub within: Option<RawHeading>,
    #[serde(default)]
    pub outside: Option<RawHeading>,
    #[serde(default)]
    pub case_sensitive: Option<bool>,
    /// `warning` (the default for terms), `error` or `info`.
    #[serde(default)]
    #[schemars(with = "Option<SeverityName>")]
    pub severity: Option<Spanned<RawSeverity>>,
    #[serde(default)]
    pub why: Option<String>,
    #[serde(default)]
    pub examples: RawExamples,
}

/// A section heading, whole or by its beginning (numbering such as `二、` aside).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHeading {
    /// The whole heading (numbering such as `二、` or `3.` aside).
    #[serde(default)]
    pub heading: Option<String>,
    /// The beginning of the heading (numbering aside).
    #[serde(default)]
    pub heading_starts: Option<String>,
}

impl JsonSchema for RawFacts {
    fn schema_name() -> Cow<'static, str> {
        "Facts".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let fact = generator.subschema_for::<RawFact>();
        json_schema!({
            "description": "Reference values by id; ids are names (letters, digits, `_`).",
            "type": ["object", "null"],
            "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
            "additionalProperties": fact
        })
    }
}

impl JsonSchema for Checks {
    fn schema_name() -> Cow<'static, str> {
        "Checks".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "One comparison (`ratio ~ a / b`) or a list of them.",
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
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

/// The JSON Schema (draft-07) of a rule file, derived from these types.
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    generator.into_root_schema_for::<RawFile>().to_value()
}

/// Parses one rule file's text.
///
/// Repeated keys are passed through rather than rejected by the parser, so that a repeated
/// fact id can be reported with the line of its first definition (the derived structs still
/// reject a repeated field themselves).
pub fn parse(text: &str) -> Result<RawFile, serde_saphyr::Error> {
    let options = crate::yaml::options(serde_saphyr::DuplicateKeyPolicy::PassThrough);
    serde_saphyr::from_str_with_options(text, options)
}

/// Every item that does not parse, when the file as a whole does not: each claim, term and
/// fact is cut out of the text (its first line blanked up to the item's column, so that
/// columns stay right) and parsed alone, and its error moved to the file's line. Empty when
/// the file's shape itself is broken (then the one error of `parse` is all there is to say).
pub fn item_errors(text: &str) -> Vec<(usize, serde_saphyr::Error)> {
    use serde::de::IgnoredAny;

    #[derive(Deserialize)]
    struct Shape {
        #[serde(default)]
        facts: Option<ShapeFacts>,
        #[serde(default)]
        claims: Option<Vec<Spanned<IgnoredAny>>>,
        #[serde(default)]
        terms: Option<Vec<Spanned<IgnoredAny>>>,
    }
    struct ShapeFacts(Vec<(usize, usize)>);
    impl<'de> Deserialize<'de> for ShapeFacts {
        fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = ShapeFacts;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a map of facts")
                }
                fn visit_unit<E: de::Error>(self) -> Result<ShapeFacts, E> {
                    Ok(ShapeFacts(Vec::new()))
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ShapeFacts, A::Error> {
                    let mut out = Vec::new();
                    while let Some(_key) = map.next_key::<IgnoredAny>()? {
                        let v = map.next_value::<Spanned<IgnoredAny>>()?;
                        out.push((v.referenced.line() as usize, v.referenced.column() as usize));
                    }
                    Ok(ShapeFacts(out))
                }
            }
            d.deserialize_map(V)
        }
    }

    let mut options = serde_saphyr::Options::default();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    let Ok(shape) = serde_saphyr::from_str_with_options::<Shape>(text, options.clone()) else {
        return Vec::new();
    };
    let lines: Vec<&str> = text.lines().collect();
    // Lines that start a top-level key end the last item of a section.
    let top: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            l.chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-')
        })
        .map(|(i, _)| i + 1)
        .collect();
    let mut out = Vec::new();
    let mut each = |starts: Vec<(usize, usize)>,
                    parse: &dyn Fn(&str) -> Option<serde_saphyr::Error>| {
        for (k, &(line, column)) in starts.iter().enumerate() {
            let next_item = starts.get(k + 1).map(|s| s.0);
            let next_top = top.iter().copied().find(|&t| t > line);
            let end = [next_item, next_top]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(lines.len() + 1);
            if end <= line || line == 0 {
                continue;
            }
            let mut block = String::new();
            for (i, l) in lines[line - 1..end - 1].iter().enumerate() {
                if i == 0 {
                    let cut: usize = l
                        .chars()
                        .take(column.saturating_sub(1))
                        .map(char::len_utf8)
                        .sum();
                    block.push_str(&" ".repeat(l[..cut].chars().count()));
                    block.push_str(&l[cut..]);
                } else {
                    block.push_str(l);
                }
                block.push('\n');
            }
            if let Some(e) = parse(&block) {
                out.push((line - 1, e));
            }
        }
    };
    let opts = options.clone();
    let facts = shape.facts.map(|f| f.0).unwrap_or_default();
    each(facts, &|b| {
        serde_saphyr::from_str_with_options::<RawFact>(b, opts.clone()).err()
    });
    let starts = |v: Option<Vec<Spanned<IgnoredAny>>>| -> Vec<(usize, usize)> {
        v.unwrap_or_default()
            .iter()
            .map(|s| (s.referenced.line() as usize, s.referenced.column() as usize))
            .collect()
    };
    each(starts(shape.claims), &|b| {
        serde_saphyr::from_str_with_options::<RawClaim>(b, opts.clone()).err()
    });
    each(starts(shape.terms), &|b| {
        serde_saphyr::from_str_with_options::<RawTerm>(b, opts.clone()).err()
    });
    out
}
