//! Which fields each kind of mapping in a roadmap file may hold, and what
//! kind of value each takes: the schema the shape check walks. Kept apart
//! from the walk so the field lists read as one table.

#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Text,
    Number,
    Estimate,
    TextList,
    Map(&'static Schema),
    MapList(&'static Schema),
}

/// The fields one kind of mapping may hold. Kept beside `raw.rs`, whose
/// structs must list the same names; a test in `schema.rs` checks they agree.
pub(crate) struct Schema {
    pub what: &'static str,
    pub fields: &'static [(&'static str, Kind)],
}

static RESOURCE: Schema = Schema {
    what: "resource",
    fields: &[("title", Kind::Text), ("url", Kind::Text)],
};
static SKILL: Schema = Schema {
    what: "skill",
    fields: &[
        ("id", Kind::Text),
        ("title", Kind::Text),
        ("key", Kind::Text),
        ("aliases", Kind::TextList),
        ("summary", Kind::Text),
        ("topics", Kind::TextList),
        ("resources", Kind::MapList(&RESOURCE)),
        ("estimate", Kind::Estimate),
    ],
};
static PROJECT: Schema = Schema {
    what: "project",
    fields: &[
        ("id", Kind::Text),
        ("title", Kind::Text),
        ("description", Kind::Text),
        ("skills", Kind::TextList),
    ],
};
static PHASE: Schema = Schema {
    what: "phase",
    fields: &[
        ("id", Kind::Text),
        ("title", Kind::Text),
        ("summary", Kind::Text),
        ("estimate", Kind::Estimate),
        ("skills", Kind::MapList(&SKILL)),
        ("projects", Kind::MapList(&PROJECT)),
    ],
};
static SOURCE: Schema = Schema {
    what: "source",
    fields: &[
        ("title", Kind::Text),
        ("author", Kind::Text),
        ("published", Kind::Text),
        ("url", Kind::Text),
    ],
};
pub(crate) static ROADMAP: Schema = Schema {
    what: "roadmap",
    fields: &[
        ("id", Kind::Text),
        ("title", Kind::Text),
        ("summary", Kind::Text),
        ("source", Kind::Map(&SOURCE)),
        ("pace_hours_per_week", Kind::Number),
        ("tips", Kind::TextList),
        ("phases", Kind::MapList(&PHASE)),
    ],
};
