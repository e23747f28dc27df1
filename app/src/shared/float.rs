//! Float operations that keep core's float printing and libm out of the browser's Wasm.
//!
//! `f64::clamp` asserts `min <= max` and formats both bounds with `Debug` when that fails; that
//! one message linked core's float printing (about 19 KB, 10 KB gzip with its tables) into a
//! Wasm that never prints a float otherwise, so `clippy.toml` disallows it. The trigonometric,
//! exponential and logarithmic functions are compiled from libm into the Wasm (about 12 KB);
//! the browser has them already, so its build asks JavaScript's `Math`, the server's asks
//! Rust's. The two agree to the last bit or two, far below a metre or a pixel.

/// `value`, raised to `low` and lowered to `high` (a NaN `value` becomes `low`).
pub fn within(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}

/// `value` modulo `modulus`, in `0..modulus` (like `f64::rem_euclid`, without libm's `fmod`).
pub fn wrap(value: f64, modulus: f64) -> f64 {
    let rest = value - modulus * (value / modulus).floor();
    // Rounding can leave `rest` one ulp outside the range.
    if rest >= modulus {
        rest - modulus
    } else if rest < 0.0 {
        rest + modulus
    } else {
        rest
    }
}

#[cfg(feature = "hydrate")]
mod functions {
    use js_sys::Math;

    pub fn sin(x: f64) -> f64 {
        Math::sin(x)
    }
    pub fn cos(x: f64) -> f64 {
        Math::cos(x)
    }
    pub fn asin(x: f64) -> f64 {
        Math::asin(x)
    }
    pub fn atan(x: f64) -> f64 {
        Math::atan(x)
    }
    pub fn exp(x: f64) -> f64 {
        Math::exp(x)
    }
    pub fn ln(x: f64) -> f64 {
        Math::log(x)
    }
    pub fn log10(x: f64) -> f64 {
        Math::log10(x)
    }
}

#[cfg(not(feature = "hydrate"))]
mod functions {
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn asin(x: f64) -> f64 {
        x.asin()
    }
    pub fn atan(x: f64) -> f64 {
        x.atan()
    }
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub fn ln(x: f64) -> f64 {
        x.ln()
    }
    pub fn log10(x: f64) -> f64 {
        x.log10()
    }
}

pub use functions::{asin, atan, cos, exp, ln, log10, sin};

#[cfg(test)]
mod tests {
    use super::{within, wrap};

    #[test]
    fn values_outside_the_bounds_are_moved_to_the_nearer_bound() {
        assert_eq!(within(-3.0, 0.0, 1.0), 0.0);
        assert_eq!(within(0.25, 0.0, 1.0), 0.25);
        assert_eq!(within(7.0, 0.0, 1.0), 1.0);
        assert_eq!(within(f64::NEG_INFINITY, 0.0, 1.0), 0.0);
        assert_eq!(within(f64::INFINITY, 0.0, 1.0), 1.0);
    }

    #[test]
    fn a_value_that_is_not_a_number_becomes_the_lower_bound() {
        assert_eq!(within(f64::NAN, -90.0, 90.0), -90.0);
    }

    #[test]
    fn wrapping_agrees_with_the_euclidean_remainder() {
        for value in [
            -540.0, -360.0, -181.5, -180.0, -0.25, 0.0, 7.1675, 179.99, 180.0, 725.0,
        ] {
            assert_eq!(wrap(value, 360.0), value.rem_euclid(360.0), "{value}");
        }
        assert!((0.0..360.0).contains(&wrap(-1e-20, 360.0)));
    }
}
