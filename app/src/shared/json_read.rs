//! Reads the map's page data field by field from JSON the browser has already parsed.
//!
//! Serde's derived decoders are generated per type and per decoder; for the map's page data
//! (region, offers, texts, the moment, the search's answer) they were the largest part of the
//! first view's Wasm that is not the app itself. Reading through [`JsonSource`] is one small
//! function per field, shared by every type. The same readers run over `serde_json` values in
//! the server's tests, which check that what serde writes is what they read.

/// A parsed JSON value: a browser `JsValue` or a `serde_json::Value`.
pub trait JsonSource: Sized {
    /// The member `key` of an object; `None` when it is missing or `null`.
    fn member(&self, key: &str) -> Option<Self>;
    fn text(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn flag(&self) -> Option<bool>;
    fn items(&self) -> Option<Vec<Self>>;
    fn is_null(&self) -> bool;
}

/// A value that can be read from parsed JSON; the error names what did not fit.
pub trait ReadJson: Sized {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String>;
}

/// Reads `T` from JSON text: with `JSON.parse` in the browser, `serde_json` elsewhere.
pub fn read_json_text<T: ReadJson>(text: &str) -> Result<T, String> {
    #[cfg(feature = "hydrate")]
    {
        let value = js_sys::JSON::parse(text).map_err(|_| "ungültiges JSON".to_string())?;
        T::read_json(&value)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|error| error.to_string())?;
        T::read_json(&value)
    }
}

/// The members of one JSON object, read by name.
pub struct Members<'a, S>(pub &'a S);

impl<S: JsonSource> Members<'_, S> {
    /// The member `key`, which must be there.
    pub fn get<T: ReadJson>(&self, key: &str) -> Result<T, String> {
        match self.0.member(key) {
            Some(value) => T::read_json(&value).map_err(|error| format!("{key}: {error}")),
            None => Err(format!("{key} fehlt")),
        }
    }

    /// The member `key` read by `read` (for types read in more than one way, such as dates).
    pub fn get_with<T>(&self, key: &str, read: fn(&S) -> Result<T, String>) -> Result<T, String> {
        match self.0.member(key) {
            Some(value) => read(&value).map_err(|error| format!("{key}: {error}")),
            None => Err(format!("{key} fehlt")),
        }
    }

    /// The member `key`, or `T`'s default when it is missing or `null`.
    pub fn get_or_default<T: ReadJson + Default>(&self, key: &str) -> Result<T, String> {
        match self.0.member(key) {
            Some(value) => T::read_json(&value).map_err(|error| format!("{key}: {error}")),
            None => Ok(T::default()),
        }
    }
}

impl ReadJson for String {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        source.text().ok_or_else(|| "kein Text".to_string())
    }
}

impl ReadJson for bool {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        source
            .flag()
            .ok_or_else(|| "kein Wahrheitswert".to_string())
    }
}

impl ReadJson for f64 {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        source.number().ok_or_else(|| "keine Zahl".to_string())
    }
}

/// A whole number within `min..=max`.
fn whole_number<S: JsonSource>(source: &S, min: f64, max: f64) -> Result<f64, String> {
    match source.number() {
        Some(n) if n.fract() == 0.0 && (min..=max).contains(&n) => Ok(n),
        _ => Err("keine passende ganze Zahl".to_string()),
    }
}

macro_rules! read_whole_numbers {
    ($($t:ty),*) => {$(
        impl ReadJson for $t {
            fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
                // JSON numbers are doubles; beyond 2^53 they are not exact anyway.
                whole_number(source, <$t>::MIN as f64, <$t>::MAX as f64).map(|n| n as $t)
            }
        }
    )*};
}

read_whole_numbers!(u8, u16, u32, i64);

impl<T: ReadJson> ReadJson for Option<T> {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        if source.is_null() {
            Ok(None)
        } else {
            T::read_json(source).map(Some)
        }
    }
}

