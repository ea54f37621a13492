//! What an event's media is (image, video, audio, quote), read from its address, and the
//! privacy-enhanced player address of a YouTube or Vimeo video.
//!
//! Addresses come from journalists' data and imported files, so every reader here is hostile-safe:
//! it slices only at ASCII bytes, accepts only the characters a provider's ids use, and builds
//! player addresses from those ids alone (never from the rest of the input).

/// The kinds of media an event can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaKind {
    Image,
    Video,
    Audio,
    Quote,
}

impl MediaKind {
    /// Every kind as written in the data, for messages.
    pub const NAMES: &'static [&'static str] = &["image", "video", "audio", "quote"];

    /// The kind named in the data (`"video"`), or `None` for a name the format does not know.
    pub fn from_name(name: &str) -> Option<MediaKind> {
        match name {
            "image" => Some(MediaKind::Image),
            "video" => Some(MediaKind::Video),
            "audio" => Some(MediaKind::Audio),
            "quote" => Some(MediaKind::Quote),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Quote => "quote",
        }
    }

    /// The kind a bare address stands for, when the data does not say: a YouTube or Vimeo page
    /// or a video file is a video, an audio file is audio, anything else an image (as before
    /// media had kinds).
    pub fn of_address(url: &str) -> MediaKind {
        if Video::from_url(url).is_some() {
            MediaKind::Video
        } else if is_audio_file(url) {
            MediaKind::Audio
        } else {
            MediaKind::Image
        }
    }
}

/// A video a reader can play: on a provider's site, or a file the browser plays itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Video {
    YouTube {
        id: String,
        /// Where to start, in whole seconds (from `t=` or `start=`).
        start: Option<u32>,
    },
    Vimeo {
        id: String,
        /// The hash of an unlisted video (`vimeo.com/ID/HASH`).
        hash: Option<String>,
    },
    /// An `.mp4`, `.webm`, `.ogv` or `.mov` file, played by the browser's own player.
    File { url: String },
}

/// The longest address read at all; longer ones are not media addresses anyone writes.
const MAX_ADDRESS_BYTES: usize = 4096;

impl Video {
    /// The video at this address: a YouTube or Vimeo page (watch, share, embed or Shorts
    /// addresses) or a video file; `None` for anything else.
    pub fn from_url(url: &str) -> Option<Video> {
        let address = WebAddress::parse(url)?;
        let host = address.host_without_www();
        match host.as_str() {
            "youtube.com" | "m.youtube.com" | "music.youtube.com" | "youtube-nocookie.com" => {
                let id = match address.path_segments().as_slice() {
                    ["watch"] => address.query_value("v")?,
                    ["embed" | "shorts" | "live" | "v", id, ..] => id,
                    _ => return None,
                };
                youtube(id, &address)
            }
            "youtu.be" => match address.path_segments().as_slice() {
                [id, ..] => youtube(id, &address),
                _ => None,
            },
            "vimeo.com" | "player.vimeo.com" => {
                let segments = address.path_segments();
                // vimeo.com/ID, vimeo.com/ID/HASH, player.vimeo.com/video/ID,
                // vimeo.com/channels/NAME/ID, vimeo.com/groups/NAME/videos/ID.
                let position = segments.iter().position(|segment| is_vimeo_id(segment))?;
                let before_ok = matches!(
                    &segments[..position],
                    [] | ["video"] | ["channels", _] | ["groups", _, "videos"]
                );
                if !before_ok {
                    return None;
                }
                let hash = segments
                    .get(position + 1)
                    .copied()
                    .or_else(|| address.query_value("h"))
                    .filter(|hash| is_vimeo_hash(hash))
                    .map(str::to_string);
                Some(Video::Vimeo {
                    id: segments[position].to_string(),
                    hash,
                })
            }
            _ if has_extension(address.path, &["mp4", "webm", "ogv", "mov", "m4v"]) => {
                Some(Video::File {
                    url: url.trim().to_string(),
                })
            }
            _ => None,
        }
    }

    /// The provider's name as readers know it; `None` for a video file.
    pub fn provider(&self) -> Option<&'static str> {
        match self {
            Video::YouTube { .. } => Some("YouTube"),
            Video::Vimeo { .. } => Some("Vimeo"),
            Video::File { .. } => None,
        }
    }

    /// The address of the provider's privacy-enhanced player (no cookies, no tracking until the
    /// reader plays), starting at once since the reader has just pressed Play; `None` for a file.
    pub fn player_address(&self) -> Option<String> {
        match self {
            Video::YouTube { id, start } => {
                let mut address =
                    format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1&rel=0");
                if let Some(start) = start {
                    address.push_str("&start=");
                    address.push_str(&start.to_string());
                }
                Some(address)
            }
            Video::Vimeo { id, hash } => {
                let mut address = format!("https://player.vimeo.com/video/{id}?dnt=1&autoplay=1");
                if let Some(hash) = hash {
                    address.push_str("&h=");
                    address.push_str(hash);
                }
                Some(address)
            }
            Video::File { .. } => None,
        }
    }

    /// The video's page on its provider's site (a link for readers whose page blocks the
    /// player), or the file itself.
    pub fn page_address(&self) -> String {
        match self {
            Video::YouTube { id, .. } => format!("https://www.youtube.com/watch?v={id}"),
            Video::Vimeo { id, hash: None } => format!("https://vimeo.com/{id}"),
            Video::Vimeo {
                id,
                hash: Some(hash),
            } => format!("https://vimeo.com/{id}/{hash}"),
            Video::File { url } => url.clone(),
        }
    }
}

