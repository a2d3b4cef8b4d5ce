//! Letters to the editor: a page of readers' letters, each signed with the
//! writer's name on a line of its own ("Dana Ruiz." then "Harbour City,
//! Ore."). Everything between two signatures is the reader's words, not the
//! paper's, so questions, loaded words and hedges in them are not flagged.
//!
//! Comments gathered from social media are signed the same way with the
//! reader's handle ("@dana_r."), and the page may close with the desk's
//! invitation to write in ("Follow @Opinion or #tellus on Twitter.").
//!
//! A lone name line could be a subheading ("Rising Tensions."), so a page
//! counts as letters only when it has at least two signature lines and ends
//! with one: an article with subheadings ends with copy, not a heading.

use std::ops::Range;

use crate::prose::{Block, BlockKind};

/// Most blocks one letter runs to above its signature.
const MAX_LETTER_BLOCKS: usize = 12;
/// Fewest signature lines that make a letters page.
const MIN_SIGNATURES: usize = 2;

/// Byte ranges of the blocks that are readers' letters (signatures and place
/// lines included), or nothing when the page is not a letters page.
pub(super) fn find(text: &str, blocks: &[Block]) -> Vec<Range<usize>> {
    let line = |i: usize| -> Option<&str> {
        let b = &blocks[i];
        if b.kind != BlockKind::Paragraph {
            return None;
        }
        text.get(b.range.clone()).map(str::trim)
    };
    let sig: Vec<bool> = (0..blocks.len())
        .map(|i| line(i).is_some_and(is_signature))
        .collect();
    let last = (0..blocks.len())
        .rev()
        .find(|&i| line(i).is_some_and(|t| !t.is_empty() && !is_follow_line(t)));
    if sig.iter().filter(|s| **s).count() < MIN_SIGNATURES || !last.is_some_and(|i| sig[i]) {
        return Vec::new();
    }
    let mut speech = vec![false; blocks.len()];
    for i in (0..blocks.len()).filter(|&i| sig[i]) {
        speech[i] = true;
        // A place line under a signature ("New York.") belongs to it.
        let mut j = i;
        while j > 0 && sig[j - 1] && !speech[j - 1] {
            j -= 1;
            speech[j] = true;
        }
        for k in (j.saturating_sub(MAX_LETTER_BLOCKS)..j).rev() {
            if sig[k] || speech[k] || blocks[k].kind != BlockKind::Paragraph {
                break;
            }
            speech[k] = true;
        }
    }
    // "Can you imagine ...? ¶ Letters. ¶ ...": the headline over the page
    // and its label are the letters' (the desk heads a letter with its own
    // words), not a question the paper puts.
    if blocks.len() > 2
        && blocks[0].kind == BlockKind::Headline
        && line(1).is_some_and(is_letters_label)
    {
        speech[0] = true;
        speech[1] = true;
    }
    blocks
        .iter()
        .zip(speech)
        .filter(|(_, s)| *s)
        .map(|(b, _)| b.range.clone())
        .collect()
}

/// The desk's label over a letters page: "Letters.", "LETTERS", "Letters to
/// the editor".
fn is_letters_label(line: &str) -> bool {
    let l = line.trim_end_matches(['.', ':']).trim().to_lowercase();
    matches!(
        l.as_str(),
        "letters"
            | "letters to the editor"
            | "letter to the editor"
            | "your letters"
            | "readers' letters"
    )
}

/// The desk's closing invitation under a letters page: "Follow @Opinion or
/// #tellus on Twitter."
fn is_follow_line(line: &str) -> bool {
    line.len() < 120 && line.starts_with("Follow ") && line.contains('@')
}

/// A social-media handle on a line of its own: "@dana_r.", "@LaurieM07".
fn is_handle(line: &str) -> bool {
    let t = line.strip_suffix('.').unwrap_or(line);
    t.strip_prefix('@').is_some_and(|h| {
        (1..=30).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// A line that is only a reader's handle or name, and perhaps a place: two to four capitalised
/// words in mixed case ("Toni LeAnn Williams.", "Staunton, Va."), not an
/// all-capitals heading ("TOP STORIES.") and not a phrase opening with an
/// article ("The Upshot.").
fn is_signature(line: &str) -> bool {
    if is_handle(line) {
        return true;
    }
    let t = line.strip_suffix('.').unwrap_or(line);
    if t.is_empty() || t.len() > 60 {
        return false;
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if !(2..=4).contains(&words.len()) || matches!(words[0], "The" | "A" | "An") {
        return false;
    }
    words.iter().all(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    }) && words.iter().any(|w| w.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_names_not_headings() {
        assert!(is_signature("Dana Ruiz."));
        assert!(is_signature("Toni LeAnn Fraga-Ortiz"));
        assert!(is_signature("Staunton, Va."));
        assert!(is_signature("Keith O’Neil."));
        assert!(!is_signature("TOP STORIES."));
        assert!(!is_signature("The Upshot."));
        assert!(!is_signature("Dana Ruiz said so."));
        assert!(!is_signature("Ruiz."));
        assert!(!is_signature("Prices rose 4 percent."));
        assert!(is_signature("@dana_r."));
        assert!(is_signature("@LaurieM07"));
        assert!(!is_signature("@ the harbour."));
        assert!(!is_signature("@"));
    }

    fn paragraphs(text: &str) -> Vec<Block> {
        let mut out = Vec::new();
        let mut at = 0;
        for p in text.split("\n\n") {
            out.push(Block {
                range: at..at + p.len(),
                kind: BlockKind::Paragraph,
            });
            at += p.len() + 2;
        }
        out
    }

    #[test]
    fn a_page_of_signed_comments_is_letters() {
        let page = "Why would anyone trust him?\n\n@dana_r.\n\nThe council is a joke.\n\nKeith Oneil.\n\nFollow @HarbourOpinion on Twitter.";
        let got = find(page, &paragraphs(page));
        let got: Vec<&str> = got.iter().map(|r| &page[r.clone()]).collect();
        assert_eq!(
            got,
            [
                "Why would anyone trust him?",
                "@dana_r.",
                "The council is a joke.",
                "Keith Oneil."
            ]
        );
    }

    #[test]
    fn the_headline_over_a_letters_label_is_the_letters() {
        let page = "Can the ferry survive?\n\nLetters.\n\nWho will pay for it?\n\nKeith Oneil.\n\nThe fares are a scandal.\n\nDana Ruiz.";
        let mut blocks = paragraphs(page);
        blocks[0].kind = BlockKind::Headline;
        let got = find(page, &blocks);
        assert_eq!(&page[got[0].clone()], "Can the ferry survive?");
        assert_eq!(&page[got[1].clone()], "Letters.");
        // Without the label the headline stays the paper's.
        let page = "Can the ferry survive?\n\nWho will pay for it?\n\nKeith Oneil.\n\nThe fares are a scandal.\n\nDana Ruiz.";
        let mut blocks = paragraphs(page);
        blocks[0].kind = BlockKind::Headline;
        assert_eq!(
            &page[find(page, &blocks)[0].clone()],
            "Who will pay for it?"
        );
    }

    #[test]
    fn an_article_with_subheadings_is_not_letters() {
        let article =
            "Intro copy.\n\nRising Tensions.\n\nBody copy.\n\nHarbour Deal.\n\nClosing copy.";
        assert!(find(article, &paragraphs(article)).is_empty());
    }
}
