//! `check`, `index`, `review` and `coverage`: the clinicians' commands.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use signpost::catalog::{Catalog, LoadOptions, Severity, load_dir};
use signpost::engine::{Paths, today};
use signpost::links::LinkState;

/// Validate the catalog and print every problem; exit 1 on errors.
pub fn check(resources: &Path, index: &Path, strict: bool) -> anyhow::Result<ExitCode> {
    let loaded = load_dir(resources, LoadOptions { today: today() });
    let mut errors = 0;
    let mut warnings = 0;
    for d in &loaded.diagnostics.items {
        let mut d = d.clone();
        if strict {
            d.severity = Severity::Error;
        }
        match d.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
        eprintln!("{d}");
    }
    if let Some(c) = &loaded.catalog {
        let flagged = print_audit(c) + print_link_notes(c, index);
        if strict {
            errors += flagged;
        } else {
            warnings += flagged;
        }
        eprintln!(
            "{} resources, {} conditions, {} reviewers checked.",
            c.resources.len(),
            c.conditions.len(),
            c.reviewers.len()
        );
    }
    eprintln!(
        "{errors} error(s), {warnings} warning(s){}",
        if strict {
            " (strict: warnings count as errors)"
        } else {
            ""
        }
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Print the catalog-wide figures; how many are over their limits.
fn print_audit(c: &Catalog) -> usize {
    use signpost::catalog::audit;
    let a = audit::audit(c, today());
    let mut flagged = 0;
    let over = a.template_share > audit::MAX_TEMPLATE_SHARE;
    eprintln!(
        "{}summaries sharing a template (title masked): {:.1} % (limit {:.0} %)",
        if over { "warning: " } else { "" },
        a.template_share * 100.0,
        audit::MAX_TEMPLATE_SHARE * 100.0
    );
    if over {
        flagged += 1;
        if let Some((t, n)) = &a.top_template {
            eprintln!("  most common, {n} summaries: \"{t}\"");
        }
    }
    if let Some((start, share)) = a.busiest_window {
        let over = share > audit::MAX_WINDOW_SHARE;
        flagged += usize::from(over);
        eprintln!(
            "{}busiest {}-day review window from {start}: {:.1} % of resources fall due (limit {:.0} %); see `signpost review`",
            if over { "warning: " } else { "" },
            audit::WINDOW_DAYS,
            share * 100.0,
            audit::MAX_WINDOW_SHARE * 100.0
        );
    }
    for g in &a.gaps {
        flagged += 1;
        eprintln!(
            "{}: warning: `{}` loses its last `{}` resource when this review lapses on {}",
            g.at, g.condition, g.region, g.review_by
        );
    }
    flagged
}

/// Warn about resources whose link the last `signpost links` found failing
/// or moved; how many.
fn print_link_notes(c: &Catalog, index: &Path) -> usize {
    let Some(state) = link_state(index, true) else {
        return 0;
    };
    let notes = state.notes(c);
    for n in &notes {
        eprintln!(
            "{}:{}: warning: link of `{}` {}",
            n.file, n.line, n.id, n.message
        );
    }
    notes.len()
}

/// The last link-check results. Missing ones get a note (when `say_missing`),
/// unreadable ones a warning naming the file: neither stops the command.
fn link_state(index: &Path, say_missing: bool) -> Option<LinkState> {
    let path = signpost::links::state_path(index);
    match LinkState::load(&path) {
        Ok(Some(state)) => Some(state),
        Ok(None) => {
            if say_missing {
                eprintln!(
                    "note: no link check results in {}; run `signpost links`",
                    path.display()
                );
            }
            None
        }
        Err(e) => {
            eprintln!("warning: {e}; link results ignored (the next `signpost links` rewrites it)");
            None
        }
    }
}

pub(super) fn load_clean(resources: &Path) -> anyhow::Result<Catalog> {
    let loaded = load_dir(resources, LoadOptions { today: today() });
    match loaded.catalog {
        Some(c) => Ok(c),
        None => bail!(
            "the catalog in {} has {} error(s); run `signpost check --resources {}` to see them",
            resources.display(),
            loaded.diagnostics.error_count(),
            resources.display()
        ),
    }
}

/// Build the index from the catalog.
pub fn index(paths: &Paths) -> anyhow::Result<ExitCode> {
    let catalog = load_clean(&paths.resources)?;
    let summary = signpost::search::build(&catalog, &paths.index)?;
    eprintln!(
        "Indexed {} resources and {} conditions in {} ms into {}",
        summary.resources,
        summary.conditions,
        summary.millis,
        summary.generation.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Print the review to-do list, marking resources whose link last failed.
pub fn review(resources: &Path, within: i64, index: &Path) -> anyhow::Result<ExitCode> {
    let catalog = load_clean(resources)?;
    let links: std::collections::HashMap<String, String> = link_state(index, false)
        .map(|s| s.notes(&catalog))
        .unwrap_or_default()
        .into_iter()
        .map(|n| (n.id, n.message))
        .collect();
    let today = today();
    print_calendar(&catalog);
    let groups = signpost::review::due(&catalog, today, within);
    if groups.is_empty() {
        out!("Nothing to review within {within} days.");
    }
    for (reviewer, list) in groups {
        let name = catalog
            .reviewer(&reviewer)
            .map_or(reviewer.clone(), |r| format!("{} ({reviewer})", r.name));
        out!("{name}: {} resource(s)", list.len());
        for r in list {
            let state = if r.review_by < today {
                "OVERDUE, not served"
            } else {
                "due"
            };
            let link = links
                .get(&r.id)
                .map(|m| format!("  (link {m})"))
                .unwrap_or_default();
            out!(
                "  {}  {state:<19}  {}  {}:{}{link}",
                r.review_by,
                r.id,
                r.file,
                r.line
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reviews falling due per month for the next year, as a bar chart.
fn print_calendar(catalog: &Catalog) {
    let months = signpost::catalog::audit::calendar(catalog, today(), 13);
    let most = months.iter().map(|m| m.1).max().unwrap_or(0).max(1);
    out!("Reviews falling due by month (overdue ones in the first):");
    for (month, n) in &months {
        let bar = "#".repeat((n * 40).div_ceil(most));
        out!("  {month}  {n:>5}  {bar}");
    }
    out!("");
}

/// Print coverage gaps for the main regions.
pub fn coverage(resources: &Path) -> anyhow::Result<ExitCode> {
    let catalog = load_clean(resources)?;
    out!(
        "Conditions per region ({} in all): own pages / answered through the fallback chain / none",
        catalog.conditions.len()
    );
    for r in signpost::coverage::regions(&catalog) {
        out!(
            "  {:<7} {:>4} own  {:>4} via fallback  {:>4} none",
            r.region,
            r.local,
            r.via_fallback,
            r.none
        );
    }
    out!("");
    let report = signpost::coverage::coverage(&catalog, &["uk", "us"]);
    for (region, names) in &report.missing {
        out!("No resource for region `{region}` ({}):", names.len());
        for n in names {
            out!("  {n}");
        }
    }
    out!("Only one resource ({}):", report.single.len());
    for n in &report.single {
        out!("  {n}");
    }
    Ok(ExitCode::SUCCESS)
}