/// Whether the address names an audio file the browser can play (`.mp3`, `.m4a`, `.ogg`, …).
pub fn is_audio_file(url: &str) -> bool {
    WebAddress::parse(url).is_some_and(|address| {
        has_extension(
            address.path,
            &["mp3", "m4a", "aac", "oga", "ogg", "opus", "wav", "flac"],
        )
    })
}

/// Whether the address names an image file by its extension, as TimelineJS decides.
pub fn is_image_file(url: &str) -> bool {
    WebAddress::parse(url).is_some_and(|address| {
        has_extension(
            address.path,
            &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"],
        )
    })
}

fn youtube(id: &str, address: &WebAddress) -> Option<Video> {
    let valid = id.len() == 11
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_');
    valid.then(|| Video::YouTube {
        id: id.to_string(),
        start: address
            .query_value("t")
            .or_else(|| address.query_value("start"))
            .and_then(seconds_of),
    })
}

fn is_vimeo_id(segment: &str) -> bool {
    (1..=12).contains(&segment.len()) && segment.bytes().all(|byte| byte.is_ascii_digit())
}

fn is_vimeo_hash(segment: &str) -> bool {
    (6..=32).contains(&segment.len()) && segment.bytes().all(|byte| byte.is_ascii_hexdigit())
}

/// `90`, `90s`, `1m30s` or `1h2m3s` as seconds; `None` for anything else or past a day.
fn seconds_of(text: &str) -> Option<u32> {
    const DAY: u32 = 24 * 60 * 60;
    if !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit()) {
        return text.parse::<u32>().ok().filter(|&seconds| seconds <= DAY);
    }
    let (mut total, mut number, mut digits) = (0u32, 0u32, 0usize);
    for byte in text.bytes() {
        match byte {
            b'0'..=b'9' if digits < 5 => {
                number = number * 10 + u32::from(byte - b'0');
                digits += 1;
            }
            b'h' | b'm' | b's' if digits > 0 => {
                let unit = match byte {
                    b'h' => 3600,
                    b'm' => 60,
                    _ => 1,
                };
                total = total.checked_add(number.checked_mul(unit)?)?;
                (number, digits) = (0, 0);
            }
            _ => return None,
        }
    }
    (digits == 0 && total > 0 && total <= DAY).then_some(total)
}

fn has_extension(path: &str, extensions: &[&str]) -> bool {
    let Some((_, extension)) = path.rsplit_once('.') else {
        return false;
    };
    extensions
        .iter()
        .any(|known| extension.eq_ignore_ascii_case(known))
}

/// The parts of an `http`/`https` address that media kinds depend on. Slices only at ASCII
/// delimiters, so any text is safe to read.
struct WebAddress<'a> {
    host: &'a str,
    path: &'a str,
    query: &'a str,
}

impl<'a> WebAddress<'a> {
    fn parse(url: &'a str) -> Option<WebAddress<'a>> {
        let url = url.trim();
        if url.len() > MAX_ADDRESS_BYTES || !crate::text::is_web_url(url) {
            return None;
        }
        let rest = &url[url.find("://")? + 3..];
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (host, after) = rest.split_at(host_end);
        let after = after.split('#').next().unwrap_or("");
        let (path, query) = after.split_once('?').unwrap_or((after, ""));
        // A port does not change what the address is.
        let host = host.split(':').next().unwrap_or(host);
        Some(WebAddress { host, path, query })
    }

    fn host_without_www(&self) -> String {
        let host = self.host.to_ascii_lowercase();
        match host.strip_prefix("www.") {
            Some(rest) => rest.to_string(),
            None => host,
        }
    }

    fn path_segments(&self) -> Vec<&'a str> {
        self.path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .collect()
    }

