//! Colour contrast as WCAG 2 measures it, so the validator can warn about colours readers
//! cannot see against the timeline's background.

/// Marks and other graphics need at least this contrast against their background.
pub const MIN_GRAPHIC_CONTRAST: f64 = 3.0;

/// Reads "#rgb" or "#rrggbb" into red, green and blue.
pub fn parse_hex(color: &str) -> Option<(u8, u8, u8)> {
    let digits = color.strip_prefix('#')?;
    let channel = |text: &str| u8::from_str_radix(text, 16).ok();
    match digits.len() {
        3 => {
            let expand = |i: usize| channel(&digits.get(i..=i)?.repeat(2));
            Some((expand(0)?, expand(1)?, expand(2)?))
        }
        6 => Some((
            channel(digits.get(0..2)?)?,
            channel(digits.get(2..4)?)?,
            channel(digits.get(4..6)?)?,
        )),
        _ => None,
    }
}

fn relative_luminance((red, green, blue): (u8, u8, u8)) -> f64 {
    let linear = |channel: u8| {
        let value = f64::from(channel) / 255.0;
        if value <= 0.040_45 {
            value / 12.92
        } else {
            // exp∘ln rather than powf: libm's pow would be 2 KB of the reader for this alone.
            (((value + 0.055) / 1.055).ln() * 2.4).exp()
        }
    };
    0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
}

/// The contrast ratio between two colours, from 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (a, b) = (relative_luminance(a), relative_luminance(b));
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    (light + 0.05) / (dark + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_wcag_reference_values() {
        assert!((contrast_ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio((255, 255, 255), (255, 255, 255)) - 1.0).abs() < 1e-9);
        let grey = parse_hex("#767676").unwrap();
        assert!((contrast_ratio(grey, (255, 255, 255)) - 4.54).abs() < 0.01);
        assert_eq!(parse_hex("#fff"), Some((255, 255, 255)));
        assert_eq!(parse_hex("blue"), None);
    }

    #[test]
    fn the_story_s_colours_are_visible_on_white() {
        let story = include_str!("../../../data/albania-iran-israel.json");
        let document: serde_json::Value = serde_json::from_str(story).unwrap();
        for category in document["categories"].as_array().unwrap() {
            let color = parse_hex(category["color"].as_str().unwrap()).unwrap();
            assert!(contrast_ratio(color, (255, 255, 255)) >= 4.5, "{category}");
        }
    }
}
