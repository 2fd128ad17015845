//! One behavioural suite for both storage backends. SQLite always runs;
//! PostgreSQL runs when a server answers at `SIGNPOST_TEST_POSTGRES`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`, an admin
//! database): each test creates a throw-away database there and drops it
//! after. Without a server the PostgreSQL half is skipped with a message,
//! unless `SIGNPOST_REQUIRE_POSTGRES` is set (`.ci/run` sets it), which
//! turns the skip into a failure.

use signpost::nation::Nation;
use signpost::store::{
    ChannelMode, CountsStore, Feedback, Gap, GapKind, GuildField, GuildSettings, Outcome, PgStore,
    SettingsStore, SqliteStore, Threshold,
};
use time::macros::date;

use crate::pg::PgScratch;

const G: u64 = 1_234_567_890_123_456_789;

async fn settings_behave<S: SettingsStore>(store: &S) {
    assert_eq!(store.guild(G).await.unwrap(), GuildSettings::default());
    let s = GuildSettings {
        region: Some("us".into()),
        private_default: true,
        results: Some(5),
        cooldown_secs: Some(30),
        log_channel: Some(u64::MAX >> 1),
        fallback: Some(false),
        nation: Some(Nation::Scotland),
    };
    store.save_guild(G, &s).await.unwrap();
    assert_eq!(store.guild(G).await.unwrap(), s);
    for field in [
        GuildField::Region(Some("nz".into())),
        GuildField::PrivateDefault(false),
        GuildField::Results(None),
        GuildField::CooldownSecs(Some(0)),
        GuildField::LogChannel(None),
        GuildField::Fallback(Some(true)),
        GuildField::Nation(Some(Nation::Wales)),
    ] {
        store.set_field(G, &field).await.unwrap();
    }
    let now = store.guild(G).await.unwrap();
    assert_eq!(now.region.as_deref(), Some("nz"));
    assert!(!now.private_default);
    assert_eq!(
        (now.results, now.cooldown_secs, now.log_channel),
        (None, Some(0), None)
    );
    assert_eq!(
        (now.fallback, now.nation),
        (Some(true), Some(Nation::Wales))
    );
    // A field set on a server never seen creates its row.
    store
        .set_field(G + 1, &GuildField::Results(Some(2)))
        .await
        .unwrap();
    assert_eq!(store.guild(G + 1).await.unwrap().results, Some(2));
}

async fn channels_behave<S: SettingsStore>(store: &S) {
    store
        .set_channel_mode(G, 2, ChannelMode::Mentions)
        .await
        .unwrap();
    store
        .set_channel_mode(G, 1, ChannelMode::Auto)
        .await
        .unwrap();
    assert!(store.any_auto().await.unwrap());
    store
        .set_channel_mode(G, 1, ChannelMode::Mentions)
        .await
        .unwrap();
    assert_eq!(
        store.channels(G).await.unwrap(),
        vec![(1, ChannelMode::Mentions), (2, ChannelMode::Mentions)]
    );
    assert!(!store.any_auto().await.unwrap());
    store
        .set_channel_mode(G, 2, ChannelMode::Off)
        .await
        .unwrap();
    assert_eq!(store.channel_mode(G, 2).await.unwrap(), ChannelMode::Off);
    store
        .set_channel_mode(G + 7, 1, ChannelMode::Mentions)
        .await
        .unwrap();
    store.delete_guild(G).await.unwrap();
    assert!(store.channels(G).await.unwrap().is_empty());
    assert_eq!(store.guild(G).await.unwrap(), GuildSettings::default());
    assert_eq!(store.channels(G + 7).await.unwrap().len(), 1);
}

async fn counts_behave<S: CountsStore>(s: &S) {
    let (old, today) = (date!(2026 - 01 - 01), date!(2026 - 01 - 20));
    let crisis = Outcome {
        no_match: true,
        emergency: true,
    };
    s.answered(old, G, Outcome::default()).await.unwrap();
    s.answered(today, G, Outcome::default()).await.unwrap();
    s.answered(today, G, crisis).await.unwrap();
    let ids = vec!["a".to_string(), "b".to_string()];
    s.feedback(today, Some(G), &ids, Feedback::Helpful)
        .await
        .unwrap();
    s.feedback(today, None, &ids[1..], Feedback::NotHelpful)
        .await
        .unwrap();
    s.feedback(today, Some(G), &ids[1..], Feedback::Broken)
        .await
        .unwrap();
    let week = s.guild_totals(G, date!(2026 - 01 - 14)).await.unwrap();
    assert_eq!((week.answered, week.no_match, week.emergencies), (2, 1, 1));
    assert_eq!((week.helpful, week.not_helpful, week.broken), (1, 0, 1));
    let per = s.resource_feedback(old).await.unwrap();
    assert_eq!(per[0].id, "b", "least helpful first");
    assert_eq!(
        (per[0].helpful, per[0].not_helpful, per[0].broken),
        (1, 1, 1)
    );
    for i in 0..12u64 {
        let kind = if i % 2 == 0 {
            GapKind::NoMatch
        } else {
            GapKind::Weak
        };
        let gap = Gap {
            region: "ca".into(),
            topic: "gout".into(),
            kind,
        };
        s.gap(today, 100 + i % 3, &gap).await.unwrap();
    }
    let lone = Gap {
        region: "ca".into(),
        topic: "lupus".into(),
        kind: GapKind::NoMatch,
    };
    s.gap(today, 5, &lone).await.unwrap();
    let gaps = s.gaps(old, Threshold::default()).await.unwrap();
    assert_eq!(gaps.shown.len(), 1);
    assert_eq!(
        (
            gaps.shown[0].no_match,
            gaps.shown[0].weak,
            gaps.shown[0].servers
        ),
        (6, 6, 3)
    );
    assert_eq!((gaps.hidden_asks, gaps.hidden_topics), (1, 1));
    assert_eq!(s.digest_posted(9).await.unwrap(), None);
    let at = time::OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
    s.set_digest_posted(9, at).await.unwrap();
    assert_eq!(s.digest_posted(9).await.unwrap(), Some(at));
    assert_eq!(s.prune(date!(2026 - 01 - 10)).await.unwrap(), 1);
    assert_eq!(s.guild_totals(G, old).await.unwrap().answered, 2);
    s.forget_guild(100).await.unwrap();
    let gaps = s.gaps(old, Threshold::default()).await.unwrap();
    assert!(
        gaps.shown.is_empty(),
        "two servers left: under the threshold"
    );
    assert_eq!((gaps.hidden_asks, gaps.hidden_topics), (9, 2));
}

