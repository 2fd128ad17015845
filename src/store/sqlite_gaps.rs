//! The gap and per-resource feedback queries of [`super::CountsStore`] on
//! SQLite, kept apart from the answer counters they sit beside.

use time::{Date, OffsetDateTime};

use super::counts::{ResourceFeedback, day_key};
use super::gaps::{Gap, GapSummary, Threshold};
use super::sqlite::{SqliteStore, id};
use super::{StoreError, rows};

pub(super) async fn add_gap(
    s: &SqliteStore,
    day: Date,
    guild: u64,
    gap: &Gap,
) -> Result<(), StoreError> {
    let column = gap.kind.column();
    let sql = format!(
        "INSERT INTO gap_daily (day, region, topic, guild_id, {column}) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (day, region, topic, guild_id) DO UPDATE SET {column} = {column} + 1"
    );
    sqlx::query(&sql)
        .bind(day_key(day))
        .bind(&gap.region)
        .bind(&gap.topic)
        .bind(id(guild))
        .execute(s.pool())
        .await?;
    Ok(())
}

pub(super) async fn gaps(
    s: &SqliteStore,
    since: Date,
    threshold: Threshold,
) -> Result<GapSummary, StoreError> {
    let rows = sqlx::query(
        "SELECT region, topic, SUM(no_match) AS no_match, SUM(weak) AS weak,
                COUNT(DISTINCT guild_id) AS servers
         FROM gap_daily WHERE day >= ? GROUP BY region, topic",
    )
    .bind(day_key(since))
    .fetch_all(s.pool())
    .await?;
    let rows = rows
        .iter()
        .map(rows::gap_row)
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(GapSummary::from_rows(rows, threshold))
}

pub(super) async fn resource_feedback(
    s: &SqliteStore,
    since: Date,
) -> Result<Vec<ResourceFeedback>, StoreError> {
    let rows = sqlx::query(
        "SELECT resource_id, SUM(helpful) AS helpful, SUM(not_helpful) AS not_helpful,
                SUM(broken) AS broken
         FROM feedback_daily WHERE day >= ? GROUP BY resource_id
         ORDER BY not_helpful DESC, broken DESC, helpful ASC, resource_id",
    )
    .bind(day_key(since))
    .fetch_all(s.pool())
    .await?;
    rows.iter().map(rows::feedback_row).collect()
}

pub(super) async fn digest_posted(
    s: &SqliteStore,
    channel: u64,
) -> Result<Option<OffsetDateTime>, StoreError> {
    let at: Option<i64> =
        sqlx::query_scalar("SELECT posted_at FROM digest_log WHERE channel_id = ?")
            .bind(id(channel))
            .fetch_optional(s.pool())
            .await?;
    rows::posted_at(at)
}

pub(super) async fn set_digest_posted(
    s: &SqliteStore,
    channel: u64,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO digest_log (channel_id, posted_at) VALUES (?, ?)
         ON CONFLICT (channel_id) DO UPDATE SET posted_at = excluded.posted_at",
    )
    .bind(id(channel))
    .bind(at.unix_timestamp())
    .execute(s.pool())
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::counts::{CountsStore, Feedback};
    use super::super::gaps::GapKind;
    use super::*;
    use time::macros::date;

    fn gap(topic: &str, kind: GapKind) -> Gap {
        Gap {
            region: "nz".into(),
            topic: topic.into(),
            kind,
        }
    }

    #[tokio::test]
    async fn gaps_show_only_topics_many_servers_asked() {
        let dir = tempfile::tempdir().unwrap();
        let s = SqliteStore::open(&dir.path().join("s.db")).await.unwrap();
        let day = date!(2026 - 05 - 01);
        for i in 0..12u64 {
            let kind = if i % 3 == 0 {
                GapKind::Weak
            } else {
                GapKind::NoMatch
            };
            s.gap(day, 100 + i % 4, &gap("gout", kind)).await.unwrap();
            s.gap(day, 7, &gap("lupus", GapKind::NoMatch))
                .await
                .unwrap();
        }
        s.gap(date!(2026 - 01 - 01), 1, &gap("gout", GapKind::Weak))
            .await
            .unwrap();
        let summary = s
            .gaps(date!(2026 - 04 - 01), Threshold::default())
            .await
            .unwrap();
        assert_eq!(summary.shown.len(), 1, "{summary:?}");
        let gout = &summary.shown[0];
        assert_eq!((gout.no_match, gout.weak, gout.servers), (8, 4, 4));
        assert_eq!((summary.hidden_asks, summary.hidden_topics), (12, 1));
        assert_eq!(
            s.prune(date!(2026 - 06 - 01)).await.unwrap(),
            6,
            "4 + 1 + the old row"
        );
        let summary = s.gaps(Date::MIN, Threshold::default()).await.unwrap();
        assert_eq!(summary, GapSummary::default());
    }

    #[tokio::test]
    async fn resource_feedback_lists_the_least_helpful_first() {
        let dir = tempfile::tempdir().unwrap();
        let s = SqliteStore::open(&dir.path().join("s.db")).await.unwrap();
        let day = date!(2026 - 05 - 01);
        let (a, b) = (vec!["a".to_string()], vec!["b".to_string()]);
        s.feedback(day, None, &a, Feedback::Helpful).await.unwrap();
        s.feedback(day, None, &b, Feedback::NotHelpful)
            .await
            .unwrap();
        s.feedback(day, Some(1), &b, Feedback::Broken)
            .await
            .unwrap();
        let rows = s.resource_feedback(day).await.unwrap();
        let ids: Vec<_> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!((rows[0].not_helpful, rows[0].broken), (1, 1));
    }

    #[tokio::test]
    async fn the_digest_time_is_remembered_per_channel() {
        let dir = tempfile::tempdir().unwrap();
        let s = SqliteStore::open(&dir.path().join("s.db")).await.unwrap();
        assert_eq!(s.digest_posted(5).await.unwrap(), None);
        let at = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        s.set_digest_posted(5, at).await.unwrap();
        s.set_digest_posted(5, at + time::Duration::DAY)
            .await
            .unwrap();
        assert_eq!(
            s.digest_posted(5).await.unwrap(),
            Some(at + time::Duration::DAY)
        );
        assert_eq!(s.digest_posted(6).await.unwrap(), None);
    }
}
