//! A throw-away PostgreSQL database per test, on the server at
//! `SIGNPOST_TEST_POSTGRES` (default `postgres://postgres@127.0.0.1:5432/postgres`,
//! an admin database). Without a server, tests skip with a message unless
//! `SIGNPOST_REQUIRE_POSTGRES` is set (`.ci/run` sets it), which turns the
//! skip into a failure.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;

const DEFAULT_ADMIN: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A throw-away PostgreSQL database, dropped when this goes out of scope
/// (a failing test included).
pub struct PgScratch {
    admin: String,
    name: String,
}

impl PgScratch {
    /// A fresh database, or `None` (after saying why) when no server answers.
    pub async fn create() -> Option<PgScratch> {
        let admin = std::env::var("SIGNPOST_TEST_POSTGRES").unwrap_or(DEFAULT_ADMIN.into());
        let mut conn = match sqlx::PgConnection::connect(&admin).await {
            Ok(c) => c,
            Err(e) => {
                assert!(
                    std::env::var_os("SIGNPOST_REQUIRE_POSTGRES").is_none(),
                    "SIGNPOST_REQUIRE_POSTGRES is set but PostgreSQL is unreachable: {e}"
                );
                eprintln!(
                    "SKIPPED the PostgreSQL half: no server at SIGNPOST_TEST_POSTGRES \
                     (default {DEFAULT_ADMIN}): {e}"
                );
                return None;
            }
        };
        static N: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "signpost_test_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        );
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
        Some(PgScratch { admin, name })
    }

    /// The scratch database's URL: the admin URL with its database replaced.
    pub fn url(&self) -> String {
        let (base, _) = self.admin.rsplit_once('/').unwrap();
        format!("{base}/{}", self.name)
    }
}

impl Drop for PgScratch {
    fn drop(&mut self) {
        // On its own thread and runtime: this runs inside the test's runtime.
        let (admin, name) = (self.admin.clone(), self.name.clone());
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                let mut conn = sqlx::PgConnection::connect(&admin).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await?;
                conn.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("warning: scratch database {} not dropped", self.name);
        }
    }
}