async fn all_behave<S: SettingsStore + CountsStore>(store: &S) {
    settings_behave(store).await;
    channels_behave(store).await;
    counts_behave(store).await;
}

#[tokio::test]
async fn sqlite_backend_behaves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("signpost.db");
    let store = SqliteStore::open(&path).await.unwrap();
    all_behave(&store).await;
    SettingsStore::close(&store).await;
    let again = SqliteStore::open(&path).await.unwrap();
    assert_eq!(
        again.guild(G + 1).await.unwrap().results,
        Some(2),
        "kept on disk"
    );
}

#[tokio::test]
async fn postgres_backend_behaves() {
    let Some(scratch) = PgScratch::create().await else {
        return;
    };
    let store = PgStore::connect(&scratch.url()).await.unwrap();
    all_behave(&store).await;
    SettingsStore::close(&store).await;
    let again = PgStore::connect(&scratch.url()).await.unwrap();
    assert_eq!(
        again.guild(G + 1).await.unwrap().results,
        Some(2),
        "kept, migrations rerun"
    );
    SettingsStore::close(&again).await;
}

/// Two processes sharing one PostgreSQL database: a change written through
/// one reaches the other's settings cache by change notice, long before the
/// cache would expire ([`signpost::store::GUILD_TTL`], a minute). How fast
/// is measured, not asserted: see `BENCHMARKS.md` (`examples/load.rs`).
#[tokio::test]
async fn postgres_change_notices_reach_other_processes_caches() {
    use signpost::store::{Database, open};
    let Some(scratch) = PgScratch::create().await else {
        return;
    };
    let db = Database::Postgres(scratch.url());
    let (a, _) = open(&db).await.unwrap();
    let (b, _) = open(&db).await.unwrap();
    // B has read (and cached) the server's settings and channel modes.
    assert_eq!(b.guild(G).await.unwrap().region, None);
    assert_eq!(b.channel_mode(G, 7).await.unwrap(), ChannelMode::Off);

    a.set_field(G, &GuildField::Region(Some("nz".into())))
        .await
        .unwrap();
    a.set_channel_mode(G, 7, ChannelMode::Mentions)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    loop {
        let region = b.guild(G).await.unwrap().region;
        let mode = b.channel_mode(G, 7).await.unwrap();
        if region.as_deref() == Some("nz") && mode == ChannelMode::Mentions {
            break;
        }
        assert!(
            started.elapsed() < signpost::store::GUILD_TTL / 2,
            "B never heard of A's change (still {region:?}, {mode})"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    eprintln!(
        "change seen by the other process after {:?}",
        started.elapsed()
    );
    a.close().await;
    b.close().await;
}

/// A process loads the settings of its own shards' servers at start, so
/// their first questions do not wait for the database.
#[tokio::test]
async fn postgres_warm_loads_the_servers_this_process_owns() {
    use signpost::config::ShardPlan;
    use signpost::store::{Database, open};
    let Some(scratch) = PgScratch::create().await else {
        return;
    };
    let db = Database::Postgres(scratch.url());
    let (a, _) = open(&db).await.unwrap();
    for shard in 0..4u64 {
        let g = ((100 + shard) << 22) | 1; // on shard (100 + shard) % 4
        a.set_field(g, &GuildField::Region(Some("au".into())))
            .await
            .unwrap();
        a.set_channel_mode(g, 9, ChannelMode::Auto).await.unwrap();
    }
    let (b, _) = open(&db).await.unwrap();
    let plan = ShardPlan::Range {
        first: 2,
        last: 3,
        total: 4,
    };
    assert_eq!(b.warm(&move |g| plan.owns(g)).await.unwrap(), 2);
    let mine = (102 << 22) | 1;
    assert_eq!(b.guild(mine).await.unwrap().region.as_deref(), Some("au"));
    assert_eq!(b.channel_mode(mine, 9).await.unwrap(), ChannelMode::Auto);
    a.close().await;
    b.close().await;
}
