//! Every broken roadmap in `tests/fixtures/invalid/` and the exact report it
//! gets: `file:line:col: place: message`, one line per problem, in file order.
//! The positions were checked by hand against the files; the messages are
//! what a roadmap author reads, so a change to one should be deliberate.
//!
//! This file checks that every fixture on disk is in `COVERED`
//! (`support/invalid.rs`), and holds the problems with a roadmap's
//! content: fields, ids, estimates, dates, links. Problems with the file and its YAML are in
//! `invalid_yaml.rs`; control characters and retyped scalars in
//! `invalid_text.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

#[path = "support/invalid.rs"]
mod invalid;
use invalid::*;

#[test]
fn every_fixture_has_a_test_and_none_loads() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(INVALID)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let covered: BTreeSet<String> = COVERED.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(
        on_disk, covered,
        "fixtures on disk vs. fixtures with a test"
    );
    for name in COVERED {
        assert!(load(name).is_err(), "{name} loaded");
    }
}

/// All problems are reported, in file order, with structured fields too.
#[test]
fn two_problems_come_in_file_order() {
    let err = load("two-problems.yaml").unwrap_err();
    let got: Vec<_> = err
        .problems()
        .into_iter()
        .map(|p| (p.line, p.column, p.place))
        .collect();
    assert_eq!(
        got,
        [
            (
                Some(10),
                Some(19),
                "phase 1 `basics` › skill `git` › estimate".to_owned()
            ),
            (
                Some(13),
                Some(9),
                "phase 1 `basics` › skill `http` › sumary".to_owned()
            ),
        ]
    );
}

#[test]
fn bad_pace() {
    assert_eq!(
        errors("bad-pace.yaml"),
        "tests/fixtures/invalid/bad-pace.yaml:4:22: pace_hours_per_week: `200` is not a weekly pace; give the hours of study per week that the estimates assume, more than 0 and at most 168 (e.g. `10`)"
    );
}

#[test]
fn tips_are_one_line_of_text_each() {
    assert_eq!(
        errors("tips-not-one-line.yaml"),
        "tests/fixtures/invalid/tips-not-one-line.yaml:7:5: tips #2: a tip is one line of text, but this one spans several; make it one tip per `- ` entry, or fold a long tip with `>-` (which joins its lines)\n\
         tests/fixtures/invalid/tips-not-one-line.yaml:9:4: tips #3: the entry is empty; write the text after the `-` or remove the entry\n\
         tests/fixtures/invalid/tips-not-one-line.yaml:10:5: tips #4: the tip is empty; write the tip or remove the entry\n\
         tests/fixtures/invalid/tips-not-one-line.yaml:11:5: tips #5: expected text, found the number `42`; put it in quotes: `\"42\"`"
    );
}

#[test]
fn tips_are_a_list() {
    assert_eq!(
        errors("tips-not-a-list.yaml"),
        "tests/fixtures/invalid/tips-not-a-list.yaml:4:7: tips: expected a list of text, found the text `Build projects, not only tutorials.`; write it as `[first, second]`, or one `- item` per line"
    );
}

#[test]
fn bad_published() {
    assert_eq!(
        errors("bad-published.yaml"),
        "tests/fixtures/invalid/bad-published.yaml:5:14: source › published: `18 March 2025` is not a date written YYYY-MM-DD; write it like `2025-03-18`"
    );
}

#[test]
fn duplicate_ids() {
    assert_eq!(
        errors("duplicate-ids.yaml"),
        "tests/fixtures/invalid/duplicate-ids.yaml:13:9: phase 2 `basics` › id: phase id `basics` is already used by phase 1; give each phase its own id\n\
         tests/fixtures/invalid/duplicate-ids.yaml:18:13: phase 2 `basics` › skill `git` › id: skill id `git` is already used by phase 1 `basics` › skill `git`; skill ids must be unique in a roadmap (to share progress between roadmaps, give both the same `key`)\n\
         tests/fixtures/invalid/duplicate-ids.yaml:21:13: phase 2 `basics` › project `blog-api` › id: project id `blog-api` is already used by phase 1 `basics` › project `blog-api`; give each project idea its own id"
    );
}

