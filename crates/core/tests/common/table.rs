//! The table runner: applies each case's mutation to a copy of a valid input and compares
//! the reported (field, rule) pairs with the expected ones, order aside.

use taawun_core::rules::{Rule, RuleErrors};

/// Expected errors of a case: field path and rule.
pub type Expected = Vec<(&'static str, Rule)>;
/// One row of a table: case name, mutation of the valid input, expected errors.
pub type Case<T> = (&'static str, fn(&mut T), Expected);

fn sorted(mut v: Vec<(String, Rule)>) -> Vec<(String, Rule)> {
    v.sort_by_key(|(f, r)| (f.clone(), format!("{r:?}")));
    v
}

/// The errors of a check result, in a stable order.
pub fn found(r: Result<(), RuleErrors>) -> Vec<(String, Rule)> {
    let errors = r.err().map(|e| e.0).unwrap_or_default();
    sorted(errors.into_iter().map(|e| (e.field, e.rule)).collect())
}

/// Checks that `valid` passes, then that each case reports exactly its expected errors
/// (order aside). All failing cases are listed, by name, in one panic.
pub fn run<T: Clone>(
    table: &str,
    valid: &T,
    check: impl Fn(&T) -> Result<(), RuleErrors>,
    cases: &[Case<T>],
) {
    let base = found(check(valid));
    assert!(
        base.is_empty(),
        "{table}: the valid fixture fails: {base:?}"
    );
    let mut failures = Vec::new();
    for (name, mutate, expected) in cases {
        let mut input = valid.clone();
        mutate(&mut input);
        let want = sorted(
            expected
                .iter()
                .map(|(f, r)| (f.to_string(), r.clone()))
                .collect(),
        );
        let got = found(check(&input));
        if got != want {
            failures.push(format!(
                "  case `{name}`:\n    expected {want:?}\n    got      {got:?}"
            ));
        }
    }
    println!("{table}: {} cases", cases.len());
    assert!(
        failures.is_empty(),
        "{table}: {} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
