//! Times parsing a story file natively: `cargo run --release --example parse_timing FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    let start = std::time::Instant::now();
    let outcome = storyline_core::parse::parse_timeline(&text);
    let parsed = start.elapsed();
    let timeline = outcome.timeline.expect("valid");
    println!("{} events parsed in {parsed:?}", timeline.events.len());
}
