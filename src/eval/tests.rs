//! Evaluation and verdicts of whole comparisons, and the properties of the arithmetic and
//! of the canonical printing.

use proptest::prelude::*;

use super::*;

/// Looks names up in a small table, as the claim engine does with facts and mentions.
fn table(entries: &[(&str, Value)]) -> impl Fn(&str) -> Option<Value> + use<> {
    let owned: Vec<(String, Value)> = entries.iter().map(|(n, v)| (n.to_string(), *v)).collect();
    move |name: &str| owned.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
}

fn around(point: f64, low: f64, high: f64) -> Value {
    Value::new(point, Interval::new(low, high))
}

fn verdict(text: &str, entries: &[(&str, Value)]) -> Verdict {
    let c = Comparison::parse(text).unwrap();
    c.evaluate(&table(entries)).unwrap()
}

fn eval_error(text: &str, entries: &[(&str, Value)]) -> String {
    let c = Comparison::parse(text).unwrap();
    match c.evaluate(&table(entries)) {
        Ok(v) => panic!("{text} evaluated to {v:?}"),
        Err(e) => {
            let kind = if e.message.starts_with("division by zero") {
                EvalErrorKind::DivisionByZero
            } else if e.message.starts_with("unknown name") {
                EvalErrorKind::UnknownName
            } else {
                EvalErrorKind::Undefined
            };
            assert_eq!(e.kind, kind, "{}", e.message);
            e.message
        }
    }
}

#[test]
fn a_ratio_outside_the_rounding_of_its_claim_fails_with_its_gap() {
    let facts = [
        ("big", Value::exact(191_400_000.0)),
        ("small", Value::exact(78_352_034.0)),
    ];
    let claimed = |v: f64| around(v, v - 0.05, v + 0.05);
    let mut entries = facts.to_vec();
    entries.push(("ratio", claimed(2.5)));
    let v = verdict("ratio ~ big / small", &entries);
    assert!(!v.holds);
    let computed = 191_400_000.0 / 78_352_034.0;
    assert_eq!(v.right.point, computed);
    assert!(
        (v.distance - (2.45 - computed)).abs() < 1e-12,
        "{}",
        v.distance
    );
    assert!(v.gap > 0.0029 && v.gap < 0.0030, "{}", v.gap);
    assert_eq!(
        v.inputs.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["ratio", "big", "small"]
    );
    entries[2] = ("ratio", claimed(2.4));
    let v = verdict("ratio ~ big / small", &entries);
    assert!(v.holds);
    assert_eq!((v.distance, v.gap), (0.0, 0.0));
}

#[test]
fn a_claim_below_the_computed_value_has_a_negative_gap() {
    let v = verdict("x ~ 10", &[("x", around(8.0, 7.5, 8.5))]);
    assert!(!v.holds);
    assert_eq!(v.distance, -1.5);
    assert_eq!(v.gap, -0.15);
}

#[test]
fn every_comparison_is_lenient() {
    let x = ("x", around(2.0, 1.0, 3.0));
    let cases = [
        ("x ~ 3", true),
        ("x == 3", true),
        ("x ~ 3.5", false),
        ("x == 3.5", false),
        ("x != 3.5", true),
        ("x != 2", false),
        ("x < 1.5", true),
        ("x < 1", false),
        ("x <= 1", true),
        ("x > 2.5", true),
        ("x > 3", false),
        ("x >= 3", true),
        ("x >= 3.01", false),
    ];
    for (text, holds) in cases {
        assert_eq!(verdict(text, &[x]).holds, holds, "{text}");
    }
}

#[test]
fn an_open_mention_meets_anything_above_it() {
    let over = ("n", Value::new(1e8, Interval::at_least(1e8)));
    assert!(verdict("n ~ 3e8", &[over]).holds);
    assert!(!verdict("n ~ 5e7", &[over]).holds);
    assert!(verdict("n * 2 - n ~ 7e9", &[over]).holds);
}

