//! The component's shared look, a leaf every part may use: lengths in CSS pixels, category colours
//! and their swatch, the colour scheme, and the sizes that must match the stylesheet.

use crate::core::model::Category;
use crate::core::scene::SceneOptions;

/// Height of one lane of events, in pixels (matches `--storyline-row` in the stylesheet).
pub const ROW_HEIGHT: f64 = 30.0;
/// How the scene is drawn (its lanes match `--storyline-lanes-height` in the stylesheet); the room
/// of a cluster's word is the reader's language's, filled in by `TimelineState`.
pub const SCENE: SceneOptions = SceneOptions::STANDARD;

/// Width of one character of a tick label (12px), kept conservative so labels never touch.
pub const TICK_CHAR_WIDTH: f64 = 7.5;

/// A length in CSS pixels to a tenth of a pixel. Written with integers: float formatting would
/// add kilobytes of code to the download for no visible difference.
pub fn px(value: f64) -> String {
    let mut text = String::with_capacity(12);
    push_px(&mut text, value);
    text
}

/// Appends a length in CSS pixels, to a tenth of a pixel, without the formatting machinery: this
/// runs for every drawn item on every frame of a zoom. Out-of-range values saturate, never panic.
pub fn push_px(out: &mut String, value: f64) {
    push_tenths(out, value);
    out.push_str("px");
}

/// Appends a number to a tenth, as in CSS lengths and SVG paths.
pub fn push_tenths(out: &mut String, value: f64) {
    push_decimal(out, value, 1);
}

/// Appends a number with `places` digits after the point (at most 9), without the formatting
/// machinery. Out-of-range values saturate, never panic.
pub fn push_decimal(out: &mut String, value: f64, places: u32) {
    let unit = 10_u64.pow(places.min(9));
    let scaled = (value * unit as f64).round() as i64;
    if scaled < 0 {
        out.push('-');
    }
    let scaled = scaled.unsigned_abs();
    push_digits(out, scaled / unit);
    out.push('.');
    // The fraction's digits, its leading zeros too.
    let mut place = unit / 10;
    while place > 0 {
        out.push(char::from(b'0' + (scaled / place % 10) as u8));
        place /= 10;
    }
}

/// Appends `property:length;` to an inline style.
pub fn push_px_property(out: &mut String, property: &str, value: f64) {
    out.push_str(property);
    out.push(':');
    push_px(out, value);
    out.push(';');
}

fn push_digits(out: &mut String, mut number: u64) {
    // u64::MAX has 20 digits; written from the end, most significant first out.
    let mut digits = [b'0'; 20];
    let mut first = digits.len();
    loop {
        first -= 1;
        digits[first] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 || first == 0 {
            break;
        }
    }
    for &digit in &digits[first..] {
        out.push(char::from(digit));
    }
}

/// A category's colour, which a host page may override with `--storyline-category-<id>`.
pub fn category_color(category: &Category) -> String {
    format!(
        "var(--storyline-category-{}, {})",
        category.id, category.color
    )
}

/// The colour scheme: light, dark, or the reader's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Auto,
}

impl Theme {
    /// Reads "light", "dark" or "auto".
    pub fn parse(text: &str) -> Option<Theme> {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// The root's classes, which the stylesheet's colour blocks key on.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Theme::Light => "storyline storyline-theme-light",
            Theme::Dark => "storyline storyline-theme-dark",
            Theme::Auto => "storyline storyline-theme-auto",
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lengths_are_written_to_a_tenth_of_a_pixel() {
        assert_eq!(super::px(0.0), "0.0px");
        assert_eq!(super::px(12.34), "12.3px");
        assert_eq!(super::px(12.36), "12.4px");
        assert_eq!(super::px(-0.04), "0.0px");
        assert_eq!(super::px(-7.06), "-7.1px");
        assert_eq!(super::px(1234567.0), "1234567.0px");
    }

    #[test]
    fn lengths_out_of_range_saturate_instead_of_panicking() {
        assert_eq!(super::px(f64::NAN), "0.0px");
        assert_eq!(super::px(f64::INFINITY), "922337203685477580.7px");
        assert_eq!(super::px(f64::NEG_INFINITY), "-922337203685477580.8px");
    }

    #[test]
    fn decimals_keep_their_leading_zeros() {
        let written = |value: f64, places: u32| {
            let mut out = String::new();
            super::push_decimal(&mut out, value, places);
            out
        };
        assert_eq!(written(37.5, 3), "37.500");
        assert_eq!(written(0.0421, 3), "0.042");
        assert_eq!(written(-2.0005, 3), "-2.001");
        assert_eq!(written(99.99999, 3), "100.000");
        assert_eq!(written(f64::NAN, 3), "0.000");
    }

    #[test]
    fn style_properties_are_joined_into_one_string() {
        let mut style = String::new();
        super::push_px_property(&mut style, "top", 30.0);
        super::push_px_property(&mut style, "width", 4.25);
        assert_eq!(style, "top:30.0px;width:4.3px;");
    }
}