impl<T: ReadJson> ReadJson for Vec<T> {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let items = source.items().ok_or_else(|| "keine Liste".to_string())?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::read_json(item).map_err(|error| format!("[{i}] {error}")))
            .collect()
    }
}

/// The items of a list that must have exactly `N` of them.
fn exactly<S: JsonSource, const N: usize>(source: &S) -> Result<Vec<S>, String> {
    match source.items() {
        Some(items) if items.len() == N => Ok(items),
        _ => Err(format!("keine Liste aus {N} Werten")),
    }
}

impl<A: ReadJson, B: ReadJson> ReadJson for (A, B) {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let items = exactly::<S, 2>(source)?;
        Ok((A::read_json(&items[0])?, B::read_json(&items[1])?))
    }
}

impl<A: ReadJson, B: ReadJson, C: ReadJson> ReadJson for (A, B, C) {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let items = exactly::<S, 3>(source)?;
        Ok((
            A::read_json(&items[0])?,
            B::read_json(&items[1])?,
            C::read_json(&items[2])?,
        ))
    }
}

impl<const N: usize> ReadJson for [f64; N] {
    fn read_json<S: JsonSource>(source: &S) -> Result<Self, String> {
        let items = exactly::<S, N>(source)?;
        let mut numbers = [0.0; N];
        for (number, item) in numbers.iter_mut().zip(&items) {
            *number = f64::read_json(item)?;
        }
        Ok(numbers)
    }
}

#[cfg(feature = "hydrate")]
impl JsonSource for wasm_bindgen::JsValue {
    fn member(&self, key: &str) -> Option<Self> {
        let value = js_sys::Reflect::get(self, &wasm_bindgen::JsValue::from_str(key)).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    }
    fn text(&self) -> Option<String> {
        self.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn flag(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<Self>> {
        use wasm_bindgen::JsCast;
        self.dyn_ref::<js_sys::Array>()
            .map(|array| array.iter().collect())
    }
    fn is_null(&self) -> bool {
        self.is_null() || self.is_undefined()
    }
}

impl JsonSource for serde_json::Value {
    fn member(&self, key: &str) -> Option<Self> {
        self.get(key).filter(|value| !value.is_null()).cloned()
    }
    fn text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn flag(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn is_null(&self) -> bool {
        serde_json::Value::is_null(self)
    }
}

/// Serialises `value` with serde and reads it back through [`ReadJson`]: the test that the
/// readers follow the serde names and shapes.
#[cfg(test)]
pub fn round_trip<T: serde::Serialize + ReadJson>(value: &T) -> Result<T, String> {
    T::read_json(&serde_json::to_value(value).map_err(|error| error.to_string())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_values_and_lists_read_as_serde_writes_them() {
        assert_eq!(round_trip(&"Dülmen".to_string()), Ok("Dülmen".to_string()));
        assert_eq!(
            round_trip(&vec![(1u32, 2u32), (3, 4)]),
            Ok(vec![(1, 2), (3, 4)])
        );
        assert_eq!(
            round_trip(&[7.5, 51.8, 7.6, 52.0]),
            Ok([7.5, 51.8, 7.6, 52.0])
        );
        assert_eq!(round_trip(&Some(3i64)), Ok(Some(3)));
        assert_eq!(round_trip(&None::<String>), Ok(None));
        assert_eq!(round_trip(&(1u8, 540u16, 720u16)), Ok((1, 540, 720)));
    }

    #[test]
    fn values_that_do_not_fit_are_errors_naming_where() {
        let value = serde_json::json!({ "a": [1, 2.5] });
        let read = Members(&value).get::<Vec<u32>>("a");
        assert_eq!(read, Err("a: [1] keine passende ganze Zahl".to_string()));
        assert_eq!(Members(&value).get::<u8>("b"), Err("b fehlt".to_string()));
        assert_eq!(u8::read_json(&serde_json::json!(256)).ok(), None);
        assert_eq!(u32::read_json(&serde_json::json!(-1)).ok(), None);
        assert_eq!(Members(&value).get_or_default::<Vec<u32>>("b"), Ok(vec![]));
    }
}
