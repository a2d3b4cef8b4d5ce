//! Just enough `multipart/form-data` (RFC 7578) to take a file upload from a
//! browser form or a CMS plug-in: parts with a name, an optional file name
//! and their bytes. Written here because the maintained parsers are async
//! (multer) and the sync one (multipart) is unmaintained; the format needs
//! forty lines, and malformed bodies become errors, never panics.

/// One part of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The form field's name.
    pub name: String,
    /// The uploaded file's name, for file fields.
    pub filename: Option<String>,
    /// The part's bytes.
    pub data: Vec<u8>,
}

/// The boundary of a `multipart/form-data` content type, if it is one.
pub fn boundary(content_type: &str) -> Option<String> {
    let mut params = content_type.split(';');
    let kind = params.next()?.trim();
    if !kind.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_string())
            .filter(|b| !b.is_empty())
    })
}

/// Splits `body` into its parts; `Err` says what is malformed.
pub fn parse(body: &[u8], boundary: &str) -> Result<Vec<Part>, &'static str> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut at = find(body, delimiter, 0).ok_or("no multipart boundary in the body")?;
    let mut parts = Vec::new();
    loop {
        at += delimiter.len();
        let rest = &body[at..];
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        if !rest.starts_with(b"\r\n") {
            return Err("a multipart boundary is not followed by a line end");
        }
        at += 2;
        let head_end = find(body, b"\r\n\r\n", at).ok_or("a multipart part has no blank line")?;
        let head = std::str::from_utf8(&body[at..head_end])
            .map_err(|_| "a multipart part's headers are not UTF-8")?;
        let data_start = head_end + 4;
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(delimiter);
        let data_end = find(body, &closing, data_start).ok_or("a multipart part is not closed")?;
        let (name, filename) = disposition(head).ok_or("a multipart part has no field name")?;
        parts.push(Part {
            name,
            filename,
            data: body[data_start..data_end].to_vec(),
        });
        at = data_end + 2;
    }
}

/// The field name and file name of a part's `Content-Disposition` header.
fn disposition(head: &str) -> Option<(String, Option<String>)> {
    let line = head.split("\r\n").find_map(|l| {
        let (key, value) = l.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case("content-disposition")
            .then_some(value)
    })?;
    let mut name = None;
    let mut filename = None;
    for p in line.split(';').skip(1) {
        let Some((key, value)) = p.split_once('=') else {
            continue;
        };
        let value = value.trim().trim_matches('"').to_string();
        match key.trim().to_ascii_lowercase().as_str() {
            "name" => name = Some(value),
            "filename" => filename = Some(value),
            _ => {}
        }
    }
    Some((name?, filename))
}

/// The first occurrence of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundary_comes_from_the_content_type() {
        assert_eq!(
            boundary("multipart/form-data; boundary=----abc").as_deref(),
            Some("----abc")
        );
        assert_eq!(
            boundary("Multipart/Form-Data;boundary=\"x y\"").as_deref(),
            Some("x y")
        );
        assert_eq!(boundary("text/plain; boundary=x"), None);
        assert_eq!(boundary("multipart/form-data"), None);
    }

    #[test]
    fn parts_keep_names_file_names_and_bytes() {
        let body =
            b"preamble\r\n--XX\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nmd\r\n\
--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"story.md\"\r\n\
Content-Type: text/markdown\r\n\r\nLine one\r\n--X not the end\r\n--XX--\r\n";
        let parts = parse(body, "XX").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "format");
        assert_eq!(parts[0].data, b"md");
        assert_eq!(parts[1].filename.as_deref(), Some("story.md"));
        assert_eq!(parts[1].data, b"Line one\r\n--X not the end");
    }

    #[test]
    fn malformed_bodies_are_errors() {
        let cases: [&[u8]; 5] = [
            b"",
            b"--XX",
            b"--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunclosed",
            b"--XX\r\nno blank line",
            b"--XX\r\nContent-Type: text/plain\r\n\r\nx\r\n--XX--",
        ];
        for body in cases {
            assert!(parse(body, "XX").is_err(), "{body:?}");
        }
    }
}
