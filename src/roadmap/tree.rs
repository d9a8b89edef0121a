//! Reads a YAML document into a `serde_yaml::Value` for the slow path,
//! keeping the first of repeated keys instead of failing on them.
//!
//! `Value`'s own deserializer stops at the first repeated key, which would
//! leave one problem reported and every other problem in the file unseen. The
//! repeats themselves are found and placed by `locate::duplicate_keys`.

use std::cell::Cell;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::{Mapping, Value};

/// Parses `text` as one YAML document, tolerating repeated keys. The flag
/// says whether any key was repeated (and dropped).
pub(crate) fn parse(text: &str) -> Result<(Value, bool), serde_yaml::Error> {
    let repeated = Cell::new(false);
    let de = serde_yaml::Deserializer::from_str(text);
    let value = Tolerant(&repeated).deserialize(de)?;
    Ok((value, repeated.get()))
}

/// Reads any value; notes repeated keys in the cell.
#[derive(Clone, Copy)]
struct Tolerant<'a>(&'a Cell<bool>);

impl<'de> DeserializeSeed<'de> for Tolerant<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Tolerant<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Number(i.into()))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Value, E> {
        Ok(Value::Number(u.into()))
    }

    /// Integers past `u64` (`99999999999999999999`): the nearest float, so
    /// that an estimate that large is refused as too long, not as bad YAML.
    fn visit_u128<E: de::Error>(self, u: u128) -> Result<Value, E> {
        Ok(Value::Number((u as f64).into()))
    }

    fn visit_i128<E: de::Error>(self, i: i128) -> Result<Value, E> {
        Ok(Value::Number((i as f64).into()))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Value, E> {
        Ok(Value::Number(f.into()))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Sequence(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut mapping = Mapping::new();
        while let Some(key) = map.next_key_seed(self)? {
            let value = map.next_value_seed(self)?;
            if mapping.contains_key(&key) {
                self.0.set(true);
            } else {
                mapping.insert(key, value);
            }
        }
        Ok(Value::Mapping(mapping))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (tag, contents) = data.variant::<String>()?;
        let value = contents.newtype_variant_seed(self)?;
        Ok(Value::Tagged(Box::new(TaggedValue {
            tag: Tag::new(tag),
            value,
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_of_repeated_keys() {
        let (v, repeated) = parse("a: 1\nb: {c: 2, c: 3}\na: 4\n").unwrap();
        assert_eq!(v["a"], Value::from(1));
        assert_eq!(v["b"]["c"], Value::from(2));
        assert!(repeated);
        assert!(!parse("a: 1\n").unwrap().1);
    }

    #[test]
    fn reads_what_value_reads() {
        let text = "s: text\nn: 1.5\nb: true\nl: [x, ~]\nt: !tag 3\n";
        let (ours, _) = parse(text).unwrap();
        let theirs: Value = serde_yaml::from_str(text).unwrap();
        assert_eq!(ours, theirs);
    }
}