    fn query_value(&self, name: &str) -> Option<&'a str> {
        self.query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == name).then_some(value)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn youtube_id(url: &str) -> Option<String> {
        match Video::from_url(url)? {
            Video::YouTube { id, .. } => Some(id),
            _ => None,
        }
    }

    #[test]
    fn every_way_of_writing_a_youtube_address_gives_its_id() {
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "http://m.youtube.com/watch?v=dQw4w9WgXcQ#comments",
            "https://youtu.be/dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=abc",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com:443/watch?v=dQw4w9WgXcQ",
        ] {
            assert_eq!(youtube_id(url).as_deref(), Some("dQw4w9WgXcQ"), "{url}");
        }
    }

    #[test]
    fn addresses_that_only_look_like_youtube_are_not_videos() {
        for url in [
            "https://www.youtube.com/",
            "https://www.youtube.com/watch?v=short",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22%3E",
            "https://www.youtube.com/watch?v=dQw4w9WgX\"Q",
            "https://www.youtube.com/channel/UC1234567890",
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
            "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
            "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
            "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
        ] {
            assert_eq!(Video::from_url(url), None, "{url}");
        }
    }

    #[test]
    fn the_youtube_player_is_the_privacy_enhanced_one_and_keeps_the_start_time() {
        let video = Video::from_url("https://youtu.be/dQw4w9WgXcQ?t=1m30s").unwrap();
        assert_eq!(video.provider(), Some("YouTube"));
        assert_eq!(
            video.player_address().unwrap(),
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0&start=90"
        );
        assert_eq!(
            video.page_address(),
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        );
        let plain = Video::from_url("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42").unwrap();
        assert!(plain.player_address().unwrap().ends_with("&start=42"));
        // A start time that is not one is left out, never copied into the player's address.
        let odd = Video::from_url("https://youtu.be/dQw4w9WgXcQ?t=9x%3Cscript").unwrap();
        assert!(!odd.player_address().unwrap().contains("start"));
    }

    #[test]
    fn vimeo_addresses_give_the_do_not_track_player() {
        for (url, player) in [
            (
                "https://vimeo.com/76979871",
                "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
            ),
            (
                "https://player.vimeo.com/video/76979871?h=8272103f6e",
                "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=8272103f6e",
            ),
            (
                "https://vimeo.com/76979871/8272103f6e",
                "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=8272103f6e",
            ),
            (
                "https://vimeo.com/channels/staffpicks/76979871",
                "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1",
            ),
        ] {
            let video = Video::from_url(url).unwrap_or_else(|| panic!("{url}"));
            assert_eq!(video.provider(), Some("Vimeo"));
            assert_eq!(video.player_address().as_deref(), Some(player), "{url}");
        }
        assert_eq!(Video::from_url("https://vimeo.com/about"), None);
        assert_eq!(Video::from_url("https://vimeo.com/user/76979871"), None);
    }

    #[test]
    fn kinds_follow_the_address_when_the_data_does_not_say() {
        for (url, kind) in [
            ("https://youtu.be/dQw4w9WgXcQ", MediaKind::Video),
            ("https://cdn.example/clip.MP4?x=1", MediaKind::Video),
            ("https://cdn.example/speech.mp3", MediaKind::Audio),
            ("https://cdn.example/photo.jpg", MediaKind::Image),
            ("https://cdn.example/photo", MediaKind::Image),
        ] {
            assert_eq!(MediaKind::of_address(url), kind, "{url}");
        }
        assert!(is_image_file("https://cdn.example/a.webp#x"));
        assert!(!is_image_file("https://cdn.example/page.html"));
        assert!(matches!(
            Video::from_url("https://cdn.example/clip.webm"),
            Some(Video::File { .. })
        ));
        assert_eq!(
            Video::from_url("https://cdn.example/clip.webm")
                .unwrap()
                .provider(),
            None
        );
    }

    #[test]
    fn start_times() {
        assert_eq!(seconds_of("90"), Some(90));
        assert_eq!(seconds_of("1h2m3s"), Some(3723));
        assert_eq!(seconds_of("2m"), Some(120));
        assert_eq!(seconds_of(""), None);
        assert_eq!(seconds_of("m"), None);
        assert_eq!(seconds_of("12"), Some(12));
        assert_eq!(seconds_of("99999999999"), None);
        assert_eq!(seconds_of("1d"), None);
    }

    #[test]
    fn hostile_text_is_read_without_panicking() {
        let pieces = [
            "https://",
            "youtu.be/",
            "www.youtube.com/watch?v=",
            "vimeo.com/",
            "é",
            "日本",
            "/",
            "?",
            "&",
            "=",
            "#",
            ":",
            ".mp4",
            "\u{202e}",
            "t=",
            "1m",
            "h=",
            "abcdef12",
            "%",
        ];
        let mut state = 7u64;
        for _ in 0..20_000 {
            let mut url = String::new();
            for _ in 0..(state % 9) {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                url.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            if let Some(video) = Video::from_url(&url) {
                let player = video.player_address().unwrap_or_default();
                assert!(
                    player.is_ascii() && !player.contains(['"', '<', '>', ' ']),
                    "{player}"
                );
            }
            let _ = MediaKind::of_address(&url);
        }
    }
}
