#include "core/http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace samkjop::core::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty() || s.size() > 5) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::optional<IpAddress> IpAddress::Parse(std::string_view text) {
  // inet_pton wants a NUL-terminated string; addresses are short.
  if (text.empty() || text.size() > INET6_ADDRSTRLEN) return std::nullopt;
  char buf[INET6_ADDRSTRLEN + 1];
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  IpAddress a;
  if (inet_pton(AF_INET, buf, a.bytes.data()) == 1) {
    a.v4 = true;
    return a;
  }
  if (inet_pton(AF_INET6, buf, a.bytes.data()) != 1) return std::nullopt;
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(a.bytes.data(), kMapped, sizeof kMapped) == 0) {
    IpAddress v4;
    std::memcpy(v4.bytes.data(), a.bytes.data() + 12, 4);
    v4.v4 = true;
    return v4;
  }
  a.v4 = false;
  return a;
}

std::string IpAddress::ToString() const {
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(v4 ? AF_INET : AF_INET6, bytes.data(), buf, sizeof buf)) return "";
  return buf;
}

std::optional<IpNetwork> IpNetwork::Parse(std::string_view text) {
  text = Trim(text);
  std::string_view addr = text;
  std::optional<int> prefix;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    addr = text.substr(0, slash);
    std::string_view p = text.substr(slash + 1);
    if (p.empty() || p.size() > 3 || !AllDigits(p)) return std::nullopt;
    prefix = std::stoi(std::string(p));
  }
  auto base = IpAddress::Parse(addr);
  if (!base) return std::nullopt;
  // "::ffff:10.0.0.0/104" is the IPv4 network 10.0.0.0/8.
  bool mapped = base->v4 && addr.find(':') != std::string_view::npos;
  if (prefix && mapped) {
    if (*prefix < 96) return std::nullopt;
    *prefix -= 96;
  }
  IpNetwork n{*base, prefix.value_or(base->bits())};
  if (n.prefix < 0 || n.prefix > base->bits()) return std::nullopt;
  // No host bits beyond the prefix.
  for (int bit = n.prefix; bit < base->bits(); ++bit)
    if (base->bytes[bit / 8] & (0x80 >> (bit % 8))) return std::nullopt;
  return n;
}

bool IpNetwork::Contains(const IpAddress& a) const {
  if (a.v4 != base.v4) return false;
  int full = prefix / 8, rest = prefix % 8;
  if (std::memcmp(a.bytes.data(), base.bytes.data(), full) != 0) return false;
  if (rest == 0) return true;
  std::uint8_t mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (a.bytes[full] & mask) == (base.bytes[full] & mask);
}

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& entries) {
  TrustedProxies out;
  for (const auto& e : entries) {
    auto n = IpNetwork::Parse(e);
    if (!n)
      return Status::InvalidField(
          "app.bad_trusted_proxy", "trusted-proxy",
          "--trusted-proxy «" + e +
              "» er ikke en IP-adresse eller et nettverk ADRESSE/PREFIKS (f.eks. 10.0.0.0/8, "
              "2001:db8::/32), eller har vertsbiter satt etter prefikset.");
    out.networks_.push_back(*n);
  }
  return out;
}

bool TrustedProxies::Contains(const IpAddress& a) const {
  for (const auto& n : networks_)
    if (n.Contains(a)) return true;
  return false;
}

std::string TrustedProxies::ToString() const {
  std::string out;
  for (const auto& n : networks_) {
    if (!out.empty()) out += ", ";
    out += n.base.ToString() + "/" + std::to_string(n.prefix);
  }
  return out;
}

std::optional<IpAddress> ParseForwardedEntry(std::string_view entry) {
  entry = Trim(entry);
  if (!entry.empty() && entry.front() == '[') {
    auto close = entry.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view after = entry.substr(close + 1);
    if (!after.empty() && !(after.front() == ':' && AllDigits(after.substr(1))))
      return std::nullopt;
    auto a = IpAddress::Parse(entry.substr(1, close - 1));
    if (!a || a->v4) return std::nullopt;  // brackets hold IPv6 only
    return a;
  }
  // "192.0.2.1:4711": one colon is a port; two or more is IPv6.
  auto colon = entry.find(':');
  if (colon != std::string_view::npos && entry.find(':', colon + 1) == std::string_view::npos) {
    if (!AllDigits(entry.substr(colon + 1))) return std::nullopt;
    auto a = IpAddress::Parse(entry.substr(0, colon));
    if (!a || !a->v4) return std::nullopt;
    return a;
  }
  return IpAddress::Parse(entry);
}

std::string ClientAddress(std::string_view peer, const std::vector<std::string_view>& forwarded_for,
                          const TrustedProxies& trusted) {
  auto peer_ip = IpAddress::Parse(peer);
  if (!peer_ip) return std::string(peer);
  if (trusted.empty() || !trusted.Contains(*peer_ip)) return peer_ip->ToString();
  // The elements, left to right, over every header in order.
  std::vector<std::string_view> elements;
  for (std::string_view value : forwarded_for) {
    while (true) {
      auto comma = value.find(',');
      elements.push_back(value.substr(0, comma));
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  IpAddress nearest = *peer_ip;  // the nearest trusted hop so far
  for (auto it = elements.rbegin(); it != elements.rend(); ++it) {
    if (Trim(*it).empty()) continue;  // "a, , b": an empty element says nothing
    auto a = ParseForwardedEntry(*it);
    if (!a) break;
    if (!trusted.Contains(*a)) return a->ToString();
    nearest = *a;
  }
  return nearest.ToString();
}

std::string ClientAddressOf(const Request& req, const TrustedProxies& trusted) {
  std::vector<std::string_view> values;
  for (const auto& [name, value] : req.headers)
    if (name == "x-forwarded-for") values.push_back(value);
  return ClientAddress(req.remote_ip, values, trusted);
}

std::string AddressGroup(std::string_view ip) {
  auto a = IpAddress::Parse(ip);
  if (!a) return std::string(ip);
  if (a->v4) return a->ToString();
  std::fill(a->bytes.begin() + 8, a->bytes.end(), 0);
  return a->ToString() + "/64";
}

}  // namespace samkjop::core::http
