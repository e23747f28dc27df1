//! Accounts of network members: roles, and the parsing of what people type into the account
//! forms (e-mail, name, new password), with the German messages shown when it is not valid.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What an account may do. Each role includes the ones before it: an editor is also a member,
/// an admin also an editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    Member,
    Editor,
    Admin,
}

impl crate::shared::json_read::ReadJson for Role {
    /// The variant name serde writes (`"Member"` …).
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let name = source.text().unwrap_or_default();
        ["Member", "Editor", "Admin"]
            .iter()
            .position(|known| *known == name)
            .map(|index| Role::ALL[index])
            .ok_or_else(|| format!("keine Rolle: {name}"))
    }
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Member, Role::Editor, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Member => "Mitglied",
            Role::Editor => "Redaktion",
            Role::Admin => "Verwaltung",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|role| role.code() == code.trim())
    }

    /// Whether an account with this role may do what `needed` may do.
    pub fn includes(self, needed: Role) -> bool {
        self >= needed
    }
}

/// Why a form value was refused; the text is shown to the user as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidInput(pub String);

impl From<InvalidInput> for crate::shared::error::AppError {
    fn from(error: InvalidInput) -> Self {
        crate::shared::error::AppError::Invalid(error.0)
    }
}

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidInput {}

fn invalid(message: &str) -> InvalidInput {
    InvalidInput(message.to_string())
}

/// An e-mail address, trimmed and lower-cased, so one person has one account.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, InvalidInput> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(invalid("Bitte geben Sie eine E-Mail-Adresse ein."));
        }
        if email.len() > 254 {
            return Err(invalid("Die E-Mail-Adresse ist zu lang."));
        }
        let well_formed = email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }) && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if !well_formed {
            return Err(invalid(
                "Das ist keine gültige E-Mail-Adresse (Beispiel: name@beispiel.de).",
            ));
        }
        // RFC 5321: mail servers need not accept a longer local part, and exports that check
        // addresses (HSDS) would reject it.
        if email
            .split('@')
            .next()
            .is_some_and(|local| local.len() > 64)
        {
            return Err(invalid(
                "Der Teil vor dem @ ist zu lang (höchstens 64 Zeichen).",
            ));
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The name shown for an account ("angemeldet als …").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(input: &str) -> Result<DisplayName, InvalidInput> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(invalid("Bitte geben Sie einen Namen ein."));
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(invalid("Der Name ist zu lang (höchstens 100 Zeichen)."));
        }
        Ok(DisplayName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password as chosen by its owner: long enough, typed twice alike. Never logged or
/// serialised; only its hash is stored.
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 200;

    pub fn parse(password: &str, repeated: &str) -> Result<NewPassword, InvalidInput> {
        let length = password.chars().count();
        if length < Self::MIN_CHARS {
            return Err(invalid(
                "Das Passwort muss mindestens 12 Zeichen lang sein. Ein Satz aus mehreren Wörtern ist leicht zu merken und sicher.",
            ));
        }
        if length > Self::MAX_CHARS {
            return Err(invalid("Das Passwort ist zu lang (höchstens 200 Zeichen)."));
        }
        if password.trim().is_empty() {
            return Err(invalid(
                "Das Passwort darf nicht nur aus Leerzeichen bestehen.",
            ));
        }
        if password != repeated {
            return Err(invalid("Die beiden Passwörter stimmen nicht überein."));
        }
        Ok(NewPassword(password.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// What a page may know about the signed-in account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
}

impl Viewer {
    pub fn is(&self, needed: Role) -> bool {
        self.role.includes(needed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_include_the_lower_ones() {
        assert!(Role::Admin.includes(Role::Editor));
        assert!(Role::Admin.includes(Role::Member));
        assert!(Role::Editor.includes(Role::Member));
        assert!(!Role::Editor.includes(Role::Admin));
        assert!(!Role::Member.includes(Role::Editor));
        for role in Role::ALL {
            assert!(role.includes(role));
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn emails_are_trimmed_and_lowercased() {
        assert_eq!(
            Email::parse("  Anna.Beispiel@Kreis-Coesfeld.DE ")
                .unwrap()
                .as_str(),
            "anna.beispiel@kreis-coesfeld.de"
        );
    }

    #[test]
    fn malformed_emails_get_german_reasons() {
        assert!(Email::parse("").unwrap_err().0.contains("Bitte geben Sie"));
        for bad in [
            "anna",
            "anna@",
            "@kreis.de",
            "anna@kreis",
            "an na@kreis.de",
            "a@b@c.de",
            "a@.de",
        ] {
            let error = Email::parse(bad).unwrap_err();
            assert!(error.0.contains("keine gültige"), "{bad}: {error}");
        }
        assert!(Email::parse(&format!("{}@kreis.de", "a".repeat(250))).is_err());
        assert!(Email::parse(&format!("{}@kreis.de", "a".repeat(64))).is_ok());
        let long = Email::parse(&format!("{}@kreis.de", "a".repeat(65))).unwrap_err();
        assert!(long.0.contains("höchstens 64 Zeichen"), "{}", long.0);
    }

    #[test]
    fn names_collapse_whitespace_and_have_a_limit() {
        assert_eq!(
            DisplayName::parse("  Anna   Beispiel ").unwrap().as_str(),
            "Anna Beispiel"
        );
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse(&"x".repeat(101)).is_err());
    }

    #[test]
    fn new_passwords_must_be_long_and_repeated() {
        assert!(
            NewPassword::parse("kurz", "kurz")
                .unwrap_err()
                .0
                .contains("mindestens 12")
        );
        assert!(NewPassword::parse("            ", "            ").is_err());
        assert!(
            NewPassword::parse("ein langes Passwort", "ein langes Passwortt")
                .unwrap_err()
                .0
                .contains("stimmen nicht")
        );
        let password = NewPassword::parse("ein langes Passwort", "ein langes Passwort").unwrap();
        assert_eq!(password.expose(), "ein langes Passwort");
        assert_eq!(format!("{password:?}"), "NewPassword(…)");
    }
}
