//! From a URL to the host that speaks: unwraps archive and AMP-cache addresses, and finds the
//! registrable domain with the Public Suffix List (compiled in; see `psl.rs`).

use serde::Serialize;

/// Leading labels that name a variant of the same site, not a different one.
pub const VARIANT_LABELS: &[&str] = &["www", "m", "amp", "mobile", "www1", "www2", "edition"];

/// An archived copy: the service and the address of the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Archive {
    pub service: String,
    pub original_url: String,
}

/// The host a page speaks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HostInfo {
    /// Lowercase ASCII (punycode) host, with no trailing dot.
    pub host: String,
    /// The registrable domain ("eTLD+1"); for IP addresses and single labels, the host itself.
    pub site: String,
    /// The host as Unicode, when it is an internationalized domain name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unicode: Option<String>,
    /// Set when the address was an archive copy or an AMP cache of another page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive: Option<Archive>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub is_ip: bool,
}

/// Parses a URL, or a bare host, into the host it speaks for. `None` when there is no host
/// (e.g. `about:blank`, a file path, garbage).
pub fn resolve(input: &str) -> Option<HostInfo> {
    let input = input.trim();
    let url = parse_loose(input)?;
    if let Some((service, original)) = unwrap_archive(&url) {
        let mut info =
            resolve(&original).filter(|i| i.host != url.host_str().unwrap_or_default())?;
        info.archive = Some(Archive {
            service,
            original_url: original,
        });
        return Some(info);
    }
    from_url(&url)
}

/// The registrable domain of a host (used by the popup to key per-site settings).
pub fn site_of(host: &str) -> String {
    resolve(host)
        .map(|i| i.site)
        .unwrap_or_else(|| host.trim().to_ascii_lowercase())
}

fn parse_loose(input: &str) -> Option<url::Url> {
    if input.is_empty() || input.len() > 8192 {
        return None;
    }
    let url = match url::Url::parse(input) {
        Ok(u) if u.has_host() => u,
        // "example.com/path" or "example.com": no scheme.
        _ if !input.contains("://") => url::Url::parse(&format!("http://{input}")).ok()?,
        _ => return None,
    };
    matches!(url.scheme(), "http" | "https").then_some(url)
}

fn from_url(url: &url::Url) -> Option<HostInfo> {
    let host = url.host()?;
    let (host, is_ip) = match host {
        url::Host::Domain(d) => (d.trim_end_matches('.').to_ascii_lowercase(), false),
        url::Host::Ipv4(a) => (a.to_string(), true),
        url::Host::Ipv6(a) => (a.to_string(), true),
    };
    if host.is_empty() {
        return None;
    }
    let site = if is_ip {
        host.clone()
    } else {
        registrable(&host)
    };
    let unicode = (!is_ip && host.split('.').any(|l| l.starts_with("xn--")))
        .then(|| idna::domain_to_unicode(&host).0);
    Some(HostInfo {
        host,
        site,
        unicode,
        archive: None,
        is_ip,
    })
}

/// eTLD+1 via the Public Suffix List; a host that is itself a suffix (or has no known suffix)
/// is its own site.
pub fn registrable(host: &str) -> String {
    super::psl::domain_str(host)
        .map(str::to_string)
        .unwrap_or_else(|| host.to_string())
}

/// Archive and cache addresses that wrap another page's URL.
fn unwrap_archive(url: &url::Url) -> Option<(String, String)> {
    let host = url.host_str()?.to_ascii_lowercase();
    let path = url.path();
    let with_query = match url.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.to_string(),
    };
    // web.archive.org/web/20240101000000/https://example.com/x (also "id_" / "if_" flags)
    if host == "web.archive.org" || host == "wayback.archive.org" {
        let rest = with_query.strip_prefix("/web/")?;
        let (_, original) = rest.split_once('/')?;
        return Some((
            "Wayback Machine (Internet Archive)".into(),
            with_scheme(original),
        ));
    }
    // archive.today and its mirrors: /20240101000000/https://example.com/x, /o/ID/https://...,
    // /newest/https://...; short ids (/AbCd1) carry no original and stay as they are.
    const ARCHIVE_TODAY: &[&str] = &[
        "archive.today",
        "archive.ph",
        "archive.is",
        "archive.li",
        "archive.vn",
        "archive.fo",
        "archive.md",
    ];
    if ARCHIVE_TODAY.contains(&host.trim_start_matches("www.")) {
        let rest = with_query.trim_start_matches('/');
        let original = rest.find("http").map(|i| &rest[i..])?;
        return Some(("archive.today".into(), with_scheme(original)));
    }
    // AMP caches: example-com.cdn.ampproject.org/c/s/example.com/x ; google.com/amp/s/example.com/x
    if host.ends_with(".cdn.ampproject.org") || host == "cdn.ampproject.org" {
        let rest = path
            .strip_prefix("/c/")
            .or_else(|| path.strip_prefix("/v/"))?;
        let (secure, rest) = match rest.strip_prefix("s/") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        return Some((
            "AMP cache".into(),
            format!("{}://{rest}", if secure { "https" } else { "http" }),
        ));
    }
    // Google Translate's proxy: www-nytimes-com.translate.goog/x (dots as '-', '-' as '--').
    if let Some(encoded) = host.strip_suffix(".translate.goog") {
        if encoded.is_empty() || encoded.contains('.') {
            return None;
        }
        let original = encoded
            .replace("--", "\u{0}")
            .replace('-', ".")
            .replace('\u{0}', "-");
        return Some((
            "Google Translate proxy".into(),
            format!("https://{original}{path}"),
        ));
    }
    if (host == "www.google.com" || host == "google.com") && path.starts_with("/amp/") {
        let rest = &path["/amp/".len()..];
        let rest = rest.strip_prefix("s/").unwrap_or(rest);
        return Some(("Google AMP viewer".into(), format!("https://{rest}")));
    }
    None
}

