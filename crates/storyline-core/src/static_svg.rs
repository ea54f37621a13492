//! The timeline as a picture: an SVG of the first view (or a window) for print, social cards and
//! editors who touch it up in a drawing program (`storyline render --format svg`).
//!
//! Drawn from the same core as the component, so the picture matches the screen: the story's
//! breaks, the fitted window, the ticks, and the scene's lanes, labels and clusters at the
//! picture's width. A language that reads right to left mirrors the picture as it mirrors the
//! component: time runs leftwards, text keeps to the right. Text stays text (fonts named with safe
//! fallbacks), every value is escaped, and the same input gives the same bytes.

use crate::breaks::{BreakRule, Breaks};
use crate::date::Seconds;
use crate::i18n::{fill, Language};
use crate::model::{CategoryFilter, Timeline};
use crate::scale::TimeScale;
use crate::scene::{compose, short_count, SceneMark, SceneOptions};
use crate::static_html::push_escaped;
use crate::ticks::{generate_ticks, TickUnit};
use crate::viewport::Viewport;
use crate::words::{DateWords, WrittenDates};

/// The picture's size, colours and words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PictureOptions {
    pub width: u32,
    pub height: u32,
    pub dark: bool,
    pub language: Language,
    /// The window shown, in time; the whole story (fitted, as the component opens) without one.
    pub window: Option<(Seconds, Seconds)>,
}

/// The fonts asked for: common sans-serifs, then the generic family.
const FONTS: &str = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";
const PADDING: f64 = 24.0;
const ROW_HEIGHT: f64 = 30.0;
/// Widths of one character at the picture's label, tick and title sizes (conservative, as the
/// component's are: a label is cut to its room rather than run over another).
const LABEL_CHAR: f64 = 7.0;
const TICK_CHAR: f64 = 7.5;
const TITLE_CHAR: f64 = 13.0;
const TEXT_CHAR: f64 = 7.5;

struct Palette {
    background: &'static str,
    text: &'static str,
    muted: &'static str,
    grid: &'static str,
    band: &'static str,
}

const LIGHT: Palette = Palette {
    background: "#ffffff",
    text: "#1b1b1f",
    muted: "#5a5a66",
    grid: "#e3e1e8",
    band: "#f1f0f4",
};
const DARK: Palette = Palette {
    background: "#15151a",
    text: "#ececf1",
    muted: "#a8a8b6",
    grid: "#2c2c35",
    band: "#1f1f26",
};

/// A number as SVG writes it, to a tenth.
fn number(value: f64) -> String {
    let tenths = (value * 10.0).round();
    if tenths.is_finite() && (tenths / 10.0).fract() == 0.0 {
        format!("{}", (tenths / 10.0) as i64)
    } else if tenths.is_finite() {
        format!("{:.1}", tenths / 10.0)
    } else {
        "0".to_string()
    }
}

