//! Runs every rule's own examples: what it must flag, exactly, and what it
//! must leave alone. `newslint test-rules` and `cargo test` share this.

use std::ops::Range;

use crate::engine::check_prose_for_rule;
use crate::extract::extract_txt;
use crate::rules::Pack;

/// What went wrong with one example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A marked span was not flagged.
    Missed(Range<usize>),
    /// Something was flagged that the example does not mark.
    Noisy(Range<usize>),
    /// A finding overlaps the marked span but does not match it.
    WrongSpan {
        /// The marked span.
        expected: Range<usize>,
        /// What the rule flagged.
        got: Range<usize>,
    },
}

/// A failing example.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Rule index in the pack.
    pub rule: usize,
    /// Example index in the rule.
    pub example: usize,
    /// Everything wrong with it.
    pub problems: Vec<Problem>,
}

impl Failure {
    /// One line per problem, quoting the example text.
    pub fn describe(&self, pack: &Pack) -> Vec<String> {
        let rule = &pack.rules[self.rule];
        let ex = &rule.examples[self.example];
        let q = |r: &Range<usize>| ex.text.get(r.clone()).unwrap_or("?").to_string();
        self.problems
            .iter()
            .map(|p| match p {
                Problem::Missed(r) => format!("missed: “{}” was not flagged", q(r)),
                Problem::Noisy(r) => {
                    format!("noisy: flagged “{}”, which the example does not mark", q(r))
                }
                Problem::WrongSpan { expected, got } => {
                    format!(
                        "wrong span: flagged “{}” instead of “{}”",
                        q(got),
                        q(expected)
                    )
                }
            })
            .collect()
    }
}

/// Checks the examples of the rules whose rule file passes `include`.
pub fn verify(pack: &Pack, include: impl Fn(usize) -> bool) -> (usize, Vec<Failure>) {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (ri, rule) in pack.rules.iter().enumerate() {
        if !include(rule.file) {
            continue;
        }
        for (ei, ex) in rule.examples.iter().enumerate() {
            checked += 1;
            let prose = extract_txt(&ex.text);
            let got: Vec<Range<usize>> = check_prose_for_rule(pack, &prose, ri)
                .into_iter()
                .map(|f| f.range)
                .collect();
            let problems = compare(&ex.spans, &got);
            if !problems.is_empty() {
                failures.push(Failure {
                    rule: ri,
                    example: ei,
                    problems,
                });
            }
        }
    }
    (checked, failures)
}

fn compare(expected: &[Range<usize>], got: &[Range<usize>]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut used = vec![false; got.len()];
    for e in expected {
        if let Some(i) = got.iter().position(|g| g == e) {
            used[i] = true;
            continue;
        }
        match got.iter().position(|g| g.start < e.end && e.start < g.end) {
            Some(i) => {
                used[i] = true;
                problems.push(Problem::WrongSpan {
                    expected: e.clone(),
                    got: got[i].clone(),
                });
            }
            None => problems.push(Problem::Missed(e.clone())),
        }
    }
    for (g, u) in got.iter().zip(used) {
        if !u {
            problems.push(Problem::Noisy(g.clone()));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_verdicts() {
        let (a, b, c) = (
            [Range { start: 0, end: 3 }],
            [Range { start: 4, end: 6 }],
            [Range { start: 1, end: 5 }],
        );
        assert!(compare(&a, &a).is_empty());
        assert_eq!(compare(&a, &[]), vec![Problem::Missed(0..3)]);
        assert_eq!(compare(&[], &b), vec![Problem::Noisy(4..6)]);
        assert_eq!(
            compare(&a, &c),
            vec![Problem::WrongSpan {
                expected: 0..3,
                got: 1..5
            }]
        );
    }
}