#[test]
fn empty_roadmap() {
    assert_eq!(
        errors("empty-roadmap.yaml"),
        "tests/fixtures/invalid/empty-roadmap.yaml:4:9: phases: `phases` is empty; a roadmap needs at least one phase (with `id`, `title` and `skills`)"
    );
}

#[test]
fn empty_title() {
    assert_eq!(
        errors("empty-title.yaml"),
        "tests/fixtures/invalid/empty-title.yaml:2:8: title: `title` is empty; give the roadmap a title\n\
         tests/fixtures/invalid/empty-title.yaml:6:12: phase 1 `basics` › title: `title` is empty; give the phase a title\n\
         tests/fixtures/invalid/empty-title.yaml:9:9: phase 1 `basics` › skill `git` › title: `title` has no value; write the skill's title after `title:`"
    );
}

#[test]
fn estimate_backwards() {
    assert_eq!(
        errors("estimate-backwards.yaml"),
        "tests/fixtures/invalid/estimate-backwards.yaml:10:19: phase 1 `basics` › skill `git` › estimate: the range `6-4 weeks` runs backwards; write the smaller number first, e.g. `4-6 weeks`"
    );
}

#[test]
fn estimate_negative() {
    assert_eq!(
        errors("estimate-negative.yaml"),
        "tests/fixtures/invalid/estimate-negative.yaml:10:19: phase 1 `basics` › skill `git` › estimate: the estimate `-2 weeks` is negative; an estimate is an amount of time, so write it without the minus sign"
    );
}

#[test]
fn estimate_unknown_unit() {
    assert_eq!(
        errors("estimate-unknown-unit.yaml"),
        "tests/fixtures/invalid/estimate-unknown-unit.yaml:10:19: phase 1 `basics` › skill `git` › estimate: unknown unit `days` in the estimate; use `week`/`weeks` or `month`/`months`"
    );
}

#[test]
fn estimate_unparsable() {
    assert_eq!(
        errors("estimate-unparsable.yaml"),
        "tests/fixtures/invalid/estimate-unparsable.yaml:10:19: phase 1 `basics` › skill `git` › estimate: cannot read `a few weeks` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`"
    );
}

#[test]
fn estimate_zero() {
    assert_eq!(
        errors("estimate-zero.yaml"),
        "tests/fixtures/invalid/estimate-zero.yaml:10:19: phase 1 `basics` › skill `git` › estimate: the estimate is zero; give the time it takes, e.g. `1 week`, or leave `estimate` out if the source gives none"
    );
}

#[test]
fn estimate_over_ten_years_number() {
    assert_eq!(
        errors("estimate-over-ten-years-number.yaml"),
        "tests/fixtures/invalid/estimate-over-ten-years-number.yaml:9:15: phase 1 `basics` › estimate: the estimate is over 10 years (520 weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out\n\
         tests/fixtures/invalid/estimate-over-ten-years-number.yaml:15:19: phase 1 `basics` › skill `git` › estimate: the estimate is over 10 years (520 weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out"
    );
}

#[test]
fn estimate_over_ten_years() {
    assert_eq!(
        errors("estimate-over-ten-years.yaml"),
        "tests/fixtures/invalid/estimate-over-ten-years.yaml:9:15: phase 1 `basics` › estimate: the estimate is over 10 years (520 weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out\n\
         tests/fixtures/invalid/estimate-over-ten-years.yaml:15:19: phase 1 `basics` › skill `git` › estimate: the estimate is over 10 years (520 weeks), the longest an estimate may be; give the time it really takes, e.g. `6 months`, or leave it out"
    );
}

#[test]
fn invalid_id() {
    assert_eq!(
        errors("invalid-id.yaml"),
        "tests/fixtures/invalid/invalid-id.yaml:1:5: id: `Backend Roadmap` is not a valid id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `backend-roadmap`)\n\
         tests/fixtures/invalid/invalid-id.yaml:5:9: phase 1 `-basics` › id: `-basics` is not a valid id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `basics`)\n\
         tests/fixtures/invalid/invalid-id.yaml:8:13: phase 1 `-basics` › skill `Git/GitHub` › id: `Git/GitHub` is not a valid id; ids use lowercase letters, digits, `-` and `_`, starting with a letter or digit (try `git-github`)\n\
         tests/fixtures/invalid/invalid-id.yaml:10:14: phase 1 `-basics` › skill `Git/GitHub` › key: `Version Control` is not a valid key; keys use lowercase letters, digits and `-`, like `git` or `ci-cd` (try `version-control`)"
    );
}

