//! The report as one self-contained HTML page: inline CSS and SVG charts,
//! no scripts, no external assets, so it opens from an email attachment
//! offline and looks the same everywhere.

use std::fmt::Write as _;

use super::{Report, Usage};

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;\
padding:0 1rem;color:#1d2430}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;\
border-bottom:1px solid #ccd}table{border-collapse:collapse;width:100%}td,th{text-align:left;\
padding:.2rem .5rem;border-bottom:1px solid #eee;vertical-align:top}td.n{text-align:right}\
.overdue{color:#a11}td.d{white-space:nowrap}a{color:#1f4f86}.muted{color:#667}svg text{font:11px system-ui,sans-serif;fill:#1d2430}";

/// Escape text for HTML element content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `title` linked to `url` (catalog URLs are checked https links), or
/// plain when there is no URL.
fn linked(title: &str, url: &str) -> String {
    if url.is_empty() {
        esc(title)
    } else {
        format!("<a href=\"{}\">{}</a>", esc(url), esc(title))
    }
}

/// Render `report` as a complete HTML document.
pub fn render_html(report: &Report) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>Signpost report {d}</title><style>{STYLE}</style></head><body>\
         <h1>Signpost report for {d}</h1>",
        d = esc(&report.generated_on)
    );
    reviews(&mut o, report);
    links(&mut o, report);
    match &report.usage {
        Some(u) => usage(&mut o, u, report.window_days),
        None => o.push_str(
            "<section id=\"feedback\"><h2>Feedback</h2><p class=\"muted\">No usage database \
             yet: the bot has not run here.</p></section><section id=\"gaps\"><h2>Gaps</h2>\
             <p class=\"muted\">No usage database yet.</p></section>",
        ),
    }
    coverage(&mut o, report);
    o.push_str("</body></html>\n");
    o
}

/// A horizontal bar chart: one labelled bar per (label, value).
fn bars(title: &str, rows: &[(String, usize)]) -> String {
    let most = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let height = 20 * rows.len() + 4;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" width=\"640\" height=\"{height}\" \
         viewBox=\"0 0 640 {height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(title)
    );
    for (i, (label, n)) in rows.iter().enumerate() {
        let y = 20 * i + 2;
        let w = (n * 420).div_ceil(most);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{ty}\">{l}</text><rect x=\"170\" y=\"{y}\" width=\"{w}\" \
             height=\"15\" fill=\"#3b6ea8\"><title>{l}: {n}</title></rect>\
             <text x=\"{tx}\" y=\"{ty}\">{n}</text>",
            ty = y + 12,
            tx = 176 + w,
            l = esc(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn reviews(o: &mut String, r: &Report) {
    let months: Vec<(String, usize)> = r
        .calendar
        .iter()
        .map(|m| (m.month.clone(), m.count))
        .collect();
    let _ = write!(
        o,
        "<section id=\"reviews\"><h2>Reviews falling due</h2>\
         <p>Per month; the first month also holds overdue reviews.</p>{}\
         <h3>Due within {} days or overdue: {}</h3>",
        bars("Reviews falling due per month", &months),
        r.due_within_days,
        r.reviews.len()
    );
    if !r.reviews.is_empty() {
        o.push_str(
            "<table><tr><th>Review by</th><th>Resource</th><th>Reviewer</th><th>Where</th></tr>",
        );
        for d in &r.reviews {
            let class = if d.overdue { " class=\"overdue\"" } else { "" };
            let _ = write!(
                o,
                "<tr{class}><td class=\"d\">{}{}</td><td>{}<br><span class=\"muted\">{}</span></td>\
                 <td>{}</td><td>{}:{}</td></tr>",
                esc(&d.review_by),
                if d.overdue { " (overdue)" } else { "" },
                linked(&d.title, &d.url),
                esc(&d.id),
                esc(&d.reviewer),
                esc(&d.file),
                d.line
            );
        }
        o.push_str("</table>");
    }
    o.push_str("</section>");
}

fn links(o: &mut String, r: &Report) {
    o.push_str("<section id=\"links\"><h2>Link health</h2>");
    let l = &r.links;
    if !l.checked {
        o.push_str(
            "<p class=\"muted\">Never checked: run <code>signpost links</code>.</p></section>",
        );
        return;
    }
    let _ = write!(
        o,
        "<p>{} URL(s) checked; {} failing or moved.</p>",
        l.urls_checked,
        l.failing.len()
    );
    if !l.failing.is_empty() {
        o.push_str("<table><tr><th>Resource</th><th>What was found</th><th>Where</th></tr>");
        for f in &l.failing {
            let _ = write!(
                o,
                "<tr><td>{}<br><span class=\"muted\">{}</span></td><td>{}</td><td>{}:{}</td></tr>",
                esc(&f.id),
                linked(&f.url, &f.url),
                esc(&f.message),
                esc(&f.file),
                f.line
            );
        }
        o.push_str("</table>");
    }
    o.push_str("</section>");
}

fn usage(o: &mut String, u: &Usage, days: u16) {
    let _ = write!(
        o,
        "<section id=\"feedback\"><h2>Feedback per resource, last {days} days</h2>"
    );
    if u.feedback.is_empty() {
        o.push_str("<p class=\"muted\">No feedback yet.</p>");
    } else {
        o.push_str("<table><tr><th>Resource</th><th>Not helpful</th><th>Helpful</th><th>Broken link</th></tr>");
        for f in &u.feedback {
            let _ = write!(
                o,
                "<tr><td>{}<br><span class=\"muted\">{}</span></td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                linked(&f.title, &f.url),
                esc(&f.id),
                f.not_helpful,
                f.helpful,
                f.broken
            );
        }
        o.push_str("</table>");
    }
    o.push_str("</section>");
    gaps(o, u, days);
}

fn gaps(o: &mut String, u: &Usage, days: u16) {
    let t = u.threshold;
    let _ = write!(
        o,
        "<section id=\"gaps\"><h2>Gaps, last {days} days</h2><p>Questions with no vetted \
         answer or only a weak one, by region and catalog topic. A topic is listed once it \
         reaches {} asks from {} servers; {} ask(s) on {} topic(s) under that are not listed.</p>",
        t.asks, t.servers, u.gaps.hidden_asks, u.gaps.hidden_topics
    );
    let rows: Vec<(String, usize)> = u
        .gaps
        .shown
        .iter()
        .map(|g| {
            let topic = if g.topic.is_empty() {
                "(none named)"
            } else {
                &g.topic
            };
            (format!("{} · {topic}", g.region), g.asks() as usize)
        })
        .collect();
    if rows.is_empty() {
        o.push_str("<p class=\"muted\">No topic over the threshold.</p>");
    } else {
        o.push_str(&bars("Asks per gap topic", &rows));
    }
    o.push_str("</section>");
}

fn coverage(o: &mut String, r: &Report) {
    let rows: Vec<(String, usize)> = r
        .coverage
        .iter()
        .map(|c| (c.region.clone(), c.local))
        .collect();
    let _ = write!(
        o,
        "<section id=\"coverage\"><h2>Coverage per region</h2><p>Conditions with a page of \
         the region's own:</p>{}<table><tr><th>Region</th><th>Resources</th><th>Own pages</th>\
         <th>Via fallback</th><th>None</th></tr>",
        bars("Conditions with own pages per region", &rows)
    );
    for c in &r.coverage {
        let _ = write!(
            o,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td></tr>",
            esc(&c.region),
            c.resources,
            c.local,
            c.via_fallback,
            c.none
        );
    }
    o.push_str("</table></section>");
}
