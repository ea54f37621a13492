// Converts a Storyline v1 story into each peer's own data format, so the peers load the same
// events the way an article using them would (their native JSON, fetched by the page).

/** "1939", "2022-09", "2022-09-07", "2022-09-07T10:30" (a leading "-" for years BCE) → parts. */
function dateParts(text) {
  const match = /^(-?\d{1,6})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2}))?/.exec(String(text ?? ""));
  if (!match) return null;
  const [, year, month, day, hour, minute] = match;
  const parts = { year: Number(year) };
  if (month) parts.month = Number(month);
  if (day) parts.day = Number(day);
  if (hour) Object.assign(parts, { hour: Number(hour), minute: Number(minute) });
  return parts;
}

function isoDate({ year, month = 1, day = 1, hour = 0, minute = 0 }) {
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  const yearText = year < 0 ? `-${pad(-year, 6)}` : year > 9999 ? `+${pad(year, 6)}` : pad(year, 4);
  return `${yearText}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00`;
}

const escapeHtml = (text) =>
  String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** vis-timeline: a flat list of items (box for a moment, range for a span), grouped by nothing. */
export function toVis(story) {
  const items = [];
  for (const event of story.events ?? []) {
    const start = dateParts(event.start);
    if (!start) continue;
    const item = { id: event.id, content: escapeHtml(event.title), start: isoDate(start) };
    const end = dateParts(event.end);
    if (end) Object.assign(item, { end: isoDate(end), type: "range" });
    items.push(item);
  }
  return { title: story.title ?? "", items };
}

/** TimelineJS3: a title slide, then one slide per event with its text and sources as links. */
export function toTimelineJs(story) {
  const events = [];
  for (const event of story.events ?? []) {
    const start = dateParts(event.start);
    if (!start) continue;
    const links = (event.sources ?? [])
      .map((source) => `<a href="${escapeHtml(source.url)}">${escapeHtml(source.title)}, ${escapeHtml(source.publisher)}</a>`)
      .join(" · ");
    const slide = {
      unique_id: event.id,
      start_date: start,
      text: { headline: escapeHtml(event.title), text: `<p>${escapeHtml(event.text)}</p>${links ? `<p>${links}</p>` : ""}` },
    };
    const end = dateParts(event.end);
    if (end) slide.end_date = end;
    if (event.display_date) slide.display_date = escapeHtml(event.display_date);
    events.push(slide);
  }
  return { title: { text: { headline: escapeHtml(story.title), text: escapeHtml(story.description ?? "") } }, events };
}
