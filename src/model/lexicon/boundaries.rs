//! Closed lists the sentence splitter and the quotation finder match whole
//! words against: abbreviations before a period, typical sentence openers,
//! speech verbs after a closing “?”, elisions after an apostrophe.
//!
//! Small and fixed, so they are `match` arms the compiler turns into
//! comparisons, not table entries.

/// How an abbreviation followed by a period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title before a name ("Mr.", "Sen."): never ends a sentence.
    Title,
    /// "No." before a number: ends a sentence only when no digit follows.
    Numeric,
    /// Ends a sentence only before a typical sentence opener ("Inc. The").
    General,
}

/// Classifies the word before a period (without the period), case-insensitively.
pub(crate) fn abbreviation(word: &str) -> Option<Abbrev> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let w = &buf[..b.len()];
    if b.len() == 1 && b[0].is_ascii_alphabetic() {
        return Some(Abbrev::General);
    }
    // Initialisms: letters separated by periods ("U.S", "a.m", "Ph.D").
    if b.contains(&b'.') {
        let ok = b.split(|&c| c == b'.').all(|seg| {
            !seg.is_empty() && seg.len() <= 2 && seg.iter().all(u8::is_ascii_alphabetic)
        });
        return ok.then_some(Abbrev::General);
    }
    match w {
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"dr" | b"sen" | b"sens" | b"rep" | b"reps"
        | b"gov" | b"govs" | b"gen" | b"gens" | b"lt" | b"col" | b"sgt" | b"capt" | b"cmdr"
        | b"adm" | b"maj" | b"prof" | b"rev" | b"hon" | b"pres" | b"supt" | b"det" | b"insp"
        | b"fr" | b"mt" | b"ft" | b"atty" | b"brig" | b"cpl" | b"pvt" | b"msgr" | b"mme"
        | b"mmes" | b"mlle" | b"gov-elect" => Some(Abbrev::Title),
        b"no" | b"nos" | b"vol" | b"art" | b"fig" | b"pp" | b"ch" | b"sec" | b"para" => {
            Some(Abbrev::Numeric)
        }
        b"inc" | b"corp" | b"ltd" | b"co" | b"cos" | b"jr" | b"sr" | b"vs" | b"etc" | b"jan"
        | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept" | b"oct"
        | b"nov" | b"dec" | b"st" | b"ave" | b"blvd" | b"rd" | b"dept" | b"univ" | b"bros"
        | b"plc" | b"llc" | b"assn" | b"govt" | b"intl" | b"natl" | b"approx" | b"est" | b"ala"
        | b"ariz" | b"ark" | b"calif" | b"colo" | b"conn" | b"del" | b"fla" | b"ga" | b"ill"
        | b"ind" | b"kan" | b"ky" | b"la" | b"md" | b"mass" | b"mich" | b"minn" | b"miss"
        | b"mo" | b"mont" | b"neb" | b"nev" | b"okla" | b"ore" | b"pa" | b"tenn" | b"vt"
        | b"va" | b"wash" | b"wis" | b"wyo" | b"mln" | b"bln" | b"dlrs" | b"pct" | b"cts"
        | b"shr" | b"qtr" | b"yr" | b"yrs" | b"mos" | b"hrs" | b"min" | b"max" | b"ref" | b"op"
        | b"cf" | b"viz" | b"al" | b"ed" | b"eds" | b"mfg" | b"ag" | b"nv" | b"sa" | b"spa"
        | b"gmbh" | b"bhd" | b"pty" | b"pte" => Some(Abbrev::General),
        _ => None,
    }
}

