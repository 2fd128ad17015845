//! Which gateway shards this process runs (`signpost serve --shards`).
//! Discord requires sharding from 2,500 servers; several processes can
//! split the shards of one bot between them.

/// The shards this process connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShardPlan {
    /// One shard, the whole bot (the default).
    #[default]
    Single,
    /// As many as Discord recommends (`GET /gateway/bot`), all in this process.
    Auto,
    /// Shards `first..=last` of `total`.
    Range { first: u32, last: u32, total: u32 },
}

impl ShardPlan {
    /// Whether this process answers server `guild`: Discord sends a
    /// server's events to shard `(id >> 22) % total`.
    pub fn owns(&self, guild: u64) -> bool {
        match *self {
            ShardPlan::Single | ShardPlan::Auto => true,
            ShardPlan::Range { first, last, total } => {
                let shard = (guild >> 22) % u64::from(total.max(1));
                (u64::from(first)..=u64::from(last)).contains(&shard)
            }
        }
    }

    /// From `--shards` (`auto`, `N` or `A-B`) and `--shard-total`; the
    /// error says what to write instead.
    pub fn parse(shards: &str, total: Option<u32>) -> Result<ShardPlan, String> {
        let shards = shards.trim();
        if shards == "auto" {
            return match total {
                None => Ok(ShardPlan::Auto),
                Some(_) => Err("--shard-total is not used with --shards auto".into()),
            };
        }
        let Some(total) = total else {
            return Err("--shards A-B needs --shard-total N (all shards of the bot)".into());
        };
        let (a, b) = shards.split_once('-').unwrap_or((shards, shards));
        let (Ok(first), Ok(last)) = (a.trim().parse::<u32>(), b.trim().parse::<u32>()) else {
            return Err(format!(
                "--shards must be auto, N or A-B (e.g. 0-3), not `{shards}`"
            ));
        };
        if total == 0 || first > last || last >= total {
            return Err(format!(
                "--shards {first}-{last} must lie within 0-{} (--shard-total {total})",
                total.saturating_sub(1)
            ));
        }
        Ok(ShardPlan::Range { first, last, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_auto_and_mistakes() {
        let half = ShardPlan::Range {
            first: 2,
            last: 3,
            total: 4,
        };
        assert!(half.owns(6 << 22) && half.owns(3 << 22) && !half.owns(4 << 22));
        assert!(ShardPlan::Auto.owns(4 << 22));
        assert_eq!(ShardPlan::parse("auto", None), Ok(ShardPlan::Auto));
        let r = ShardPlan::Range {
            first: 0,
            last: 3,
            total: 8,
        };
        assert_eq!(ShardPlan::parse("0-3", Some(8)), Ok(r));
        let one = ShardPlan::Range {
            first: 5,
            last: 5,
            total: 8,
        };
        assert_eq!(ShardPlan::parse("5", Some(8)), Ok(one));
        for (s, t) in [
            ("0-3", None),
            ("4-8", Some(8)),
            ("3-1", Some(8)),
            ("x", Some(2)),
            ("auto", Some(2)),
        ] {
            assert!(ShardPlan::parse(s, t).is_err(), "{s} {t:?}");
        }
    }
}
