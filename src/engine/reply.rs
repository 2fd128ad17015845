//! Turning search hits into the reply a patient sees, and the kind
//! no-match reply with the region's general routes.

use super::{Engine, Place};
use crate::reply::{Contact, NoMatchHelp, Reply, ResultItem};
use crate::search;

impl Engine {
    /// One found resource as the reply shows it; `from` labels a page of
    /// another region's ("UK page").
    pub(super) fn result_item(&self, h: &search::Hit, from: Option<String>) -> ResultItem {
        let r = &self.catalog.resources[h.ord];
        ResultItem {
            id: r.id.clone(),
            title: r.title.clone(),
            url: r.url.clone(),
            publisher: r.publisher.clone(),
            summary: r.summary.clone(),
            conditions: r.conditions.clone(),
            regions: r.regions.clone(),
            kind: r.kind.clone(),
            phone: r.phone.clone(),
            hours: r.hours.clone(),
            from_region: from,
            reviewed_on: r.approved_on.to_string(),
            placeholder_review: self.catalog.is_placeholder_approval(r),
            score: (h.score * 100.0).round() / 100.0,
        }
    }

    /// The kind "nothing vetted fits" reply: the emergency block if the
    /// question sounded like a crisis, and the general routes that serve
    /// the asker's place.
    pub(super) fn no_match(
        &self,
        place: Place<'_>,
        emergency: Option<crate::reply::Emergency>,
        message: &str,
        did_you_mean: Vec<String>,
    ) -> Reply {
        let routes = self
            .catalog
            .safety
            .region(place.region)
            .map(|r| {
                r.routes_in(place.nation)
                    .map(|x| Contact::route(&x.name, &x.url))
                    .collect()
            })
            .unwrap_or_default();
        Reply {
            emergency,
            results: Vec::new(),
            notice: self.catalog.notice.text.clone(),
            no_match: true,
            no_match_help: Some(NoMatchHelp {
                message: message.to_string(),
                routes,
                did_you_mean,
            }),
            region: place.region.to_string(),
            urgent: self.safety_net(place.region, place.nation),
            detected: Vec::new(),
            fallback_region: None,
        }
    }
}
