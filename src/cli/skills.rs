//! `mark`, `estimate` and `note`: everything the app sets on a skill, for
//! scripts. Each takes `[ROADMAP] SKILL …`: the roadmap defaults to the one
//! opened last (as `status` does), and a skill is found by its id or its
//! shared key in any case, with the nearest suggested on a miss.

use std::io::Write;
use std::process::ExitCode;

use super::Usage;
use super::tracking::{pick, remember_roadmap};
use crate::catalog::Catalog;
use crate::estimate::{Estimate, parse_own_estimate};
use crate::progress::{self, Status, Store};
use crate::roadmap::{Roadmap, Skill, did_you_mean};

/// A skill the roadmap does not have, by id, key or title.
#[derive(Debug, thiserror::Error)]
#[error(
    "roadmap `{roadmap}` has no skill `{skill}`; {hint} (`trailmark show {roadmap}` lists the skill ids and keys)"
)]
pub struct UnknownSkill {
    roadmap: String,
    skill: String,
    hint: String,
}

/// The skill `query` names in `r`: its id, its shared key or its title in
/// any case, or an id it had before a rename.
pub fn find_skill<'a>(r: &'a Roadmap, query: &str) -> Result<&'a Skill, UnknownSkill> {
    let q = query.trim().to_lowercase();
    let skills = || r.skills().map(|(_, s)| s);
    let found = skills()
        .find(|s| s.id == query)
        .or_else(|| skills().find(|s| s.id.to_lowercase() == q))
        .or_else(|| skills().find(|s| s.key.as_ref().is_some_and(|k| k.to_lowercase() == q)))
        .or_else(|| skills().find(|s| s.title.to_lowercase() == q))
        .or_else(|| {
            r.find_renamed_skill(&q)
                .map(|(pi, si)| &r.phases[pi].skills[si])
        });
    found.ok_or_else(|| UnknownSkill {
        roadmap: r.id.clone(),
        skill: query.to_owned(),
        hint: suggestion(r, &q),
    })
}