/// True when a capitalised word (given lowercase) usually opens a sentence,
/// so a general abbreviation before it ends the previous one.
pub(crate) fn is_sentence_starter(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"the"
            | b"a"
            | b"an"
            | b"he"
            | b"she"
            | b"it"
            | b"they"
            | b"we"
            | b"i"
            | b"you"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"there"
            | b"his"
            | b"her"
            | b"its"
            | b"their"
            | b"our"
            | b"my"
            | b"your"
            | b"but"
            | b"and"
            | b"yet"
            | b"so"
            | b"or"
            | b"however"
            | b"meanwhile"
            | b"still"
            | b"also"
            | b"instead"
            | b"then"
            | b"now"
            | b"today"
            | b"yesterday"
            | b"in"
            | b"on"
            | b"at"
            | b"for"
            | b"as"
            | b"after"
            | b"before"
            | b"when"
            | b"while"
            | b"if"
            | b"although"
            | b"though"
            | b"since"
            | b"because"
            | b"according"
            | b"despite"
            | b"under"
            | b"with"
            | b"without"
            | b"by"
            | b"from"
            | b"during"
            | b"here"
            | b"what"
            | b"who"
            | b"why"
            | b"how"
            | b"where"
            | b"which"
            | b"some"
            | b"many"
            | b"most"
            | b"all"
            | b"no"
            | b"several"
            | b"both"
            | b"each"
            | b"every"
            | b"any"
            | b"such"
            | b"other"
            | b"others"
            | b"one"
            | b"officials"
            | b"analysts"
            | b"critics"
            | b"experts"
            | b"shares"
            | b"earlier"
            | b"later"
            | b"last"
            | b"next"
            | b"separately"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"asked"
            | b"sales"
            | b"revenue"
            | b"profit"
            | b"net"
            | b"prices"
            | b"police"
            | b"not"
            | b"even"
            | b"only"
            | b"more"
            | b"further"
            | b"first"
            | b"currently"
    )
}

/// Verbs that after a closing `?”` or `!”` show the sentence goes on
/// (“Why?” Smith asked).
pub(crate) fn is_speech_tail(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"said"
            | b"says"
            | b"asked"
            | b"asks"
            | b"told"
            | b"added"
            | b"adds"
            | b"shouted"
            | b"replied"
            | b"cried"
            | b"yelled"
            | b"wrote"
            | b"writes"
            | b"responded"
            | b"answered"
            | b"exclaimed"
            | b"demanded"
            | b"wondered"
            | b"insisted"
            | b"continued"
            | b"recalled"
            | b"explained"
            | b"warned"
            | b"screamed"
            | b"called"
            | b"whispered"
            | b"snapped"
            | b"joked"
            | b"laughed"
            | b"sang"
            | b"chanted"
            | b"quipped"
            | b"scoffed"
            | b"mused"
            | b"retorted"
            | b"countered"
            | b"reasoned"
            | b"pleaded"
            | b"began"
            | b"continues"
            | b"noted"
            | b"remarked"
            | b"sighed"
            | b"boasted"
            | b"bragged"
            | b"tweeted"
    )
}

/// Words after an opening apostrophe that make it an elision, not a quote
/// ('em, 'til, rock 'n' roll).
pub(crate) fn is_elision(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"em"
            | b"til"
            | b"tis"
            | b"twas"
            | b"cause"
            | b"bout"
            | b"round"
            | b"nuff"
            | b"cos"
            | b"kay"
            | b"scuse"
            | b"n"
            | b"ello"
            | b"ere"
            | b"owt"
            | b"nowt"
            | b"ow"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_classified() {
        assert_eq!(abbreviation("Mr"), Some(Abbrev::Title));
        assert_eq!(abbreviation("U.S"), Some(Abbrev::General));
        assert_eq!(abbreviation("J.K"), Some(Abbrev::General));
        assert_eq!(abbreviation("W"), Some(Abbrev::General));
        assert_eq!(abbreviation("No"), Some(Abbrev::Numeric));
        assert_eq!(abbreviation("Inc"), Some(Abbrev::General));
        assert_eq!(abbreviation("house"), None);
        assert_eq!(abbreviation("U..S"), None);
        assert_eq!(abbreviation("née"), None);
    }
}
