//! Writing CSV text (comma-separated, UTF-8, the first line the column names) for every
//! download: the editors' export, the planners' figures and the HSDS tables.

/// Writes records as CSV text.
pub fn csv_text<H, I, R>(header: &[H], records: I) -> String
where
    H: AsRef<str>,
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = String>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(header.iter().map(AsRef::as_ref));
    for record in records {
        let _ = writer.write_record(record);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_quoting() {
        let text = csv_text(
            &["name", "note"],
            [vec!["Kita \"Sonne\"".to_string(), "a, b\nc".to_string()]],
        );
        assert_eq!(text, "name,note\n\"Kita \"\"Sonne\"\"\",\"a, b\nc\"\n");
    }
}
