// Writes deterministic benchmark stories: N events between 1900 and 2025, 15% of them ranges,
// in five categories, with importance, text and a source each, in the Storyline v1 format. With
// `sources: false` the same events come without sources (each one a warning: the warnings path).
// Usage: node scripts/bench/generate.mjs N OUT.json [SEED] [--no-sources]
import { writeFileSync } from "node:fs";

export function generate(count, seed = 1, { sources = true } = {}) {
  let state = BigInt(seed);
  const random = () => {
    // A 64-bit linear congruential generator: the same numbers on every machine.
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number(state >> 11n) / 2 ** 53;
  };
  const pad = (n) => String(n).padStart(2, "0");
  const colors = ["#7c3aed", "#1d4ed8", "#047857", "#b45309", "#be123c"];
  const categories = colors.map((color, i) => ({ id: `topic-${i + 1}`, label: `Topic ${i + 1}`, color }));
  const words = ["council", "vote", "court", "ruling", "election", "storm", "treaty", "report", "strike", "budget"];
  const events = [];
  for (let i = 0; i < count; i++) {
    const year = 1900 + Math.floor(random() * 125);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const event = {
      id: `event-${i + 1}`,
      start: `${year}-${pad(month)}-${pad(day)}`,
      title: `${words[i % words.length]} ${i + 1}: ${words[Math.floor(random() * words.length)]} in ${year}`,
      text: "A generated event for benchmarks.",
      categories: [categories[Math.floor(random() * 5)].id],
      sources: [{ title: "Archive", publisher: "Benchmark", url: `https://example.org/${i + 1}` }],
      importance: 1 + Math.floor(random() * 5),
    };
    // Drawn from the sequence either way, so both variants have the same dates and titles.
    if (!sources) delete event.sources;
    if (random() < 0.15) {
      const length = Math.floor(random() * 3 * 365);
      const end = new Date(Date.UTC(year, month - 1, day + length));
      event.end = `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`;
    }
    events.push(event);
  }
  return { version: 1, title: `Benchmark: ${count} events`, language: "en", categories, events };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, out, seed, flag] = process.argv.slice(2);
  const sources = flag !== "--no-sources";
  writeFileSync(out, JSON.stringify(generate(Number(count), Number(seed ?? 1), { sources })));
}
