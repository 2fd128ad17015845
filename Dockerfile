# Signpost in a container: build the binary, then run it as a non-root user
# on a slim image. The catalog is mounted at /srv/signpost/resources (the one
# copied in below is only the shipped default: a deployment's clinicians
# review their own); the search index is built from it at start, into
# /srv/signpost/index. Settings come from /etc/signpost/signpost.toml, the
# token and database URL from the environment (DISCORD_TOKEN, DATABASE_URL).
# See docs/deploy.md. Needs BuildKit (Docker 23+) for the cache mounts.

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
# Cache mounts keep the registry and the build between image builds.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin signpost \
    && cp target/release/signpost /usr/local/bin/signpost

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /srv/signpost --create-home signpost \
    && mkdir -p /etc/signpost
COPY --from=build /usr/local/bin/signpost /usr/local/bin/signpost
COPY --chown=signpost:signpost resources /srv/signpost/resources
COPY deploy/signpost.toml /etc/signpost/signpost.toml
USER signpost
WORKDIR /srv/signpost
# Operators' endpoints (/metrics, /healthz, /readyz), as set in [ops] listen.
EXPOSE 9187
STOPSIGNAL SIGTERM
ENTRYPOINT ["signpost", "serve", "--config", "/etc/signpost/signpost.toml"]
# Add e.g. `--shards 0-1 --shard-total 4` to split the bot across processes.
CMD []
