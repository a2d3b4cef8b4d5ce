//! Front matter at the very top of a Markdown file: YAML between `---` fences
//! or TOML between `+++` fences, flattened to `key` / `parent.child` strings.

use std::collections::BTreeMap;

/// Front matter found at the start of a document.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// The fields, nested keys joined with dots, lists joined with ", ".
    pub fields: BTreeMap<String, String>,
    /// Bytes taken by the front matter, fences and closing line break included.
    pub len: usize,
}

/// Reads front matter at the start of `text` (after any byte-order mark);
/// `None` when there is none or its closing fence is missing.
pub(crate) fn split(text: &str) -> Option<FrontMatter> {
    let (first, mut pos) = next_line(text, 0)?;
    let toml = match first.trim_end() {
        "---" => false,
        "+++" => true,
        _ => return None,
    };
    let content_start = pos;
    while let Some((line, next)) = next_line(text, pos) {
        let l = line.trim_end();
        let closes = if toml {
            l == "+++"
        } else {
            l == "---" || l == "..."
        };
        if closes {
            let content = &text[content_start..pos];
            let fields = if toml {
                parse_toml(content)
            } else {
                parse_yaml(content)
            };
            return Some(FrontMatter { fields, len: next });
        }
        pos = next;
    }
    None
}

/// The line starting at `pos` (without its line break) and where the next starts.
fn next_line(text: &str, pos: usize) -> Option<(&str, usize)> {
    if pos >= text.len() {
        return None;
    }
    let rest = &text[pos..];
    Some(match rest.find('\n') {
        Some(i) => (&rest[..i], pos + i + 1),
        None => (rest, text.len()),
    })
}

/// Flattens a TOML table; invalid TOML yields no fields rather than an error,
/// since front matter only adds context to the prose.
fn parse_toml(content: &str) -> BTreeMap<String, String> {
    let mut fields = BTreeMap::new();
    if let Ok(table) = content.parse::<toml::Table>() {
        flatten_toml("", &toml::Value::Table(table), &mut fields);
    }
    fields
}

fn flatten_toml(key: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
    let join = |k: &str| {
        if key.is_empty() {
            k.to_owned()
        } else {
            format!("{key}.{k}")
        }
    };
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                flatten_toml(&join(k), v, out);
            }
        }
        toml::Value::Array(items) if items.iter().any(|v| v.is_table() || v.is_array()) => {
            for (i, v) in items.iter().enumerate() {
                flatten_toml(&join(&i.to_string()), v, out);
            }
        }
        toml::Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(toml_scalar).collect();
            out.insert(key.to_owned(), parts.join(", "));
        }
        v => {
            out.insert(key.to_owned(), toml_scalar(v));
        }
    }
}

fn toml_scalar(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads the YAML that front matter uses in practice: `key: value` lines,
/// nested mappings by indentation, `- item` lists, `[a, b]` flow lists and
/// `|` / `>` block scalars. Anything else is skipped, never an error.
fn parse_yaml(content: &str) -> BTreeMap<String, String> {
    let mut fields = BTreeMap::new();
    // Open mappings: (indentation of their key, full dotted key).
    let mut parents: Vec<(usize, String)> = Vec::new();
    let mut lines = content.lines().peekable();
    while let Some(raw) = lines.next() {
        let line = raw.trim_end();
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = line.len() - body.len();
        if let Some(item) = body
            .strip_prefix("- ")
            .or(if body == "-" { Some("") } else { None })
        {
            // A list item belongs to the innermost key opened at a lower or equal indent.
            if let Some((_, key)) = parents.iter().rev().find(|(i, _)| *i <= indent) {
                let value = unquote(strip_comment(item.trim()));
                let entry = fields.entry(key.clone()).or_insert_with(String::new);
                if !entry.is_empty() {
                    entry.push_str(", ");
                }
                entry.push_str(&value);
            }
            continue;
        }
        let Some((key, value)) = split_key(body) else {
            continue;
        };
        while parents.last().is_some_and(|(i, _)| *i >= indent) {
            parents.pop();
        }
        let full = match parents.last() {
            Some((_, p)) => format!("{p}.{key}"),
            None => key.to_owned(),
        };
        let value = strip_comment(value.trim());
        if value.is_empty() {
            parents.push((indent, full));
        } else if value.starts_with('|') || value.starts_with('>') {
            let sep = if value.starts_with('|') { "\n" } else { " " };
            let mut parts = Vec::new();
            while let Some(next) = lines.peek() {
                let t = next.trim_start();
                if !t.is_empty() && next.len() - t.len() <= indent {
                    break;
                }
                parts.push(t.trim_end());
                lines.next();
            }
            fields.insert(full, parts.join(sep).trim().to_owned());
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            let items: Vec<String> = inner
                .split(',')
                .map(|s| unquote(s.trim()))
                .filter(|s| !s.is_empty())
                .collect();
            fields.insert(full, items.join(", "));
        } else {
            fields.insert(full, unquote(value));
        }
    }
    fields
}

/// Splits `key: value` at the first colon followed by a space or the line's end.
fn split_key(body: &str) -> Option<(&str, &str)> {
    let bytes = body.as_bytes();
    let colon = (0..bytes.len()).find(|&i| {
        bytes[i] == b':' && bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\t')
    })?;
    let key = unquote_key(body[..colon].trim());
    (!key.is_empty()).then(|| (key, &body[colon + 1..]))
}

fn unquote_key(key: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = key.strip_prefix(q).and_then(|k| k.strip_suffix(q)) {
            return inner;
        }
    }
    key
}

