//! Client addresses: who is asking (the peer, or the last
//! X-Forwarded-For hop when the operator trusts a proxy to set it), and
//! the ranges an operator allows (who may read /metrics).

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;

use super::state::WebConfig;

/// The address a request comes from: the last X-Forwarded-For hop when
/// `trust_forwarded_for` is set and the header holds one, else the peer.
pub fn client_ip(parts: &Parts, config: &WebConfig) -> Option<IpAddr> {
    if config.trust_forwarded_for {
        // The last hop is the one our proxy added; earlier ones (and
        // earlier header lines) are whatever the client claimed.
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|hop| parse_hop(hop.trim()));
        if forwarded.is_some() {
            return forwarded;
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// An address as proxies write it: `203.0.113.7`, `203.0.113.7:4711`,
/// `2001:db8::1` or `[2001:db8::1]:4711`.
pub(crate) fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// Addresses and CIDR ranges (`127.0.0.0/8`, `::1`, `10.1.2.3`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressRanges(Vec<(IpAddr, u8)>);

impl AddressRanges {
    /// Parses each entry; the first that is not an address or range is
    /// named in the error.
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<Self, String> {
        entries
            .iter()
            .map(|e| {
                parse_range(e.as_ref().trim())
                    .ok_or_else(|| format!("not an address or range: {:?}", e.as_ref()))
            })
            .collect::<Result<_, _>>()
            .map(AddressRanges)
    }

    /// Loopback only (IPv4 127.0.0.0/8 and IPv6 ::1).
    pub fn loopback() -> Self {
        Self::parse(&["127.0.0.0/8", "::1"]).expect("loopback ranges parse")
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        // An IPv4 client on an IPv6 socket arrives as ::ffff:a.b.c.d.
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        self.0.iter().any(|(net, bits)| in_range(ip, *net, *bits))
    }
}

fn parse_range(entry: &str) -> Option<(IpAddr, u8)> {
    let (addr, bits) = match entry.split_once('/') {
        Some((a, b)) => (a.parse::<IpAddr>().ok()?, Some(b.parse::<u8>().ok()?)),
        None => (entry.parse::<IpAddr>().ok()?, None),
    };
    let max = if addr.is_ipv4() { 32 } else { 128 };
    let bits = bits.unwrap_or(max);
    (bits <= max).then_some((addr, bits))
}

fn in_range(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) => prefix_eq(&a.octets(), &n.octets(), bits),
        (IpAddr::V6(a), IpAddr::V6(n)) => prefix_eq(&a.octets(), &n.octets(), bits),
        _ => false,
    }
}

/// Whether the first `bits` bits of `a` and `b` agree.
fn prefix_eq(a: &[u8], b: &[u8], bits: u8) -> bool {
    let (whole, rest) = (usize::from(bits / 8), bits % 8);
    if a[..whole] != b[..whole] {
        return false;
    }
    rest == 0 || {
        let mask = 0xFFu8 << (8 - rest);
        a[whole] & mask == b[whole] & mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_hops_parse_with_or_without_ports() {
        for (hop, ip) in [
            ("203.0.113.7", "203.0.113.7"),
            ("203.0.113.7:4711", "203.0.113.7"),
            ("2001:db8::1", "2001:db8::1"),
            ("[2001:db8::1]:4711", "2001:db8::1"),
        ] {
            assert_eq!(parse_hop(hop).unwrap().to_string(), ip);
        }
        assert!(parse_hop("unknown").is_none());
    }

    #[test]
    fn ranges_hold_their_addresses_only() {
        let r = AddressRanges::parse(&["10.1.0.0/16", "192.0.2.7", "2001:db8::/32"]).unwrap();
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert!(r.contains(ip("10.1.255.3")));
        assert!(!r.contains(ip("10.2.0.1")));
        assert!(r.contains(ip("192.0.2.7")));
        assert!(!r.contains(ip("192.0.2.8")));
        assert!(r.contains(ip("2001:db8:ffff::1")));
        assert!(!r.contains(ip("2001:db9::1")));
        assert!(r.contains(ip("::ffff:10.1.0.9")), "IPv4 mapped into IPv6");
        let lo = AddressRanges::loopback();
        assert!(lo.contains(ip("127.0.0.1")) && lo.contains(ip("::1")));
        assert!(!lo.contains(ip("203.0.113.1")));
        assert!(AddressRanges::parse(&["10.0.0.0/33"]).is_err());
        assert!(AddressRanges::parse(&["localhost"]).is_err());
        assert_eq!(
            AddressRanges::parse::<&str>(&[]).unwrap(),
            AddressRanges::default()
        );
    }
}
