//! The analysis over real extractions: sentences, clauses, units, tables, periods, keys.

use super::*;
use crate::extract::{ExtractOptions, Kind, extract};
use crate::lexicon::Basis;

fn analysed(text: &str, f: impl FnOnce(&Analysis<'_>)) {
    let mentions = extract(text, &ExtractOptions::default());
    let a = Analysis::new(text, &mentions);
    f(&a);
}

/// The index of the mention whose text is `needle`.
fn at(a: &Analysis<'_>, needle: &str) -> usize {
    a.mentions()
        .iter()
        .position(|m| &a.text()[m.span.range()] == needle)
        .unwrap_or_else(|| panic!("no mention `{needle}`"))
}

fn period(year: Option<YearRef>, months: Option<(u8, u8)>) -> Option<Period> {
    Some(Period { year, months })
}

#[test]
fn every_sentence_with_a_mention_is_kept_with_its_mentions() {
    let text = "没有数字的一句。甲为 1 吨，乙为 20%。\n\n- 列表项 3 吨\n- 另一项\n- 2023 年";
    analysed(text, |a| {
        let spans: Vec<&str> = a
            .sentences()
            .iter()
            .map(|s| &text[s.span.range()])
            .collect();
        assert_eq!(
            spans,
            ["甲为 1 吨，乙为 20%。", "- 列表项 3 吨", "- 2023 年"]
        );
        assert_eq!(a.sentence_of(at(a, "20%")), Some(0));
        assert_eq!(a.sentence_of(at(a, "3 吨")), Some(1));
        assert_eq!(a.sentence_of(at(a, "2023 年")), Some(2));
        // Sentences without a multiple or a percentage are there for every check; one
        // without a quantity gives a check nothing to compare.
        let checked: Vec<usize> = a.checked_sentences().map(|s| s.index).collect();
        assert_eq!(checked, [0, 1]);
        let s = a.sentence(0);
        assert_eq!(s.quantities.len(), 2);
        assert_eq!(a.skipped_sentences(), 0);
    });
}

#[test]
fn oversized_sentences_are_counted_not_checked() {
    let text = format!("甲为 1 吨。{}。乙为 2 吨", "3 吨，".repeat(65));
    analysed(&text, |a| {
        let firsts: Vec<&str> = a
            .checked_sentences()
            .map(|s| &text[s.quantities[0].span.range()])
            .collect();
        assert_eq!(firsts, ["1 吨", "2 吨"]);
        assert_eq!(a.skipped_sentences(), 1);
    });
}

#[test]
fn clauses_end_at_breaks_but_not_at_thousands_separators() {
    let text = "营收 22,816 万元，同比增长 5%；利润 3 亿元。";
    analysed(text, |a| {
        assert_eq!(
            &text[a.clause_of(at(a, "22,816 万元")).range()],
            "营收 22,816 万元"
        );
        assert_eq!(&text[a.clause_of(at(a, "5%")).range()], "同比增长 5%");
        assert_eq!(&text[a.clause_of(at(a, "3 亿元")).range()], "利润 3 亿元。");
    });
}

#[test]
fn units_and_table_cells() {
    let text = "导语 1 吨。\n\n- 甲 2 吨\n- 乙 3 吨\n\n| 地区 | 2023年营收 | 占比 |\n|---|---|---|\n| 华东 | 12 亿元 | 35% |\n";
    analysed(text, |a| {
        let kinds: Vec<UnitKind> = a.units().iter().map(|u| u.kind).collect();
        assert_eq!(
            kinds,
            [
                UnitKind::Paragraph,
                UnitKind::ListItem,
                UnitKind::ListItem,
                UnitKind::TableRow,
                UnitKind::TableRow
            ]
        );
        assert_eq!(a.unit_of(at(a, "3 吨")), Some(2));
        let (table, row, column) = a.cell_of(at(a, "35%")).expect("in a cell");
        assert_eq!(column, 2);
        assert_eq!(&text[row.cells[0].range()], "华东");
        assert_eq!(&text[table.header_cell(2).unwrap().range()], "占比");
        let k = a.key_of(at(a, "12 亿元"));
        assert_eq!(k.measure.as_deref(), Some("营收"));
        assert_eq!(k.subject.as_deref(), Some("华东"));
        assert_eq!(k.period, period(Some(YearRef::Absolute(2023)), None));
        assert_eq!(a.key_of(at(a, "35%")).measure.as_deref(), Some("占比"));
        assert_eq!(&text[a.clause_of(at(a, "35%")).range()], " 35% ");
    });
}

#[test]
fn periods_absolute_relative_and_parts() {
    let text = "2023年三季度，GDP 同比增长 4.9%，1-8月累计增长 5.2%。今年营收为 120 亿元，较上年的 40 亿元增加了 5 倍。";
    analysed(text, |a| {
        let p = |n| a.period_of(at(a, n)).map(|d| d.period);
        assert_eq!(
            p("4.9%"),
            period(Some(YearRef::Absolute(2023)), Some((7, 9)))
        );
        assert_eq!(p("5.2%"), period(None, Some((1, 8))));
        assert_eq!(p("120 亿元"), period(Some(YearRef::Relative(0)), None));
        assert_eq!(p("40 亿元"), period(Some(YearRef::Relative(-1)), None));
        // `较上年` names the base of the change, not the date of the multiple.
        assert_eq!(p("5 倍"), period(Some(YearRef::Relative(0)), None));
        let d = a.period_of(at(a, "4.9%")).unwrap();
        assert_eq!(&text[d.span.range()], "2023年三季度");
    });
    let text = "Revenue in Q3 2023 rose 12% year-on-year to $4.2 billion, up from $3.75 billion a year earlier.";
    analysed(text, |a| {
        let p = |n| a.period_of(at(a, n)).map(|d| d.period);
        assert_eq!(
            p("12%"),
            period(Some(YearRef::Absolute(2023)), Some((7, 9)))
        );
        assert_eq!(
            p("$3.75 billion"),
            period(Some(YearRef::Relative(-1)), None)
        );
    });
    let text = "前8个月出口 3 万亿元，first half sales were $2 million.";
    analysed(text, |a| {
        let p = |n| a.period_of(at(a, n)).map(|d| d.period);
        assert_eq!(p("3 万亿元"), period(None, Some((1, 8))));
        assert_eq!(p("$2 million"), period(None, Some((1, 6))));
    });
}

#[test]
fn keys_name_subject_measure_and_basis() {
    let text = "2023年三季度，GDP 同比增长 4.9%，两年平均增长 4.9%。钢材产量 13.6 亿吨，比上年增加 0.4 亿吨。";
    analysed(text, |a| {
        let k = a.key_of(at(a, "4.9%"));
        assert_eq!(k.measure.as_deref(), Some("gdp"));
        assert_eq!(k.subject, None);
        assert_eq!(k.basis.iter().collect::<Vec<_>>(), [Basis::YearOnYear]);
        let second = a
            .mentions()
            .iter()
            .rposition(|m| &text[m.span.range()] == "4.9%")
            .unwrap();
        let k2 = a.key_of(second);
        assert_eq!(
            k2.measure.as_deref(),
            Some("gdp"),
            "carried on from the clause before"
        );
        assert_eq!(k2.basis.iter().collect::<Vec<_>>(), [Basis::TwoYearAverage]);
        assert!(!k.comparable(k2), "year-on-year against two-year average");
        let steel = a.key_of(at(a, "13.6 亿吨"));
        assert_eq!(steel.subject.as_deref(), Some("钢材"));
        assert_eq!(steel.measure.as_deref(), Some("产量"));
        assert!(steel.basis.is_empty());
    });
    let text = "China's GDP grew 5.2% year-on-year in 2023, and real GDP grew 4.8% in 2023.";
    analysed(text, |a| {
        let k = a.key_of(at(a, "5.2%"));
        assert_eq!(k.subject.as_deref(), Some("china"));
        assert_eq!(k.measure.as_deref(), Some("gdp"));
        assert!(k.basis.contains(Basis::YearOnYear));
        assert_eq!(k.period, period(Some(YearRef::Absolute(2023)), None));
        let r = a.key_of(at(a, "4.8%"));
        assert!(r.basis.contains(Basis::Real));
        assert!(!k.comparable(r));
    });
}

#[test]
fn an_apposition_names_its_own_measure() {
    let text =
        "美国投资额为 672 亿美元，大约是中国投资额(78 亿美元)的 8.7 倍。工业界产生了 51 个。";
    analysed(text, |a| {
        let us = a.key_of(at(a, "672 亿美元"));
        assert_eq!(
            (us.subject.as_deref(), us.measure.as_deref()),
            (Some("美国"), Some("投资"))
        );
        let cn = a.key_of(at(a, "78 亿美元"));
        assert_eq!(
            (cn.subject.as_deref(), cn.measure.as_deref()),
            (Some("中国"), Some("投资"))
        );
        assert!(!us.comparable(cn));
        let k = a.key_of(at(a, "51 个"));
        assert_eq!(
            k.subject.as_deref(),
            Some("工业界"),
            "the verb with 了 ends the head"
        );
    });
}

#[test]
fn a_predicate_inside_a_measure_word_does_not_end_the_head() {
    let text = "2023年第三产业比重为 54.6%。";
    analysed(text, |a| {
        let k = a.key_of(at(a, "54.6%"));
        assert_eq!(k.subject.as_deref(), Some("第三产业"));
        assert_eq!(k.measure.as_deref(), Some("占比"));
    });
}

#[test]
fn equal_keys_compare_and_missing_parts_do_not() {
    let text = "三季度 GDP 同比增长 4.9%。三季度，GDP 同比增长 5.2%。GDP 同比增长 5.0%。";
    analysed(text, |a| {
        let ks: Vec<&MentionKey> = a
            .mentions()
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == Kind::Percent)
            .map(|(i, _)| a.key_of(i))
            .collect();
        assert_eq!(ks.len(), 3);
        assert!(ks[0].comparable(ks[1]), "{:?} {:?}", ks[0], ks[1]);
        assert!(!ks[0].comparable(ks[2]), "no period in the third");
    });
}

