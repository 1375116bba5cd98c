// Who the client is when a reverse proxy stands in front of the server. The
// binary speaks plain HTTP, so an https deployment has a proxy (nginx,
// haproxy) in front, and every user then shares the proxy's address as the
// TCP peer. Only when the peer is a trusted proxy (serve --trusted-proxy) is
// X-Forwarded-For read, and then the right-most address in it that is not
// itself a trusted proxy is the client; a header from any other peer is
// ignored, so a client cannot choose its own address. README "Behind a
// reverse proxy" and docs/security.md describe the set-up.
#ifndef SAMKJOP_CORE_HTTP_CLIENT_ADDRESS_H_
#define SAMKJOP_CORE_HTTP_CLIENT_ADDRESS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error/status.h"
#include "core/http/http.h"

namespace samkjop::core::http {

// An IPv4 or IPv6 address. An IPv4-mapped IPv6 address (::ffff:192.0.2.1)
// is the IPv4 address, so a dual-stack listener and a proxy list agree.
struct IpAddress {
  bool v4 = true;
  std::array<std::uint8_t, 16> bytes{};  // IPv4: the first 4

  // "192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1"; nullopt otherwise
  // (no ports, brackets or zone ids: see ParseForwardedEntry for those).
  static std::optional<IpAddress> Parse(std::string_view text);
  // Canonical text: dotted quad, or RFC 5952 lower-case IPv6.
  std::string ToString() const;
  int bits() const { return v4 ? 32 : 128; }
};

// An address and a prefix length: "10.0.0.0/8", "2001:db8::/32"; a bare
// address is a single host (/32, /128).
struct IpNetwork {
  IpAddress base;
  int prefix = 32;

  // nullopt for a malformed address, a prefix out of range, or host bits set
  // beyond the prefix ("10.0.0.1/8" is refused rather than guessed at).
  static std::optional<IpNetwork> Parse(std::string_view text);
  bool Contains(const IpAddress& a) const;
};

// The proxies whose X-Forwarded-For is believed. Constant after start-up.
class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Errors: 400 app.bad_trusted_proxy naming the first bad entry.
  static Result<TrustedProxies> Parse(const std::vector<std::string>& entries);

  bool empty() const { return networks_.empty(); }
  bool Contains(const IpAddress& a) const;
  // "10.0.0.0/8, ::1" for the start-up log.
  std::string ToString() const;

 private:
  std::vector<IpNetwork> networks_;
};

// One X-Forwarded-For element: an address, optionally "[v6]", "[v6]:port"
// or "v4:port", with surrounding spaces. nullopt for anything else
// ("unknown", obfuscated identifiers, garbage).
std::optional<IpAddress> ParseForwardedEntry(std::string_view entry);

// The client's address for a request from `peer` (the TCP peer's address)
// that carried these X-Forwarded-For header values, in order (several
// headers are one comma-separated list). When the peer is not a trusted
// proxy, the peer. Otherwise the list is walked from the right: each trusted
// proxy is skipped, and the first address that is not one is the client. A
// malformed element stops the walk at the nearest trusted hop (only a
// misconfigured proxy writes one where we look); a list of trusted proxies
// only gives its left-most. Returned in canonical text; a peer that is not
// an IP address is returned unchanged.
std::string ClientAddress(std::string_view peer, const std::vector<std::string_view>& forwarded_for,
                          const TrustedProxies& trusted);
// The same for a request: its remote_ip and its X-Forwarded-For headers.
std::string ClientAddressOf(const Request& req, const TrustedProxies& trusted);

// The name a client address is counted under when throttling: the IPv4
// address, or the /64 network of an IPv6 address ("2001:db8:1:2::/64"),
// since one IPv6 client usually holds a whole /64. Anything else unchanged.
std::string AddressGroup(std::string_view ip);

}  // namespace samkjop::core::http

#endif  // SAMKJOP_CORE_HTTP_CLIENT_ADDRESS_H_
