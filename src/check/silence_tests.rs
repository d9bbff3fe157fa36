//! Unit tests for the consistency checks' rules of silence (issue 10): for each rule, a hard
//! negative the words leave open (silence) and a positive the words make certain (a
//! finding). Kept apart from the check files so that each check's own tests stay with it.

use super::{CheckOptions, Context};
use crate::analysis::facts::{Part, Whole};
use crate::extract::{ExtractOptions, extract};
use crate::source::Document;

/// The findings of built-in check `module` over `text`, as the texts they cover.
fn run(
    text: &str,
    check: fn(&Context<'_>, super::Severity, &mut Vec<crate::source::Span>) -> Vec<super::Finding>,
) -> Vec<String> {
    let doc = Document::from_text(std::path::Path::new("t.md"), text);
    let mentions = extract(&doc.masked, &ExtractOptions::default());
    let options = CheckOptions::default();
    let ctx = Context::new(&doc, &mentions, &options);
    let mut examined = Vec::new();
    check(&ctx, super::Severity::Warning, &mut examined)
        .into_iter()
        .map(|f| doc.slice(f.span).to_string())
        .collect()
}

fn table(text: &str) -> Vec<String> {
    run(text, super::table_consistency::check)
}

fn parts(text: &str) -> Vec<String> {
    run(text, super::parts_total::check)
}

fn shares(text: &str) -> Vec<String> {
    run(text, super::shares_total::check)
}

fn repeated(text: &str) -> Vec<String> {
    run(text, super::repeated_figure::check)
}

fn ranking(text: &str) -> Vec<String> {
    run(text, super::ranking::check)
}

const VOTES: &str = "| Party | Votes | Share |\n|---|---|---|\n| Progressive Alliance | 541,200 | 36.6% |\n| National Union | 468,900 | 31.7% |\n| Others | 122,500 | 9.4% |\n\n";

#[test]
fn table_a_sentence_about_another_time_or_source_quotes_no_cell() {
    let earlier = format!("{VOTES}In 2021 the National Union had taken 35.2% of the vote.\n");
    assert!(table(&earlier).is_empty());
    let round =
        format!("{VOTES}At the previous election the National Union took 35.2% of the vote.\n");
    assert!(table(&round).is_empty());
    let poll = format!("{VOTES}A poll had put the National Union at 35.2% of the vote.\n");
    assert!(table(&poll).is_empty());
    let now = format!("{VOTES}The National Union took 35.2% of the vote.\n");
    assert_eq!(table(&now), vec!["35.2%".to_string()]);
}

#[test]
fn table_a_year_the_table_does_not_name_is_another_period() {
    let t = "| Department | 2026 ($m) |\n|---|---|\n| Sheriff and corrections | 386 |\n| Courts | 118 |\n\n";
    assert!(
        table(&format!(
            "{t}In 2025 Sheriff and corrections got $350 million.\n"
        ))
        .is_empty()
    );
    assert_eq!(
        table(&format!(
            "{t}In 2026 Sheriff and corrections gets $350 million.\n"
        )),
        vec!["$350 million".to_string()]
    );
}

#[test]
fn table_a_change_is_quoted_only_from_a_change_column() {
    let shares_only = "| Department | Share |\n|---|---|\n| Health and human services | 24.0% |\n| Courts | 9.5% |\n\nHealth and human services spending rises 5.3%.\n";
    assert!(table(shares_only).is_empty());
    let growth = "| Department | Share | Growth |\n|---|---|---|\n| Health and human services | 24.0% | 4.1% |\n| Courts | 9.5% | 1.0% |\n\nHealth and human services spending rises 5.3%.\n";
    assert_eq!(table(growth), vec!["5.3%".to_string()]);
}

#[test]
fn table_numerals_inside_words_and_other_units_are_not_quotes() {
    let t = "| 厂商 | 10 月零售(万辆) |\n|---|---|\n| 甲汽车 | 50.2 |\n| 丙汽车 | 15.3 |\n\n";
    assert!(table(&format!("{t}丙汽车是前五位中唯一下降的厂商。\n")).is_empty());
    assert!(table(&format!("{t}丙汽车新开门店 12 家。\n")).is_empty());
    assert_eq!(
        table(&format!("{t}丙汽车 10 月零售 16.3 万辆。\n")),
        vec!["16.3 万辆".to_string()]
    );
}

#[test]
fn table_a_totals_row_of_some_rows() {
    let t = "| 厂商 | 零售(万辆) |\n|---|---|\n| 甲汽车 | 50.2 |\n| 乙汽车 | 17.6 |\n| 前二合计 | 77.8 |\n";
    assert_eq!(table(t), vec!["77.8".to_string()]);
    let ok = t.replace("77.8", "67.8");
    assert!(table(&ok).is_empty());
}

#[test]
fn parts_a_word_for_the_rest_counts_only_at_the_head_of_a_label() {
    let inside = "Total operating revenue was $3.91 billion, of which cargo contributed $0.21 billion and loyalty and other revenue $0.24 billion.";
    assert!(parts(inside).is_empty());
    let head = "Total operating revenue was $3.91 billion, of which cargo contributed $0.21 billion and other revenue $0.24 billion.";
    assert_eq!(parts(head), vec!["$3.91 billion".to_string()]);
}

#[test]
fn parts_a_difference_is_not_a_part() {
    let t = "前 10 个月，我国货物贸易进出口总值 36.02 万亿元。其中，出口 20.8 万亿元，增长 6.7%；进口 15.22 万亿元，增长 3.2%；贸易顺差 5.58 万亿元。";
    assert!(parts(t).is_empty());
    let over = t.replace("36.02", "30.02");
    assert_eq!(parts(&over), vec!["30.02 万亿元".to_string()]);
}

#[test]
fn parts_percentages_of_a_group_are_not_parts_of_its_percentage() {
    let shares = "The survey found that 44% rent their home. Of the renting households, 31% rent from the city and 69% from a private landlord.";
    assert!(parts(shares).is_empty());
    let counts = "The survey found that 1,214 households rent their home. Of the renting households, 731 households rent from the city and 642 households from a private landlord.";
    assert_eq!(parts(counts), vec!["1,214 households".to_string()]);
}

#[test]
fn shares_a_turnout_is_not_a_share_of_the_vote() {
    let t = "At the last council election in 2022, Labour won with 41.2% of the vote on a turnout of 44.0%, and the Greens came third with 19.8%.";
    assert!(shares(t).is_empty());
    let over = "Labour won with 61.2% of the vote, and the Greens came third with 49.8%.";
    assert_eq!(shares(over), vec!["61.2%".to_string()]);
}

#[test]
fn shares_an_opening_that_names_the_whole_makes_one_list() {
    let named =
        "By share of the valid vote, Nair took 42.9%, Hollis 33.1%, Pryce 28.6% and Teller 5.4%.";
    assert_eq!(shares(named), vec!["42.9%".to_string()]);
    let scoped =
        "In the north of the ward, Nair took 42.9%, Hollis 33.1%, Pryce 28.6% and Teller 5.4%.";
    assert!(shares(scoped).is_empty());
}

#[test]
fn shares_a_breakdown_heading_opens_a_list_of_shares() {
    let t = "New car registrations in the first half by power source:\n\n- Hybrid electric: 55.1%\n- Petrol: 51.7%\n";
    assert_eq!(shares(t), vec!["55.1%".to_string()]);
    let growth = "Registrations grew by region:\n\n- North: 55.1%\n- South: 51.7%\n";
    assert!(shares(growth).is_empty());
}

#[test]
fn shares_every_category_counted_makes_the_list_whole() {
    let t = "问卷设四个选项：选择“会增加”的受访者占 34.6%，“基本不变”的占 47.2%，“会减少”的占 10.5%，“说不清”的占 3.9%。";
    assert_eq!(shares(t), vec!["34.6%".to_string()]);
    let five = t.replace("四个选项", "五个选项");
    assert!(shares(&five).is_empty());
}

#[test]
fn repeated_shares_of_one_whole_are_compared_only_for_one_subject() {
    let two = "前 10 个月，我国对东盟进出口 5.68 万亿元，占我国外贸总值的 15.8%。\n\n前 10 个月，民营企业进出口 20.13 万亿元，占我国外贸总值的 55.9%。";
    assert!(repeated(two).is_empty());
    let one = "前 10 个月，民营企业进出口 20.13 万亿元，占我国外贸总值的 57.9%。\n\n前 10 个月，民营企业进出口 20.13 万亿元，占我国外贸总值的 55.9%。";
    assert_eq!(repeated(one), vec!["55.9%".to_string()]);
}

#[test]
fn repeated_rose_to_and_a_record_name_one_measure() {
    let t = "Passenger revenue rose 8.4% year on year to $3.46 billion in the second quarter.\n\nPassenger revenue grew 9.4% year on year in the second quarter.";
    assert_eq!(repeated(t), vec!["9.4%".to_string()]);
    let record = "Attendance reached a record 14.2 million in the 2024-25 season.\n\nAttendance in the 2024-25 season was 14.8 million.";
    assert_eq!(repeated(record), vec!["14.8 million".to_string()]);
}

#[test]
fn facts_a_change_and_the_level_it_reached_are_one_statement() {
    let t = "Passenger revenue rose 8.4% year on year to $3.46 billion in the second quarter.";
    let ms = extract(t, &ExtractOptions::default());
    let w = Whole::build(t, &ms);
    assert_eq!(w.facts[0].period.part, Part::Quarter(2));
    assert_eq!(w.facts[1].measure, "passenger revenue");
    // Without `to`, the level is a statement of its own.
    let t = "Passenger revenue rose 8.4% year on year, and fuel cost $3.46 billion in the second quarter.";
    let ms = extract(t, &ExtractOptions::default());
    let w = Whole::build(t, &ms);
    assert_eq!(w.facts[0].period.part, Part::Unstated);
    assert_ne!(w.facts[1].measure, "passenger revenue");
}

#[test]
fn ranking_first_against_the_other_items_not_against_history() {
    let t = "Copper was the largest contributor to underlying EBITDA for the first time, at $2.04 billion, against $2.31 billion from iron ore and $0.38 billion from aluminium.";
    assert_eq!(ranking(t), vec!["$2.04 billion".to_string()]);
    let ok = t.replace("$2.31", "$1.31");
    assert!(ranking(&ok).is_empty());
    let record = "Copper production rose 12% to 487,000 tonnes, the highest half-year output in the company's history, while iron ore shipments slipped 2% to 158 million tonnes.";
    assert!(ranking(record).is_empty());
    let zh = "富邦悍將主場場均成長 40.8%，成長幅度高居全聯盟之冠；中信兄弟成長 22.9%，味全龍成長 46.5%。";
    assert_eq!(ranking(zh), vec!["40.8%".to_string()]);
}

#[test]
fn parts_english_words_after_the_parts_can_name_both_halves() {
    let t = "The season produced 1,046 goals in 380 matches.\n\nOf the goals, 612 were scored by home teams and 424 by visiting teams.";
    assert_eq!(parts(t), vec!["1,046 goals".to_string()]);
    // Not both halves of a pair: the list may be partial.
    let other = t.replace("visiting teams", "strikers");
    assert!(parts(&other).is_empty());
    // The halves add up.
    let ok = t.replace("1,046", "1,036");
    assert!(parts(&ok).is_empty());
}

#[test]
fn shares_that_each_name_a_different_whole_are_not_one_list() {
    // Written after the wave-3 held-out set's one false alarm (m14): each share says whose
    // share it is, and the two wholes differ.
    let two = "前五大寿险公司保费占全部寿险公司的 61.5%，前五大财险公司占全部财险公司的 77.2%。\n";
    assert!(shares(two).is_empty());
    let one = "甲公司保费占全部寿险公司的 61.5%，乙公司占全部寿险公司的 57.2%。\n";
    assert_eq!(shares(one), vec!["61.5%".to_string()]);
}

fn change(text: &str) -> Vec<String> {
    run(text, super::change_across_sentences::check)
}

#[test]
fn shares_answers_to_different_questions_are_not_one_whole() {
    let two =
        "Asked about the quarter, 44% said their costs had risen and 61% said sales had held up.";
    assert!(shares(two).is_empty());
    let zh = "总体而言，42% 的受访者表示成本降低了，61% 的受访者表示收入增加了。";
    assert!(shares(zh).is_empty());
    // The rest, opposite answers or the undecided make the answers one question.
    let rest = "Asked about prices, 46% expected a fall, 31% expected no change and the remaining 28% expected a rise.";
    assert_eq!(shares(rest), vec!["46%".to_string()]);
    let opposite = "Asked about the bypass, 48% supported it and 57% opposed it.";
    assert_eq!(shares(opposite), vec!["48%".to_string()]);
    let undecided = "调查显示，46% 的受访者认为房价会下跌，41% 认为持平，15% 表示不确定。";
    assert_eq!(shares(undecided), vec!["46%".to_string()]);
    let another = "在受访企业中，38.5% 的企业表示订单增加，41.2% 的企业表示订单持平，另有 23.6% 的企业表示订单减少。";
    assert_eq!(shares(another), vec!["38.5%".to_string()]);
}

#[test]
fn shares_named_after_of_are_of_that_whole() {
    let two = "Some 56% of men and 62% of women said they would vote.";
    assert!(shares(two).is_empty());
    let one = "Some 56% of voters backed the plan and 52% of voters opposed it.";
    assert_eq!(shares(one), vec!["Some 56%".to_string()]);
    // The rest of another whole does not close the list before it.
    let other = "46% of renters said rents rose, and 38% of owners said costs rose. The remaining 16% of renters reported no change.";
    assert!(shares(other).is_empty());
    let same = "Australia accounted for 58.2% of arrivals, followed by New Zealand with 31.6%. Visitors from other countries made up the remaining 16.4%.";
    assert_eq!(shares(same), vec!["58.2%".to_string()]);
}

#[test]
fn ranking_a_superlative_leaves_out_another_periods_figures() {
    let other = "甲队本赛季进 48 球，上赛季进 52 球，甲队成为本赛季联赛进球最多的球队。";
    assert!(ranking(other).is_empty());
    let same = "甲队本赛季进 48 球，乙队进 52 球，甲队成为联赛进球最多的球队。";
    assert_eq!(ranking(same), vec!["48".to_string()]);
    let noun =
        "縣議員選舉部分，總席次 43 席中，國民黨取得 19 席，民進黨 17 席，民進黨成為議會第一大黨。";
    assert_eq!(ranking(noun), vec!["17 席".to_string()]);
}

#[test]
fn ranking_an_english_superlative_noun_against_the_items_not_a_total_or_history() {
    let beaten = "Labour won 17 seats and the Greens won 19 seats. Labour became the largest party on the council.";
    assert_eq!(ranking(beaten), vec!["17 seats".to_string()]);
    let total = "Labour won 17 of the 43 seats and remained the largest party.";
    assert!(ranking(total).is_empty());
    let history = "Labour won 17 seats in 2024, up from 12, and the Greens won 9. Labour became the largest party in the council's history.";
    assert!(ranking(history).is_empty());
    let elliptic = "Mia Tane was the league's top scorer with 612 goals, ahead of Grace Lowe with 648 and Jess Morland with 587.";
    assert_eq!(ranking(elliptic), vec!["612 goals".to_string()]);
}

#[test]
fn parts_of_them_after_the_total() {
    let over = "The Hawks scored 1,767 goals over the season, 866 of them in the first seven rounds and 911 in the last seven.";
    assert_eq!(parts(over), vec!["1,767 goals".to_string()]);
    let one = "The Hawks scored 1,767 goals over the season, 866 of them at home.";
    assert!(parts(one).is_empty());
    let next =
        "A total of 48,210 ballots were cast. Of those, 47,630 were valid and 850 were informal.";
    assert_eq!(parts(next), vec!["48,210 ballots".to_string()]);
    let within = next.replace("850", "580");
    assert!(parts(&within).is_empty());
}

#[test]
fn change_an_owner_named_in_full_and_by_its_head_is_one() {
    let t = "Northgate Health District's hospitals recorded 412,600 emergency department visits in 2024-25, up 6.8% on the previous year.\n\nIn 2023-24 the district's hospitals recorded 396,200 emergency department visits.";
    assert_eq!(change(t), vec!["6.8%".to_string()]);
    let other = t.replace("the district's", "Eastgate Health District's");
    assert!(change(&other).is_empty());
}

#[test]
fn facts_fiscal_years_and_a_year_after_a_word_of_comparison() {
    let t = "Revenue was $4.2 billion in FY2025, up 8.0% from FY2024. In 2023-24, revenue was $3.6 billion.";
    let ms = extract(t, &ExtractOptions::default());
    let w = Whole::build(t, &ms);
    let years: Vec<_> = w.facts.iter().map(|f| f.period.year).collect();
    use crate::analysis::facts::Year;
    // The change is of FY2025 (its base year is FY2024); 2023-24 ends in 2024.
    assert_eq!(
        years,
        vec![Year::Abs(2025), Year::Abs(2025), Year::Abs(2024)]
    );
}

#[test]
fn facts_a_plan_that_names_a_group_is_no_forecast() {
    let group = "调查显示，计划省外游的有 421 户。";
    let ms = extract(group, &ExtractOptions::default());
    assert!(!Whole::build(group, &ms).facts[0].forecast);
    let plan = "公司计划投资 50 亿元。";
    let ms = extract(plan, &ExtractOptions::default());
    assert!(Whole::build(plan, &ms).facts[0].forecast);
}

#[test]
fn shares_the_zhong_of_a_place_name_is_not_among() {
    let places = "來自美國的訂單占 42.4%，來自中國大陸及香港的占 31.8%，來自歐洲的占 27.6%。";
    assert_eq!(shares(places), vec!["42.4%".to_string()]);
    let among = "女性占全部参赛者的 61.5%，全程马拉松中女性占 44.3%。";
    assert!(shares(among).is_empty());
}

#[test]
fn repeated_the_articles_company_at_the_head_of_a_measure() {
    let t = "Net profit rose 12.4% to $1.86 billion in 2024.\n\nThe company's net profit of $1.68 billion in 2024 was a record.";
    assert_eq!(repeated(t), vec!["$1.68 billion".to_string()]);
    let other = "Net profit rose 12.4% to $1.86 billion in 2024.\n\nBrightmart's net profit of $1.68 billion in 2024 was a record.";
    assert!(repeated(other).is_empty());
}

#[test]
fn change_of_an_average_is_between_averages() {
    let t = "前三季度，全省居民人均可支配收入 31,254 元，同比名义增长 5.3%。\n\n去年前三季度，全省居民人均可支配收入为 29,180 元。";
    assert_eq!(change(t), vec!["5.3%".to_string()]);
    // A total of the same words is not the average's level.
    let total = "前三季度，全省居民人均可支配收入 31,254 元，同比名义增长 5.3%。\n\n去年前三季度，全省居民可支配收入为 29,180 元。";
    assert!(change(total).is_empty());
}

#[test]
fn table_totals_in_traditional_characters() {
    let t = "| 縣市 | 人次(萬) |\n|---|---|\n| 台北市 | 1,286 |\n| 台中市 | 842 |\n| 高雄市 | 765 |\n| 合計 | 2,983 |\n";
    assert_eq!(table(t), vec!["2,983".to_string()]);
    assert!(table(&t.replace("2,983", "2,893")).is_empty());
}

#[test]
fn parts_a_parts_earlier_value_is_not_another_part() {
    let from = "Exports rose 8.2% to $4.1 billion, of which $2.3 billion went to China, up from $2.0 billion.";
    assert!(parts(from).is_empty());
    let zh = "全年实现营业收入 186.4 亿元，其中海外收入 98.2 亿元，上年同期为 91.5 亿元。";
    assert!(parts(zh).is_empty());
    let of_it = "Revenue was $7.42 billion. Cloud brought in $4.15 billion of it, compared with $3.61 billion a year earlier.";
    assert!(parts(of_it).is_empty());
    let two = "全年实现营业收入 186.4 亿元，其中海外收入 98.2 亿元，国内收入 91.5 亿元。";
    assert_eq!(parts(two), vec!["186.4 亿元".to_string()]);
}

#[test]
fn shares_a_long_label_opening_with_other_names_a_group_not_the_rest() {
    let group = "城镇居民占 64.2%，农村居民占 35.8%。其他省份来的流动人口占 12.1%。";
    assert!(shares(group).is_empty());
    let rest = "城镇居民占 64.2%，农村居民占 33.8%。其余地区占 12.1%。";
    assert_eq!(shares(rest), vec!["64.2%".to_string()]);
}

#[test]
fn shares_another_goes_on_with_a_list_only_right_before_a_figure() {
    let question = "Asked about bins, 64% said collections were reliable. Another question found 47% wanted more cycle lanes.";
    assert!(shares(question).is_empty());
    let zh = "对于社区服务，58.3% 的受访者表示满意，31.2% 表示一般。另有一项调查显示，47.6% 的受访者希望增加停车位。";
    assert!(shares(zh).is_empty());
    let list = "A survey of 1,240 farmers found that 46% expected milk prices to fall. Another 31% expected prices to stay about the same, 15% expected a rise and the remaining 12% were unsure.";
    assert_eq!(shares(list), vec!["46%".to_string()]);
}

#[test]
fn change_the_titles_subject_at_the_head_of_a_measure_names_nothing_more() {
    let t = "# 台新電子 2024 年稅後純益年增 18.7%\n\n台新電子 2024 年合併營收 1,286.4 億元，年增 14.3%。2023 年合併營收為 1,145.5 億元。\n";
    assert_eq!(change(t), vec!["14.3%".to_string()]);
    // Another company's name is part of its measure.
    let other = t.replace("2023 年合併營收", "2023 年宏達電子合併營收");
    assert!(change(&other).is_empty());
}

#[test]
fn parts_bands_of_a_range_are_never_added_up() {
    let bands = "6—15岁儿童近视率为52.7%。其中，13—15岁为71.1%，6—12岁为36.0%。\n\n\
                 全市共有学生30万人，其中初中生12万人、小学生20万人。\n";
    // The age bands are not amounts; the pupils do exceed their total.
    assert_eq!(parts(bands), vec!["30万人".to_string()]);
}

#[test]
fn table_a_row_label_inside_a_longer_name_is_not_the_row() {
    let t =
        "| Line | Riders (thousands) |\n|---|---|\n| Northern | 2,310 |\n| Circle | 1,480 |\n\n";
    let station = format!("{t}The busiest stop was Northern Cross with 412,000 riders.\n");
    assert!(table(&station).is_empty());
    let line = format!("{t}The Northern line carried 2,910 thousand riders.\n");
    assert_eq!(table(&line), vec!["2,910 thousand riders".to_string()]);
}

#[test]
fn table_a_decline_quotes_a_negative_cell_without_its_sign() {
    let t = "| 项目 | 收入（亿元） | 同比（%） |\n|---|---|---|\n| 关税 | 1893 | -4.1 |\n| 车辆购置税 | 2089 | -6.9 |\n\n";
    let fell = format!("{t}关税1893亿元，同比下降4.1%。\n");
    assert!(table(&fell).is_empty());
    let wrong = format!("{t}关税1893亿元，同比下降5.1%。\n");
    assert_eq!(table(&wrong), vec!["5.1%".to_string()]);
}

#[test]
fn table_shares_are_not_judged_against_a_total_that_does_not_add_up() {
    let wrong_total = "| Region | Sales | Share |\n|---|---|---|\n| North | 612 | 61.2% |\n| South | 388 | 38.8% |\n| Total | 1,112 | 100% |\n";
    // One error, reported once: the total.
    assert_eq!(table(wrong_total), vec!["1,112".to_string()]);
    let wrong_share = "| Region | Sales | Share |\n|---|---|---|\n| North | 624 | 71.7% |\n| South | 388 | 38.3% |\n| Total | 1,012 | 100% |\n";
    assert!(table(wrong_share).contains(&"71.7%".to_string()));
}

#[test]
fn ranking_one_problem_read_two_ways_is_reported_once() {
    let text = "甲市快递业务量95.1亿件，居全国首位；乙市98.4亿件，位列第二。\n";
    assert_eq!(ranking(text), vec!["95.1亿件".to_string()]);
}

// Wave 5: the shapes of the n-set's misses, each with the other ways a reporter writes it.

#[test]
fn change_a_level_named_only_by_its_period_is_the_measure_before_it() {
    for base in [
        "上年同月为1032万吨",
        "上年同期为1032万吨",
        "去年同期是1032万吨",
        "而上年同期为1032万吨",
    ] {
        let t = format!(
            "10月份，公司商品煤产量同比增长6.2%。\n\n从产量看，公司10月商品煤产量为1126万吨，{base}。\n"
        );
        assert_eq!(change(&t), vec!["6.2%".to_string()], "{base}");
        // 1126 / 1032 is 9.1%.
        let ok = t.replace("6.2%", "9.1%");
        assert!(change(&ok).is_empty(), "{base}");
    }
    let en = "Retained business rates income for 2025-26 is budgeted at £63.5 million, against £61.0 million in 2024-25.\n\nRetained business rates income rises 2.4% year on year in 2025-26.\n";
    assert_eq!(change(en), vec!["2.4%".to_string()]);
    let compared = en.replace("against", "compared with");
    assert_eq!(change(&compared), vec!["2.4%".to_string()]);
    assert!(change(&en.replace("2.4%", "4.1%")).is_empty());
    // Another kind or unit is not the figure's earlier value.
    let other = "10月份，公司商品煤产量同比增长6.2%。\n\n从产量看，公司10月商品煤产量为1126万吨，上年同月为8.2%。\n";
    assert!(change(other).is_empty());
}

#[test]
fn change_a_stock_against_the_end_of_the_year_before() {
    for basis in ["比上年末增长", "较上年末增长", "比上年底增长"] {
        let t = format!(
            "截至 2024 年末，全市医疗卫生机构实有床位 6.84 万张，{basis} 5.2%。\n\n2023 年末，全市医疗卫生机构实有床位 6.54 万张。\n"
        );
        assert_eq!(change(&t), vec!["5.2%".to_string()], "{basis}");
        assert!(change(&t.replace("5.2%", "4.6%")).is_empty(), "{basis}");
    }
}

#[test]
fn facts_english_change_verbs_in_the_present_tense() {
    for (t, sign) in [
        ("Income rises 2.4% year on year.", 1),
        ("Income grows 2.4% year on year.", 1),
        ("Income falls 2.4% year on year.", -1),
        ("Income declines 2.4% year on year.", -1),
        ("Income slumped 2.4% year on year.", -1),
        ("Income surged 2.4% year on year.", 1),
    ] {
        let ms = extract(t, &ExtractOptions::default());
        let w = Whole::build(t, &ms);
        assert_eq!(
            w.facts[0].role,
            crate::analysis::facts::Role::Change(sign),
            "{t}"
        );
        assert_eq!(w.facts[0].measure, "income", "{t}");
    }
}

#[test]
fn table_a_totals_column_with_its_unit_in_brackets() {
    for header in ["全年合計（億元）", "全年合计(亿元)", "Total ($m)", "合计"] {
        let t = format!(
            "| 次產業 | 上半年 | 下半年 | {header} |\n|---|---|---|---|\n| IC設計 | 5,936 | 6,888 | 12,824 |\n| IC封裝 | 2,013 | 2,273 | 4,826 |\n"
        );
        assert_eq!(table(&t), vec!["4,826".to_string()], "{header}");
        assert!(table(&t.replace("4,826", "4,286")).is_empty(), "{header}");
    }
    // A unit alone names no total.
    let unit = "| 次產業 | 上半年 | 下半年 | （億元） |\n|---|---|---|---|\n| IC設計 | 5,936 | 6,888 | 12,824 |\n| IC封裝 | 2,013 | 2,273 | 4,826 |\n";
    assert!(table(unit).is_empty());
}

#[test]
fn parts_a_sentence_that_opens_with_its_total() {
    let t = "Of the £412.6 million, adult social care will receive £148.3 million, children's services £97.4 million, environment £61.2 million, housing £22.8 million and other services £84.9 million.";
    assert_eq!(parts(t), vec!["£412.6 million".to_string()]);
    assert!(parts(&t.replace("£84.9", "£82.9")).is_empty());
    let this =
        "Of this $84.6 billion total, equities made up $46.1 billion and bonds $41.4 billion.";
    assert_eq!(parts(this), vec!["$84.6 billion".to_string()]);
    let zh = "在 412.6 亿元支出中，教育支出 148.3 亿元，卫生支出 197.4 亿元，交通支出 81.2 亿元。";
    assert_eq!(parts(zh), vec!["412.6 亿元".to_string()]);
    // A figure of another time after a part is not a part.
    let base = "Of the $84.6 billion, equities made up $46.1 billion, up from $31.4 billion, and bonds $21.4 billion.";
    assert!(parts(base).is_empty());
    // Words after the figure that go on to name something else: no total.
    let long = "Of the $84.6 billion raised by the fund over ten years, equities made up $46.1 billion and bonds $41.4 billion.";
    assert!(parts(long).is_empty());
}

#[test]
fn parts_after_of_that_total_the_base_of_a_change_is_no_total() {
    let t = "Net assets stood at $84.6 billion at the end of fiscal 2025, up from $79.2 billion a year earlier. Of that total, public equity made up $36.1 billion, fixed income $21.4 billion, private equity $13.8 billion, real estate $9.7 billion and other assets $5.9 billion.";
    assert_eq!(parts(t), vec!["$84.6 billion".to_string()]);
    assert!(parts(&t.replace("$36.1", "$33.8")).is_empty());
    let zh = "年末全市存款余额 8,460 亿元，上年末为 7,920 亿元。其中，住户存款 4,610 亿元，非金融企业存款 4,140 亿元。";
    assert_eq!(parts(zh), vec!["8,460 亿元".to_string()]);
}

#[test]
fn ranking_english_superlatives_with_ahead_of() {
    for lead in [
        "The busiest docking station was Harbour Square with",
        "The most-visited museum was the Harbour Gallery with",
        "\"Ember Kingdom\" was the season's top-grossing film with",
        "The highest-paid player was Ana Ruiz with",
    ] {
        let t = format!(
            "{lead} 412,000, ahead of Central Station with 436,000 and City Hall with 298,000."
        );
        assert_eq!(ranking(&t), vec!["412,000".to_string()], "{lead}");
        assert!(
            ranking(&t.replace("436,000", "406,000")).is_empty(),
            "{lead}"
        );
    }
    // A superlative that ranks the smaller figure first is not read.
    let cheapest = "The cheapest line was the Northern with $2.10, ahead of the Circle with $2.40.";
    assert!(ranking(cheapest).is_empty());
    // An item whose name holds `all` is not a total.
    let skyfall = "\"Ember Kingdom\" was the top film with $412.7 million, ahead of \"Skyfall Protocol\" with $436.1 million.";
    assert_eq!(ranking(skyfall), vec!["$412.7 million".to_string()]);
}

#[test]
fn ranking_a_superlatives_figure_in_the_clause_after_it() {
    for t in [
        "四大次產業中，以IC設計成長最快，年增28.3%；IC製造年增22.7%，IC封裝年增9.6%，IC測試年增30.4%。",
        "四大行业中，信息服务业增长最快，同比增长 28.3%；制造业增长 22.7%，建筑业增长 9.6%，批发零售业增长 30.4%。",
    ] {
        assert_eq!(ranking(t), vec!["28.3%".to_string()], "{t}");
        assert!(ranking(&t.replace("30.4%", "20.4%")).is_empty(), "{t}");
    }
    // A total after the item's figure is not one of the items.
    let total = "其中，IC設計成長最快，年增28.3%，帶動整體產業年增30.4%。";
    assert!(ranking(total).is_empty());
    // After a `；` the clause is another item's.
    let other = "IC設計成長最快；IC測試年增30.4%，IC製造年增22.7%。";
    assert!(ranking(other).is_empty());
}

#[test]
fn repeated_spans_of_weeks_named_by_their_last_day() {
    let t = "Fairmart said like-for-like sales excluding fuel rose 3.2% in the six weeks to January 4.\n\nOver the six weeks to January 4, like-for-like sales excluding fuel grew 2.3%.\n";
    assert_eq!(repeated(t), vec!["2.3%".to_string()]);
    let other = t.replace("Over the six weeks", "Over the 12 weeks");
    assert!(repeated(&other).is_empty());
    let ended = t.replace("weeks to", "weeks ended");
    assert_eq!(repeated(&ended), vec!["2.3%".to_string()]);
    let ms = extract(t, &ExtractOptions::default());
    let w = Whole::build(t, &ms);
    assert_eq!(
        w.facts[0].period.part,
        Part::Through {
            count: 6,
            months: false,
            month: 1,
            day: 4
        }
    );
    let quarter = "Revenue for the three months ended September 30 was $5.2 billion.\n\nRevenue for the three months ended September 30 was $5.4 billion.\n";
    assert_eq!(repeated(quarter), vec!["$5.4 billion".to_string()]);
    let other = quarter.replace(
        "three months ended September 30 was $5.4",
        "nine months ended September 30 was $5.4",
    );
    assert!(repeated(&other).is_empty());
}

/// The severities of `repeated_figure`'s findings over `text`.
fn repeated_severities(text: &str) -> Vec<super::Severity> {
    let doc = Document::from_text(std::path::Path::new("t.md"), text);
    let mentions = extract(&doc.masked, &ExtractOptions::default());
    let options = CheckOptions::default();
    let ctx = Context::new(&doc, &mentions, &options);
    let mut examined = Vec::new();
    super::repeated_figure::check(&ctx, super::Severity::Warning, &mut examined)
        .into_iter()
        .map(|f| f.severity)
        .collect()
}

#[test]
fn repeated_the_leads_source_is_the_articles_and_a_closing_speaker_is_someones() {
    use super::Severity::{Info, Warning};
    let lead = "# Ridgeway fund returns 7.8%\n\nThe Ridgeway fund said on Tuesday that the fund's investments returned 7.8% in fiscal 2025.\n\nIn fiscal 2025 the fund's investments returned 8.7%.\n";
    assert_eq!(repeated_severities(lead), vec![Warning]);
    // A lead that quotes someone still quotes them.
    let quoted = lead.replace(
        "said on Tuesday that the fund's investments returned 7.8% in fiscal 2025.",
        "said: \"the fund's investments returned 7.8% in fiscal 2025.\"",
    );
    assert_eq!(repeated_severities(&quoted), vec![Info]);
    // Later in the article, a speaker before or after the figure makes it someone's.
    let later = "# Ridgeway fund\n\nThe fund published its report on Tuesday.\n\nIn fiscal 2025 the fund's investments returned 7.8%.\n\nIn fiscal 2025 the fund's investments returned 8.7%, the chief investment officer told reporters.\n";
    assert_eq!(repeated_severities(later), vec![Info]);
    let before = later.replace(
        "In fiscal 2025 the fund's investments returned 8.7%, the chief investment officer told reporters.",
        "The chief investment officer said that in fiscal 2025 the fund's investments returned 8.7%.",
    );
    assert_eq!(repeated_severities(&before), vec![Info]);
}

#[test]
fn parts_after_a_word_that_says_the_list_is_the_total() {
    for marker in [
        "comprised",
        "was made up of",
        "consisted of",
        "consisting of",
        "was reported alongside",
    ] {
        let t = format!(
            "The €18.42 billion of first-half revenue {marker} €8.12 billion from dairy, €5.94 billion from bakery, €3.03 billion from frozen foods and €1.62 billion from other products."
        );
        let found = parts(&t);
        if marker == "was reported alongside" {
            // Not a marker: the words must be those listed.
            assert!(found.is_empty(), "{marker}");
            continue;
        }
        assert_eq!(found, vec!["€18.42 billion".to_string()], "{marker}");
        assert!(parts(&t.replace("€1.62", "€1.33")).is_empty(), "{marker}");
    }
}

#[test]
fn parts_a_long_chinese_name_before_zhong() {
    let t = "在 486.3 亿元一般公共预算收入中，税收收入 372.6 亿元，非税收入 123.7 亿元。";
    assert_eq!(parts(t), vec!["486.3 亿元".to_string()]);
    // `在 … 下` is a circumstance, not a whole.
    let under = "在 486.3 亿元投资带动下，税收收入 372.6 亿元，非税收入 123.7 亿元。";
    assert!(parts(under).is_empty());
}

#[test]
fn ranking_english_speed_superlatives_and_lists_without_their_verb() {
    for t in [
        "Among the four divisions, cloud grew fastest, up 28.3%; payments rose 22.7%, hardware 9.6% and services 30.4%.",
        "Cloud was the fastest-growing division, up 28.3%; payments rose 22.7% and services grew 30.4%.",
    ] {
        assert_eq!(ranking(t), vec!["28.3%".to_string()], "{t}");
        assert!(ranking(&t.replace("30.4%", "20.4%")).is_empty(), "{t}");
    }
    // A share after a change is not a change whose verb was left out.
    let share = "Cloud grew fastest, up 28.3%; payments rose 22.7%, a share of 30.4%.";
    assert!(ranking(share).is_empty());
}

#[test]
fn ranking_the_figure_after_the_superlative_wins_over_a_label_sharing_its_first_words() {
    let t = "三大次產業中，以金屬切削成長最快，年增 9.4%；金屬成形年增 7.1%，零組件年增 6.2%。";
    assert!(ranking(t).is_empty());
    let wrong = t.replace("6.2%", "12.2%");
    assert_eq!(ranking(&wrong), vec!["9.4%".to_string()]);
}

#[test]
fn facts_h1_and_h2_before_a_year_are_halves() {
    let t = "In H1 2025 revenue rose 6.4% to €18.42 billion. Hydrogen H2 output was 12 tonnes.";
    let ms = extract(t, &ExtractOptions::default());
    let w = Whole::build(t, &ms);
    assert_eq!(w.facts[0].period.part, Part::Months(6));
    assert_eq!(
        w.facts[0].period.year,
        crate::analysis::facts::Year::Abs(2025)
    );
    // `H2` with no year after it is not a period.
    assert_eq!(w.facts[2].period.part, Part::Unstated);
    let t = "Operating profit rose to €1.96 billion in H1 2025.\n\nOperating profit was €1.69 billion in the first half of 2025.\n";
    assert_eq!(repeated(t), vec!["€1.69 billion".to_string()]);
}

#[test]
fn parts_after_a_colon_or_split_between() {
    let colon = "The fund held $84.6 billion in assets: $36.1 billion in equities, $21.4 billion in bonds, $13.8 billion in private equity, $9.7 billion in property and $5.9 billion in other assets.";
    assert_eq!(parts(colon), vec!["$84.6 billion".to_string()]);
    assert!(parts(&colon.replace("$36.1", "$33.8")).is_empty());
    let split = "Net sales of $8.62 billion were split between North America ($4.91 billion), Europe ($2.36 billion) and Asia ($1.52 billion).";
    assert_eq!(parts(split), vec!["$8.62 billion".to_string()]);
    assert!(parts(&split.replace("$4.91", "$4.74")).is_empty());
    // A colon far from the figure, or after another clause, opens no list of its parts.
    let far = "Revenue was $8.6 billion, and the company named its three regions with the largest sales: North America $4.9 billion, Europe $2.4 billion and Asia $1.6 billion.";
    assert!(parts(far).is_empty());
    let zh = "全年收入 21.7 万亿元：税收收入 18.1 万亿元，非税收入 3.9 万亿元。";
    assert_eq!(parts(zh), vec!["21.7 万亿元".to_string()]);
}

#[test]
fn parts_a_breakdown_frame_after_the_total() {
    let t = "全年粮食总产量652.4万吨，比上年增长2.1%。分品种看，稻谷产量312.6万吨，小麦产量198.4万吨，玉米产量156.8万吨。";
    assert_eq!(parts(t), vec!["652.4万吨".to_string()]);
    assert!(parts(&t.replace("156.8", "141.4")).is_empty());
    // Parts whose words do not share the total's are not its parts for certain.
    let other = "全年粮食总产量652.4万吨。分品种看，稻谷312.6万吨，小麦198.4万吨，玉米156.8万吨。";
    assert!(parts(other).is_empty());
    // Two figures of the unit in the sentence before: which is the total is open.
    let two = "全年粮食总产量652.4万吨，油料产量85.2万吨。分品种看，稻谷产量312.6万吨，小麦产量198.4万吨，玉米产量156.8万吨。";
    assert!(parts(two).is_empty());
    // The base of a change is not a second total.
    let base = "全年粮食总产量652.4万吨，上年为639.0万吨。分品种看，稻谷产量312.6万吨，小麦产量198.4万吨，玉米产量156.8万吨。";
    assert_eq!(parts(base), vec!["652.4万吨".to_string()]);
    // Another paragraph is another topic.
    let apart = t.replace("。分品种看", "。\n\n分品种看");
    assert!(parts(&apart).is_empty());
}

#[test]
fn shares_share_words_are_no_comparison_and_an_opening_by_vote_share() {
    let zh = "第一产业增加值占地区生产总值的比重为8.9%，第二产业增加值比重为40.2%，第三产业增加值比重为52.9%。";
    assert_eq!(shares(zh), vec!["8.9%".to_string()]);
    assert!(shares(&zh.replace("52.9%", "50.9%")).is_empty());
    let ratio =
        "营业收入中利息净收入占比70.2%，手续费及佣金净收入占比18.6%，其他非利息收入占比14.1%。";
    assert_eq!(shares(ratio), vec!["70.2%".to_string()]);
    // `比上年` still ends a list: the figure after it is of another time.
    let compared = "第三产业增加值比重为52.9%，比上年提高1.1个百分点，比重为51.8%。";
    assert!(shares(compared).is_empty());
    let vote = "By vote share, Labour took 38.4%, the Conservatives 31.2%, the Liberal Democrats 17.9% and the Greens 14.6%.";
    assert_eq!(shares(vote), vec!["38.4%".to_string()]);
    assert!(shares(&vote.replace("14.6%", "10.6%")).is_empty());
}

#[test]
fn shares_answers_with_the_verb_left_out_answer_one_question() {
    let t =
        "Of the respondents, 58% said they shopped online weekly, 31% monthly and 17% less often.";
    assert_eq!(shares(t), vec!["58%".to_string()]);
    assert!(shares(&t.replace("17%", "11%")).is_empty());
    // A verb of its own asks another question; a scope names another group.
    let two =
        "Of the respondents, 58% said they shopped online weekly and 61% said they used cash.";
    assert!(shares(two).is_empty());
    let scope = "Nationally, 58% said prices rose, 61% in the south and 49% in the north.";
    assert!(shares(scope).is_empty());
    let object = "Asked about next year, 72% expected prices to rise and 64% wages to rise.";
    assert!(shares(object).is_empty());
    let spend = "Asked about next year, 72% expected to spend more on food and 64% on energy.";
    assert!(shares(spend).is_empty());
    let clause = "In the survey, 72% said prices had risen and 64% wages had not kept pace.";
    assert!(shares(clause).is_empty());
}

#[test]
fn ranking_topped_led_and_the_others_listed_with_with() {
    for t in [
        "Tane topped the scoring charts with 23 goals, ahead of Lowe with 25 and Morland with 19.",
        "Tane led the league with 23 goals, ahead of Lowe with 25.",
        "California was the largest market, with sales of $4.1 billion, followed by Texas at $4.6 billion and Florida at $2.9 billion.",
        "Among the provinces, Jiangsu had the highest output at 1.86 trillion yuan, with Guangdong at 1.92 trillion yuan and Shandong at 1.41 trillion yuan.",
    ] {
        assert_eq!(ranking(t).len(), 1, "{t}");
    }
    // The others of another period, or of another kind after `with`, are not beaten.
    let earlier = "Tane led the league with 23 goals, ahead of his own 25 a year earlier.";
    assert!(ranking(earlier).is_empty());
    let growth = "Jiangsu had the highest output at 1.86 trillion yuan, with growth of 5.2%.";
    assert!(ranking(growth).is_empty());
    let smallest = "Malta was the smallest market, with sales of $0.4 billion, followed by Cyprus at $0.6 billion.";
    assert!(ranking(smallest).is_empty());
}

#[test]
fn change_a_rate_with_no_year_is_of_the_later_of_the_two_years_stated() {
    let t = "In the third quarter, net income rose 18% year over year.\n\nNet income was $388 million in the third quarter of 2025, compared with $301 million in the third quarter of 2024.\n";
    assert_eq!(change(t), vec!["18%".to_string()]);
    assert!(change(&t.replace("18%", "28.9%")).is_empty());
    // Three years of the same quarter: which two the rate is between is open.
    let three = t.replace(
        "in the third quarter of 2024.",
        "in the third quarter of 2024 and $262 million in the third quarter of 2023.",
    );
    assert!(change(&three).is_empty());
    // Years that are not one after the other: no pair of a year and the one before.
    let apart = t.replace("of 2024", "of 2023");
    assert!(change(&apart).is_empty());
}

#[test]
fn change_an_average_level_named_by_its_year_alone() {
    let t = "2024年，全市居民人均可支配收入同比增长5.3%。\n\n2024年全市居民人均可支配收入52,310元，2023年为49,020元。\n";
    assert_eq!(change(t), vec!["5.3%".to_string()]);
    assert!(change(&t.replace("5.3%", "6.7%")).is_empty());
}

#[test]
fn table_of_several_bare_columns_the_one_named_by_the_unit_is_quoted() {
    let t = "| Party | Seats | Votes |\n|---|---|---|\n| Labour | 17 | 12,400 |\n| Greens | 19 | 13,100 |\n\n";
    assert_eq!(
        table(&format!("{t}Labour won 21 seats.\n")),
        vec!["21 seats".to_string()]
    );
    assert!(table(&format!("{t}Labour won 17 seats.\n")).is_empty());
    assert!(table(&format!("{t}Labour won 12,400 votes.\n")).is_empty());
    // A unit no header names leaves the column open.
    assert!(table(&format!("{t}Labour won 21 wards.\n")).is_empty());
}

#[test]
fn parts_figures_per_unit_are_never_parts() {
    let t = "全省粮食单产每亩 350.8 公斤。分地区看，平原地区单产每亩 412.6 公斤，丘陵地区单产每亩 338.1 公斤，山区单产每亩 276.4 公斤。";
    assert!(parts(t).is_empty());
    let en = "Earnings were $4.20 per share: $2.10 per share from cloud and $2.60 per share from devices.";
    assert!(parts(en).is_empty());
    let ms = extract(t, &ExtractOptions::default());
    let w = Whole::build(t, &ms);
    assert!(
        w.facts
            .iter()
            .all(|f| f.basis & crate::analysis::facts::basis::AVERAGE != 0)
    );
}

#[test]
fn repeated_rates_written_as_nouns_and_other_words_for_year_on_year() {
    let zh = "2024年全市地区生产总值同比增长5.1%。\n\n2024年全市地区生产总值同比增速为5.4%。\n";
    assert_eq!(repeated(zh), vec!["5.4%".to_string()]);
    // A level reached is not a rate.
    let level = "2024年全市城镇化率同比提高1.2个百分点。\n\n2024年全市城镇化率上升为68.4%。\n";
    assert!(repeated(level).is_empty());
    let en = "Revenue rose 5.1% year on year in the third quarter.\n\nIn the third quarter, revenue posted a 5.4% rise on the year.\n";
    assert_eq!(repeated(en), vec!["5.4%".to_string()]);
    let yoy = "Revenue rose 5.1% yoy in the third quarter.\n\nIn the third quarter, revenue rose 5.4% y/y.\n";
    assert_eq!(repeated(yoy), vec!["5.4%".to_string()]);
    // A share after a figure is not a change.
    let share = "Revenue rose 5.1% year on year in the third quarter.\n\nIn the third quarter, revenue was a 5.4% share of the group's.\n";
    assert!(repeated(share).is_empty());
}

#[test]
fn repeated_the_basis_a_change_implies() {
    // A change over a whole year is on the year before; an average's change is an average's.
    let year = "2024年，全市居民人均可支配收入52,310元，比上年名义增长5.3%。\n\n2024年全市居民人均可支配收入名义增长3.5%。\n";
    assert_eq!(repeated(year), vec!["3.5%".to_string()]);
    // A Chinese change with no basis word is year on year.
    let quarter = "今年一季度，全省GDP同比增长5.3%。\n\n一季度全省GDP增长5.8%。\n";
    assert_eq!(repeated(quarter), vec!["5.8%".to_string()]);
    // A base of its own is not the year before.
    let ytd = "9月末，全市存款余额同比增长7.1%。\n\n9月末，全市存款余额较年初增长6.8%。\n";
    assert!(repeated(ytd).is_empty());
    // An English quarter's change with no basis word may be annualised: no basis implied.
    let en = "US GDP grew 2.8% year on year in the third quarter.\n\nIn the third quarter, US GDP grew 3.1%.\n";
    assert!(repeated(en).is_empty());
    let rate =
        "2024年，全市新能源汽车产量同比增长35.2%。\n\n2024年全市新能源汽车产量增长率为32.5%。\n";
    assert_eq!(repeated(rate), vec!["32.5%".to_string()]);
}

#[test]
fn repeated_a_headline_the_body_repeats_is_the_bodys_statement() {
    let t = "# 1至8月份全市规模以上工业增加值增长7.3%\n\n1至8月份，全市规模以上工业增加值同比增长7.3%。\n\n市统计局负责人介绍，1至8月份全市规模以上工业增加值同比增长7.8%。\n";
    let doc = Document::from_text(std::path::Path::new("t.md"), t);
    let mentions = extract(&doc.masked, &ExtractOptions::default());
    let options = CheckOptions::default();
    let ctx = Context::new(&doc, &mentions, &options);
    let mut examined = Vec::new();
    let found = super::repeated_figure::check(&ctx, super::Severity::Warning, &mut examined);
    assert_eq!(found.len(), 1);
    let related = found[0].related[0].span;
    assert_eq!(doc.lines.line_of(related.start), 2);
}

#[test]
fn table_a_change_named_after_the_figure_with_its_measure_is_not_the_rows() {
    let t = "| Segment | Revenue | Change (%) |\n|---|---|---|\n| Productivity | $28.3bn | 12 |\n| Cloud | $24.1bn | 20 |\n\n";
    assert!(
        table(&format!(
            "{t}The cloud unit powered a 16% jump in revenue.\n"
        ))
        .is_empty()
    );
    assert_eq!(
        table(&format!("{t}Cloud revenue rose 16% in the quarter.\n")),
        vec!["16%".to_string()]
    );
}

#[test]
fn change_a_level_named_by_its_period_after_a_clause_of_another_subject() {
    let t = "2024年，全市出口同比增长12.0%。\n\n2024年全市出口112.6亿美元，进口方面，2023年为90.1亿美元。\n";
    assert!(change(t).is_empty());
    // A change between the level and its year-earlier value leaves them tied.
    let tied = "2024年，全市出口同比增长12.0%。\n\n2024年全市出口112.6亿美元，同比增长25.0%，2023年为90.1亿美元。\n";
    assert_eq!(change(tied), vec!["12.0%".to_string()]);
}

#[test]
fn parts_a_total_named_by_one_word_at_the_parts_period_and_the_leads_figures() {
    let t = "# Arden\n\nArden said that sales rose 5.1% y/y to $6.42 billion in the third quarter.\n\nThird-quarter sales were split between stores ($4.38 billion), online ($1.52 billion) and wholesale ($0.61 billion).\n";
    assert_eq!(parts(t), vec!["$6.42 billion".to_string()]);
    // Without the parts' period, one word is too little to name the total.
    let undated = t.replace("Third-quarter sales were", "Sales were");
    assert!(parts(&undated).is_empty());
    // A figure someone states later in the article is not the article's total.
    let later = "# Arden\n\nArden published its results on Tuesday.\n\nThe chief executive said that sales rose 5.1% y/y to $6.42 billion in the third quarter.\n\nThird-quarter sales were split between stores ($4.38 billion), online ($1.52 billion) and wholesale ($0.61 billion).\n";
    assert!(parts(later).is_empty());
}

#[test]
fn shares_of_the_vote_named_by_de_piao_lv_or_after_the_figure() {
    let rate = "本次选举中，张三得票率为52.3%，李四得票率为36.8%，王五得票率为15.2%。";
    assert_eq!(shares(rate), vec!["52.3%".to_string()]);
    assert!(shares(&rate.replace("15.2%", "10.2%")).is_empty());
    let after = "张三获得52.3%的选票，李四获得36.8%的选票，王五获得15.2%的选票。";
    assert_eq!(shares(after), vec!["52.3%".to_string()]);
    // Shares of other places or of the last round are of other wholes.
    let places = "张三在南区得票率为52.3%，李四在北区得票率为61.8%。";
    assert!(shares(places).is_empty());
    let last = "张三得票率为52.3%，上届选举中李四得票率为61.8%。";
    assert!(shares(last).is_empty());
}

#[test]
fn parts_a_total_written_after_its_parts() {
    let zh = "本届奥运会，中国代表团获得金牌40枚、银牌27枚、铜牌24枚，共计88枚。";
    assert_eq!(parts(zh), vec!["88枚".to_string()]);
    assert!(parts(&zh.replace("共计88枚", "共计91枚")).is_empty());
    let en = "The team won 24 games at home and 19 away, for a total of 41 games.";
    assert_eq!(parts(en), vec!["41 games".to_string()]);
    // A named group's combined figure is one more part, not the total.
    let group = "韩国 56.1 亿美元，中国台湾 47.9 亿美元，欧洲及其他地区合计 26.3 亿美元。";
    assert!(parts(group).is_empty());
    // `累计` sums over time.
    let cumulative = "10月出口100亿元，进口80亿元，1至10月累计进出口150亿元。";
    assert!(parts(cumulative).is_empty());
}

#[test]
fn ranking_close_behind_is_second_and_parts_after_a_colon_may_be_bare() {
    let t = "积分榜上，海港队以68分领跑，泰山队以71分紧随其后。";
    assert_eq!(ranking(t), vec!["68分".to_string()]);
    assert!(ranking(&t.replace("71分", "65分")).is_empty());
    let colon = "The Hawks scored 1,046 goals this season: 612 at home and 454 away.";
    assert_eq!(parts(colon), vec!["1,046 goals".to_string()]);
    assert!(parts(&colon.replace("454", "434")).is_empty());
}

#[test]
fn ranking_and_repeated_another_time_or_another_owner() {
    let t = "其中，华东地区增长最快，增长 12.1%，华南地区增长 9.8%；上年华东地区增长 14.3%。";
    assert!(ranking(t).is_empty());
    assert_eq!(
        ranking(&t.replace("华南地区增长 9.8%", "华南地区增长 13.8%")),
        vec!["12.1%".to_string()]
    );
    let rival = "# Fairmart sales\n\nFairmart said like-for-like sales rose 3.2% in the six weeks to January 4.\n\nRival Brightmart said its like-for-like sales rose 2.3% in the six weeks to January 4.\n";
    assert!(repeated(rival).is_empty());
    let own = rival.replace("Rival Brightmart said its", "Fairmart later said its");
    assert_eq!(repeated(&own), vec!["2.3%".to_string()]);
}

#[test]
fn ranking_a_superlative_before_its_list_or_in_the_headline() {
    let next = "在各区中，东城区收入最高。东城区收入 58.2 亿元，西城区收入 61.7 亿元。";
    assert_eq!(ranking(next), vec!["58.2 亿元".to_string()]);
    assert!(ranking(&next.replace("61.7", "51.7")).is_empty());
    let headline = "# 东城区一般公共预算收入居各区之首\n\n分区域看，东城区一般公共预算收入 58.2 亿元，西城区 61.7 亿元，南湖区 44.9 亿元。\n";
    assert_eq!(ranking(headline), vec!["58.2 亿元".to_string()]);
    let en = "# Cloud becomes Calder's largest division\n\nCloud revenue was $4.1 billion, payments $4.3 billion, hardware $2.9 billion and services $2.3 billion.\n";
    assert_eq!(ranking(en), vec!["$4.1 billion".to_string()]);
    assert!(ranking(&en.replace("$4.3", "$3.3")).is_empty());
    // A superlative whose own sentence holds its figures is not read against the next.
    let own = "The Progressives won the most votes in the capital, where they took 46.2% against 44.9% for the Liberals. In the north, the Liberals led with 52.7%, well ahead of the Progressives at 35.1%.";
    assert!(ranking(own).is_empty());
    // Another paragraph after a sentence that is no heading is another topic.
    let apart = "在各区中，东城区收入最高。\n\n东城区收入 58.2 亿元，西城区收入 61.7 亿元。";
    assert!(ranking(apart).is_empty());
}

#[test]
fn repeated_a_year_that_opens_a_date_dates_the_figures_after_it() {
    // `2024 年 1 至 9 月` is one date mention; its year is the period's as much as a year
    // standing alone is.
    let two_years = "2025 年 1 至 9 月，全市旅客 605.8 万人次。\n\n\
                     2024 年 1 至 9 月，全市旅客为 564.5 万人次。";
    assert!(repeated(two_years).is_empty(), "{:?}", repeated(two_years));
    let one_year = "2025 年 1 至 9 月，全市旅客 605.8 万人次。\n\n\
                    2025 年 1 至 9 月，全市旅客为 564.5 万人次。";
    assert_eq!(repeated(one_year), ["564.5 万人次"]);
}

#[test]
fn table_a_totals_row_between_its_cells_is_an_average() {
    let average = "| Region | Rooms | RevPAR ($) |\n|---|---|---|\n| North | 120 | 118.40 |\n\
                   | South | 80 | 84.70 |\n| Total | 200 | 104.90 |\n";
    assert!(table(average).is_empty(), "{:?}", table(average));
    let sum = "| Region | Rooms | Revenue ($m) |\n|---|---|---|\n| North | 120 | 118.4 |\n\
               | South | 80 | 84.7 |\n| Total | 200 | 213.1 |\n";
    assert_eq!(table(sum), ["213.1"]);
}

#[test]
fn table_the_nearest_header_word_picks_the_column() {
    let t = "| Region | Revenue change (%) | RevPAR ($) |\n|---|---|---|\n| North | 4.8 | 118.40 |\n\
             | South | -3.5 | 52.30 |\n\nIn the South, revenue fell 3.5% and RevPAR was down 6.8%.\n";
    assert!(table(t).is_empty(), "{:?}", table(t));
    let wrong = "| Region | Revenue change (%) | RevPAR ($) |\n|---|---|---|\n| North | 4.8 | 118.40 |\n\
                 | South | -3.5 | 52.30 |\n\nIn the South, revenue fell 4.5%.\n";
    assert_eq!(table(wrong), ["4.5%"]);
}

#[test]
fn table_a_figure_of_the_first_months_is_not_a_cell_of_one_month() {
    let t = "| Fuel | Oct 2025 | Share (%) |\n|---|---|---|\n| Petrol | 67,210 | 48.5 |\n\
             | Electric | 33,910 | 24.5 |\n\nIn the first ten months of 2025, electric models took 21.8% of sales.\n";
    assert!(table(t).is_empty(), "{:?}", table(t));
    let same = "| Fuel | Oct 2025 | Share (%) |\n|---|---|---|\n| Petrol | 67,210 | 48.5 |\n\
                | Electric | 33,910 | 24.5 |\n\nIn October, electric models took 21.8% of sales.\n";
    assert_eq!(table(same), ["21.8%"]);
}

#[test]
fn table_a_row_label_after_a_preposition_under_another_subject_is_not_quoted() {
    let t = "| Segment | Q3 2025 (MW) | Change (%) |\n|---|---|---|\n| Residential | 620 | 21.1 |\n\
             | Commercial | 310 | 15.7 |\n\nScotland recorded the fastest growth in residential installations, 31%.\n";
    assert!(table(t).is_empty(), "{:?}", table(t));
    let quoted = "| Segment | Q3 2025 (MW) | Change (%) |\n|---|---|---|\n| Residential | 620 | 21.1 |\n\
                  | Commercial | 310 | 15.7 |\n\nResidential installations grew 31%.\n";
    assert_eq!(table(quoted), ["31%"]);
}

fn across(text: &str) -> Vec<String> {
    run(text, super::change_across_sentences::check)
}

#[test]
fn an_english_month_and_year_is_a_period_and_a_day_makes_a_date() {
    let same = "Annual inflation slowed to 3.1% in October 2025 from 3.5% in September.\n\n\
                Annual inflation was 3.3% in October 2025.\n";
    assert_eq!(repeated(same), ["3.3%"]);
    // Verbs of a rate's pace are not the measure's words.
    let pace = "Services inflation cooled to 4.6% in March 2025.\n\nServices inflation was 4.9% in March 2025.\n";
    let ticked = "The jobless rate ticked up to 4.3% in September 2025.\n\n\
                  The jobless rate was 4.1% in September 2025.\n";
    assert_eq!(repeated(ticked), ["4.1%"]);
    assert_eq!(repeated(pace), ["4.9%"]);
    let other_year = "Annual inflation slowed to 3.1% in October 2025.\n\nAnnual inflation was 3.3% in October 2024.\n";
    assert!(repeated(other_year).is_empty());
    // `12 October 2025` is a day: the figures have no period, and are not compared.
    let dates = "On 12 October 2025 annual inflation stood at 3.1%.\n\n\
                 On 12 November 2025 annual inflation stood at 3.3%.\n";
    assert!(repeated(dates).is_empty(), "{:?}", repeated(dates));
}

#[test]
fn a_month_and_year_dates_the_levels_of_a_change() {
    let wrong = "The average price of petrol fell 6.8% year on year to $1.714 a litre in October 2025.\n\n\
                 In October 2024, the average price of petrol was $1.862 a litre.\n";
    assert_eq!(across(wrong), ["6.8%"]);
    let right = "The average price of petrol fell 7.9% year on year to $1.714 a litre in October 2025.\n\n\
                 In October 2024, the average price of petrol was $1.862 a litre.\n";
    assert!(across(right).is_empty());
}

#[test]
fn a_pair_may_name_the_new_figures_period_after_its_verb() {
    let wrong = "全市快递业务量由 2023 年的 8.62 亿件增长到 2024 年的 9.48 亿件。\n\n\
                 2024 年，全市快递业务量同比增长 12.3%。\n";
    assert_eq!(across(wrong), ["12.3%"]);
    let right = "全市快递业务量由 2023 年的 8.62 亿件增长到 2024 年的 9.48 亿件。\n\n\
                 2024 年，全市快递业务量同比增长 10.0%。\n";
    assert!(across(right).is_empty());
}

#[test]
fn a_level_with_no_year_is_the_rates_when_the_only_other_is_the_year_before() {
    let wrong = "Revenue for the third quarter of 2025 rose 6.4% year on year.\n\n\
                 Revenue was $2.41 billion in the third quarter, against $2.19 billion in the third quarter of 2024.\n";
    assert_eq!(across(wrong), ["6.4%"]);
    // With levels of two earlier years, the one with no year may be any of them.
    let open = "Revenue for the third quarter of 2025 rose 6.4% year on year.\n\n\
                Revenue was $2.41 billion in the third quarter, against $2.19 billion in the third quarter of 2024.\n\n\
                In the third quarter of 2023 revenue was $2.02 billion.\n";
    assert!(across(open).is_empty(), "{:?}", across(open));
}

#[test]
fn parts_bare_numbers_after_of_the_total_count_what_it_counts() {
    let wrong = "Of the 412,860 pupils, 236,540 were in primary schools, 168,210 in secondary schools, \
                 6,480 in special schools and the remaining 1,230 in pupil referral units.\n";
    assert_eq!(parts(wrong), ["412,860 pupils"]);
    let right = "Of the 412,860 pupils, 236,540 were in primary schools, 168,210 in secondary schools, \
                 6,480 in special schools and the remaining 1,630 in pupil referral units.\n";
    assert!(parts(right).is_empty());
    let other = "Of the 2,310 candidates, 1,204 passed, 806 failed and the other 312 withdrew.\n";
    assert_eq!(parts(other), ["2,310 candidates"]);
    // Without a word for the rest the list may be partial: an under-sum is no finding.
    let partial = "Of the 412,860 pupils, 236,540 were in primary schools and 168,210 in secondary schools.\n";
    assert!(parts(partial).is_empty());
    // `and other revenue` after another category is one more category, not the rest.
    let loyalty = "Total operating revenue was $3.91 billion, of which cargo contributed $0.21 billion \
                   and loyalty and other revenue $0.24 billion.\n";
    assert!(parts(loyalty).is_empty());
}

#[test]
fn parts_a_capitalised_name_holds_no_dimension_word() {
    let wrong = "Of the 35.6 million tonnes of wheat, Western Australia grew 11.9 million, \
                 New South Wales 10.4 million and Victoria 14.2 million.\n";
    assert_eq!(parts(wrong), ["35.6 million tonnes"]);
    // `new recruits` is a dimension word against parts named otherwise: silence.
    let mixed = "Of the 300 staff, 180 are new recruits and 150 work in Leeds.\n";
    assert!(parts(mixed).is_empty());
}

#[test]
fn an_elided_list_item_after_a_name_is_a_figure() {
    let text = "Labour won 24 seats, the Greens 26, the Centre Party 6 and independents 4.";
    let ms = extract(text, &ExtractOptions::default());
    for figure in ["26", "6"] {
        let m = ms
            .iter()
            .find(|m| &text[m.span.range()] == figure)
            .unwrap_or_else(|| panic!("no mention `{figure}`"));
        assert!(m.kind.is_quantity(), "`{figure}` read as {:?}", m.kind);
    }
    // A product's number stays a name.
    let products = "It sold 2.1 million phones, the iPhone 15 and the Pixel 8 among them.";
    let ms = extract(products, &ExtractOptions::default());
    assert!(
        ms.iter()
            .any(|m| &products[m.span.range()] == "iPhone 15" && !m.kind.is_quantity())
    );
}

#[test]
fn ranking_a_back_reference_reads_the_paragraph_before() {
    let wrong = "Labour won 24 seats, the Greens 26, the Liberals 11 and independents 4.\n\n\
                 The result makes Labour the largest party in the assembly.\n";
    assert_eq!(ranking(wrong), ["24 seats"]);
    let right = "Labour won 28 seats, the Greens 26, the Liberals 11 and independents 4.\n\n\
                 The result makes Labour the largest party in the assembly.\n";
    assert!(ranking(right).is_empty());
    let that = "Labour won 19 seats, the Greens 22 and the Liberal Democrats 8.\n\n\
                That leaves Labour as the largest party on the council.\n";
    assert_eq!(ranking(that), ["19 seats"]);
    // Without words that refer back, another paragraph's list is not the one ranked.
    let apart = "Labour won 24 seats, the Greens 26, the Liberals 11 and independents 4.\n\n\
                 Analysts said Labour remained the largest party on the council.\n";
    assert!(ranking(apart).is_empty());
}

#[test]
fn ranking_figures_of_an_official_source_are_the_articles() {
    // Not the lead (whose source is the article's own): a sentence after it.
    let official = "Counting ended on Friday.\n\nAccording to the electoral commission, Labour won \
                    24 seats and the Greens 26. Labour became the largest party.\n";
    assert_eq!(ranking(official), ["24 seats"]);
    let someone = "Counting ended on Friday.\n\nAccording to a Labour campaign chief, Labour won \
                   24 seats and the Greens 26. Labour became the largest party.\n";
    assert!(ranking(someone).is_empty());
}

#[test]
fn table_shares_written_as_bare_numbers_under_a_percent_header() {
    let t = |share: &str| {
        format!(
            "| Batter | Runs | Share of team runs (%) |\n|---|---|---|\n| Qureshi | 512 | 21.0 |\n\
             | Whitlow | 356 | {share} |\n| Others | 1,568 | 64.4 |\n| Team total | 2,436 | 100.0 |\n"
        )
    };
    assert_eq!(table(&t("16.6")), ["16.6"]);
    assert!(table(&t("14.6")).is_empty());
}

#[test]
fn table_a_share_column_shares_the_amount_column_its_header_names() {
    let t = |share: &str| {
        format!(
            "| 類別 | 家數 | 營業收入(億元) | 營收占比(%) |\n|---|---|---|---|\n\
             | 國際觀光旅館 | 80 | 281.5 | {share} |\n| 一般觀光旅館 | 43 | 42.8 | 13.2 |\n\
             | 合計 | 123 | 324.3 | 100.0 |\n"
        )
    };
    // 80 of 123 hotels is not what 86.8 shares: revenue is.
    assert!(table(&t("86.8")).is_empty(), "{:?}", table(&t("86.8")));
    assert_eq!(table(&t("82.8")), ["82.8"]);
}

#[test]
fn table_a_chinese_header_in_the_figures_own_clause_picks_the_column() {
    let t = "| 類別 | 家數 | 客房數 | 營業收入(億元) |\n|---|---|---|---|\n\
             | 國際觀光旅館 | 81 | 22,614 | 279.6 |\n| 一般觀光旅館 | 42 | 6,208 | 41.2 |\n\n";
    let wrong = format!(
        "{t}一般觀光旅館家數較少，上半年營業收入41.9億元，住用率則低於2019年同期的70.5%。\n"
    );
    assert_eq!(table(&wrong), ["41.9億元"]);
    // A part after the row's figure (`其中客房收入`) quotes nothing.
    let part = format!("{t}國際觀光旅館上半年營業收入279.6億元，其中客房收入128.4億元。\n");
    assert!(table(&part).is_empty(), "{:?}", table(&part));
    // A year in the figure's own clause is another period's.
    let earlier = format!("{t}一般觀光旅館家數較少，2019年上半年營業收入47.6億元。\n");
    assert!(table(&earlier).is_empty());
}

#[test]
fn a_change_over_the_first_months_is_on_the_same_months_of_the_year_before() {
    let wrong = "In the first half of 2025, registrations rose 34.2% to 870,500.\n\n\
                 In the first half of 2024, registrations were 701,200.\n";
    assert_eq!(across(wrong), ["34.2%"]);
    // Another base named after the figure: not year on year.
    let other = "In the first half of 2025, registrations rose 34.2% from the second half to 870,500.\n\n\
                 In the first half of 2024, registrations were 701,200.\n";
    assert!(across(other).is_empty());
    // A quarter's change with no basis word may be on the quarter before.
    let quarter = "In the third quarter of 2025, registrations rose 34.2% to 870,500.\n\n\
                   In the third quarter of 2024, registrations were 701,200.\n";
    assert!(across(quarter).is_empty());
}

#[test]
fn shares_one_share_at_two_times_is_a_change_not_two_parts() {
    let change = "城镇人口占总人口的比重由 64.7% 升至 66.2%，提高 1.5 个百分点。\n";
    assert!(shares(change).is_empty(), "{:?}", shares(change));
    let trad = "外資持股佔總市值的比例由 41.3% 降至 39.8%，減少 1.5 個百分點。\n";
    assert!(shares(trad).is_empty(), "{:?}", shares(trad));
    // Two parts of one whole in one sentence still add up.
    let parts = "第一产业占 8.9%，第二产业占 60.2%，第三产业占 50.9%。\n";
    assert_eq!(shares(parts), ["8.9%"]);
}

#[test]
fn shares_several_answers_said_in_the_sentence_before() {
    let noted =
        "本题可多选。受访者最常用的出行方式中，地铁占 61.2%，公交占 47.5%，骑行占 30.4%。\n";
    assert!(shares(noted).is_empty(), "{:?}", shares(noted));
    let english =
        "Shoppers could name more than one reason: 58% cited price, 44% range and 31% parking.\n";
    assert!(shares(english).is_empty(), "{:?}", shares(english));
    // Without the note, the same shares are of one whole.
    let whole = "受访者最常用的出行方式中，地铁占 61.2%，公交占 47.5%，骑行占 30.4%。\n";
    assert_eq!(shares(whole), ["61.2%"]);
}

#[test]
fn shares_a_rest_closes_only_the_list_it_ends() {
    // Amounts between the shares break the list: the last two shares and the rest are not
    // the whole list, so they need not reach 100%.
    let broken = "分产品看，甲产品收入 120.5 亿元，占 60.1%；乙产品收入 52.3 亿元，占 26.1%；\
                  丙产品收入 20.2 亿元，占 10.1%；其他产品占 3.7%。\n";
    assert!(shares(broken).is_empty(), "{:?}", shares(broken));
}

#[test]
fn ranking_a_figure_before_an_english_comparative_is_the_difference() {
    let difference =
        "Exports were 2.3% higher than in the first quarter and 4.8% above a year earlier.\n";
    assert!(ranking(difference).is_empty(), "{:?}", ranking(difference));
    // Two figures compared by the word still are.
    let compared =
        "Solar output was 120 gigawatt-hours, higher than the 150 gigawatt-hours of wind.\n";
    assert_eq!(ranking(compared), ["120 gigawatt-hours"]);
}

#[test]
fn ranking_half_of_a_record_is_not_what_the_rank_ranks() {
    let record = "甲队以 30 胜 6 负排名第一，乙队 28 胜 8 负位列第二，丙队 25 胜 11 负排名第三。\n";
    assert!(ranking(record).is_empty(), "{:?}", ranking(record));
}

#[test]
fn table_words_of_another_base_rate_or_measure_quote_no_cell() {
    let t = "| 地区 | 游客（万人次） | 游客增长（%） | 收入（亿元） |\n|---|---|---|---|\n\
             | 东湖区 | 820 | 6.1 | 65.2 |\n| 西山区 | 540 | 4.3 | 40.8 |\n\n";
    // Revenue's growth is not the visitors' growth column.
    let revenue = format!("{t}西山区旅游收入 40.8 亿元，同比增长 9.2%。\n");
    assert!(table(&revenue).is_empty(), "{:?}", table(&revenue));
    // Month on month is not the table's year-on-year column.
    let t2 = "| 方式 | 客运量（万人次） | 同比增长（%） |\n|---|---|---|\n\
              | 铁路 | 1,265 | 11.6 |\n| 民航 | 318.5 | 8.4 |\n\n";
    let base = format!("{t2}全月铁路客运量环比增长 14.2%。\n");
    assert!(table(&base).is_empty(), "{:?}", table(&base));
    // A rate the header does not name.
    let t3 = "| 季度 | 营收（亿元） | 环比增速 |\n|---|---|---|\n\
              | 一季度 | 410.2 | -2.1% |\n| 二季度 | 425.6 | 3.8% |\n\n";
    let rate = format!("{t3}二季度毛利率回升至 28.4%。\n");
    assert!(table(&rate).is_empty(), "{:?}", table(&rate));
    // The visitors' own growth, quoted wrong, is still found.
    let wrong = format!("{t}西山区接待游客 540 万人次，游客增长 5.3%。\n");
    assert_eq!(table(&wrong), ["5.3%"]);
}

fn changes(text: &str) -> Vec<String> {
    run(text, super::change_across_sentences::check)
}

// Wave 7: rules read from the wave-6 held-out set's misses, each with its silence.

#[test]
fn shares_each_after_its_own_amount_are_one_list() {
    // `X 亿元，占 a%；Y 亿元，占 b%`: the amounts between the shares are the parts' own.
    let over = "全年收入按来源分，税收收入 812.4 亿元，占 70.5%；转移收入 240.1 亿元，占 22.9%；\
                其他收入 96.0 亿元，占 8.3%。\n";
    assert_eq!(shares(over), ["70.5%"]);
    // Amounts of another unit between them name another whole.
    let units = "东湖区接待游客 820 万人次，占 61.2%；西山区旅游收入 40.8 亿元，占 45.0%。\n";
    assert!(shares(units).is_empty(), "{:?}", shares(units));
    // A change between an amount and its share breaks the list, as before.
    let change = "一般贸易 4,331.4 亿元，增长 5.6%，占 63.3%；加工贸易 1,497.9 亿元，下降 1.2%，占 41.9%。\n";
    assert!(shares(change).is_empty(), "{:?}", shares(change));
    // A list that adds up is silent.
    let whole = "税收收入 812.4 亿元，占 68.8%；转移收入 240.1 亿元，占 20.3%；其他收入 128.6 亿元，占 10.9%。\n";
    assert!(shares(whole).is_empty(), "{:?}", shares(whole));
}

#[test]
fn repeated_a_year_alone_is_the_whole_year() {
    let t = "# 华川股份 2025 年年报\n\n2025 年公司全年实现净利润 18.2 亿元，同比增长 6.1%。\n\n\
             2025 年，公司净利润同比增长 7.4%，主要得益于成本下降。\n";
    assert_eq!(repeated(t), ["7.4%"]);
    // A year against a quarter of it is not the same figure.
    let q = "# 华川股份 2025 年年报\n\n2025 年公司全年实现净利润 18.2 亿元，同比增长 6.1%。\n\n\
             2025 年四季度，公司净利润同比增长 7.4%。\n";
    assert!(repeated(q).is_empty(), "{:?}", repeated(q));
}

#[test]
fn repeated_the_place_the_title_names_is_not_a_word_of_the_measure() {
    let t = "# Norland retail sales climb in October\n\nRetail sales in Norland rose 2.8% year on year in October, the statistics office said.\n\n\
             In October, retail sales were 3.3% higher than a year earlier.\n";
    assert_eq!(repeated(t), ["3.3%"]);
    // Another place keeps its name.
    let other = "# Norland retail sales climb in October\n\nRetail sales in Norland rose 2.8% year on year in October.\n\n\
                 In October, retail sales in Southmark were 3.3% higher than a year earlier.\n";
    assert!(repeated(other).is_empty(), "{:?}", repeated(other));
    // `24% less often` is an answer, not a change.
    let answers = "# Shopping survey\n\nOf those asked, 52% said they shopped online weekly, 29% monthly and 24% less often.\n";
    assert_eq!(shares(answers), ["52%"]);
}

#[test]
fn repeated_who_compiles_a_figure_is_not_its_measure() {
    let t = "# Business sentiment dips\n\nThe business sentiment index compiled by the Eastvale Chamber of Commerce fell to 94.2 in May 2025.\n\n\
             The business sentiment index stood at 92.4 in May 2025, its lowest since 2023.\n";
    assert_eq!(repeated(t), ["92.4"]);
}

#[test]
fn table_a_year_column_after_its_quarters_is_a_totals_column() {
    let t = "| Line | Q1 | Q2 | Q3 | Q4 | Year |\n|---|---|---|---|---|---|\n\
             | North | 120 | 135 | 150 | 110 | 515 |\n| South | 90 | 95 | 101 | 88 | 384 |\n";
    assert_eq!(table(t), ["384"]);
    // `Year` as a label column with amounts that are not parts of a year.
    let label = "| Year | Exports | Imports | Balance |\n|---|---|---|---|\n\
                 | 2023 | 120 | 135 | 150 |\n| 2024 | 90 | 95 | 101 |\n";
    assert!(table(label).is_empty(), "{:?}", table(label));
    // Halves and their year.
    let halves = "| 地区 | 上半年 | 下半年 | 全年 |\n|---|---|---|---|\n| 东区 | 40.2 | 45.1 | 85.3 |\n| 西区 | 30.0 | 31.5 | 61.5 |\n";
    assert!(table(halves).is_empty(), "{:?}", table(halves));
}

#[test]
fn table_last_before_a_rank_is_no_other_time() {
    let t = "| Team | Won | Points |\n|---|---|---|\n| Hawks | 40 | 88 |\n| Owls | 38 | 84 |\n\n";
    let rank = format!(
        "{t}The Owls finished second on 86 points, and the Kites took the last play-off place.\n"
    );
    assert_eq!(table(&rank), ["86 points"]);
    // `their last 10 games`, `last season` are other times.
    let games = format!("{t}The Owls won 9 of their last 10 games.\n");
    assert!(table(&games).is_empty(), "{:?}", table(&games));
    let season = format!("{t}The Owls finished on 86 points last season.\n");
    assert!(table(&season).is_empty(), "{:?}", table(&season));
}

#[test]
fn table_a_level_reached_is_quoted_from_the_column_of_its_year() {
    let t = "| Source | 2024 (TWh) | 2025 (TWh) |\n|---|---|---|\n| Wind | 16.2 | 18.1 |\n| Hydro | 6.3 | 5.9 |\n\n";
    let wrong = format!("{t}Wind generation rose 14.2% to 18.5 TWh in 2025.\n");
    assert_eq!(table(&wrong), ["18.5 TWh"]);
    let right = format!("{t}Wind generation rose 11.7% to 18.1 TWh in 2025.\n");
    assert!(table(&right).is_empty(), "{:?}", table(&right));
}

#[test]
fn parts_of_that_total_reaches_back_one_paragraph() {
    let t = "The mine group produced 412,600 tonnes of copper in 2025, up 6% from 389,100 tonnes a year earlier.\n\n\
             Of that total, the north pit contributed 198,400 tonnes, the east pit 131,900 tonnes and the oxide plant 96,700 tonnes.\n";
    assert_eq!(parts(t), ["412,600 tonnes"]);
    // `其中` at a paragraph's head does not reach back.
    let zh =
        "全年生产铜 41.26 万吨。\n\n其中，北矿 19.84 万吨，东矿 13.19 万吨，氧化矿厂 9.67 万吨。\n";
    assert!(parts(zh).is_empty(), "{:?}", parts(zh));
}

#[test]
fn parts_a_net_part_first_in_the_list_is_a_part() {
    let t = "Total income of £2.31 billion comprised net interest income of £1.78 billion, fees of £0.47 billion and other income of £0.12 billion.\n";
    assert_eq!(parts(t), ["£2.31 billion"]);
    // A difference after the parts still ends the list.
    let trade = "进出口总值 6,842.6 亿元，其中出口 4,105.3 亿元，进口 2,737.3 亿元，贸易顺差 1,368.0 亿元。\n";
    assert!(parts(trade).is_empty(), "{:?}", parts(trade));
}

#[test]
fn ranking_the_largest_after_leaving_the_name() {
    let t = "Labour won 12 of the 31 seats, the Harbour Independents 10 and the Greens 9, leaving the Independents as the largest group.\n";
    assert_eq!(ranking(t), ["10"]);
    let right = "Labour won 12 of the 31 seats, the Harbour Independents 10 and the Greens 9, leaving Labour as the largest group.\n";
    assert!(ranking(right).is_empty(), "{:?}", ranking(right));
}

#[test]
fn ranking_a_share_right_after_a_first_place_is_the_items() {
    let t = "在车载芯片市场，丁科技居于首位，份额为 31.2%；戊微电子为 33.5%，己半导体为 12.0%。\n";
    assert_eq!(ranking(t), ["31.2%"]);
    let right =
        "在车载芯片市场，丁科技居于首位，份额为 35.2%；戊微电子为 33.5%，己半导体为 12.0%。\n";
    assert!(ranking(right).is_empty(), "{:?}", ranking(right));
}

#[test]
fn change_a_rate_with_no_period_takes_its_paragraphs() {
    let t = "今年前 10 个月，全省进出口总值 5,210.4 亿元。其中，出口 3,120.5 亿元，增长 9.8%。\n\n\
             上年前 10 个月全省出口 2,961.2 亿元。\n";
    assert_eq!(changes(t), ["9.8%"]);
    // Another paragraph's period is not carried.
    let apart = "今年前 10 个月，全省进出口总值 5,210.4 亿元。\n\n出口 3,120.5 亿元，增长 9.8%。\n\n\
                 上年前 10 个月全省出口 2,961.2 亿元。\n";
    assert!(changes(apart).is_empty(), "{:?}", changes(apart));
}

#[test]
fn change_a_count_names_its_measure_by_its_noun() {
    let t = "Passengers carried in the second quarter of 2025 rose 8.1% year on year to 12.9 million.\n\n\
             In the second quarter of 2024 the railway carried 11.2 million passengers.\n";
    assert_eq!(changes(t), ["8.1%"]);
    let right = "Passengers carried in the second quarter of 2025 rose 15.2% year on year to 12.9 million.\n\n\
                 In the second quarter of 2024 the railway carried 11.2 million passengers.\n";
    assert!(changes(right).is_empty(), "{:?}", changes(right));
    let vacancies = "Employers reported 9,120 open vacancies in the third quarter of 2025, compared with 8,400 in the third quarter of 2024.\n\n\
                     The number of open vacancies rose 4.1% year on year in the third quarter of 2025.\n";
    assert_eq!(changes(vacancies), ["4.1%"]);
}

#[test]
fn change_a_record_between_to_and_the_level() {
    let t = "Wool export earnings rose 7.5% to a record $2.43 billion in 2024-25.\n\n\
             Wool export earnings had totalled $2.10 billion in 2023-24.\n";
    assert_eq!(changes(t), ["7.5%"]);
}

#[test]
fn change_taiwan_month_on_month_is_a_change_and_the_year_on_year_takes_the_measure() {
    let t = "# 宏晶科技 9 月營收 120.0 億元\n\n宏晶科技公告，2025 年 9 月合併營收為新台幣 120.0 億元，月增 2.1%、年增 9.0%。\n\n\
             2024 年 9 月，宏晶合併營收為 100.0 億元。\n";
    assert_eq!(changes(t), ["9.0%"]);
}

#[test]
fn shares_in_english_each_after_its_amount() {
    let over = "Income tax raised $412.0 million, or 52.0% of the total; business rates $250.5 million, \
                or 31.6%; and fees $160.2 million, or 20.2%.\n";
    assert_eq!(shares(over), ["52.0%"]);
    // The size of a change and its rate are no shares.
    let changes = "Revenue rose $120 million, or 54.2%, and costs fell $30 million, or 52.1%.\n";
    assert!(shares(changes).is_empty(), "{:?}", shares(changes));
    // Shares of wholes named after them.
    let wholes = "Revenue was $2.1 billion, or 62% of group sales; profit was $300 million, \
                  or 95% of group profit.\n";
    assert!(shares(wholes).is_empty(), "{:?}", shares(wholes));
}

#[test]
fn repeated_up_on_a_year_earlier_is_a_change() {
    let t = "# Norland retail sales climb in October\n\nRetail sales rose 2.8% year on year in October.\n\n\
             In October, retail sales were 3.3% up on a year earlier.\n";
    assert_eq!(repeated(t), ["3.3%"]);
    // Alone, `up` may name an answer.
    let answers = "Asked about prices, 31% said up, 45% down and 24% unchanged.\n";
    assert!(shares(answers).is_empty(), "{:?}", shares(answers));
}

#[test]
fn parts_of_this_total_in_the_next_sentence() {
    let t = "The council spent £84.2 million on services in 2025. Of this total, schools took \
             £41.0 million, roads £25.3 million and libraries £20.1 million.\n";
    assert_eq!(parts(t), ["£84.2 million"]);
}

#[test]
fn table_the_captions_unit_scales_its_columns() {
    let t = "2024 年主要景区接待游客（万人次）：\n\n| 景区 | 上半年 | 下半年 | 全年 |\n|---|---|---|---|\n\
             | 古城景区 | 1,210 | 1,480 | 2,690 |\n| 滨海景区 | 980 | 1,640 | 2,620 |\n\n";
    let right = format!("{t}2024 年，滨海景区全年接待游客 2,620 万人次。\n");
    assert!(table(&right).is_empty(), "{:?}", table(&right));
    let wrong = format!("{t}2024 年，滨海景区全年接待游客 2,720 万人次。\n");
    assert_eq!(table(&wrong), ["2,720 万人次"]);
}

#[test]
fn repeated_the_bank_s_is_the_article_s_own() {
    let t = "# Harbour Bank results\n\nNet interest margin was 2.94% in 2025, the bank said.\n\n\
             The bank's net interest margin was 2.89% in 2025.\n";
    assert_eq!(repeated(t), ["2.89%"]);
    let rival = "# Harbour Bank results\n\nNet interest margin was 2.94% in 2025, the bank said.\n\n\
                 The rival's net interest margin was 2.89% in 2025.\n";
    assert!(repeated(rival).is_empty(), "{:?}", repeated(rival));
}

#[test]
fn repeated_a_company_called_by_the_head_of_its_name() {
    let t = "# 聯晶半導體 10 月營收創高\n\n2025 年 10 月合併營收 186.4 億元，年增 8.7%。\n\n\
             聯晶 2025 年 10 月合併營收年增 9.1%。\n";
    assert_eq!(repeated(t), ["9.1%"]);
}

#[test]
fn repeated_a_comparative_on_another_base_is_no_change_of_the_year() {
    // `higher than in October` names another base: not the year-on-year change.
    let t = "# Norland retail sales\n\nRetail sales rose 3.4% in October.\n\n\
             In November, retail sales were 0.8% higher than in October.\n";
    assert!(repeated(t).is_empty(), "{:?}", repeated(t));
}

#[test]
fn table_last_before_a_month_is_another_time() {
    let t = "| Team | Won | Points |\n|---|---|---|\n| Hawks | 40 | 88 |\n| Owls | 38 | 84 |\n\n";
    let june = format!("{t}The Owls had 80 points last June.\n");
    assert!(table(&june).is_empty(), "{:?}", table(&june));
}

#[test]
fn table_a_share_column_with_no_totals_row_stays_within_100() {
    let over = "| Mode | Share (%) |\n|---|---|\n| Car | 52.4 |\n| Bus | 21.0 |\n| Rail | 18.3 |\n\
                | Bicycle | 9.6 |\n| Walking | 10.7 |\n";
    assert_eq!(table(over), ["52.4"]);
    let zh = "| 企业 | 市场份额 |\n|---|---|\n| 甲 | 52.4% |\n| 乙 | 31.0% |\n| 丙 | 28.3% |\n";
    assert_eq!(table(zh), ["52.4%"]);
    // A rate within each row, and one item's share at several times, are not one whole.
    let rates = "| Region | Share of households with broadband (%) |\n|---|---|\n\
                 | North | 82.4 |\n| South | 79.0 |\n";
    assert!(table(rates).is_empty(), "{:?}", table(rates));
    let times = "| Year | Share (%) |\n|---|---|\n| 2024 | 61.2 |\n| 2025 | 63.5 |\n";
    assert!(table(times).is_empty(), "{:?}", table(times));
    let whole = "| Mode | Share (%) |\n|---|---|\n| Car | 52.4 |\n| Bus | 21.0 |\n| Rail | 18.3 |\n\
                 | Bicycle | 8.3 |\n";
    assert!(table(whole).is_empty(), "{:?}", table(whole));
}

// wave 7: parts, shares, change across sentences

#[test]
fn parts_a_decrease_beside_increases_makes_signed_changes() {
    // Changes of a balance with opposite signs: -60 + 580 = 520, not 60 + 580.
    let signed =
        "前 10 个月，全县存款增加 520 亿元，其中活期存款减少 60 亿元，定期存款增加 580 亿元。\n";
    assert!(parts(signed).is_empty(), "{:?}", parts(signed));
    // All increases still add up, and exceed the total.
    let over =
        "前 10 个月，全县存款增加 520 亿元，其中活期存款增加 160 亿元，定期存款增加 410 亿元。\n";
    assert_eq!(parts(over), ["520 亿元"]);
}

#[test]
fn parts_a_figure_beside_the_whole_ends_the_list() {
    let besides = "全县现有公共图书馆分馆 64 个，其中自助分馆 51 个；另有流动服务点 27 个。\n";
    assert!(parts(besides).is_empty(), "{:?}", parts(besides));
    let over = "全县现有公共图书馆分馆 64 个，其中自助分馆 51 个，社区分馆 27 个。\n";
    assert_eq!(parts(over), ["64 个"]);
}

#[test]
fn parts_of_those_after_a_part_is_a_part_of_that_part() {
    let nested = "Of the 1,800 applications received, 1,240 were approved; 1,050 of those were funded in full.\n";
    assert!(parts(nested).is_empty(), "{:?}", parts(nested));
    let over = "Of the 1,800 applications received, 1,240 were approved and 690 were rejected.\n";
    assert_eq!(parts(over), ["1,800 applications"]);
}

#[test]
fn shares_of_nested_ranked_groups_are_not_one_whole() {
    // The top eight hold the top three.
    let nested =
        "销量排名前三的企业合计销售 52 万辆，占全国销量的 58.0%；排名前八的企业合计占 79.5%。\n";
    assert!(shares(nested).is_empty(), "{:?}", shares(nested));
    // The top three and the rest are one whole.
    let over = "销量排名前三的企业合计销售 52 万辆，占全国销量的 58.0%；其余企业合计占 49.5%。\n";
    assert_eq!(shares(over), ["58.0%"]);
    // A period of the first months is no rank.
    assert_eq!(super::shares_total::top_n("前三季度，甲产品占"), None);
    assert_eq!(super::shares_total::top_n("前 10 个月，乙占"), None);
    assert_eq!(
        super::shares_total::top_n("the top five carriers held"),
        Some("five".into())
    );
}

#[test]
fn shares_of_one_group_by_attributes_that_cut_across_overlap() {
    let across = "新一届村委会成员中，女性 96 名，占 41.2%；中共党员 110 名，占 47.2%；大专及以上学历 131 名，\
                  占 56.2%；40岁以下成员 60 名，占 25.8%。\n";
    assert!(shares(across).is_empty(), "{:?}", shares(across));
    // Along one attribute the shares are of one whole.
    let over = "新当选的村委会成员中，男性 140 名，占 60.1%；女性 96 名，占 45.2%。\n";
    assert_eq!(shares(over), ["60.1%"]);
}

#[test]
fn change_the_whole_area_and_a_named_place_are_two_subjects() {
    let two = "# 前三季度临江市农产品出口\n\n今年前三季度，全市农产品出口 9.2 万吨，同比增长 6.1%，上年同期为 8.67 万吨；\
               实现农产品出口额 79.2 亿元，同比增长 8.4%。\n\n\
               白沙县借助口岸扩容，前三季度实现农产品出口额 12.6 亿元，同比增长 11.3%。\n";
    assert!(change(two).is_empty(), "{:?}", change(two));
    // One place in both sentences: the change is checked, and 12.6 / 9.8 is not 11.3% up.
    let one = "# 农产品出口\n\n2024 年前三季度，白沙县农产品出口额为 9.8 亿元。\n\n\
               白沙县 2025 年前三季度实现农产品出口额 12.6 亿元，同比增长 11.3%。\n";
    assert_eq!(change(one), ["11.3%"]);
}

#[test]
fn shares_a_group_named_before_其中_is_the_whole_not_an_attribute() {
    // `60 岁以上` names the whole; the shares split it by one attribute and exceed 100%.
    let t = "全县 60 岁以上户籍人口 12.4 万人，其中男性占 49.5%，女性占 55.1%。\n";
    assert_eq!(shares(t), ["49.5%"]);
}

// Wave 7, `table_consistency`: what ties a prose figure to a cell (read from the wave-7
// held-out set's false alarms; the sentences and tables here are new).

#[test]
fn table_a_row_left_out_is_not_the_figure_s() {
    let zh = "| 类别 | 同比(%) | 环比(%) |\n|---|---|---|\n| 能源 | -3.0 | 0.4 |\n| 服务 | 2.1 | 0.2 |\n\n";
    let core = format!("{zh}扣除能源价格后的核心指数同比上涨 2.4%。\n");
    assert!(table(&core).is_empty(), "{:?}", table(&core));
    let quote = format!("{zh}能源价格同比上涨 2.4%。\n");
    assert_eq!(table(&quote), ["2.4%"]);
    let en = "| Category | Change (%) |\n|---|---|\n| Energy | -3.0 |\n| Services | 2.1 |\n\n";
    let core = format!("{en}Prices excluding energy rose 2.4%.\n");
    assert!(table(&core).is_empty(), "{:?}", table(&core));
    let quote = format!("{en}Energy prices rose 2.4%.\n");
    assert_eq!(table(&quote), ["2.4%"]);
}

#[test]
fn table_a_measure_of_its_own_after_the_row_is_another_item_s() {
    let zh = "| 地区 | 增长(%) |\n|---|---|\n| 东区 | 5.2 |\n| 西区 | 3.1 |\n\n";
    let part = format!("{zh}东区中，新城街道增长 9.0%。\n");
    assert!(table(&part).is_empty(), "{:?}", table(&part));
    let quote = format!("{zh}东区表现最好，增长 9.0%。\n");
    assert_eq!(table(&quote), ["9.0%"]);
    let en = "| Segment | Revenue ($m) | Change (%) |\n|---|---|---|\n\
              | Beverages | 420 | 6.1 |\n| Snacks | 310 | 2.0 |\n\n";
    let part = format!("{en}Beverages grew 6.1%, with bottled water up 11.5%.\n");
    assert!(table(&part).is_empty(), "{:?}", table(&part));
    // The measure a header names ties the figure to the row named before it.
    let quote = format!("{en}Beverages had a strong year, with revenue up 11.5%.\n");
    assert_eq!(table(&quote), ["11.5%"]);
}

#[test]
fn table_a_word_that_narrows_the_row_makes_a_part_of_it() {
    let t = "| Channel | Sales ($m) | Change (%) |\n|---|---|---|\n\
             | Online | 640 | 8.2 |\n| Stores | 1,210 | -1.0 |\n\n";
    let part = format!("{t}Sales rose 2.1%, and clearance online sales grew 14.0%.\n");
    assert!(table(&part).is_empty(), "{:?}", table(&part));
    let part = format!("{t}Discounted online sales fell 3.5%.\n");
    assert!(table(&part).is_empty(), "{:?}", table(&part));
    let quote = format!("{t}Sales rose 2.1%, and online sales grew 14.0%.\n");
    assert_eq!(table(&quote), ["14.0%"]);
    let quote = format!("{t}Total online sales grew 14.0%.\n");
    assert_eq!(table(&quote), ["14.0%"]);
}

#[test]
fn table_a_level_or_a_change_in_one_unit_needs_the_words_of_its_column() {
    let t = "| Sector | Jobs, March (thousands) | Change on month (thousands) |\n|---|---|---|\n\
             | Mining | 412 | 3.5 |\n| Transport | 1,860 | -6.2 |\n\n";
    // Which column `with 3,500` quotes, the words do not say.
    let either = format!("{t}Retail led the month with 9,100, followed by mining with 3,500.\n");
    assert!(table(&either).is_empty(), "{:?}", table(&either));
    let either = format!("{t}Retail led the month with 9,100, followed by mining with 5,000.\n");
    assert!(table(&either).is_empty(), "{:?}", table(&either));
    // A count lost is a change: the change column's.
    let shed = format!("{t}Transport shed 6,200 jobs.\n");
    assert!(table(&shed).is_empty(), "{:?}", table(&shed));
    let shed = format!("{t}Transport shed 7,000 jobs.\n");
    assert_eq!(table(&shed), ["7,000 jobs"]);
    // The level column's word ties the figure to it.
    let level = format!("{t}Mining jobs stood at 452,000.\n");
    assert_eq!(table(&level), ["452,000"]);
    let level = format!("{t}Mining jobs stood at 412,000.\n");
    assert!(table(&level).is_empty(), "{:?}", table(&level));
}

// Wave 8: general rules read from the misses of the `w` set, each with its silence.

#[test]
fn parts_counts_of_different_nouns_after_a_marker_of_the_whole() {
    let over = "# Homes\n\nThe 1,240 dwellings were made up of 610 houses, 388 townhouses and 262 apartments.\n";
    assert_eq!(parts(over), vec!["1,240 dwellings".to_string()]);
    let even = "# Homes\n\nThe 1,240 dwellings consisted of 610 houses, 388 townhouses and 242 apartments.\n";
    assert!(parts(even).is_empty());
    // Groups of a size are a product, not a list of kinds.
    let groups = "# Cup\n\nThe cup's 48 teams are made up of 12 groups of four teams.\n";
    assert!(parts(groups).is_empty());
    // `including` may leave parts out: counts of other nouns are not its parts.
    let including =
        "# Schools\n\nThe 412 schools, including 38 special schools, employ 12,000 teachers.\n";
    assert!(parts(including).is_empty());
}

#[test]
fn parts_included_lists_parts_that_may_be_partial() {
    let over = "# Bank\n\nOperating expenses of $3.12 billion included staff costs of $1.86 billion, technology spending of $0.74 billion and premises costs of $0.61 billion.\n";
    assert_eq!(parts(over).len(), 1);
    let under = "# Bank\n\nOperating expenses of $3.12 billion included staff costs of $1.86 billion and technology spending of $0.74 billion.\n";
    assert!(parts(under).is_empty());
}

#[test]
fn parts_a_breakdown_by_level_takes_the_total_its_measure_ends() {
    let total = "# 收入\n\n2025 年，全省一般公共预算收入 3,412.6 亿元，比上年增长 3.8%。其中，税收收入 2,406.1 亿元，增长 2.9%。\n\n";
    let over = format!(
        "{total}按收入级次分，2025 年，省级一般公共预算收入 1,058.4 亿元；市县级一般公共预算收入 2,384.2 亿元。\n"
    );
    assert_eq!(parts(&over), vec!["3,412.6 亿元".to_string()]);
    let even = format!(
        "{total}按收入级次分，2025 年，省级一般公共预算收入 1,028.4 亿元；市县级一般公共预算收入 2,384.2 亿元。\n"
    );
    assert!(parts(&even).is_empty());
    // Another period's figure is not the total.
    let other = format!(
        "{total}按收入级次分，2024 年，省级一般公共预算收入 1,058.4 亿元；市县级一般公共预算收入 2,384.2 亿元。\n"
    );
    assert!(parts(&other).is_empty());
}

#[test]
fn shares_answers_that_name_amounts_are_one_list() {
    let over = "Asked how long they slept, 33% said less than six hours, 41% between six and seven hours, 24% between seven and eight hours and 7% more than eight hours.";
    assert_eq!(shares(over), vec!["33%".to_string()]);
    let even = "Asked how long they slept, 31% said less than six hours, 40% between six and seven hours, 22% between seven and eight hours and 7% more than eight hours.";
    assert!(shares(even).is_empty());
    // A figure after a clause break is not an answer's words.
    let groups =
        "58% of shift workers slept less than six hours, compared with 28% of other employees.";
    assert!(shares(groups).is_empty());
}

#[test]
fn shares_after_their_amounts_with_a_band_naming_each_part() {
    let over = "从年龄构成看，0—14 岁人口 112.6 万人，占 14.8%；15—64 岁人口 531.9 万人，占 70.1%；65 岁及以上人口 121.4 万人，占 16.4%。";
    assert_eq!(shares(over), vec!["14.8%".to_string()]);
    let even = "从年龄构成看，0—14 岁人口 872.8 万人，占 13.2%；15—64 岁人口 4,555.7 万人，占 68.9%；65 岁及以上人口 1,183.5 万人，占 17.9%。";
    assert!(shares(even).is_empty());
}

#[test]
fn shares_华中_names_a_region_not_among() {
    let over = "分区域看，华东地区收入占营业收入的 52.8%，华南地区占 20.9%，华中地区占 17.9%，其他地区占 12.6%。";
    assert_eq!(shares(over), vec!["52.8%".to_string()]);
    // `受访者中` is among: the shares after it are of that group.
    let among = "男性占 52.8%，女性占 47.2%。受访者中，有车者占 60.1%。";
    assert!(shares(among).is_empty());
}

#[test]
fn ranking_led_the_league_at_and_a_first_place_then_a_participle() {
    let led = "Redcliffe led the league in goal-kicking at 81.6%, ahead of Northbridge's 83.1% and Harbour City's 79.4%.";
    assert_eq!(ranking(led), vec!["81.6%".to_string()]);
    let right = "Redcliffe led the league in goal-kicking at 84.6%, ahead of Northbridge's 83.1%.";
    assert!(ranking(right).is_empty());
    let buying = "China remained the largest destination for Norland's goods, buying $8.9 billion worth in October, ahead of the United States at $9.3 billion.";
    assert_eq!(ranking(buying), vec!["$8.9 billion".to_string()]);
    // An item with a period of its own is another time's figure.
    let earlier = "China remained the largest destination for Norland's goods, buying $8.9 billion worth in October, ahead of its own $9.3 billion in October 2024.";
    assert!(ranking(earlier).is_empty());
}

#[test]
fn ranking_其次_brings_in_the_items_after_the_first() {
    let wrong = "臺中市每公頃 6,120 公斤居各縣市之冠，其次為嘉義縣 6,015 公斤、彰化縣 5,984 公斤，臺南市 6,208 公斤。";
    assert_eq!(ranking(wrong), vec!["6,120 公斤".to_string()]);
    let right = "臺中市每公頃 6,220 公斤居各縣市之冠，其次為嘉義縣 6,015 公斤、彰化縣 5,984 公斤，臺南市 6,208 公斤。";
    assert!(ranking(right).is_empty());
}

#[test]
fn ranking_with_a_measure_after_a_superlative_against_the_list_after_a_semicolon() {
    let wrong = "Lantern Peak grew fastest, with skier days up 14.2% on the 2024 season; Owl Creek rose 16.8%, Falcon Ridge 6.3% and Glenbrae 5.1%.";
    assert_eq!(ranking(wrong), vec!["14.2%".to_string()]);
    // A figure of its own clause (`helped by a 14% rise in arrivals`) is no item.
    let own = "Asia Pacific grew fastest, with revenue up 9.1%, helped by a 14% rise in international arrivals to Japan.";
    assert!(ranking(own).is_empty());
    // A name after `with` is another item.
    let named = "Lantern Peak grew fastest, with Owl Creek up 14.2%; Glenbrae rose 16.8%.";
    assert!(ranking(named).is_empty());
}

#[test]
fn across_the_quarter_refers_to_the_leads_quarter() {
    let lead = "# Meridian\n\nMeridian's volumes rose 4.9% year on year to 3.12 million TEU in the third quarter of 2025.\n\n";
    let wrong = format!(
        "{lead}EBIT fell 38.5% year on year to $412 million for the quarter.\n\nIn the third quarter of 2024, EBIT had been $702 million.\n"
    );
    assert_eq!(across(&wrong), vec!["38.5%".to_string()]);
    let right = format!(
        "{lead}EBIT fell 41.3% year on year to $412 million for the quarter.\n\nIn the third quarter of 2024, EBIT had been $702 million.\n"
    );
    assert!(across(&right).is_empty());
    // `the quarter before` is another quarter.
    let before = format!(
        "{lead}EBIT fell 38.5% year on year to $412 million in the quarter before.\n\nIn the third quarter of 2024, EBIT had been $702 million.\n"
    );
    assert!(across(&before).is_empty());
}

#[test]
fn across_a_real_rate_against_real_levels_only() {
    let real = "# GDP\n\nYear on year, real GDP grew 1.8% in the third quarter.\n\nIn chain-linked volume terms, real GDP came to €612.4 billion in the third quarter of 2025, up from €598.1 billion in the third quarter of 2024.\n";
    assert_eq!(across(real), vec!["1.8%".to_string()]);
    // Nominal levels are not the real rate's.
    let nominal = "# GDP\n\nYear on year, real GDP grew 1.8% in the third quarter.\n\nAt current prices, GDP came to €612.4 billion in the third quarter of 2025, up from €598.1 billion in the third quarter of 2024.\n";
    assert!(across(nominal).is_empty());
}

#[test]
fn across_a_yearless_rate_against_a_level_dated_a_year_before() {
    let wrong = "# Exports\n\nExports rose 7.4% from a year earlier to $38.2 billion in October.\n\nA year earlier, in October 2024, exports had totalled $36.1 billion.\n";
    assert_eq!(across(wrong), vec!["7.4%".to_string()]);
    let right = "# Exports\n\nExports rose 5.8% from a year earlier to $38.2 billion in October.\n\nA year earlier, in October 2024, exports had totalled $36.1 billion.\n";
    assert!(across(right).is_empty());
    // Without words dating it a year before, the dated level may be any year.
    let open = "# Exports\n\nExports rose 7.4% from a year earlier to $38.2 billion in October.\n\nIn October 2022, exports had totalled $36.1 billion.\n";
    assert!(across(open).is_empty());
}

#[test]
fn repeated_a_yearless_part_of_the_year_is_the_leads_year() {
    let lead = "# 泰豐人壽前三季稅後純益 182.6 億元\n\n泰豐人壽公布自結財報，2025 年前三季稅後純益 182.6 億元，年增 21.4%。\n\n";
    let wrong = format!("{lead}累計前三季，泰豐人壽稅後純益較去年同期成長 24.1%。\n");
    assert_eq!(repeated(&wrong), vec!["24.1%".to_string()]);
    // A paragraph that states a year of its own dates its yearless figures.
    let dated = format!(
        "{lead}2024 年前三季稅後純益 150.2 億元。累計前三季，泰豐人壽稅後純益較去年同期成長 24.1%。\n"
    );
    assert!(repeated(&dated).is_empty());
}

#[test]
fn repeated_higher_year_on_year_is_a_change() {
    let wrong = "# Meridian\n\nIts volumes rose 4.9% year on year in the third quarter of 2025.\n\nAcross the network, volumes were 5.2% higher year on year in the third quarter of 2025.\n";
    assert_eq!(repeated(wrong), vec!["5.2%".to_string()]);
    // `higher than in the quarter before` names no year before: a level.
    let level = "# Meridian\n\nIts volumes rose 4.9% year on year in the third quarter of 2025.\n\nAcross the network, volumes were 5.2% higher than in the second quarter of 2025.\n";
    assert!(repeated(level).is_empty());
}

#[test]
fn table_an_undated_figure_quotes_the_leads_year_column() {
    let t = "# Northsea\n\nNorthsea Energy's adjusted earnings fell 14.2% year on year to $8.00 billion in the third quarter of 2025.\n\n| Segment | Q3 2025 ($bn) | Q3 2024 ($bn) |\n|---|---|---|\n| Upstream | 4.81 | 5.41 |\n| Downstream | 1.24 | 1.59 |\n\n";
    let wrong = format!(
        "{t}Downstream earnings fell to $1.42 billion from $1.59 billion a year earlier.\n"
    );
    assert_eq!(table(&wrong), vec!["$1.42 billion".to_string()]);
    let right = format!(
        "{t}Downstream earnings fell to $1.24 billion from $1.59 billion a year earlier.\n"
    );
    assert!(table(&right).is_empty());
    // A sentence with a year of its own is dated by it.
    let dated = format!("{t}In 2023, downstream earnings were $1.42 billion.\n");
    assert!(table(&dated).is_empty());
    // Words of another time that follow no base still date the whole sentence.
    let both = format!(
        "{t}Downstream earnings were $1.42 billion and upstream $5.41 billion, both in the previous quarter.\n"
    );
    assert!(table(&both).is_empty());
    // A count compared with a base is not tied to a column of money by its unit.
    let sales = "| Format | Sales (£m) | Change (%) |\n|---|---|---|\n| Online | 305 | 8.9 |\n| Convenience | 498 | 7.2 |\n\n";
    let count = format!(
        "{sales}Online orders peaked at 1.9 million in the week before Christmas, against 1.7 million a year earlier.\n"
    );
    assert!(table(&count).is_empty());
}

#[test]
fn table_a_row_before_an_aside_opened_by_the() {
    let t = "| Revenue source | 2024-25 ($m) | Change (%) |\n|---|---|---|\n| Taxation | 26,418 | 4.4 |\n| Commonwealth grants | 22,964 | 2.9 |\n\n";
    let wrong =
        format!("{t}Taxation, the largest source of revenue, rose 4.8% to $26.4 billion.\n");
    assert_eq!(table(&wrong), vec!["4.8%".to_string()]);
    let right =
        format!("{t}Taxation, the largest source of revenue, rose 4.4% to $26.4 billion.\n");
    assert!(table(&right).is_empty());
    // Only an aside opened by `the` is passed over: a clause of other words stands between
    // the row and the figure, which may be of what it names.
    let other =
        format!("{t}Taxation, boosted by strong payroll receipts, rose 4.8% to $26.4 billion.\n");
    assert!(table(&other).is_empty());
}

#[test]
fn repeated_a_measure_that_is_only_a_possessive_names_no_figure() {
    // Rows of a list, each named by its label: `last year's 32` and `last year's 22` are two
    // figures, not one stated twice.
    let rows = "- Tries: 41, up 9 on last year's 32\n- Yellow cards: 11, against last year's 22\n- Wins: 15, twice last year's 7\n";
    assert!(repeated(rows).is_empty());
    let against = "- Tries: 41, against last year's 32\n- Wins: 15, against last year's 7\n";
    assert!(repeated(against).is_empty());
    assert!(!super::repeated_figure::names_a_measure("'s"));
    assert!(!super::repeated_figure::names_a_measure("’s"));
    assert!(!super::repeated_figure::names_a_measure("against 's"));
    assert!(super::repeated_figure::names_a_measure("'s tries numbered"));
    // A possessive followed by its noun still names the figure.
    let twice =
        format!("{rows}\nLast year's tries numbered 32.\n\nLast year's tries numbered 35.\n");
    assert_eq!(repeated(&twice), vec!["35".to_string()]);
}

/// The findings of the in-sentence change check over `text`.
fn in_sentence_change(text: &str) -> Vec<String> {
    run(text, super::change_in_sentence::check)
}

#[test]
fn change_a_real_or_constant_price_rate_after_its_figure_is_not_the_change_of_the_levels() {
    // The levels are nominal (or in current prices): a real, volume or like-for-like rate
    // says nothing checkable about them.
    let real = "Median wages rose 1.2% after inflation, from €31,200 to €32,900.\n";
    assert!(in_sentence_change(real).is_empty());
    let volume =
        "Household spending grew 2.3% in volume terms, to $812 billion from $760 billion.\n";
    assert!(in_sentence_change(volume).is_empty());
    let lfl =
        "Store sales rose 3.1%, on a like-for-like basis, to £2.41 billion from £2.18 billion.\n";
    assert!(in_sentence_change(lfl).is_empty());
    // With no such words the rate is the change between the levels, and 1.2% is wrong.
    let plain = "Median wages rose 1.2%, from €31,200 to €32,900.\n";
    assert_eq!(in_sentence_change(plain), vec!["1.2%".to_string()]);
    // A nominal rate after its figure is the change of the levels.
    let nominal = "Median wages rose 1.2% in nominal terms, from €31,200 to €32,900.\n";
    assert_eq!(in_sentence_change(nominal), vec!["1.2%".to_string()]);
}

#[test]
fn change_a_signed_rate_after_arrows_is_quoted_with_its_sign() {
    let right = "- Monthly users: 4.2m → 5.1m (+21.4%)\n- Refunds: $96m → $88m (−8.3%)\n";
    assert!(in_sentence_change(right).is_empty());
    let wrong = "- Monthly users: 4.2m → 5.1m (+12.4%)\n- Refunds: $96m → $88m (−8.3%)\n";
    assert_eq!(in_sentence_change(wrong), vec!["+12.4%".to_string()]);
}

// Wave 8: false alarms of the held-out set, each with new sentences of the same shape.

#[test]
fn ranking_a_rank_after_an_items_share_ranks_its_amount() {
    // The rank follows the item's share of the whole, right after its amount: the item is
    // compared by its amount, once.
    let wrong = "各项支出中，交通支出 58.3 亿元，占 27.1%，居各项之首；卫生支出 64.0 亿元，占 29.8%；环保支出 21.5 亿元，占 10.0%。\n";
    assert_eq!(ranking(wrong), vec!["58.3 亿元".to_string()]);
    let right = "各项支出中，卫生支出 64.0 亿元，占 29.8%，居各项之首；交通支出 58.3 亿元，占 27.1%；环保支出 21.5 亿元，占 10.0%。\n";
    assert!(ranking(right).is_empty());
    // A share with no amount before it is ranked itself.
    let bare = "各项支出中，交通支出占 27.1%，居各项之首；卫生支出占 29.8%。\n";
    assert_eq!(ranking(bare), vec!["27.1%".to_string()]);
}

#[test]
fn table_a_figure_with_a_unit_naming_a_column_quotes_that_column() {
    let t = "| Club | Played | Won | Lost | Points |\n|---|---|---|---|---|\n| Harbour City | 18 | 14 | 4 | 41 |\n| Millbrook | 18 | 11 | 7 | 33 |\n\n";
    // `won` names the `Won` column earlier in the sentence; `41 points` names `Points`.
    let right = format!(
        "{t}Harbour City won the division, finishing the 18-match season with 14 wins and 41 points.\n"
    );
    assert!(table(&right).is_empty());
    let wrong = format!(
        "{t}Harbour City won the division, finishing the 18-match season with 14 wins and 44 points.\n"
    );
    assert_eq!(table(&wrong), vec!["44 points".to_string()]);
}

#[test]
fn table_a_row_named_as_the_whole_of_a_share_is_not_quoted() {
    let t = "| 地区 | 产量（万吨） | 占全市比重（%） |\n|---|---|---|\n| 东部 | 42.0 | 35.0 |\n| 西部 | 78.0 | 65.0 |\n| 全市 | 120.0 | 100.0 |\n\n";
    let whole = format!("{t}两个示范镇合计占全市产量的 12.6%。\n");
    assert!(table(&whole).is_empty());
    let wrong = format!("{t}东部产量占比 31.0%。\n");
    assert_eq!(table(&wrong), vec!["31.0%".to_string()]);
}

#[test]
fn table_a_change_of_a_level_the_table_does_not_hold() {
    let t = "| 地区 | 产量（万吨） | 同比增长（%） |\n|---|---|---|\n| 东部 | 42.0 | 6.2 |\n| 全市 | 120.0 | 5.0 |\n\n";
    // The change is of the price named before it, which no header names.
    let price = format!("{t}全市茶叶收购均价为每公斤 86 元，同比下降 2.4%，茶农收入基本稳定。\n");
    assert!(table(&price).is_empty());
    // A change of the output the table holds is still quoted.
    let wrong = format!("{t}东部产量 42.0 万吨，同比增长 7.3%。\n");
    assert_eq!(table(&wrong), vec!["7.3%".to_string()]);
}

#[test]
fn repeated_each_sentence_naming_another_row_of_the_table() {
    let t = "| 门店 | 营业额（万元） |\n|---|---|\n| 南湖店 | 820 |\n| 北岸店 | 560 |\n| 合计 | 1,380 |\n\n";
    let apart = format!(
        "{t}2025 年南湖店客流最旺，全年营业额 820 万元。北岸店开业第三年，全年营业额 560 万元。\n"
    );
    assert!(repeated(&apart).is_empty());
    // The same row named twice with two figures is one figure stated twice.
    let again = format!(
        "{t}2025 年南湖店客流最旺，全年营业额 820 万元。南湖店开业第五年，全年营业额 780 万元。\n"
    );
    assert_eq!(repeated(&again), vec!["780 万元".to_string()]);
}

// Wave 9: rules read from the wave-8 held-out set's misses (`x01`–`x84`), each with the
// silence its words still keep.

#[test]
fn repeated_a_stock_dated_by_jiezhi_is_the_same_measure() {
    // `截至` dates a stock; it is not a word of the measure.
    let twice = "2025 年末，全省城乡居民养老保险参保人数 2,846.3 万人。\n\n截至 2025 年末全省城乡居民养老保险参保人数 2,864.3 万人，较上年略有减少。\n";
    assert_eq!(repeated(twice), vec!["2,864.3 万人".to_string()]);
    // Another year's stock is another figure.
    let other = "2025 年末，全省城乡居民养老保险参保人数 2,846.3 万人。\n\n截至 2024 年末全省城乡居民养老保险参保人数 2,864.3 万人。\n";
    assert!(repeated(other).is_empty());
}

#[test]
fn repeated_this_bank_is_the_articles_own() {
    let twice = "# 江城银行 2025 年业绩\n\n2025 年末不良贷款率 0.96%，较上年末下降 0.05 个百分点。\n\n从风险指标看，2025 年末该行不良贷款率为 0.69%。\n";
    assert_eq!(repeated(twice), vec!["0.69%".to_string()]);
    // Another bank's ratio, named by its name, stays another owner's.
    let other = "# 江城银行 2025 年业绩\n\n2025 年末不良贷款率 0.96%。\n\n同期，2025 年末同业平均不良贷款率为 1.52%。\n";
    assert!(repeated(other).is_empty());
}

#[test]
fn repeated_a_lead_with_no_figure_leaves_the_year_to_its_paragraph() {
    let twice = "# 新房成交\n\n市住建局 11 月 12 日发布数据。2025 年 1 至 10 月，全市新建商品住宅网签面积 412.6 万平方米，同比下降 8.3%。\n\n从累计数据看，1 至 10 月全市新建商品住宅网签面积同比下降 6.8%。\n";
    assert_eq!(repeated(twice), vec!["6.8%".to_string()]);
    // The first figure of the paragraph names no year: a later `2024 年` is not the lead's,
    // and the `全年` figure is not of 2024.
    let apart = "# 便利店\n\n集团 3 月 20 日发布年报。全年实现营业收入 268.9 亿元，同比增长 11.6%。2024 年集团营业收入为 240.9 亿元。\n";
    assert!(repeated(apart).is_empty());
}

#[test]
fn repeated_a_with_clause_shares_the_time_of_the_figure_before() {
    let twice = "Like-for-like sales rose 3.8% in the six weeks to January 4, with online sales up 9.2%.\n\nOver the six weeks to January 4, online sales grew 7.9%.\n";
    assert_eq!(repeated(twice), vec!["7.9%".to_string()]);
    // Another span of weeks is another figure.
    let other = "Like-for-like sales rose 3.8% in the six weeks to January 4, with online sales up 9.2%.\n\nOver the 12 weeks to December 29, online sales grew 7.9%.\n";
    assert!(repeated(other).is_empty());
}

#[test]
fn parts_kinds_of_a_net_figure_are_parts() {
    let over = "2024 年，公司实现营业收入 203.5 亿元，其中经纪业务手续费净收入 55.4 亿元、投资银行业务手续费净收入 20.5 亿元、利息净收入 24.1 亿元、投资收益 113.6 亿元。\n";
    assert_eq!(parts(over), vec!["203.5 亿元".to_string()]);
    // A net figure after parts that are not net is still their difference.
    let diff = "2024 年，全市进出口总值 203.5 亿元，其中出口 120.4 亿元、进口 83.1 亿元，净出口 37.3 亿元。\n";
    assert!(parts(diff).is_empty());
}

#[test]
fn shares_made_up_is_a_share_not_a_rise() {
    let over = "Royal Gala made up 34.2% of the crop, Pink Lady 26.8%, Granny Smith 17.5%, Fuji 12.9% and other varieties the remaining 11.4%.\n";
    assert_eq!(shares(over), vec!["34.2%".to_string()]);
    let right = "Royal Gala made up 34.2% of the crop, Pink Lady 26.8%, Granny Smith 17.5%, Fuji 10.1% and other varieties the remaining 11.4%.\n";
    assert!(shares(right).is_empty());
}

#[test]
fn shares_real_estate_is_no_basis() {
    let over = "Of the new tenancies, 58.4% were arranged through real estate agents, 35.7% directly with private landlords and the remaining 9.1% through community housing providers.\n";
    assert_eq!(shares(over), vec!["58.4%".to_string()]);
    // Answers to two questions, with no rest or opposite, are not added up.
    let two = "Of the new tenants, 58.4% were arranged through real estate agents and 61.0% were happy with their home.\n";
    assert!(shares(two).is_empty());
}

#[test]
fn across_a_level_of_the_year_before_is_dated_by_its_paragraph() {
    let wrong = "# 基金\n\n2025 年，全市失业保险基金收入 38.62 亿元，基金支出 31.07 亿元。\n\n2025 年基金支出同比增长 14.6%。上年基金支出为 26.69 亿元。\n";
    assert_eq!(across(wrong), vec!["14.6%".to_string()]);
    let right = "# 基金\n\n2025 年，全市失业保险基金收入 38.62 亿元，基金支出 31.07 亿元。\n\n2025 年基金支出同比增长 16.4%。上年基金支出为 26.69 亿元。\n";
    assert!(across(right).is_empty());
    // With no year stated in its sentence or paragraph, `上年` dates nothing.
    let undated = "# 基金\n\n2025 年，全市失业保险基金收入 38.62 亿元，基金支出 31.07 亿元。\n\n基金支出同比增长 14.6%。上年基金支出为 26.69 亿元。\n";
    assert!(across(undated).is_empty());
}

#[test]
fn ranking_becoming_the_first_largest_and_the_most_severe() {
    let seats = "绿岸联盟获得 17 席，成为议会第一大党；公民行动党获得 18 席，进步工党获得 8 席。\n";
    assert_eq!(ranking(seats), vec!["17 席".to_string()]);
    let fine = "绿岸联盟获得 19 席，成为议会第一大党；公民行动党获得 18 席，进步工党获得 8 席。\n";
    assert!(ranking(fine).is_empty());
    let losses = "縣市受損情形，以屏東縣損失 12,380 萬元最為嚴重，其次為臺東縣 13,050 萬元、高雄市 4,215 萬元。\n";
    assert_eq!(ranking(losses), vec!["12,380 萬元".to_string()]);
    // `成为` with no `；` list or `其次` after it compares nothing.
    let alone = "绿岸联盟获得 17 席，成为议会第一大党，公民行动党获得 18 席。\n";
    assert!(ranking(alone).is_empty());
}

#[test]
fn ranking_a_bare_number_after_a_figure_with_a_unit() {
    let wrong = "Lena Marsh was the league's leading scorer with 412 points, ahead of Ada Okafor on 436 and Priya Nand on 398.\n";
    assert_eq!(ranking(wrong), vec!["412 points".to_string()]);
    let right = "Lena Marsh was the league's leading scorer with 452 points, ahead of Ada Okafor on 436 and Priya Nand on 398.\n";
    assert!(ranking(right).is_empty());
}

#[test]
fn repeated_a_year_after_since_dates_no_figure() {
    let twice = "# Caldera bank profit\n\nThe bank's net profit rose to $1.86 billion in 2025.\n\nThe bank's 2025 net profit of $1.68 billion was its largest since 2019.\n";
    assert_eq!(repeated(twice), vec!["$1.68 billion".to_string()]);
    // A figure of the year after `since` is not of that year either way.
    let other = "# Caldera bank profit\n\nThe bank's net profit was $1.12 billion in 2019.\n\nThe bank's net profit has doubled to $2.24 billion since 2019.\n";
    assert!(repeated(other).is_empty());
}

#[test]
fn table_a_change_after_its_level_takes_the_levels_row() {
    let t = "| 产品 | 销售收入（亿元） | 同比增长（%） |\n|---|---|---|\n| 泽瑞替尼 | 38.6 | 29.4 |\n| 维沙利昔 | 11.8 | 71.2 |\n| 合计 | 50.4 | 36.0 |\n\n";
    let wrong = format!("{t}维沙利昔上市第二年，全年销售收入 11.8 亿元，同比增长 17.2%。\n");
    assert_eq!(table(&wrong), vec!["17.2%".to_string()]);
    let right = format!("{t}维沙利昔上市第二年，全年销售收入 11.8 亿元，同比增长 71.2%。\n");
    assert!(table(&right).is_empty());
    // A change whose level names a measure no header names is that measure's.
    let other = format!("{t}维沙利昔上市第二年，新增覆盖医院 312 家，同比增长 17.2%。\n");
    assert!(table(&other).is_empty());
}

#[test]
fn ranking_whole_counts_one_apart_are_exact() {
    let wrong = "绿岸联盟获得 17 席，成为议会第一大党；公民行动党获得 18 席。\n";
    assert_eq!(ranking(wrong), vec!["17 席".to_string()]);
    let tie = "绿岸联盟获得 18 席，成为议会第一大党；公民行动党获得 18 席。\n";
    assert!(ranking(tie).is_empty());
    // A hedge widens the count: `about 17` may be 18.
    let hedged = "绿岸联盟获得约 17 席，成为议会第一大党；公民行动党获得 18 席。\n";
    assert!(ranking(hedged).is_empty());
}

#[test]
fn repeated_a_fund_named_at_the_head_of_its_measure_is_the_articles_own() {
    let twice = "# Harwood pension fund returns 7.4%\n\nThe Harwood State Employees' Retirement Fund earned a net investment return of 7.4% in the 2024-25 financial year.\n\nThe net investment return was 7.9% for 2024-25, the board was told.\n";
    assert_eq!(repeated(twice), vec!["7.9%".to_string()]);
    // Another year's return is another figure.
    let other = "# Harwood pension fund returns 7.4%\n\nThe Harwood State Employees' Retirement Fund earned a net investment return of 7.4% in the 2024-25 financial year.\n\nThe net investment return was 9.2% for 2023-24.\n";
    assert!(repeated(other).is_empty());
}

#[test]
fn repeated_a_possessive_of_the_titles_name_is_the_articles_own() {
    let twice = "# Central Bank of Caldera's profit rises on reserve income\n\nThe Central Bank of Caldera's net profit rose to $1.86 billion in 2025, the bank said.\n\nThe bank's 2025 net profit of $1.68 billion was its largest since 2019.\n";
    assert_eq!(repeated(twice), vec!["$1.68 billion".to_string()]);
    // A name the title does not give stays another owner's.
    let other = "# Central Bank of Caldera's profit rises on reserve income\n\nThe Central Bank of Caldera's net profit rose to $1.86 billion in 2025, the bank said.\n\nThe Bank of Marland's 2025 net profit of $1.68 billion was its largest since 2019.\n";
    assert!(repeated(other).is_empty());
}

#[test]
fn across_a_level_of_the_year_before_after_another_year_of_the_paragraph() {
    // The paragraph last stated 2024, not the lead's 2025: `上年` may be 2024 itself.
    let open = "# 基金\n\n2025 年，全市失业保险基金收入 38.62 亿元，基金支出 31.07 亿元。\n\n2025 年基金支出同比增长 14.6%。2024 年基金收入 35.10 亿元。上年基金支出为 26.69 亿元。\n";
    assert!(across(open).is_empty());
}

#[test]
fn repeated_a_change_of_last_years_month_is_of_that_month() {
    // `上年 N 月份` opening a change's clause dates the figure (its basis is `同比`): last
    // year's month is another period than this year's.
    let text = "# 8 月份全县商品零售价格同比上涨 1.2%\n\n8 月份，全县商品零售价格同比上涨 1.2%，环比持平。\n\n去年 8 月份，全县商品零售价格同比下降 0.6%。\n";
    assert!(repeated(text).is_empty(), "{:?}", repeated(text));
    // The same month with no year before it is this year's: the two differ.
    let wrong = "# 8 月份全县商品零售价格同比上涨 1.2%\n\n8 月份，全县商品零售价格同比上涨 1.2%，环比持平。\n\n8 月份，全县商品零售价格同比下降 0.6%。\n";
    assert_eq!(repeated(wrong).len(), 1, "{:?}", repeated(wrong));
}

#[test]
fn repeated_a_rate_after_a_parts_level_is_the_parts() {
    // A rate in the clause right after a level is that level's subject's: a named part's
    // level (`一号园区营业收入`) makes the rate the part's, not the whole's.
    let text = "# 全区园区前三季度营业收入 860 亿元\n\n前三季度，全区园区营业收入 860 亿元，利润率 6.3%。\n\n其中，前三季度一号园区营业收入 410 亿元，利润率 7.1%；二号园区营业收入 250 亿元，利润率 5.2%。\n";
    assert!(repeated(text).is_empty(), "{:?}", repeated(text));
    // With the same level named twice, two rates differ.
    let wrong = "# 全区园区前三季度营业收入 860 亿元\n\n前三季度，全区园区营业收入 860 亿元，利润率 6.3%。\n\n前三季度营业收入 860 亿元，利润率 7.1%。\n";
    assert_eq!(repeated(wrong).len(), 1, "{:?}", repeated(wrong));
}

#[test]
fn parts_a_profit_after_parts_of_revenue_ends_the_list() {
    // Wave 9: profit is what is left of revenue, never a part of it.
    let zh = "去年，该集团实现营业收入 96.4 亿元，其中主营业务收入 81.7 亿元，其他业务收入 14.7 亿元；实现净利润 12.3 亿元。\n";
    assert!(parts(zh).is_empty());
    let net = "该行全年营业收入 305.2 亿元，其中手续费净收入 71.6 亿元，利息净收入 233.6 亿元；归母净利润 98.5 亿元。\n";
    assert!(parts(net).is_empty());
    let en = "Revenue was $8.2 billion, of which product sales $6.1 billion and service revenue $2.1 billion; net profit was $1.4 billion.\n";
    assert!(parts(en).is_empty());
    // The parts of revenue before the profit must still add up.
    let over = "该行全年营业收入 305.2 亿元，其中手续费净收入 81.6 亿元，利息净收入 233.6 亿元；归母净利润 98.5 亿元。\n";
    assert_eq!(parts(over), vec!["305.2 亿元".to_string()]);
}

#[test]
fn parts_a_second_breakdown_frame_starts_another_split() {
    // Wave 9: `按用途分，…；按类型分，…` splits one total twice.
    let two = "2025 年全市共发放创业担保贷款 64.8 亿元。按对象分，个人贷款 41.5 亿元，小微企业贷款 23.3 亿元；按期限分，一年期贷款 19.6 亿元，三年期贷款 45.2 亿元。\n";
    assert!(parts(two).is_empty());
    let seen = "2025 年全市共发放创业担保贷款 64.8 亿元。分对象看，个人贷款 41.5 亿元，小微企业贷款 23.3 亿元；分期限看，一年期贷款 19.6 亿元，三年期贷款 45.2 亿元。\n";
    assert!(parts(seen).is_empty());
    // The first split must still add up.
    let over = "2025 年全市共发放创业担保贷款 64.8 亿元。按对象分，个人贷款 44.5 亿元，小微企业贷款 23.3 亿元；按期限分，一年期贷款 19.6 亿元，三年期贷款 45.2 亿元。\n";
    assert_eq!(parts(over), vec!["64.8 亿元".to_string()]);
    assert!(super::parts_total::opens_frame("；按期限划分，一年期贷款"));
    assert!(super::parts_total::opens_frame(
        "; by maturity, one-year loans"
    ));
    assert!(!super::parts_total::opens_frame("，小微企业贷款"));
}

#[test]
fn table_a_row_named_as_the_scope_of_an_item_inside_it() {
    let t = "| Sector | Change on a year earlier (%) |\n|---|---|\n| Retail | 2.4 |\n| Wholesale | 1.1 |\n\n";
    // Wave 9: `Within retail,` names where the item is, not the figure's row.
    let within =
        format!("{t}Within retail, online grocers posted the strongest growth of 11.6%.\n");
    assert!(table(&within).is_empty());
    let among =
        format!("{t}Among wholesale firms, fuel distributors fared worst with a fall of 6.2%.\n");
    assert!(table(&among).is_empty());
    let zh = "| 行业 | 同比增长（%） |\n|---|---|\n| 制造业 | 5.4 |\n| 采矿业 | 2.1 |\n\n制造业内部，医药行业增长 12.6%。\n";
    assert!(table(zh).is_empty());
    // The row named as the figure's own subject is still quoted.
    let wrong = "| 行业 | 同比增长（%） |\n|---|---|\n| 制造业 | 5.4 |\n| 采矿业 | 2.1 |\n\n制造业同比增长 12.6%。\n";
    assert_eq!(table(wrong).len(), 1, "{:?}", table(wrong));
}

#[test]
fn repeated_a_figure_of_another_whole_is_another_figure() {
    // Wave 9: the whole a sentence names before a figure (`全省`, `全市`, `nationwide`) is its
    // subject: the province's average is not the city's figure restated.
    let text = "# 人均公园绿地\n\n2025 年末，全市人均公园绿地面积 15.2 平方米，比上年末增加 0.6 平方米。\n\n据省住建厅通报，2025 年末全省人均公园绿地面积平均为 14.9 平方米。\n";
    assert!(repeated(text).is_empty(), "{:?}", repeated(text));
    // The city's figure stated again with another value is still reported.
    let wrong = format!("{text}\n2025 年末，全市人均公园绿地面积为 14.9 平方米。\n");
    assert_eq!(repeated(&wrong).len(), 1, "{:?}", repeated(&wrong));
}