#[test]
fn basis_lookalikes_are_not_bases() {
    let text = "实际上营收 3 亿元，real estate sales were $2 million.";
    analysed(text, |a| {
        assert!(a.key_of(at(a, "3 亿元")).basis.is_empty());
        assert!(a.key_of(at(a, "$2 million")).basis.is_empty());
    });
}

#[test]
fn the_bundled_article_and_the_builtin_cases_analyse_without_panic() {
    for text in [
        include_str!("../../tests/fixtures/builtins/cases.md"),
        include_str!("../../source/ai-index-2024.md"),
    ] {
        analysed(text, |a| {
            for i in 0..a.mentions().len() {
                let _ = (a.clause_of(i), a.unit_of(i), a.key_of(i), a.period_of(i));
                assert!(a.clause_of(i).start <= a.mentions()[i].span.start);
            }
            assert!(a.sentences().is_sorted_by_key(|s| s.span.start));
        });
    }
}

proptest::proptest! {
    #[test]
    fn any_text_analyses_without_panic(
        text in "[0-9一三八十年月个前至到季度上半同比较为增长营收，。|\\-: \nQq%亿元 a-z']{0,80}"
    ) {
        analysed(&text, |a| {
            for i in 0..a.mentions().len() {
                let _ = (a.clause_of(i), a.unit_of(i), a.key_of(i), a.cell_of(i));
            }
            let _ = a.tables();
        });
    }
}