fn with_scheme(s: &str) -> String {
    // The archive may have folded "https://" to "https:/".
    if let Some(rest) = s.strip_prefix("https:/").filter(|r| !r.starts_with('/')) {
        return format!("https://{rest}");
    }
    if let Some(rest) = s.strip_prefix("http:/").filter(|r| !r.starts_with('/')) {
        return format!("http://{rest}");
    }
    if s.starts_with("http://") || s.starts_with("https://") {
        s.to_string()
    } else {
        format!("http://{s}")
    }
}

/// The host without leading variant labels (`www.`, `m.`, `amp.` ...), never shorter than its site.
pub fn strip_variants<'a>(host: &'a str, site: &str) -> &'a str {
    let mut h = host;
    while let Some((first, rest)) = h.split_once('.') {
        if VARIANT_LABELS.contains(&first) && rest.len() >= site.len() {
            h = rest;
        } else {
            break;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(input: &str) -> String {
        resolve(input).map(|i| i.site).unwrap_or_default()
    }

    #[test]
    fn registrable_domains_follow_the_public_suffix_list() {
        assert_eq!(site("https://www.bbc.co.uk/news/world"), "bbc.co.uk");
        assert_eq!(site("https://francais.rt.com/international"), "rt.com");
        assert_eq!(site("https://m.lemonde.fr"), "lemonde.fr");
        assert_eq!(site("amp.theguardian.com"), "theguardian.com");
        assert_eq!(site("https://news.example.com.au/x"), "example.com.au");
        assert_eq!(site("https://someone.github.io/page"), "someone.github.io");
        assert_eq!(site("http://WWW.NYTimes.COM./2024/"), "nytimes.com");
    }

    #[test]
    fn ip_hosts_are_their_own_site() {
        let v4 = resolve("http://127.0.0.1:8080/x").expect("ip host");
        assert!(v4.is_ip);
        assert_eq!(v4.site, "127.0.0.1");
        let v6 = resolve("http://[::1]/").expect("ipv6 host");
        assert_eq!(v6.site, "::1");
    }

    #[test]
    fn idn_hosts_are_punycode_with_a_unicode_form() {
        let info = resolve("https://www.spiegеl.de/").expect("idn"); // Cyrillic "е"
        assert!(info.host.starts_with("www.xn--"));
        assert_eq!(info.unicode.as_deref(), Some("www.spiegеl.de"));
        assert_eq!(site("https://пример.рф/"), "xn--e1afmkfd.xn--p1ai");
    }

    #[test]
    fn archives_and_amp_caches_name_the_original() {
        let wb = resolve(
            "https://web.archive.org/web/20240617000000/https://sputnikglobe.com/20240617/x.html",
        )
        .expect("wayback");
        assert_eq!(wb.host, "sputnikglobe.com");
        assert_eq!(
            wb.archive.as_ref().map(|a| a.original_url.as_str()),
            Some("https://sputnikglobe.com/20240617/x.html")
        );
        let at = resolve("https://archive.ph/2024.06.17-000000/https://www.rt.com/news/1/")
            .expect("archive.today");
        assert_eq!(at.site, "rt.com");
        let amp = resolve(
            "https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/world/x",
        )
        .expect("amp");
        assert_eq!(amp.site, "theguardian.com");
        let tr = resolve("https://www-nytimes-com.translate.goog/2024/x.html?_x_tr_sl=en")
            .expect("translate proxy");
        assert_eq!(tr.host, "www.nytimes.com");
        let tr = resolve("https://t--online-de.translate.goog/").expect("translate proxy");
        assert_eq!(tr.site, "t-online.de");
        assert_eq!(
            resolve("https://archive.ph/AbCd1")
                .map(|i| i.site)
                .as_deref(),
            Some("archive.ph")
        );
    }

    #[test]
    fn no_host_no_answer() {
        for bad in [
            "",
            "about:blank",
            "file:///etc/passwd",
            "::::",
            "http://",
            "\u{0}\u{1}",
        ] {
            assert!(resolve(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn variant_labels_are_stripped_down_to_the_site() {
        assert_eq!(
            strip_variants("www.m.example.com", "example.com"),
            "example.com"
        );
        assert_eq!(strip_variants("www.com.au", "www.com.au"), "www.com.au");
        assert_eq!(
            strip_variants("news.bbc.co.uk", "bbc.co.uk"),
            "news.bbc.co.uk"
        );
    }
}