/// Drops a ` # comment` after an unquoted value.
fn strip_comment(value: &str) -> &str {
    if value.starts_with('"') || value.starts_with('\'') {
        return value;
    }
    match value.find(" #") {
        Some(i) => value[..i].trim_end(),
        None => value,
    }
}

fn unquote(value: &str) -> String {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    value.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(String, String)> {
        split(text)
            .expect("front matter")
            .fields
            .into_iter()
            .collect()
    }

    fn pair(k: &str, v: &str) -> (String, String) {
        (k.to_owned(), v.to_owned())
    }

    #[test]
    fn yaml_flat_nested_lists_and_scalars() {
        let text = "---\ntitle: \"Flood: what we know\"\nslug: flood-update # internal\nauthor:\n  name: 'Ana O''Neil'\n  desk: metro\ntags:\n  - weather\n  - \"city\"\nregions: [north, 'south']\nsummary: >\n  Water rose\n  overnight.\n---\nBody\n";
        assert_eq!(
            fields(text),
            vec![
                pair("author.desk", "metro"),
                pair("author.name", "Ana O'Neil"),
                pair("regions", "north, south"),
                pair("slug", "flood-update"),
                pair("summary", "Water rose overnight."),
                pair("tags", "weather, city"),
                pair("title", "Flood: what we know"),
            ]
        );
        assert_eq!(split(text).unwrap().len, text.len() - "Body\n".len());
    }

    #[test]
    fn yaml_closed_by_dots_and_crlf() {
        let text = "---\r\ndraft: true\r\n...\r\nBody";
        assert_eq!(fields(text), vec![pair("draft", "true")]);
        assert_eq!(&text[split(text).unwrap().len..], "Body");
    }

    #[test]
    fn toml_is_flattened() {
        let text = "+++\ntitle = \"Budget vote\"\nwords = 640\ntags = [\"council\", \"tax\"]\n[editor]\nname = \"Lee\"\n+++\n";
        assert_eq!(
            fields(text),
            vec![
                pair("editor.name", "Lee"),
                pair("tags", "council, tax"),
                pair("title", "Budget vote"),
                pair("words", "640"),
            ]
        );
    }

    #[test]
    fn invalid_toml_gives_no_fields_but_still_counts_as_front_matter() {
        let fm = split("+++\nthis is = = not toml\n+++\nBody").unwrap();
        assert!(fm.fields.is_empty());
        assert_eq!(fm.len, "+++\nthis is = = not toml\n+++\n".len());
    }

    #[test]
    fn unclosed_or_absent_fences_are_not_front_matter() {
        assert_eq!(split("---\ntitle: x\n\nNo closing fence.\n"), None);
        assert_eq!(split("Title\n---\n"), None);
        assert_eq!(split(""), None);
        assert_eq!(split("----\nx: y\n----\n"), None);
    }
}
