//! newslint's own rules about inline suppressions. They match nothing in
//! prose (no phrases, no element): [`super::judge`] reports them. Being
//! rules of the pack, their findings flow through every output format and
//! can be ignored or given another severity like any rule's.

use crate::finding::{Category, Severity};
use crate::rules::schema::{RuleSet, Scope, Unit};
use crate::rules::{Pack, Rule};

/// Adds the suppression rules to `pack`, on, unless it has them already.
pub fn add_to(pack: &mut Pack) {
    let own = [
        (
            super::UNUSED,
            Severity::Warning,
            "An inline suppression that silences nothing",
            "A suppression that no longer silences a finding (the copy changed, or the rule \
             did) hides nothing today but would hide a new problem tomorrow. Remove it.",
        ),
        (
            super::INVALID,
            Severity::Warning,
            "An inline suppression that names no known rule or category",
            "A misspelt rule id or directive silences nothing and leaves the desk believing \
             it does. Use a rule id or category from `newslint rules`.",
        ),
        (
            super::NO_REASON,
            Severity::Error,
            "An inline suppression without a reason",
            "With `require-reasons = true` every suppression says why (`-- reason`), so the \
             standards desk can audit who waived what and why.",
        ),
    ];
    for (id, severity, message, explanation) in own {
        if pack.rule_index(id).is_some() {
            continue;
        }
        pack.rules.push(Rule {
            id: id.to_string(),
            category: Category::Suppression,
            severity,
            set: RuleSet::Default,
            message: message.to_string(),
            explanation: explanation.to_string(),
            references: Vec::new(),
            link: None,
            scope: Scope::Any,
            unit: Unit::Document,
            element: None,
            skip_names: false,
            groups: Vec::new(),
            exceptions: None,
            unless: Vec::new(),
            requires: Vec::new(),
            suggest: Vec::new(),
            once_per_document: false,
            max_per_document: None,
            examples: Vec::new(),
            phrases: Vec::new(),
            file: 0,
        });
        pack.enabled.push(true);
        pack.opt_in_off.push(false);
    }
}
