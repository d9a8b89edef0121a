//! The checks every kind of entry shares: one-line text and prose, a
//! required title, a required id, a required list, an estimate. Each reports
//! what is wrong and still returns a value, so validation goes on.

use super::super::raw::{Field, RawEstimate, Text};
use super::super::strict::{line_problem, prose_problem};
use super::{At, Pending, Validator, Where, is_valid_id, suggest_id};
use crate::estimate::{self, Estimate};

impl Validator<'_> {
    pub(super) fn push(&mut self, p: Pending) {
        self.out.push(p);
    }

    /// Whether one-line text at `at` holds no control character; reports one.
    pub(super) fn line_ok(&mut self, at: impl FnOnce() -> At, text: &str) -> bool {
        if !self.checks {
            return true;
        }
        line_problem(text)
            .map(|(c, m)| self.push(at().culprit(c, m)))
            .is_none()
    }

    /// Multi-line text (a summary, a description): newlines and tabs allowed.
    pub(super) fn prose(&mut self, at: impl FnOnce() -> At, text: Option<Text>) -> String {
        let text = text.map(String::from).unwrap_or_default();
        if let Some((c, m)) = prose_problem(&text).filter(|_| self.checks) {
            self.push(at().culprit(c, m));
        }
        text
    }

    /// A required, non-empty text field.
    pub(super) fn title(
        &mut self,
        at: &impl Where,
        field: &str,
        value: Field<Text>,
        what: &str,
    ) -> String {
        match value {
            Some(Some(Text(v))) if !v.trim().is_empty() => {
                self.line_ok(|| at.at().key(field), &v);
                v
            }
            Some(Some(_)) => {
                self.push(
                    at.at()
                        .key(field)
                        .problem(format!("`{field}` is empty; give the {what} a {field}")),
                );
                String::new()
            }
            Some(None) => {
                self.push(at.at().key(field).empty_problem(
                    format!("`{field}` has no value; write the {what}'s {field} after `{field}:`"),
                    format!("the {what}'s {field}"),
                    |_| true,
                ));
                String::new()
            }
            None => {
                self.push(at.at().missing(
                    field,
                    format!("missing `{field}`; add `{field}:` with the {what}'s {field}"),
                ));
                String::new()
            }
        }
    }

    /// A required id with the id syntax. Borrowed, because a lazy place may
    /// be naming its entry by this very id.
    #[allow(clippy::ref_option)]
    pub(super) fn id(
        &mut self,
        at: &impl Where,
        value: &Field<Text>,
        what: &str,
        example: &str,
    ) -> String {
        match value {
            Some(Some(Text(v))) if !self.checks || is_valid_id(v) => v.clone(),
            Some(Some(Text(v))) if !self.line_ok(|| at.at().key("id"), v) => v.clone(),
            Some(Some(Text(v))) if v.trim().is_empty() => {
                self.push(at.at().key("id").problem(format!(
                    "`id` is empty; give the {what} an id such as `{example}`"
                )));
                String::new()
            }
            Some(None) => {
                self.push(at.at().key("id").empty_problem(
                    format!("`id` has no value; give the {what} an id such as `id: {example}`"),
                    format!("the {what}'s id"),
                    is_valid_id,
                ));
                String::new()
            }
            Some(Some(Text(v))) => {
                let fixed = suggest_id(v);
                self.push(at.at().key("id").problem(format!(
                    "`{v}` is not a valid id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `{fixed}`)"
                )));
                v.clone()
            }
            None => {
                self.push(at.at().missing(
                    "id",
                    format!(
                        "missing `id`; add `id: {example}` (lowercase letters, digits and `-`)"
                    ),
                ));
                String::new()
            }
        }
    }

    /// A required, non-empty list: its items, after reporting it absent or empty.
    pub(super) fn list<T>(
        &mut self,
        at: &impl Where,
        field: &str,
        value: Field<Vec<T>>,
        missing: &str,
        empty: &str,
    ) -> Vec<T> {
        match value {
            None => {
                self.push(
                    at.at()
                        .missing(field, format!("missing `{field}`; {missing}")),
                );
                Vec::new()
            }
            Some(None) => {
                self.push(
                    at.at()
                        .key(field)
                        .key_problem(format!("`{field}` has no entries; {empty}")),
                );
                Vec::new()
            }
            Some(Some(items)) => {
                if items.is_empty() {
                    self.push(
                        at.at()
                            .key(field)
                            .problem(format!("`{field}` is empty; {empty}")),
                    );
                }
                items
            }
        }
    }

    /// An estimate, keeping the unit it is written in.
    pub(super) fn estimate(
        &mut self,
        at: &impl Where,
        value: Option<RawEstimate>,
    ) -> Option<Estimate> {
        let parsed = match value? {
            RawEstimate::Number(n) => estimate::from_number(n).map(Estimate::in_weeks),
            RawEstimate::Text(t) if !self.line_ok(|| at.at().key("estimate"), &t) => return None,
            RawEstimate::Text(t) => Estimate::parse(&t),
        };
        parsed
            .map_err(|e| self.push(at.at().key("estimate").problem(e.to_string())))
            .ok()
    }
}