#[test]
fn functions_evaluate_points_and_intervals() {
    let e = |text: &str, entries: &[(&str, Value)]| verdict(text, entries).right;
    let old = ("old", around(100.0, 90.0, 110.0));
    let new = ("new", Value::exact(80.0));
    let v = e("0 ~ pct_change(old, new)", &[old, new]);
    assert!((v.point + 0.2).abs() < 1e-12);
    // `old` counted once: exactly 80/110 − 1 to 80/90 − 1.
    assert!((v.interval.low - (80.0 / 110.0 - 1.0)).abs() < 1e-12);
    assert!((v.interval.high - (80.0 / 90.0 - 1.0)).abs() < 1e-12);
    assert_eq!(e("0 ~ ratio(6, 3)", &[]), Value::exact(2.0));
    assert_eq!(e("0 ~ avg(1, 2, 6)", &[]), Value::exact(3.0));
    assert_eq!(e("0 ~ sum(1, 2, 6)", &[]), Value::exact(9.0));
    assert_eq!(e("0 ~ min(4, 2, 6)", &[]), Value::exact(2.0));
    assert_eq!(e("0 ~ max(4, 2, 6)", &[]), Value::exact(6.0));
    assert_eq!(e("0 ~ abs(-4)", &[]), Value::exact(4.0));
    assert_eq!(e("0 ~ round(2.345, 2)", &[]), Value::exact(2.35));
    assert_eq!(e("0 ~ round(2.5)", &[]), Value::exact(3.0));
    assert_eq!(e("0 ~ round(1234, -2)", &[]), Value::exact(1200.0));
    assert_eq!(e("0 ~ (-2) ^ 3", &[]), Value::exact(-8.0));
    assert_eq!(e("0 ~ 2 ^ -2", &[]), Value::exact(0.25));
    assert_eq!(e("0 ~ 9 ^ 0.5", &[]), Value::exact(3.0));
    let x = ("x", around(-1.0, -2.0, 3.0));
    assert_eq!(e("0 ~ x ^ 2", &[x]), around(1.0, 0.0, 9.0));
    assert_eq!(e("0 ~ abs(x)", &[x]), around(1.0, 0.0, 3.0));
}

#[test]
fn evaluation_errors_are_values_not_panics() {
    let b = ("b", around(0.5, -1.0, 1.0));
    assert_eq!(
        eval_error("1 ~ a / b", &[("a", Value::exact(1.0)), b]),
        "division by zero: `b` may be 0"
    );
    let same = [("p", Value::exact(3.0)), ("q", Value::exact(3.0))];
    assert_eq!(
        eval_error("1 ~ 1 / (p - q)", &same),
        "division by zero: `p - q` is 0"
    );
    assert!(eval_error("1 ~ ratio(1, b)", &[b]).contains("`b` may be 0"));
    assert!(eval_error("1 ~ pct_change(b, 1)", &[b]).contains("`b` may be 0"));
    assert!(eval_error("1 ~ b ^ -1", &[b]).starts_with("division by zero"));
    assert!(eval_error("1 ~ b ^ 0.5", &[b]).contains("negative"));
    assert_eq!(
        eval_error("1 ~ nope", &[]),
        "unknown name `nope`: no fact or placeholder has this name"
    );
}

#[test]
fn the_longest_flat_chains_evaluate_without_exhausting_the_stack() {
    let text = format!("x ~ a{}", " * a".repeat((MAX_LEN - 5) / 4));
    let one = [("x", Value::exact(1.0)), ("a", Value::exact(1.0))];
    assert!(verdict(&text, &one).holds);
    let text = format!(
        "x ~ {}a{}",
        "(".repeat(MAX_DEPTH - 1),
        ")".repeat(MAX_DEPTH - 1)
    );
    assert!(verdict(&text, &one).holds);
}

#[test]
fn canonical_text_keeps_the_original_and_prints_the_tree() {
    let c = Comparison::parse("share~1-(a/b)").unwrap();
    assert_eq!(c.text, "share~1-(a/b)");
    assert_eq!(c.to_string(), "share ~ 1 - a / b");
}