#[test]
fn malformed_url() {
    assert_eq!(
        errors("malformed-url.yaml"),
        "tests/fixtures/invalid/malformed-url.yaml:5:8: source › url: `example.com/roadmap` is not a web address; write a full URL such as `https://example.com/guide`\n\
         tests/fixtures/invalid/malformed-url.yaml:14:18: phase 1 `basics` › skill `git` › resource 1 › url: `htps://git-scm.com/book` is not a web address; write a full URL such as `https://example.com/guide`\n\
         tests/fixtures/invalid/malformed-url.yaml:16:18: phase 1 `basics` › skill `git` › resource 2 › url: `https://git scm.com/docs` is not a web address; write a full URL such as `https://example.com/guide`"
    );
}

#[test]
fn missing_phases() {
    assert_eq!(
        errors("missing-phases.yaml"),
        "tests/fixtures/invalid/missing-phases.yaml:1:1: missing `phases`; add `phases:` with at least one phase (each with `id`, `title` and `skills`)"
    );
}

#[test]
fn missing_required() {
    assert_eq!(
        errors("missing-required.yaml"),
        "tests/fixtures/invalid/missing-required.yaml:1:1: missing `id`; add `id: my-roadmap` (lowercase letters, digits and `-`)\n\
         tests/fixtures/invalid/missing-required.yaml:4:5: phase 1 `basics`: missing `title`; add `title:` with the phase's title\n\
         tests/fixtures/invalid/missing-required.yaml:6:9: phase 1 `basics` › skill 1: missing `id`; add `id: git-basics` (lowercase letters, digits and `-`)"
    );
}

#[test]
fn number_as_text() {
    assert_eq!(
        errors("number-as-text.yaml"),
        "tests/fixtures/invalid/number-as-text.yaml:1:5: id: expected text, found the number `2025`; put it in quotes: `\"2025\"`\n\
         tests/fixtures/invalid/number-as-text.yaml:4:10: source › title: expected text, found the yes/no value `true`; put it in quotes: `\"true\"`\n\
         tests/fixtures/invalid/number-as-text.yaml:7:12: phase 1 `basics` › title: expected text, found the number `12.5`; put it in quotes: `\"12.5\"`\n\
         tests/fixtures/invalid/number-as-text.yaml:11:27: phase 1 `basics` › skill `git` › topics #2: expected text, found the number `42`; put it in quotes: `\"42\"`\n\
         tests/fixtures/invalid/number-as-text.yaml:11:31: phase 1 `basics` › skill `git` › topics #3: expected text, found the yes/no value `true`; put it in quotes: `\"true\"`"
    );
}

#[test]
fn phase_no_skills() {
    assert_eq!(
        errors("phase-no-skills.yaml"),
        "tests/fixtures/invalid/phase-no-skills.yaml:12:13: phase 2 `later` › skills: `skills` is empty; a phase needs at least one skill (with `id` and `title`)\n\
         tests/fixtures/invalid/phase-no-skills.yaml:13:5: phase 3 `never`: missing `skills`; add `skills:` with at least one skill (each with `id` and `title`)"
    );
}

#[test]
fn two_problems() {
    assert_eq!(
        errors("two-problems.yaml"),
        "tests/fixtures/invalid/two-problems.yaml:10:19: phase 1 `basics` › skill `git` › estimate: cannot read `soon` as an estimate; write a number of weeks (`3`) or text like `1 week`, `4-6 weeks`, `2–3 months`\n\
         tests/fixtures/invalid/two-problems.yaml:13:9: phase 1 `basics` › skill `http` › sumary: unknown field `sumary` in the skill; did you mean `summary`?"
    );
}

#[test]
fn unknown_field_in_resource() {
    assert_eq!(
        errors("unknown-field-in-resource.yaml"),
        "tests/fixtures/invalid/unknown-field-in-resource.yaml:14:13: phase 1 `basics` › skill `git` › resource 2 › link: unknown field `link` in the resource; did you mean `url`?"
    );
}

