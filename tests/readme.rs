//! The README's `console` examples, run as they are written (trycmd), so the README never
//! shows output factlint no longer prints.

#[test]
fn readme_examples() {
    trycmd::TestCases::new().case("README.md");
}
