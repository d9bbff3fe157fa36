//! The expression parser and evaluator over any text: no panic, no overflow of the stack,
//! and every name reported lies inside the text.
#![no_main]

use factlint::eval::{Comparison, Interval, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(c) = Comparison::parse(text) else {
        return;
    };
    for (name, offset) in c.names() {
        assert!(text[offset..].starts_with(name), "{name} at {offset}");
    }
    let lookup = |name: &str| {
        let v = name.len() as f64 - 1.5;
        Some(Value {
            point: v,
            interval: Interval::around(v, 0.25),
        })
    };
    let _ = c.evaluate(&lookup);
});