#[test]
fn unknown_field() {
    assert_eq!(
        errors("unknown-field.yaml"),
        "tests/fixtures/invalid/unknown-field.yaml:10:9: phase 1 `basics` › skill `git` › summry: unknown field `summry` in the skill; did you mean `summary`?\n\
         tests/fixtures/invalid/unknown-field.yaml:11:9: phase 1 `basics` › skill `git` › colour: unknown field `colour` in the skill; a skill may have: `id`, `title`, `key`, `aliases`, `summary`, `topics`, `resources`, `estimate`"
    );
}

#[test]
fn unknown_project_skill() {
    assert_eq!(
        errors("unknown-project-skill.yaml"),
        "tests/fixtures/invalid/unknown-project-skill.yaml:15:28: phase 1 `data` › project `todo-api` › skills #2: no skill has the id `postgres`; did you mean `postgresql`?\n\
         tests/fixtures/invalid/unknown-project-skill.yaml:15:38: phase 1 `data` › project `todo-api` › skills #3: no skill has the id `kubernetes`; use the id of a skill in this roadmap: `postgresql`, `rest-api`"
    );
}

#[test]
fn wrong_type() {
    assert_eq!(
        errors("wrong-type.yaml"),
        "tests/fixtures/invalid/wrong-type.yaml:2:8: title: expected text, found a list; if the `[…]` is part of the text, put the whole text in quotes\n\
         tests/fixtures/invalid/wrong-type.yaml:10:19: phase 1 `basics` › skill `git` › estimate: expected an estimate, found a list; write a number of weeks (`3`) or text like `4-6 weeks`\n\
         tests/fixtures/invalid/wrong-type.yaml:11:17: phase 1 `basics` › skill `git` › topics: expected a list of text, found the text `commits`; write it as `[first, second]`, or one `- item` per line"
    );
}

#[test]
fn date_not_padded() {
    assert_eq!(
        errors("date-not-padded.yaml"),
        "tests/fixtures/invalid/date-not-padded.yaml:4:14: source › published: `2025-3-8` is not a date written YYYY-MM-DD; write `2025-03-08`"
    );
}

#[test]
fn date_with_time() {
    assert_eq!(
        errors("date-with-time.yaml"),
        "tests/fixtures/invalid/date-with-time.yaml:4:14: source › published: `2025-03-18T10:30:00Z` is not a date written YYYY-MM-DD; write it like `2025-03-18`"
    );
}

#[test]
fn duplicate_skill_key() {
    assert_eq!(
        errors("duplicate-skill-key.yaml"),
        "tests/fixtures/invalid/duplicate-skill-key.yaml:16:14: phase 2 `tools` › skill `github` › key: key `git` is already used by phase 1 `basics` › skill `git`; two skills with one key share one tick (ticking one ticks both), so keep the key on one of them, or merge the two skills"
    );
}

#[test]
fn alias_is_a_skill_id() {
    assert_eq!(
        errors("alias-is-a-skill-id.yaml"),
        "tests/fixtures/invalid/alias-is-a-skill-id.yaml:10:19: phase 1 `basics` › skill `git` › aliases #1: `git` is this skill's own id; list only the ids the skill had before it was renamed\n\
         tests/fixtures/invalid/alias-is-a-skill-id.yaml:13:24: phase 1 `basics` › skill `http` › aliases #2: `git` is the id of phase 1 `basics` › skill `git`; an alias is a former id whose progress moves to this skill, so it cannot be a current id: remove the alias or rename that skill"
    );
}

#[test]
fn duplicate_alias() {
    assert_eq!(
        errors("duplicate-alias.yaml"),
        "tests/fixtures/invalid/duplicate-alias.yaml:10:31: phase 1 `basics` › skill `version-control` › aliases #2: `git-basics` is listed twice in `aliases`; remove one\n\
         tests/fixtures/invalid/duplicate-alias.yaml:14:13: phase 1 `basics` › skill `git-internals` › aliases #1: `git-basics` is already an alias of phase 1 `basics` › skill `version-control`; progress under a former id can move to one skill only, so keep the alias on one of them"
    );
}