fn interval_and_point() -> impl Strategy<Value = (Interval, f64)> {
    (-1e6..1e6f64, 0.0..1e6f64, 0.0..=1.0f64).prop_map(|(low, width, t)| {
        let i = Interval::new(low, low + width);
        let p = (i.low + (i.high - i.low) * t).clamp(i.low, i.high);
        (i, p)
    })
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..100_000).prop_map(f64::from),
        0.0..1e6f64,
        Just(1e20),
        Just(2.5e-9),
        Just(0.1),
    ]
}

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        number().prop_map(Expr::Number),
        prop::sample::select(vec!["a", "b", "total", "ratio", "sum"])
            .prop_map(|n| Expr::Name(Name::new(n, 0))),
    ];
    leaf.prop_recursive(5, 40, 3, |inner| {
        let binop = prop::sample::select(vec![
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::Div,
            BinOp::Pow,
        ]);
        prop_oneof![
            inner.clone().prop_map(|e| Expr::Neg(Box::new(e))),
            (binop, inner.clone(), inner.clone()).prop_map(|(op, l, r)| Expr::Binary(
                op,
                Box::new(l),
                Box::new(r)
            )),
            inner.clone().prop_map(|e| Expr::Call(Func::Abs, vec![e])),
            (inner.clone(), -3i32..4).prop_map(|(e, d)| {
                let digits = Expr::Number(f64::from(d.abs()));
                let digits = if d < 0 {
                    Expr::Neg(Box::new(digits))
                } else {
                    digits
                };
                Expr::Call(Func::Round, vec![e, digits])
            }),
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| Expr::Call(Func::PctChange, vec![a, b])),
            prop::collection::vec(inner, 1..4).prop_map(|args| Expr::Call(Func::Max, args)),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn point_results_lie_inside_interval_results(
        (a, x) in interval_and_point(),
        (b, y) in interval_and_point(),
    ) {
        let (va, vb) = (Value::new(x, a), Value::new(y, b));
        for r in [va + vb, va - vb, va * vb] {
            prop_assert!(r.interval.contains(r.point), "{:?} not in {:?}", r.point, r.interval);
        }
        if !b.contains(0.0) {
            let q = va.checked_div(vb).expect("divisor does not contain 0");
            prop_assert!(q.interval.contains(q.point), "{:?} not in {:?}", q.point, q.interval);
        } else {
            prop_assert!(va.checked_div(vb).is_none());
        }
    }

    #[test]
    fn reading_back_the_canonical_text_gives_the_same_tree(
        left in expr(),
        right in expr(),
        op in prop::sample::select(vec![CmpOp::Approx, CmpOp::Eq, CmpOp::Ne, CmpOp::Lt, CmpOp::Ge]),
    ) {
        let text = format!("{left} {op} {right}");
        prop_assume!(text.len() <= MAX_LEN);
        let c = Comparison::parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(&c.left, &left);
        prop_assert_eq!(&c.right, &right);
        prop_assert_eq!(c.op, op);
        prop_assert_eq!(c.to_string(), text);
    }

    #[test]
    fn parsing_never_panics(
        text in "[a-z0-9_ ()+*/^~<>=!,.-]{0,60}",
        noise in "\\PC{0,30}",
    ) {
        for t in [&text, &noise, &format!("{text}{noise}")] {
            if let Err(e) = Comparison::parse(t) {
                prop_assert!(e.offset <= t.len() && t.is_char_boundary(e.offset));
            }
        }
    }

    #[test]
    fn evaluating_never_panics(left in expr(), right in expr()) {
        let c = Comparison::parse(&format!("{left} ~ {right}"));
        prop_assume!(c.is_ok());
        let c = c.expect("assumed ok");
        let lookup = table(&[
            ("a", Value::new(2.0, Interval::new(1.5, 2.5))),
            ("b", Value::new(-1.0, Interval::new(-3.0, 1.0))),
            ("total", Value::new(1e8, Interval::at_least(1e8))),
            ("ratio", Value::new(0.0, Interval::at_most(0.0))),
            ("sum", Value::exact(0.0)),
        ]);
        if let Ok(v) = c.evaluate(&lookup) {
            prop_assert!(!v.left.interval.low.is_nan() && !v.left.interval.high.is_nan());
            prop_assert!(!v.right.interval.low.is_nan() && !v.right.interval.high.is_nan());
        }
    }
}
