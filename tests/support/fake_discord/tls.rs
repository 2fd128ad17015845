//! The fake as `https://discord.com`, so serenity runs exactly as in
//! production: no proxy setting, its ratelimiter on.
//!
//! Each fake gets its own loopback address (`127.0.0.N`, any N works on
//! Linux without setup) and serves TLS on port 443 there with a certificate
//! for `discord.com` signed by a CA made for this test. The bot is handed a
//! reqwest client that trusts only that CA and resolves `discord.com` to
//! the fake. Binding 443 needs root (tests and CI have it); elsewhere the
//! HTTPS scenarios are skipped with a message.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;

/// The next loopback address to try (127.0.0.N).
static NEXT_HOST: AtomicU8 = AtomicU8::new(20);

/// The listener on `127.0.0.N:443` and the TLS material for it.
pub struct Tls {
    pub listener: TcpListener,
    pub ip: IpAddr,
    pub acceptor: TlsAcceptor,
    /// The test CA, for the bot's client.
    ca: CertificateDer<'static>,
}

/// Bind a fresh loopback address on port 443, or say why not.
pub async fn bind() -> Result<Tls, String> {
    let mut last = String::new();
    for _ in 0..20 {
        let n = NEXT_HOST.fetch_add(1, Ordering::SeqCst).clamp(2, 254);
        let ip = IpAddr::V4(Ipv4Addr::new(127, 0, 0, n));
        match TcpListener::bind(SocketAddr::new(ip, 443)).await {
            Ok(listener) => {
                let (acceptor, ca) = certificates()?;
                return Ok(Tls {
                    listener,
                    ip,
                    acceptor,
                    ca,
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                return Err(format!("cannot bind port 443 ({e}); run as root"));
            }
            Err(e) => last = e.to_string(),
        }
    }
    Err(format!("no free loopback address for port 443: {last}"))
}

/// A CA, and a `discord.com` certificate it signed, for the server side.
fn certificates() -> Result<(TlsAcceptor, CertificateDer<'static>), String> {
    let err = |e: rcgen::Error| e.to_string();
    let ca_key = rcgen::KeyPair::generate().map_err(err)?;
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).map_err(err)?;
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "signpost test CA");
    let ca = ca_params.self_signed(&ca_key).map_err(err)?;
    let key = rcgen::KeyPair::generate().map_err(err)?;
    let leaf = rcgen::CertificateParams::new(vec!["discord.com".to_string()])
        .map_err(err)?
        .signed_by(&key, &ca, &ca_key)
        .map_err(err)?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .map_err(|e| e.to_string())?;
    Ok((TlsAcceptor::from(Arc::new(config)), ca.der().clone()))
}

impl Tls {
    /// The client the bot gets: trusts only the test CA, finds
    /// `discord.com` at the fake, and times out quickly so stalls are
    /// short tests (production: 5 s connect, 15 s request).
    pub fn client(&self) -> reqwest::Client {
        let ca = reqwest::Certificate::from_der(&self.ca).expect("test CA");
        reqwest::Client::builder()
            .use_rustls_tls()
            .tls_built_in_root_certs(false)
            .add_root_certificate(ca)
            .resolve("discord.com", SocketAddr::new(self.ip, 443))
            // A CI proxy (HTTPS_PROXY) must never see the fake's traffic.
            .no_proxy()
            .connect_timeout(Duration::from_secs(2))
            .timeout(Duration::from_secs(2))
            .build()
            .expect("test client")
    }
}