/// The nearest id or key by edit distance, else the skills whose id, key or
/// title contains what was typed, else advice to check the spelling.
fn suggestion(r: &Roadmap, q: &str) -> String {
    let names: Vec<&str> = r
        .skills()
        .flat_map(|(_, s)| std::iter::once(s.id.as_str()).chain(s.key.as_deref()))
        .collect();
    if let Some(near) = did_you_mean(q, names.iter().copied()) {
        return format!("did you mean `{near}`?");
    }
    let mut containing: Vec<&str> = r
        .skills()
        .map(|(_, s)| s)
        .filter(|s| {
            s.id.contains(q)
                || s.key.as_deref().is_some_and(|k| k.contains(q))
                || s.title.to_lowercase().contains(q)
        })
        .map(|s| s.id.as_str())
        .collect();
    containing.truncate(3);
    match containing.as_slice() {
        [] => "check the spelling".to_owned(),
        [one] => format!("did you mean `{one}`?"),
        many => format!(
            "did you mean one of {}?",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `[ROADMAP] SKILL VALUE…`: splits the arguments when the roadmap may be
/// left out. `fixed` is how many follow the skill (the status, the value).
fn split<'a>(
    command: &str,
    args: &'a [String],
    fixed: usize,
) -> Result<(Option<&'a str>, &'a str, &'a [String]), Usage> {
    match args.len().checked_sub(fixed) {
        Some(1) => Ok((None, &args[0], &args[1..])),
        Some(2) => Ok((Some(&args[0]), &args[1], &args[2..])),
        _ => Err(Usage(format!(
            "`trailmark {command}` takes [ROADMAP] SKILL{}; got {} argument{} (quote text with spaces)",
            if fixed == 0 { "" } else { " and a value" },
            args.len(),
            super::output::plural(args.len())
        ))),
    }
}

/// The roadmap and skill the arguments name.
fn target<'a>(
    catalog: &'a Catalog,
    store: &Store,
    roadmap: Option<&str>,
    skill: &str,
) -> anyhow::Result<(&'a Roadmap, &'a Skill)> {
    let r = pick(catalog, store, roadmap)?;
    Ok((r, find_skill(r, skill)?))
}

/// Other roadmaps that use the same skill key.
pub(super) fn shared_with(catalog: &Catalog, r: &Roadmap, s: &Skill) -> Vec<String> {
    let Some(key) = &s.key else { return Vec::new() };
    catalog
        .entries
        .iter()
        .filter(|e| {
            e.roadmap.id != r.id && e.roadmap.skills().any(|(_, o)| o.key.as_ref() == Some(key))
        })
        .map(|e| e.roadmap.id.clone())
        .collect()
}

pub(super) fn mark(
    catalog: &Catalog,
    store: &mut Store,
    args: &[String],
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (roadmap, skill, rest) = split("mark", args, 1)?;
    let to: Status = rest[0].parse()?;
    let (r, s) = target(catalog, store, roadmap, skill)?;
    let change = store.update(|p| p.set_status(&r.id, s, to, progress::now()))?;
    remember_roadmap(store, &r.id);
    match change {
        Some(c) => {
            let (_, from, to) = c.status_change().unwrap_or(("", to, to));
            writeln!(out, "{} › {}: {from} → {to}", r.id, s.title)?;
        }
        None => writeln!(out, "{} › {}: already {to}", r.id, s.title)?,
    }
    let shared = shared_with(catalog, r, s);
    if !shared.is_empty() {
        writeln!(
            out,
            "shared skill `{}`: also counts in {}",
            s.key.as_deref().unwrap_or(""),
            shared.join(", ")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn estimate(
    catalog: &Catalog,
    store: &mut Store,
    args: &[String],
    clear: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (roadmap, skill, rest) = split("estimate", args, usize::from(!clear))?;
    // Read with its unit, to answer in it: `1 month (≈4.3 weeks)`.
    let to: Option<Estimate> = match rest.first() {
        Some(text) => Some(parse_own_estimate(text).map_err(|e| Usage(e.to_string()))?),
        None => None,
    };
    let (r, s) = target(catalog, store, roadmap, skill)?;
    let weeks = to.map(|e| e.weeks);
    let change = store.update(|p| p.set_estimate(&r.id, s, weeks, progress::now()))?;
    remember_roadmap(store, &r.id);
    let theirs = s
        .estimate
        .map_or_else(String::new, |e| format!("; the roadmap says {e}"));
    let head = format!("{} › {}", r.id, s.title);
    match (change.is_some(), to) {
        (true, Some(w)) => writeln!(
            out,
            "{head}: your estimate is now {w}, for {} only{theirs}",
            r.id
        )?,
        (false, Some(w)) => writeln!(out, "{head}: your estimate is already {w}")?,
        (true, None) => writeln!(out, "{head}: your estimate cleared{theirs}")?,
        (false, None) => writeln!(out, "{head}: no estimate of yours to clear")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A note as the app's editor takes it: one line (line breaks and tabs
/// become spaces, other control characters are dropped), trimmed.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

pub(super) fn note(
    catalog: &Catalog,
    store: &mut Store,
    args: &[String],
    clear: bool,
    out: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (roadmap, skill, rest) = split("note", args, usize::from(!clear))?;
    let to = match rest.first() {
        Some(text) => {
            let text = one_line(text);
            if text.is_empty() {
                return Err(Usage(
                    "the note is empty; give its text, or pass --clear to remove the note"
                        .to_owned(),
                )
                .into());
            }
            Some(text)
        }
        None => None,
    };
    let (r, s) = target(catalog, store, roadmap, skill)?;
    let change = store.update(|p| p.set_note(&r.id, s, to.clone(), progress::now()))?;
    remember_roadmap(store, &r.id);
    let head = format!("{} › {}", r.id, s.title);
    match (change.is_some(), &to) {
        (true, Some(_)) => writeln!(out, "{head}: note saved")?,
        (false, Some(_)) => writeln!(out, "{head}: the note already says that")?,
        (true, None) => writeln!(out, "{head}: note cleared")?,
        (false, None) => writeln!(out, "{head}: no note to clear")?,
    }
    // A note is kept once per shared key: saved, it shows in the other
    // roadmaps; cleared, it is gone there too; unchanged-and-absent, there
    // is nothing to say about them.
    let shared = shared_with(catalog, r, s);
    let key = s.key.as_deref().unwrap_or("");
    match (shared.is_empty(), &to, change.is_some()) {
        (true, _, _) | (false, None, false) => {}
        (false, Some(_), _) => writeln!(
            out,
            "shared skill `{key}`: the note shows in {} too",
            shared.join(", ")
        )?,
        (false, None, true) => writeln!(
            out,
            "shared skill `{key}`: cleared in every roadmap that shares it ({})",
            shared.join(", ")
        )?,
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::fixture::{keyed, one_phase, skill};

    #[test]
    fn a_skill_is_found_by_id_or_key_in_any_case() {
        let r = one_phase(
            None,
            vec![keyed("rest-api-design", "rest-api"), skill("jwt", None)],
        );
        assert_eq!(find_skill(&r, "JWT").unwrap().id, "jwt");
        assert_eq!(find_skill(&r, "rest-api").unwrap().id, "rest-api-design");
        assert_eq!(
            find_skill(&r, "REST-API-Design").unwrap().id,
            "rest-api-design"
        );
        let miss = find_skill(&r, "rest-apis").unwrap_err().to_string();
        assert!(miss.contains("did you mean `rest-api`?"), "{miss}");
        let miss = find_skill(&r, "design").unwrap_err().to_string();
        assert!(miss.contains("did you mean `rest-api-design`?"), "{miss}");
    }

    #[test]
    fn a_note_is_one_line_as_the_editor_makes_it() {
        assert_eq!(one_line(" a\r\nb\tc\u{1b}d "), "a b cd");
    }
}