proptest::proptest! {
    /// Reading only the pieces that hold a mention places every mention as reading every
    /// piece did, on texts of numbers, stops, list items and table rows.
    #[test]
    fn sentences_are_those_of_reading_every_piece(
        text in "([0-9]{1,4}(\\.[0-9])?|[ 。.，,；!?%年亿吨倍甲b\\n#|-]){0,60}"
    ) {
        let mentions = extract(&text, &ExtractOptions::default());
        let fast = Analysis::new(&text, &mentions);
        let reference = Analysis::new_reading_every_piece(&text, &mentions);
        proptest::prop_assert_eq!(fast.sentences(), reference.sentences());
        proptest::prop_assert!(fast.quantities == reference.quantities);
    }
}

proptest::proptest! {
    /// The sentences holding given kinds are those of `checked_sentences` with a quantity of
    /// one of them, in order, on texts of Chinese and English figures and stops.
    #[test]
    fn sentences_holding_kinds_are_the_checked_ones_with_them(
        text in "([0-9]{1,4}(\\.[0-9])?|[ 。.，,；!?%年亿吨倍美元个百分点甲b\\n#|-]|times|percent|points){0,60}",
        pick in proptest::collection::vec(0usize..Kind::ALL.len(), 1..4),
    ) {
        let mentions = extract(&text, &ExtractOptions::default());
        let a = Analysis::new(&text, &mentions);
        let kinds: Vec<Kind> = pick.iter().map(|&k| Kind::ALL[k]).collect();
        let fast: Vec<usize> = a.checked_sentences_holding(&kinds).map(|s| s.index).collect();
        let reference: Vec<usize> = a
            .checked_sentences()
            .filter(|s| s.quantities.iter().any(|q| kinds.contains(&q.kind)))
            .map(|s| s.index)
            .collect();
        proptest::prop_assert_eq!(fast, reference);
    }
}