/// Text cut to `room` pixels at `char_width` per character, ending in an ellipsis when cut.
fn fitted(text: &str, room: f64, char_width: f64) -> String {
    let most = (room / char_width).floor().max(0.0) as usize;
    if text.chars().count() <= most {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(most.saturating_sub(1)).collect();
    cut.push('\u{2026}');
    cut
}

/// Which way the picture reads. Positions are worked out left to right, as the layout's are, and
/// mirrored on the way out for a language that reads right to left.
#[derive(Clone, Copy)]
struct Sides {
    right_to_left: bool,
    width: f64,
}

impl Sides {
    /// A horizontal position, worked out left to right, as drawn.
    fn x(self, x: f64) -> f64 {
        if self.right_to_left {
            self.width - x
        } else {
            x
        }
    }

    /// A box from `left` to `right` (worked out left to right) as drawn: its left edge and width.
    fn span(self, left: f64, right: f64) -> (f64, f64) {
        let (a, b) = (self.x(left), self.x(right));
        (a.min(b), (b - a).abs())
    }

    /// `<text>` at `x` (worked out left to right): the text begins there when `begins` (its start
    /// edge, in the picture's direction), or ends there. See [`isolated`] for its direction.
    fn text(self, out: &mut String, x: f64, y: f64, attributes: &str, words: &str, begins: bool) {
        let mut attributes = attributes.to_string();
        if begins == self.right_to_left {
            attributes.push_str(" text-anchor=\"end\"");
        }
        push_text(
            out,
            self.x(x),
            y,
            &attributes,
            &isolated(words, self.right_to_left),
        );
    }

    /// A line of journalist text (a title, a description) kept to the side it begins on, as the
    /// component's `dir="auto"` blocks are: an English title in a Hebrew picture keeps to the
    /// left.
    fn line(self, out: &mut String, y: f64, attributes: &str, words: &str) {
        let reads_right_to_left =
            crate::text::reads_right_to_left(words).unwrap_or(self.right_to_left);
        let (x, attributes) = if reads_right_to_left {
            (
                self.width - PADDING,
                format!("{attributes} text-anchor=\"end\""),
            )
        } else {
            (PADDING, attributes.to_string())
        };
        push_text(out, x, y, &attributes, &isolated(words, self.right_to_left));
    }
}

/// Text as SVG should lay it out: renderers read every `<text>` left to right (resvg ignores the
/// `direction` property), so text whose first letter reads right to left, or that has no letter in
/// a picture that reads right to left ("2022–2023"), is embedded right to left (RLE … PDF), which
/// keeps its ellipsis, digits, punctuation and any English inside it where a right-to-left reader
/// expects them, as the component's `dir` does.
fn isolated(words: &str, picture_right_to_left: bool) -> String {
    if crate::text::reads_right_to_left(words).unwrap_or(picture_right_to_left) {
        format!("\u{202B}{words}\u{202C}")
    } else {
        words.to_string()
    }
}

/// `<text …>words</text>`.
fn push_text(out: &mut String, x: f64, y: f64, attributes: &str, words: &str) {
    out.push_str("<text x=\"");
    out.push_str(&number(x));
    out.push_str("\" y=\"");
    out.push_str(&number(y));
    out.push('"');
    if !attributes.is_empty() {
        out.push(' ');
        out.push_str(attributes);
    }
    out.push('>');
    push_escaped(out, words);
    out.push_str("</text>");
}

/// The story's picture as an SVG document.
pub fn story_svg(timeline: &Timeline, options: &PictureOptions) -> String {
    let palette = if options.dark { &DARK } else { &LIGHT };
    let words = options.language.words();
    let dates = WrittenDates(options.language);
    let (width, height) = (f64::from(options.width), f64::from(options.height));
    let inner = (width - 2.0 * PADDING).max(1.0);
    let sides = Sides {
        right_to_left: options.language.is_right_to_left(),
        width,
    };
    let mut out = String::with_capacity(16_384);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    out.push_str(&options.width.to_string());
    out.push_str("\" height=\"");
    out.push_str(&options.height.to_string());
    out.push_str("\" viewBox=\"0 0 ");
    out.push_str(&options.width.to_string());
    out.push(' ');
    out.push_str(&options.height.to_string());
    // Its text anchors are worked out for text that reads left to right with right-to-left runs
    // embedded; pasted into a right-to-left page, it must not inherit that page's direction.
    out.push_str("\" direction=\"ltr\" font-family=\"");
    out.push_str(FONTS);
    out.push_str("\" role=\"img\" aria-labelledby=\"storyline-svg-title\">");
    out.push_str("<title id=\"storyline-svg-title\">");
    push_escaped(&mut out, &timeline.title);
    out.push_str("</title>");
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"");
    out.push_str(palette.background);
    out.push_str("\"/>");

    // The title, the description and the legend.
    let fill_text = format!("fill=\"{}\"", palette.text);
    let fill_muted = format!("fill=\"{}\"", palette.muted);
    sides.line(
        &mut out,
        PADDING + 22.0,
        &format!("{fill_text} font-size=\"24\" font-weight=\"700\""),
        &fitted(&timeline.title, inner, TITLE_CHAR),
    );
    let mut top = PADDING + 34.0;
    if let Some(description) = &timeline.description {
        sides.line(
            &mut out,
            top + 16.0,
            &format!("{fill_muted} font-size=\"14\""),
            &fitted(description, inner, TEXT_CHAR),
        );
        top += 26.0;
    }
    let counts = timeline.category_counts();
    let mut x = PADDING;
    for (category, count) in timeline.categories.iter().zip(&counts) {
        // The label and its count are two texts, so the count follows the label in the
        // picture's direction whichever way the label reads.
        let label_room = category.label.chars().count() as f64 * TEXT_CHAR;
        let count = options.language.number(*count);
        let room = 18.0 + label_room + 6.0 + count.len() as f64 * TEXT_CHAR + 16.0;
        // The legend wraps, as the component's does.
        if x + room > width - PADDING && x > PADDING {
            x = PADDING;
            top += 22.0;
        }
        out.push_str("<circle cx=\"");
        out.push_str(&number(sides.x(x + 6.0)));
        out.push_str("\" cy=\"");
        out.push_str(&number(top + 18.0));
        out.push_str("\" r=\"6\" fill=\"");
        push_escaped(&mut out, &category.color);
        out.push_str("\"/>");
        sides.text(
            &mut out,
            x + 18.0,
            top + 23.0,
            &format!("{fill_text} font-size=\"13\""),
            &category.label,
            true,
        );
        sides.text(
            &mut out,
            x + 18.0 + label_room + 6.0,
            top + 23.0,
            &format!("{fill_muted} font-size=\"13\""),
            &count,
            true,
        );
        x += room;
    }
    top += 36.0;

    // The time area: the window, as the component opens it (or as asked), on the story's axis.
    let breaks = if timeline.breaks {
        BreakRule::STANDARD.breaks(timeline.spans())
    } else {
        Breaks::none()
    };
    let (first, last) = options
        .window
        .or_else(|| timeline.extent())
        .unwrap_or((0.0, 1.0));
    let window = if options.window.is_some() {
        Viewport::new(breaks.to_axis(first), breaks.to_axis(last))
    } else {
        Viewport::fit(breaks.to_axis(first), breaks.to_axis(last), 0.04)
    };
    let scale = TimeScale::with_breaks(window.start, window.end, inner, breaks);
    let ticks = generate_ticks(&scale, &dates, TICK_CHAR);
    let footer = 28.0;
    let area_bottom = height - PADDING - footer;
    // Where a point of the time area goes, worked out left to right (mirrored by `sides`).
    let at = |x: f64| PADDING + x;

    out.push_str("<g>");
    for mark in &ticks.breaks {
        let (left, band) = sides.span(at(mark.left), at(mark.right.max(mark.left)));
        out.push_str("<rect x=\"");
        out.push_str(&number(left));
        out.push_str("\" y=\"");
        out.push_str(&number(top));
        out.push_str("\" width=\"");
        out.push_str(&number(band));
        out.push_str("\" height=\"");
        out.push_str(&number((area_bottom - top).max(0.0)));
        out.push_str("\" fill=\"");
        out.push_str(palette.band);
        out.push_str("\"/>");
        let centre = sides.x(at((mark.left + mark.right) / 2.0));
        out.push_str("<path d=\"M");
        out.push_str(&number(centre - 2.0));
        out.push(' ');
        out.push_str(&number(top + 22.0));
        for _ in 0..2 {
            out.push_str(" l4 5l-4 5");
        }
        out.push_str("\" fill=\"none\" stroke=\"");
        out.push_str(palette.muted);
        out.push_str("\" stroke-width=\"1.5\"/>");
        let word = match mark.unit {
            TickUnit::Year => words.gap_years,
            TickUnit::Month => words.gap_months,
            _ => words.gap_days,
        };
        let length = fill(
            word,
            &[("count", &options.language.number(mark.count as usize))],
        );
        if (length.chars().count() as f64) * 6.5 + 4.0 <= mark.right - mark.left {
            push_text(
                &mut out,
                centre,
                top + 52.0,
                &format!(
                    "{fill_muted} font-size=\"11\" font-style=\"italic\" text-anchor=\"middle\""
                ),
                &isolated(&length, sides.right_to_left),
            );
        }
    }
    for (row, labels, y, weight) in [
        (&ticks.major, true, top + 14.0, " font-weight=\"700\""),
        (&ticks.minor, false, top + 36.0, ""),
    ] {
        for tick in row {
            let label = if labels {
                ticks.major_label(tick, &dates)
            } else {
                ticks.minor_label(tick, &dates)
            };
            if tick.x < -1.0 || tick.x + label.chars().count() as f64 * TICK_CHAR > inner {
                continue;
            }
            out.push_str("<line x1=\"");
            out.push_str(&number(sides.x(at(tick.x))));
            out.push_str("\" x2=\"");
            out.push_str(&number(sides.x(at(tick.x))));
            out.push_str("\" y1=\"");
            out.push_str(&number(y - 12.0));
            out.push_str("\" y2=\"");
            out.push_str(&number(area_bottom));
            out.push_str("\" stroke=\"");
            out.push_str(if labels { palette.muted } else { palette.grid });
            out.push_str("\" stroke-width=\"1\"/>");
            sides.text(
                &mut out,
                at(tick.x) + 3.0,
                y,
                &format!(
                    "{} font-size=\"12\"{weight}",
                    if labels { &fill_text } else { &fill_muted }
                ),
                &label,
                true,
            );
        }
    }
    out.push_str("</g>");

    // The scene: the component's lanes, labels and clusters at this width.
    let scene_options = SceneOptions {
        label_char_width: LABEL_CHAR,
        cluster_word_chars: fill(words.cluster_label, &[("count", "")]).chars().count(),
        right_to_left: sides.right_to_left,
        ..SceneOptions::STANDARD
    };
    let filter = CategoryFilter::all(timeline.categories.len());
    let scene = compose(timeline, &scale, &filter, &[], &scene_options);
    let lanes_top = top + 58.0;
    out.push_str("<g font-size=\"13\">");
    for item in &scene.items {
        let placement = &item.placement;
        let y = lanes_top + placement.lane as f64 * ROW_HEIGHT + ROW_HEIGHT / 2.0;
        if y > area_bottom {
            continue;
        }
        match &item.mark {
            SceneMark::Event(index) => {
                let event = &timeline.events[*index];
                // The whole title and date go with the mark, even where the label is cut.
                out.push_str("<g><title>");
                push_escaped(&mut out, &event.title);
                out.push_str(", ");
                push_escaped(&mut out, &dates.event_date(event));
                out.push_str("</title>");
                let color = event.categories.first().map_or(palette.muted, |&category| {
                    timeline.categories[category].color.as_str()
                });
                let (left, mark_width) =
                    sides.span(at(placement.mark_start), at(placement.mark_end));
                let right = left + mark_width;
                let point = placement.point;
                if point {
                    out.push_str("<circle cx=\"");
                    out.push_str(&number((left + right) / 2.0));
                    out.push_str("\" cy=\"");
                    out.push_str(&number(y));
                    out.push_str("\" r=\"6\" fill=\"");
                } else {
                    out.push_str("<rect x=\"");
                    out.push_str(&number(left));
                    out.push_str("\" y=\"");
                    out.push_str(&number(y + 4.0));
                    out.push_str("\" width=\"");
                    out.push_str(&number(right - left));
                    out.push_str("\" height=\"6\" rx=\"3\" fill=\"");
                }
                push_escaped(&mut out, color);
                out.push_str("\"/>");
                if placement.show_label {
                    let label_y = if point { y + 4.5 } else { y - 1.0 };
                    // Cut at its logical end, and kept to the edge of its room beside its mark
                    // (`Sides::text` holds a right-to-left title between right-to-left marks).
                    let words = fitted(&event.title, placement.label_width - 8.0, LABEL_CHAR);
                    let (x, begins) = if placement.label_from_end {
                        (at(placement.label_x + placement.label_width), false)
                    } else {
                        (at(placement.label_x), true)
                    };
                    sides.text(&mut out, x, label_y, &fill_text, &words, begins);
                }
                out.push_str("</g>");
            }
            SceneMark::Cluster(cluster) => {
                // A badge is at least 16 px wide, grown from its start in the picture's
                // direction.
                let start = at(placement.mark_start);
                let end = at(placement.mark_end).max(start + 16.0);
                let (left, badge_width) = sides.span(start, end);
                out.push_str("<rect x=\"");
                out.push_str(&number(left));
                out.push_str("\" y=\"");
                out.push_str(&number(y - 8.0));
                out.push_str("\" width=\"");
                out.push_str(&number(badge_width));
                out.push_str("\" height=\"16\" rx=\"8\" fill=\"");
                out.push_str(palette.muted);
                out.push_str("\"/>");
                push_text(
                    &mut out,
                    left + badge_width / 2.0,
                    y + 4.0,
                    &format!(
                        "fill=\"{}\" font-size=\"11\" font-weight=\"700\" text-anchor=\"middle\"",
                        palette.background
                    ),
                    &options.language.digits(short_count(cluster.count)),
                );
            }
        }
    }
    out.push_str("</g>");

    // The source line: who reported what the story tells.
    let mut publishers: Vec<&str> = Vec::new();
    for source in timeline.events.iter().flat_map(|event| &event.sources) {
        let name = source.publisher.as_deref().unwrap_or(source.title.as_str());
        if !publishers.contains(&name) {
            publishers.push(name);
        }
    }
    if !publishers.is_empty() {
        let line = format!("{}: {}", words.sources, publishers.join(", "));
        sides.text(
            &mut out,
            PADDING,
            height - PADDING,
            &format!("{fill_muted} font-size=\"12\""),
            &fitted(&line, inner, 7.0),
            true,
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Story;

    const DEMO: &str = include_str!("../../../data/albania-iran-israel.json");

    fn options() -> PictureOptions {
        PictureOptions {
            width: 1_200,
            height: 630,
            dark: false,
            language: Language::English,
            window: None,
        }
    }

    /// Checks that `svg` is well-formed XML: tags nest and close, attribute values are quoted,
    /// text holds no raw `<` and every `&` starts an entity. Returns the text content.
    fn well_formed(svg: &str) -> String {
        let mut open: Vec<String> = Vec::new();
        let mut text = String::new();
        let mut rest = svg.trim_end();
        while let Some(start) = rest.find('<') {
            let before = &rest[..start];
            for (at, _) in before.match_indices('&') {
                let entity = &before[at..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                        .iter()
                        .any(|e| entity.starts_with(e)),
                    "a bare & in {before:?}"
                );
            }
            text.push_str(before);
            text.push(' ');
            let end = rest[start..].find('>').expect("a tag closes") + start;
            let tag = &rest[start + 1..end];
            assert_eq!(tag.matches('"').count() % 2, 0, "quotes in <{tag}>");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop().as_deref(), Some(name), "</{name}> closes");
            } else if !tag.ends_with('/') {
                let name: String = tag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                open.push(name);
            }
            rest = &rest[end + 1..];
        }
        assert!(open.is_empty(), "unclosed: {open:?}");
        assert!(rest.is_empty(), "text after the root: {rest:?}");
        text
    }

    #[test]
    fn a_right_to_left_story_is_mirrored() {
        crate::i18n::load_every_language();
        let story = Story::read(DEMO).story.unwrap();
        let mark_x = |svg: &str, title: &str| -> f64 {
            let group = &svg[svg.find(&format!("<g><title>{title}")).unwrap()..];
            let mark = &group[group.find("<circle cx=\"").unwrap() + 12..];
            mark[..mark.find('"').unwrap()].parse().unwrap()
        };
        let english = story_svg(&story, &options());
        let hebrew = story_svg(
            &story,
            &PictureOptions {
                language: Language::Hebrew,
                ..options()
            },
        );
        well_formed(&hebrew);
        let (nato, break_with_iran) = ("Albania joins NATO", "Albania severs diplomatic ties");
        assert!(mark_x(&english, nato) < mark_x(&english, break_with_iran));
        assert!(mark_x(&hebrew, nato) > mark_x(&hebrew, break_with_iran));
        // The sources line reads right to left, embedded so, from the right edge. A title keeps
        // to the side it begins on, as the component's does: an English one to the left...
        assert!(hebrew.contains("text-anchor=\"end\">\u{202B}מקורות: "));
        let title = "fill=\"#1b1b1f\" font-size=\"24\" font-weight=\"700\"";
        assert!(hebrew.contains(&format!("<text x=\"24\" y=\"46\" {title}>Albania, Iran")));
        // ...and a Hebrew one to the right, embedded right to left.
        let mut data: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        data["title"] = "אלבניה, איראן וישראל".into();
        let hebrew_title = Story::read(&data.to_string()).story.unwrap();
        let picture = story_svg(
            &hebrew_title,
            &PictureOptions {
                language: Language::Hebrew,
                ..options()
            },
        );
        assert!(picture.contains(&format!(
            "<text x=\"1176\" y=\"46\" {title} text-anchor=\"end\">\u{202B}אלבניה"
        )));
        // English labels in the mirrored picture begin just right of their point marks.
        let group = &hebrew[hebrew.find(&format!("<g><title>{nato}")).unwrap()..];
        let label = &group[group.find("<text x=\"").unwrap() + 9..];
        let label_x: f64 = label[..label.find('"').unwrap()].parse().unwrap();
        assert!(
            (label_x - (mark_x(&hebrew, nato) + 7.0 + 4.0)).abs() < 0.2,
            "{group}"
        );
        assert!(!label[..label.find('>').unwrap()].contains("text-anchor"));
    }

    #[test]
    fn a_label_begins_beside_its_mark_in_its_own_direction() {
        let story = Story::read(include_str!(
            "../../../tests/e2e/fixtures/mixed-directions.json"
        ))
        .story
        .unwrap();
        let svg = story_svg(&story, &options());
        well_formed(&svg);
        let mut seen = [0; 2];
        // Each event is a `<g>` with its title, its mark and (when shown) its label.
        for group in svg.split("<g><title>").skip(1) {
            let group = &group[..group.find("</g>").unwrap()];
            let Some(label) = group.find("<text x=\"") else {
                continue;
            };
            let number_after = |text: &str, key: &str| -> f64 {
                let from = text.find(key).unwrap() + key.len();
                let to = from + text[from..].find('"').unwrap();
                text[from..to].parse().unwrap()
            };
            // The mark's extent: a point is drawn 14 px wide, a range as its bar.
            let (left, right) = if let Some(circle) = group.find("<circle cx=\"") {
                let centre = number_after(&group[circle..], "cx=\"");
                (centre - 7.0, centre + 7.0)
            } else {
                let bar = &group[group.find("<rect x=\"").unwrap()..];
                let left = number_after(bar, "x=\"");
                (left, left + number_after(bar, "width=\""))
            };
            let point = group.contains("<circle");
            let text = &group[label..];
            let x = number_after(text, "x=\"");
            let words = &text[text.find('>').unwrap() + 1..text.find("</text>").unwrap()];
            let reads_right_to_left = crate::text::reads_right_to_left(words).unwrap();
            let ends_at_mark = text[..text.find('>').unwrap()].contains("text-anchor=\"end\"");
            // Where its first letter should stand: beside a point, inside the end of a range
            // its reading begins from (4 px from the edge).
            let beside = match (reads_right_to_left, point) {
                (true, true) => left - 4.0,
                (true, false) => right - 4.0,
                (false, true) => right + 4.0,
                (false, false) => left + 4.0,
            };
            assert_eq!(ends_at_mark, reads_right_to_left, "{words}");
            assert!((x - beside).abs() < 0.2, "{words} at {x}, not {beside}");
            assert_eq!(
                words.starts_with('\u{202B}') && words.ends_with('\u{202C}'),
                reads_right_to_left
            );
            seen[usize::from(reads_right_to_left)] += 1;
        }
        assert!(
            seen[0] >= 2 && seen[1] >= 2,
            "both directions drawn: {seen:?}"
        );
        // A Hebrew category's count follows it in the picture's direction: a text of its own.
        assert!(svg.contains(
            "font-size=\"13\">\u{202B}דיפלומטיה\u{202C}</text><text x=\"200.5\" y=\"107\" fill=\"#5a5a66\" font-size=\"13\">5</text>"
        ), "{svg}");
    }

    #[test]
    fn the_picture_is_well_formed_svg_that_names_the_key_events_and_the_title() {
        let story = Story::read(DEMO).story.unwrap();
        let svg = story_svg(&story, &options());
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\""
        ));
        let text = well_formed(&svg);
        for key in [
            "Albania joins NATO, 1 April 2009",
            "Cyberattack shuts down Albanian government services, 15 July 2022",
            "Albania severs diplomatic ties with Iran, 7 September 2022",
            "Albanian Prime Minister Rama visits Israel, 23–25 October 2022",
        ] {
            assert!(text.contains(key), "{key} in {text}");
        }
        assert!(text.contains("Albania, Iran and Israel"));
        assert!(
            text.contains("2022") && text.contains("2009"),
            "the axis names the stretches"
        );
        assert!(text.contains("44 yrs"), "a break says how long it is");
        assert!(text.contains("Sources: The Times of Israel"));
        assert!(svg.contains("font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\""));
        // Deterministic, and another size or theme is another picture.
        assert_eq!(story_svg(&story, &options()), svg);
        let card = story_svg(
            &story,
            &PictureOptions {
                width: 390,
                height: 844,
                dark: true,
                ..options()
            },
        );
        well_formed(&card);
        assert!(card.contains("#15151a") && !svg.contains("#15151a"));
    }

    #[test]
    fn hostile_and_multi_byte_text_is_escaped_and_cut_on_character_boundaries() {
        let attack = "<script>&\"'\u{1}ש🙂";
        let json = serde_json::json!({
            "version": 1, "title": attack.repeat(40), "description": attack,
            "categories": [{"id": "c", "label": attack, "color": "#1d4ed8"}],
            "events": [{"id": "e", "start": "2022-07-15", "title": "ש🙂".repeat(80),
                "categories": ["c"],
                "sources": [{"title": "t", "publisher": attack, "url": "https://example.org/"}]}]
        })
        .to_string();
        let story = Story::read(&json).story.expect("valid");
        for width in [240, 390, 1_200] {
            let svg = story_svg(&story, &PictureOptions { width, ..options() });
            let text = well_formed(&svg);
            assert!(!svg.contains("<script"));
            assert!(!svg.contains('\u{1}'));
            assert!(
                text.contains('\u{2026}'),
                "long text is cut with an ellipsis"
            );
        }
    }
}
