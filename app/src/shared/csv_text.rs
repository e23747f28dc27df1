//! Writing CSV text (comma-separated, UTF-8, the first line the column names) for every
//! download: the editors' export, the planners' figures and the HSDS tables. No cell goes out
//! that a spreadsheet would run as a formula.

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
        let _ = writer.write_record(record.into_iter().map(guarded_cell));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A cell as it goes out. One that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage
/// return) gets a leading apostrophe, which spreadsheets take as "this is text": a
/// `=HYPERLINK(…)` typed into a public form must not run when an editor opens the export.
/// Numbers and phone numbers (digits with `+ - . , / ( )` and spaces) stay as they are. A cell
/// that already starts with an apostrophe gets another, so [`unguarded_cell`] gives back
/// exactly what was written.
pub fn guarded_cell(value: String) -> String {
    let starts_like_formula = value
        .chars()
        .next()
        .is_some_and(|first| matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let number_like = value.chars().any(|c| c.is_ascii_digit())
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || " +-.,/()".contains(c));
    if (starts_like_formula && !number_like) || value.starts_with('\'') {
        format!("'{value}")
    } else {
        value
    }
}

/// A cell as read back by our own import: the apostrophe [`guarded_cell`] put in front goes.
pub fn unguarded_cell(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
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

    #[test]
    fn formulas_go_out_as_text() {
        for formula in [
            "=HYPERLINK(\"http://evil.example\")",
            "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
        ] {
            assert_eq!(guarded_cell(formula.into()), format!("'{formula}"));
        }
    }

    #[test]
    fn numbers_phone_numbers_and_plain_text_stay() {
        for plain in [
            "-7.25",
            "+49 2541 18-0",
            "(02541) 12 34",
            "Kita am Wall",
            "",
            "0",
        ] {
            assert_eq!(guarded_cell(plain.into()), plain);
        }
    }

    #[test]
    fn what_is_written_reads_back_exactly() {
        for value in ["=1+1", "'=1+1", "''", "'Zitat'", "-7.25", "@home", "Text"] {
            assert_eq!(unguarded_cell(&guarded_cell(value.into())), value);
        }
    }
}
