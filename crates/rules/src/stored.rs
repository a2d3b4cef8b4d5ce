//! Compact serde encodings for the large tables of the pack snapshot (see
//! `snapshot`): postcard writes each integer as a varint, which took a
//! third of reading the snapshot for tables of hashes, and each string
//! separately, whose UTF-8 check and allocation took another third.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value of fixed size, stored as its fields' little-endian bytes.
pub trait Record: Sized {
    /// Bytes per record.
    const SIZE: usize;
    /// Appends the record's bytes.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a record from exactly [`Self::SIZE`] bytes.
    fn get(b: &[u8]) -> Self;
}

/// The little-endian `u64` at `b[at..]`.
pub fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

/// The little-endian `u32` at `b[at..]`.
pub fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

impl Record for u64 {
    const SIZE: usize = 8;
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn get(b: &[u8]) -> Self {
        u64_at(b, 0)
    }
}

impl Record for (u64, u32) {
    const SIZE: usize = 12;
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.to_le_bytes());
        out.extend_from_slice(&self.1.to_le_bytes());
    }
    fn get(b: &[u8]) -> Self {
        (u64_at(b, 0), u32_at(b, 8))
    }
}

/// A sequence of records as one byte string (serde `with` module).
pub mod records {
    use super::*;

    pub fn serialize<T, C, S>(items: &C, s: S) -> Result<S::Ok, S::Error>
    where
        T: Record,
        C: AsRef<[T]> + ?Sized,
        S: Serializer,
    {
        let items = items.as_ref();
        let mut out = Vec::with_capacity(items.len() * T::SIZE);
        for item in items {
            item.put(&mut out);
        }
        s.serialize_bytes(&out)
    }

    pub fn deserialize<'de, T, C, D>(d: D) -> Result<C, D::Error>
    where
        T: Record,
        C: FromIterator<T>,
        D: Deserializer<'de>,
    {
        let b = <&'de [u8]>::deserialize(d)?;
        if b.len() % T::SIZE != 0 {
            return Err(D::Error::custom("a table's bytes are not whole records"));
        }
        Ok(b.chunks_exact(T::SIZE).map(T::get).collect())
    }
}

/// A list of strings as one string and their lengths (serde `with`
/// module): one UTF-8 check for all of them.
pub mod strings {
    use super::*;

    pub fn serialize<S: Serializer>(items: &[String], s: S) -> Result<S::Ok, S::Error> {
        let lens: Vec<u32> = items.iter().map(|t| t.len() as u32).collect();
        (items.concat(), lens).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        let (mut all, lens) = <(&'de str, Vec<u32>)>::deserialize(d)?;
        let mut out = Vec::with_capacity(lens.len());
        for len in lens {
            let (item, rest) = all
                .split_at_checked(len as usize)
                .ok_or_else(|| D::Error::custom("a string list's lengths do not fit its text"))?;
            out.push(item.to_owned());
            all = rest;
        }
        match all.is_empty() {
            true => Ok(out),
            false => Err(D::Error::custom("a string list has text left over")),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Both {
        #[serde(with = "super::records")]
        slots: Vec<(u64, u32)>,
        #[serde(with = "super::strings")]
        words: Vec<String>,
    }

    #[test]
    fn tables_and_strings_round_trip() {
        let both = Both {
            slots: vec![(0, 0), (u64::MAX, 7), (0x0102_0304_0506_0708, u32::MAX)],
            words: vec!["said".into(), String::new(), "naïve".into(), "—".into()],
        };
        let bytes = postcard::to_allocvec(&both).unwrap();
        assert_eq!(postcard::from_bytes::<Both>(&bytes).unwrap(), both);
    }

    #[test]
    fn a_cut_string_is_an_error_not_a_panic() {
        // "é" is two bytes: a length of one would split it.
        let bytes = postcard::to_allocvec(&(Vec::<u8>::new(), ("é", vec![1u32, 1]))).unwrap();
        assert!(postcard::from_bytes::<Both>(&bytes).is_err());
        let bytes = postcard::to_allocvec(&(vec![0u8; 5], ("", Vec::<u32>::new()))).unwrap();
        assert!(postcard::from_bytes::<Both>(&bytes).is_err());
    }
}
